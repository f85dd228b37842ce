import { defineProject } from 'vitest/config'

// Headless Chromium (Debian's `chromium`) against `wrangler dev`: see harness.ts.

export default defineProject({
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    exclude: ['artifacts/**', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
