import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineProject } from 'vitest/config'

const root = fileURLToPath(new URL('../../', import.meta.url))

// wrangler.jsonc serves the pane from addin/dist; on a fresh clone before `npm run build` it does not exist yet,
// and the assets binding refuses a missing directory.
if (!existsSync(root + 'addin/dist')) mkdirSync(root + 'addin/dist', { recursive: true })

export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: root + 'wrangler.jsonc' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(root + 'worker/migrations'),
          // Tests only: seals webhook secrets (production: `wrangler secret put WEBHOOK_SECRET_KEY`).
          WEBHOOK_SECRET_KEY: 'test-only-webhook-sealing-key-0123456789abcdef',
          // LOCAL_DEMO as `npm start` sets it: the demo tokens are accepted (worker/local-demo.ts).
          LOCAL_DEMO: '1',
        },
        // The same rate-limit bindings as wrangler.jsonc, simulated by miniflare, with budgets no test file can
        // spend (the files share them within a minute); rate-limit.test.ts swaps in TEST_LIMIT_3 to see 429s.
        ratelimits: {
          RATE_LIMIT_IP: { simple: { limit: 1_000_000, period: 60 } },
          RATE_LIMIT_TOKEN: { simple: { limit: 1_000_000, period: 60 } },
          RATE_LIMIT_AUTH: { simple: { limit: 1_000_000, period: 60 } },
          TEST_LIMIT_3: { simple: { limit: 3, period: 60 } },
        },
      },
    })),
  ],
  // The same fflate shim the Worker build uses (wrangler.jsonc "alias").
  resolve: { alias: [{ find: /^fflate$/, replacement: root + 'worker/xlsx/fflate-sync.ts' }] },
  // Office files in tests/fixtures load as `?inline` data URLs, like the PDF and images Vite already knows.
  assetsInclude: ['**/*.docx', '**/*.doc', '**/*.xlsx'],
  test: {
    name: 'worker',
    include: ['**/*.test.ts'],
    setupFiles: ['./setup.ts'],
  },
})
