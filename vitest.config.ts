import { defineConfig } from 'vitest/config'

// One project per area; each lives beside its tests (tests/<area>/vitest.config.ts).
export default defineConfig({
  test: {
    projects: ['tests/*/vitest.config.ts'],
    // The Worker's structured log lines (worker/write-log.ts, the cron's summary) are asserted where they matter
    // (tests/worker/write-log.test.ts); elsewhere they would bury the test output.
    onConsoleLog: (log) => !/^\{"level":"(info|warn)","event":"(write|cron)"/.test(log),
  },
})
