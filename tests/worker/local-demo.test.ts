// Finding 8 of issue 10: FIXED_NOW and the public demo tokens work only where LOCAL_DEMO=1 (npm start, the
// e2e harness, these tests); the Worker as deployed, without it, uses the real clock and refuses demo tokens.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../worker/index'
import { TOKENS, addToken, seedDemo } from './helpers'

let realToken = ''
beforeAll(async () => {
  await seedDemo()
  realToken = await addToken('tok_real_district', 'district', 'trieu-son')
})

const deployed = (): typeof env => {
  const copy = { ...env }
  delete copy.LOCAL_DEMO
  return copy
}
const get = (path: string, token: string, bindings: typeof env) =>
  worker.request(path, { headers: { Authorization: 'Bearer ' + token } }, bindings)

describe('a deployed Worker (no LOCAL_DEMO)', () => {
  it('refuses every demo token with 401, as if it did not exist', async () => {
    for (const token of Object.values(TOKENS)) {
      const res = await get('/api/v1/me', token, deployed())
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ error: 'unauthorized', issues: [] })
    }
    expect((await get('/api/v1/me', realToken, deployed())).status).toBe(200)
  })

  it('ignores FIXED_NOW and uses the real clock', async () => {
    const res = await get('/api/v1/units/hop-ly/flags', realToken, { ...deployed(), FIXED_NOW: '2026-11-15T08:00:00+07:00' })
    const body = (await res.json()) as { date: string }
    expect(body.date).toBe(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10))
  })
})

describe('the local demo (LOCAL_DEMO=1)', () => {
  it('accepts the demo tokens and honours FIXED_NOW', async () => {
    const local = { ...env, LOCAL_DEMO: '1', FIXED_NOW: '2026-11-15T08:00:00+07:00' }
    const res = await get('/api/v1/units/hop-ly/flags', TOKENS.district, local)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { date: string }).date).toBe('2026-11-15')
    expect((await get('/api/v1/me', TOKENS.binhSon, { ...env, LOCAL_DEMO: '1' })).status).toBe(200)
  })
})
