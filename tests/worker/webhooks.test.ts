// Webhooks in workerd with real D1: configured by the district office with the secret sealed at rest; the cron's
// outbox delivers signed messages, retries with backoff, and never delivers twice once acknowledged.
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { WebhookPayload } from '../../shared/api'
import { createApp } from '../../worker/index'
import { DAILY_CRON, DELIVERY_CRON, createScheduled } from '../../worker/scheduled'
import { MAX_ATTEMPTS } from '../../worker/services/webhook-delivery'
import { openSecret } from '../../worker/webhook-crypto'
import { TOKENS, addOtherDistrict, client, seedDemo } from './helpers'

const call = client()
const SECRET = 'whsec_test_0123456789abcdefghij'
const MASTER = env.WEBHOOK_SECRET_KEY as string

type Received = { url: string; delivery: string; signature: string; body: string }

/** A receiver: answers each attempt with the next of `answers` (per delivery), then 200; 'drop' is a network failure. */
function receiver(answers: Array<number | 'drop'> = []) {
  const received: Received[] = []
  const tries: { [delivery: string]: number } = {}
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers)
    const delivery = headers.get('X-NTM-Delivery') as string
    received.push({ url, delivery, signature: headers.get('X-NTM-Signature-256') as string, body: init.body as string })
    const n = (tries[delivery] = (tries[delivery] ?? 0) + 1)
    const answer = answers[n - 1] ?? 200
    if (answer === 'drop') throw new TypeError('Network connection lost.')
    return new Response('ok', { status: answer })
  }
  return { fetch, received }
}

/** What a receiver does: HMAC-SHA256 of the raw body under the shared secret, compared in constant time. */
async function verify(secret: string, body: string, header: string): Promise<boolean> {
  const m = /^sha256=([0-9a-f]{64})$/.exec(header)
  if (!m) return false
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
  const sig = new Uint8Array((m[1] as string).match(/../g)!.map((h) => parseInt(h, 16)))
  return crypto.subtle.verify('HMAC', key, sig, new TextEncoder().encode(body))
}

async function cron(cronText: string, vnTime: string, fetch: (url: string, init: RequestInit) => Promise<Response>): Promise<void> {
  await createScheduled({ now: () => new Date(vnTime), fetch })({ cron: cronText, scheduledTime: Date.parse(vnTime) }, env)
}

async function deliveries(): Promise<Array<{ id: string; attempts: number; delivered_at: string | null; failed_at: string | null; next_attempt_at: string }>> {
  const { results } = await env.DB.prepare('SELECT id, attempts, delivered_at, failed_at, next_attempt_at FROM webhook_deliveries ORDER BY id').all<{
    id: string; attempts: number; delivered_at: string | null; failed_at: string | null; next_attempt_at: string
  }>()
  return results
}

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
})
afterEach(() => vi.restoreAllMocks())

