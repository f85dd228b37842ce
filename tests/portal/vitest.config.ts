import { defineProject } from 'vitest/config'

// The built portal (addin/dist/index.html and addin/dist/portal/): size, CSP-compatibility, and its pure helpers.
export default defineProject({
  test: {
    name: 'portal',
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
})
