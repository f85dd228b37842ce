// Finding 4 of issue 10: per-client, per-token and (stricter) failed-authentication limits answer 429 with
// Retry-After and the documented error shape. These run the app against miniflare's simulation of the
// Workers Rate Limiting binding with a small test limit (tests/worker/vitest.config.ts: TEST_LIMIT_3, three
// requests a minute); the production limits in wrangler.jsonc are checked by tests/e2e/deploy-config.test.ts
// and exercised under `wrangler dev` by tests/e2e/limits-and-headers.test.ts.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../worker/index'
import { DEMO_NOW, TOKENS, addToken, seedDemo } from './helpers'

const app = createApp({ now: () => DEMO_NOW })
const tight = env.TEST_LIMIT_3

beforeAll(seedDemo)

type Answer = { status: number; retryAfter: string | null; body: { error: string; issues: unknown[] } }

async function get(path: string, ip: string, bindings: Partial<typeof env>, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'CF-Connecting-IP': ip }
  if (token !== undefined) headers.Authorization = 'Bearer ' + token
  const res = await app.request(path, { headers }, { ...env, ...bindings })
  return { status: res.status, retryAfter: res.headers.get('Retry-After'), body: (await res.json()) as Answer['body'] }
}

/**
 * Runs `n` requests inside one window of the simulated limiter (fixed one-minute windows): if a minute
 * boundary falls between them, the counts restart, so the run is repeated once with fresh keys.
 */
async function inOneWindow<T>(run: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const minute = Math.floor(Date.now() / 60_000)
    const result = await run(attempt)
    if (Math.floor(Date.now() / 60_000) === minute || attempt > 0) return result
  }
}

describe('per-token limit', () => {
  it('answers 429 with Retry-After once a token has used its budget; other tokens go on', async () => {
    const statuses = await inOneWindow(async (attempt) => {
      const mine = await addToken('tok_rl_mine_' + attempt, 'commune', 'binh-son')
      const other = await addToken('tok_rl_other_' + attempt, 'commune', 'binh-son')
      const out: Answer[] = []
      for (let i = 0; i < 4; i++) out.push(await get('/api/v1/me', '198.51.100.' + (i + 1), { RATE_LIMIT_TOKEN: tight }, mine))
      out.push(await get('/api/v1/me', '198.51.100.9', { RATE_LIMIT_TOKEN: tight }, other))
      return out
    })
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200, 429, 200])
    const refused = statuses[3] as Answer
    expect(refused.retryAfter).toBe('60')
    expect(refused.body).toMatchObject({ error: 'rate_limited', issues: [] })
  })
})

describe('per-client limit', () => {
  it('counts every request of an address, with or without a token', async () => {
    const statuses = await inOneWindow(async (attempt) => {
      const ip = '203.0.113.' + (10 + attempt)
      const out: number[] = []
      out.push((await get('/api/v1/me', ip, { RATE_LIMIT_IP: tight }, TOKENS.binhSon)).status)
      out.push((await get('/api/v1/me', ip, { RATE_LIMIT_IP: tight })).status)
      out.push((await get('/api/v1/health', ip, { RATE_LIMIT_IP: tight })).status)
      out.push((await get('/api/v1/me', ip, { RATE_LIMIT_IP: tight }, TOKENS.binhSon)).status)
      out.push((await get('/api/v1/me', '203.0.113.99', { RATE_LIMIT_IP: tight }, TOKENS.binhSon)).status)
      return out
    })
    expect(statuses).toEqual([200, 401, 200, 429, 200])
  })

  it('counts an IPv6 address by its /64, however it is written', async () => {
    const statuses = await inOneWindow(async (attempt) => {
      const n = String(100 + attempt)
      const same = ['2001:db8:' + n + ':1::1', '2001:db8:' + n + ':1:a:b:c:d', '2001:DB8:' + n + ':1:0:0:0:9', '2001:0db8:0' + n + ':0001::7']
      const out: number[] = []
      for (const ip of same) out.push((await get('/api/v1/me', ip, { RATE_LIMIT_IP: tight }, TOKENS.binhSon)).status)
      out.push((await get('/api/v1/me', '2001:db8:' + n + ':2::1', { RATE_LIMIT_IP: tight }, TOKENS.binhSon)).status)
      return out
    })
    expect(statuses).toEqual([200, 200, 200, 429, 200])
  })
})

describe('failed authentication', () => {
  it('is limited per address more strictly: wrong tokens get 429 after the budget, with the error shape', async () => {
    const answers = await inOneWindow(async (attempt) => {
      const ip = '192.0.2.' + (20 + attempt)
      const out: Answer[] = []
      for (let i = 0; i < 5; i++) out.push(await get('/api/v1/me', ip, { RATE_LIMIT_AUTH: tight }, 'ntm_guess_' + i + '_' + attempt))
      return out
    })
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429, 429])
    expect(answers[4]).toMatchObject({ retryAfter: '60', body: { error: 'rate_limited', issues: [] } })
  })

  it('does not count a request that carries no token, nor successful ones', async () => {
    const statuses = await inOneWindow(async (attempt) => {
      const ip = '192.0.2.' + (40 + attempt)
      const out: number[] = []
      for (let i = 0; i < 4; i++) out.push((await get('/api/v1/me', ip, { RATE_LIMIT_AUTH: tight })).status)
      for (let i = 0; i < 4; i++) out.push((await get('/api/v1/me', ip, { RATE_LIMIT_AUTH: tight }, TOKENS.thoSon)).status)
      out.push((await get('/api/v1/me', ip, { RATE_LIMIT_AUTH: tight }, 'ntm_wrong_one')).status)
      return out
    })
    expect(statuses).toEqual([401, 401, 401, 401, 200, 200, 200, 200, 401])
  })
})
