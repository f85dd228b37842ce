import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_TOKENS } from '../../worker/seed/demo-data'
import worker, { createApp } from '../../worker/index'
import { TOKENS, client, seedDemo } from './helpers'

beforeAll(seedDemo)

describe('the default export', () => {
  it('uses FIXED_NOW as the API clock when the var is set', async () => {
    const res = await worker.request('/api/v1/units/hop-ly/flags', { headers: { Authorization: 'Bearer ' + TOKENS.district } }, { ...env, FIXED_NOW: '2026-11-15T08:00:00+07:00' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { date: string; reports: unknown[] }
    expect(body.date).toBe('2026-11-15')
    expect(body.reports).toContainEqual({ period: '2026-11-14', status: 'missing', days: 1 })
  })

  it('uses the real clock otherwise', async () => {
    const res = await worker.request('/api/v1/units/hop-ly/flags', { headers: { Authorization: 'Bearer ' + TOKENS.district } }, env)
    const body = (await res.json()) as { date: string }
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
    expect(body.date).toBe(today)
  })
})

describe('static files', () => {
  it('hands every non-API path to the assets binding, without authentication', async () => {
    const seen: string[] = []
    const assets = { fetch: async (req: Request) => (seen.push(new URL(req.url).pathname), new Response('<p>pane</p>', { headers: { 'Content-Type': 'text/html' } })) }
    const app = createApp()
    const res = await app.request('/taskpane.html', {}, { ...env, ASSETS: assets as unknown as Fetcher })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('<p>pane</p>')
    expect(seen).toEqual(['/taskpane.html'])
    const api = await app.request('/api/v1/me', {}, { ...env, ASSETS: assets as unknown as Fetcher })
    expect(api.status).toBe(401)
    expect(seen).toHaveLength(1)
  })
})

describe('the portal', () => {
  it('serves its one page at / and at the share page /xem, without authentication', async () => {
    const seen: string[] = []
    const assets = { fetch: async (req: Request) => (seen.push(new URL(req.url).pathname), new Response('<p>portal</p>', { headers: { 'Content-Type': 'text/html' } })) }
    const app = createApp()
    for (const path of ['/', '/xem']) {
      const res = await app.request(path, {}, { ...env, ASSETS: assets as unknown as Fetcher })
      expect(res.status).toBe(200)
      expect(await res.text()).toBe('<p>portal</p>')
    }
    expect(seen).toEqual(['/index.html', '/index.html'])
  })
})

describe('token revocation', () => {
  it('refuses a revoked token with 401', async () => {
    const call = client()
    const token = DEMO_TOKENS.find((t) => t.id === 'tok_demo_leader')?.token as string
    expect((await call('GET', '/api/v1/me', { token })).status).toBe(200)
    await env.DB.prepare("UPDATE tokens SET revoked_at = '2026-11-26T00:00:00.000Z' WHERE id = 'tok_demo_leader'").run()
    const res = await call('GET', '/api/v1/me', { token })
    expect(res.status).toBe(401)
    expect(res.body.error).toBe('unauthorized')
  })
})
