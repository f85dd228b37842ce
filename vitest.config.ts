import { defineConfig } from 'vitest/config'

// One project per area; each lives beside its tests (tests/<area>/vitest.config.ts).
export default defineConfig({
  test: {
    projects: ['tests/*/vitest.config.ts'],
  },
})