describe('configuring a webhook', () => {
  it('the office sets it for its unit: the secret is sealed at rest and never shown again', async () => {
    const put = await call('PUT', '/api/v1/units/trieu-son/webhook', { token: TOKENS.district, body: { url: 'https://relay.example.vn/ntm', secret: SECRET } })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ unit: 'trieu-son', url: 'https://relay.example.vn/ntm', secretFingerprint: expect.stringMatching(/^[0-9a-f]{12}$/) })
    expect(put.body).not.toHaveProperty('secret')
    const get = await call('GET', '/api/v1/units/trieu-son/webhook', { token: TOKENS.district })
    expect(get.body).toMatchObject({ url: 'https://relay.example.vn/ntm', deliveries: { pending: 0, delivered: 0, failed: 0 } })
    expect(get.text).not.toContain(SECRET)

    const row = await env.DB.prepare("SELECT secret_sealed FROM webhooks WHERE unit_id = 'trieu-son'").first<{ secret_sealed: string }>()
    const sealed = row?.secret_sealed as string
    expect(sealed).toMatch(/^v1\./)
    expect(sealed).not.toContain(SECRET)
    expect(await openSecret(MASTER, 'trieu-son', sealed)).toBe(SECRET)
    // Bound to its unit and to the server's key: copied elsewhere, or under another key, it does not open.
    expect(await openSecret(MASTER, 'binh-son', sealed)).toBeNull()
    expect(await openSecret(MASTER + 'x', 'trieu-son', sealed)).toBeNull()
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'webhook.set' AND unit_id = 'trieu-son'").first<{ detail: string }>()
    expect(audit?.detail).toContain('relay.example.vn')
    expect(audit?.detail).not.toContain(SECRET)
  })

  it('without a secret the server makes one and shows it once', async () => {
    const put = await call('PUT', '/api/v1/units/hop-ly/webhook', { token: TOKENS.district, body: { url: 'https://relay.example.vn/hop-ly' } })
    expect(put.status).toBe(200)
    expect(put.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    expect((await call('GET', '/api/v1/units/hop-ly/webhook', { token: TOKENS.district })).text).not.toContain(put.body.secret)
    expect((await call('DELETE', '/api/v1/units/hop-ly/webhook', { token: TOKENS.district })).status).toBe(204)
    expect((await call('GET', '/api/v1/units/hop-ly/webhook', { token: TOKENS.district })).status).toBe(404)
  })

  it('only the office over the unit (or admin) may; communes and leaders may not', async () => {
    const body = { url: 'https://relay.example.vn/x', secret: SECRET }
    expect((await call('PUT', '/api/v1/units/binh-son/webhook', { token: TOKENS.binhSon, body })).status).toBe(403)
    expect((await call('PUT', '/api/v1/units/trieu-son/webhook', { token: TOKENS.leader, body })).status).toBe(403)
    expect((await call('GET', '/api/v1/units/trieu-son/webhook', { token: TOKENS.leader })).status).toBe(403)
    expect((await call('PUT', '/api/v1/units/xuan-du/webhook', { token: TOKENS.district, body })).status).toBe(404)
    expect((await call('PUT', '/api/v1/units/nowhere/webhook', { token: TOKENS.admin, body })).status).toBe(404)
  })

  it('refuses what it cannot use, saying where, in both languages', async () => {
    const cases: Array<[unknown, string]> = [
      [{ url: 'http://relay.example.vn/x', secret: SECRET }, 'url'],
      [{ url: 'not a url', secret: SECRET }, 'url'],
      [{ url: 'https://user:pass@relay.example.vn/x', secret: SECRET }, 'url'],
      [{ url: 'https://relay.example.vn/x', secret: 'short' }, 'secret'],
      [{ url: 'https://relay.example.vn/x', secret: SECRET, extra: true }, 'extra'],
      [{ secret: SECRET }, 'url'],
    ]
    for (const [body, path] of cases) {
      const res = await call('PUT', '/api/v1/units/tho-son/webhook', { token: TOKENS.district, body })
      expect(res.status).toBe(400)
      expect(res.body.issues[0]).toMatchObject({ path, message: expect.any(String), message_en: expect.any(String) })
    }
    expect((await call('GET', '/api/v1/units/tho-son/webhook', { token: TOKENS.district })).status).toBe(404)
  })

  it('a server without WEBHOOK_SECRET_KEY refuses to store a secret it could not protect (503 not_configured)', async () => {
    const app = createApp()
    const res = await app.request('/api/v1/units/tho-son/webhook', {
      method: 'PUT', headers: { Authorization: 'Bearer ' + TOKENS.district, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://relay.example.vn/x', secret: SECRET }),
    }, { ...env, WEBHOOK_SECRET_KEY: undefined })
    expect(res.status).toBe(503)
    const body = (await res.json()) as { error: string; message_en: string }
    expect(body.error).toBe('not_configured')
    expect(body.message_en).toContain('wrangler secret put WEBHOOK_SECRET_KEY')
    expect((await call('GET', '/api/v1/units/tho-son/webhook', { token: TOKENS.district })).status).toBe(404)
  })

  it('a test message is signed and reports how the relay answered', async () => {
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('ok', { status: 200 }))
    const res = await call('POST', '/api/v1/units/trieu-son/webhook/test', { token: TOKENS.district })
    expect(res.body).toEqual({ delivered: true, status: 200, error: null })
    const [url, init] = spy.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('https://relay.example.vn/ntm')
    const body = init.body as string
    expect(JSON.parse(body)).toMatchObject({ kind: 'test', unit: { id: 'trieu-son', name: 'Huyện Triệu Sơn' } })
    expect(await verify(SECRET, body, new Headers(init.headers).get('X-NTM-Signature-256') as string)).toBe(true)
    spy.mockImplementation(async () => new Response('no', { status: 401 }))
    expect((await call('POST', '/api/v1/units/trieu-son/webhook/test', { token: TOKENS.district })).body).toEqual({ delivered: false, status: 401, error: 'HTTP 401' })
  })
})

