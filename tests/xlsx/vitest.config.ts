import { defineProject } from 'vitest/config'

// .xlsx files checked against an independent reader and writer: LibreOffice (Debian's libreoffice-calc).
export default defineProject({
  test: {
    name: 'xlsx',
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
})
