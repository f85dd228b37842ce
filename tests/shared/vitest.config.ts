import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'shared',
    include: ['tests/shared/**/*.test.ts'],
    environment: 'node',
  },
})