describe('delivering reminders through the outbox', () => {
  const recv = receiver([500, 'drop'])

  it('queues one delivery per new reminder, to the nearest webhook up the unit chain; the first attempt fails', async () => {
    await cron(DAILY_CRON, '2026-11-26T07:00:00+07:00', recv.fetch)
    const rows = await deliveries()
    // The eight reminders under Triệu Sơn go to its webhook, the nearest for all of them; Xuân Du's (another
    // district, no webhook up its chain) is stored for its pane and portal only.
    const made = await env.DB.prepare("SELECT unit_id FROM notifications WHERE day = '2026-11-26' ORDER BY unit_id").all<{ unit_id: string }>()
    expect(made.results).toHaveLength(9)
    expect(made.results.filter((r) => r.unit_id === 'xuan-du')).toHaveLength(1)
    expect(rows).toHaveLength(8)
    expect(rows.every((r) => r.attempts === 1 && r.delivered_at === null && r.next_attempt_at === '2026-11-26T00:01:00.000Z')).toBe(true)
    expect(recv.received).toHaveLength(8)
    expect(recv.received.every((r) => r.url === 'https://relay.example.vn/ntm')).toBe(true)
  })

  it('nothing is sent before the backoff has passed', async () => {
    await cron(DELIVERY_CRON, '2026-11-26T07:00:30+07:00', recv.fetch)
    expect(recv.received).toHaveLength(8)
  })

  it('retried: the second attempt fails too, the third is acknowledged', async () => {
    await cron(DELIVERY_CRON, '2026-11-26T07:01:00+07:00', recv.fetch)
    expect(recv.received).toHaveLength(16)
    expect((await deliveries()).every((r) => r.attempts === 2 && r.next_attempt_at === '2026-11-26T00:06:00.000Z')).toBe(true)
    await cron(DELIVERY_CRON, '2026-11-26T07:05:00+07:00', recv.fetch)
    expect(recv.received).toHaveLength(16)
    await cron(DELIVERY_CRON, '2026-11-26T07:10:00+07:00', recv.fetch)
    expect(recv.received).toHaveLength(24)
    expect((await deliveries()).every((r) => r.attempts === 3 && r.delivered_at === '2026-11-26T00:10:00.000Z')).toBe(true)
  })

  it('acknowledged is final: later runs, and the next day, never send them again', async () => {
    await cron(DELIVERY_CRON, '2026-11-26T09:00:00+07:00', recv.fetch)
    await cron(DAILY_CRON, '2026-11-26T07:00:00+07:00', recv.fetch)
    expect(recv.received).toHaveLength(24)
    const firstDay = new Set(recv.received.map((r) => r.delivery))
    expect(firstDay.size).toBe(8)
    await cron(DAILY_CRON, '2026-11-27T07:00:00+07:00', recv.fetch)
    const nextDay = recv.received.slice(24)
    expect(nextDay.length).toBe(5)
    expect(nextDay.some((r) => firstDay.has(r.delivery))).toBe(false)
  })

  it('each delivery: one body, signed, the same bytes and delivery id on every retry, a short message', async () => {
    const byDelivery: { [id: string]: Received[] } = {}
    for (const r of recv.received) (byDelivery[r.delivery] = byDelivery[r.delivery] ?? []).push(r)
    for (const [id, attempts] of Object.entries(byDelivery)) {
      expect(new Set(attempts.map((a) => a.body)).size).toBe(1)
      const first = attempts[0] as Received
      expect(await verify(SECRET, first.body, first.signature)).toBe(true)
      const payload = JSON.parse(first.body) as WebhookPayload
      expect(payload.delivery).toBe(id)
      expect(payload.text.length).toBeLessThanOrEqual(400)
      expect(payload.text_en.length).toBeLessThanOrEqual(400)
    }
    const binhSon = recv.received.map((r) => JSON.parse(r.body) as WebhookPayload).find((p) => p.unit.id === 'binh-son' && p.kind === 'report_due_soon')
    expect(binhSon).toMatchObject({
      subject: '2026-11-28', due: '2026-11-28', unit: { name: 'Xã Bình Sơn' },
      text: 'Xã Bình Sơn: Kỳ báo cáo 28/11 còn 2 ngày (hạn 28/11/2026), chưa gửi báo cáo.',
    })
  })

  it('a bad signature is detectable: another secret, or a body changed on the way, does not verify', async () => {
    const r = recv.received[0] as Received
    expect(await verify(SECRET, r.body, r.signature)).toBe(true)
    expect(await verify('whsec_someone_else_0123456789', r.body, r.signature)).toBe(false)
    const tampered = r.body.replace('"due":"2026-', '"due":"2027-')
    expect(tampered).not.toBe(r.body)
    expect(await verify(SECRET, tampered, r.signature)).toBe(false)
    expect(await verify(SECRET, r.body + ' ', r.signature)).toBe(false)
    expect(await verify(SECRET, r.body, 'sha256=' + '0'.repeat(64))).toBe(false)
  })

  it('two runs at the same moment (the daily and the five-minute trigger) send each delivery once', async () => {
    const both = receiver()
    await env.DB.prepare("UPDATE webhook_deliveries SET delivered_at = NULL, attempts = 0, next_attempt_at = '2026-11-27T00:00:00.000Z' WHERE delivered_at IS NOT NULL").run()
    const open = (await deliveries()).filter((d) => d.delivered_at === null).length
    await Promise.all([
      cron(DELIVERY_CRON, '2026-11-28T07:00:00+07:00', both.fetch),
      cron(DELIVERY_CRON, '2026-11-28T07:00:00+07:00', both.fetch),
      cron(DAILY_CRON, '2026-11-28T07:00:00+07:00', both.fetch),
    ])
    const ids = both.received.map((r) => r.delivery)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThanOrEqual(open)
    expect((await deliveries()).every((d) => d.delivered_at !== null)).toBe(true)
  })

  it('a relay that keeps failing: given up after the last attempt, counted and explained', async () => {
    const down = receiver(Array(20).fill(503))
    await cron(DAILY_CRON, '2026-11-29T07:00:00+07:00', down.fetch)
    const open = (await deliveries()).filter((d) => d.delivered_at === null && d.failed_at === null)
    expect(open.length).toBeGreaterThan(0)
    for (let hour = 0; hour < 48; hour++) {
      await cron(DELIVERY_CRON, new Date(Date.parse('2026-11-29T07:05:00+07:00') + hour * 3600_000).toISOString(), down.fetch)
    }
    const rows = (await deliveries()).filter((d) => open.some((o) => o.id === d.id))
    expect(rows.every((d) => d.failed_at !== null && d.delivered_at === null && d.attempts === MAX_ATTEMPTS)).toBe(true)
    expect(down.received.length).toBe(open.length * MAX_ATTEMPTS)
    const status = await call('GET', '/api/v1/units/trieu-son/webhook', { token: TOKENS.district })
    expect(status.body.deliveries).toMatchObject({ failed: open.length, lastError: 'HTTP 503' })
  })

  it('removing the webhook abandons what is still waiting; nothing more is sent', async () => {
    const late = receiver([500])
    await cron(DAILY_CRON, '2026-11-30T07:00:00+07:00', late.fetch)
    const sent = late.received.length
    expect(sent).toBeGreaterThan(0)
    expect((await call('DELETE', '/api/v1/units/trieu-son/webhook', { token: TOKENS.district })).status).toBe(204)
    await cron(DELIVERY_CRON, '2026-11-30T09:00:00+07:00', late.fetch)
    expect(late.received.length).toBe(sent)
    const waiting = await env.DB.prepare('SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivered_at IS NULL AND failed_at IS NULL').first<{ n: number }>()
    expect(waiting?.n).toBe(0)
  })
})
