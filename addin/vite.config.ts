// The task pane's build: one ES5 bundle (SystemJS + core-js + whatwg-fetch polyfills) that runs in every
// Excel host, including volume-licensed Office 2016/2019 (Internet Explorer 11 engine). No modern chunk:
// the same files serve Edge WebView2, Safari (Mac) and the browsers of Excel on the web.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import legacy from '@vitejs/plugin-legacy'

const root = fileURLToPath(new URL('.', import.meta.url))

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
  ],
})
