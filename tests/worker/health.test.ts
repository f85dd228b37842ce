import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import pkg from '../../package.json'
import { createApp } from '../../worker/index'

describe('GET /api/v1/health', () => {
  it('answers without a token: version, database reachable, the last migration applied', async () => {
    const res = await createApp().request('/api/v1/health', {}, env)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const last = env.TEST_MIGRATIONS[env.TEST_MIGRATIONS.length - 1]
    expect(await res.json()).toEqual({
      status: 'ok', version: pkg.version, database: { reachable: true, migration: last?.name, migrations: env.TEST_MIGRATIONS.length },
    })
  })

  it('says unavailable with 503 when the database does not answer, and nothing else', async () => {
    const broken = { prepare: () => { throw new Error('D1_ERROR: network connection lost') } } as unknown as D1Database
    const res = await createApp().request('/api/v1/health', {}, { ...env, DB: broken })
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ status: 'unavailable', version: pkg.version, database: { reachable: false, migration: null, migrations: 0 } })
  })

  it('does not open the rest of the API', async () => {
    expect((await createApp().request('/api/v1/health/../me', {}, env)).status).toBe(401)
    expect((await createApp().request('/api/v1/healthz', {}, env)).status).toBe(401)
  })
})
