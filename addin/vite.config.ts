// The task pane's build: one ES5 bundle (SystemJS + core-js + whatwg-fetch polyfills) that runs in every
// Excel host, including volume-licensed Office 2016/2019 (Internet Explorer 11 engine). No modern chunk:
// the same files serve Edge WebView2, Safari (Mac) and the browsers of Excel on the web.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Plugin, defineConfig } from 'vite'
import legacy from '@vitejs/plugin-legacy'
import { headersFile, inlineScriptHashes } from './scripts/pane-headers.mjs'

const root = fileURLToPath(new URL('.', import.meta.url))

/** After the build: dist/_headers, with the hashes of the inline scripts the pages (every .html) really have. */
function paneHeaders(): Plugin {
  return {
    name: 'ntm-pane-headers',
    apply: 'build',
    closeBundle() {
      const dist = join(root, 'dist')
      const pages = readdirSync(dist).filter((f) => f.endsWith('.html'))
      const hashes = pages.flatMap((f) => inlineScriptHashes(readFileSync(join(dist, f), 'utf8')))
      writeFileSync(join(dist, '_headers'), headersFile(hashes.filter((h, i) => hashes.indexOf(h) === i)))
    },
  }
}

export default defineConfig({
  root,
  // Relative URLs: the pane works wherever the Worker (or a test server) serves addin/dist.
  base: './',
  publicDir: 'public',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: false,
    rollupOptions: { input: { taskpane: fileURLToPath(new URL('taskpane.html', import.meta.url)) } },
  },
  plugins: [
    legacy({
      targets: ['ie >= 11'],
      renderModernChunks: false,
      additionalLegacyPolyfills: ['whatwg-fetch'],
    }),
    paneHeaders(),
  ],
})
