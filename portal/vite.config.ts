// The web portal's build: plain HTML, CSS and one small ES2019 module for current browsers (the pane's IE11
// constraint does not apply here). It lands beside the pane in addin/dist, which the Worker serves: index.html
// at the root (the Worker answers / and /xem with it) and hashed files under /portal/. No inline script or
// style, so a strict Content-Security-Policy (self only) holds.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../addin/dist', import.meta.url)),
    // The pane's build empties addin/dist first; this one adds to it.
    emptyOutDir: false,
    assetsDir: 'portal',
    target: 'es2019',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rollupOptions: { input: { portal: fileURLToPath(new URL('index.html', import.meta.url)) } },
  },
})
