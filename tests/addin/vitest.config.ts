import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'addin',
    include: ['**/*.test.ts'],
    environment: 'node',
    // The manifest check starts a wasm worker; the bundle tests run es-check over the build.
    testTimeout: 60_000,
  },
})
