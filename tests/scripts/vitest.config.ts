import { defineProject } from 'vitest/config'

// The Node scripts and the examples beside the product: token CSVs and sheets, the test prerequisites, the relay.
export default defineProject({
  test: {
    name: 'scripts',
    include: ['**/*.test.ts'],
    environment: 'node',
  },
})
