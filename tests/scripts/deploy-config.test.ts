// What wrangler.jsonc gives a deployed Worker (issue 10): the three rate-limit bindings with their production
// budgets, the failed-authentication one the strictest, on the window Retry-After names; and none of the
// local-only switches (LOCAL_DEMO, FIXED_NOW), in any environment of the file.
import { join } from 'node:path'
import { unstable_readConfig } from 'wrangler'
import { describe, expect, it } from 'vitest'
import { RATE_LIMIT_PERIOD_SECONDS } from '../../shared/api'

const ROOT = join(__dirname, '..', '..')
type RateLimitBinding = { name: string; namespace_id: string; simple: { limit: number; period: number } }
const config = unstable_readConfig({ config: join(ROOT, 'wrangler.jsonc') })
const ratelimits = config.ratelimits as RateLimitBinding[]

describe('wrangler.jsonc', () => {
  it('binds the per-client, per-token and failed-authentication rate limits', () => {
    const limits = Object.fromEntries(ratelimits.map((r) => [r.name, r.simple]))
    expect(limits).toEqual({
      RATE_LIMIT_IP: { limit: 600, period: 60 },
      RATE_LIMIT_TOKEN: { limit: 120, period: 60 },
      RATE_LIMIT_AUTH: { limit: 10, period: 60 },
    })
    for (const r of ratelimits) expect(r.simple.period).toBe(RATE_LIMIT_PERIOD_SECONDS)
    expect(new Set(ratelimits.map((r) => r.namespace_id)).size).toBe(3)
  })

  it('sets no local-only switch for a deployed Worker', () => {
    const everyEnv = [config.vars, ...Object.values((config as { env?: Record<string, { vars?: Record<string, unknown> }> }).env ?? {}).map((e) => e.vars ?? {})]
    for (const vars of everyEnv) {
      expect(vars).not.toHaveProperty('LOCAL_DEMO')
      expect(vars).not.toHaveProperty('FIXED_NOW')
    }
  })
})
