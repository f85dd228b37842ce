import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../worker/index'
import { readWorkbook } from '../../worker/xlsx/read-workbook'
import { TOKENS, addOtherDistrict, addToken, client, movableClock, seedDemo } from './helpers'

const clock = movableClock()
const call = client(clock.now)
const app = createApp({ now: clock.now })

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
})

/** What the share page does: the secret from after `#`, sent as a bearer token to /api/v1/shared. */
async function open(secret: string, path = '/api/v1/shared/summary'): Promise<Response> {
  return app.request(path, { headers: { Authorization: 'Bearer ' + secret } }, env)
}

async function create(body: unknown, token = TOKENS.district) {
  return call('POST', '/api/v1/shares', { token, body })
}

const secretOf = (url: string): string => url.slice(url.indexOf('#') + 1)

describe('share links', () => {
  it('gives the district a link to one period, its secret once, after # in the URL; stores only its hash', async () => {
    const res = await create({ unit: 'trieu-son', period: '2026-11-14' })
    expect(res.status).toBe(201)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const share = res.body
    expect(share).toMatchObject({ unit: 'trieu-son', period: '2026-11-14', state: 'active', openings: 0, revokedAt: null, createdBy: 'tok_demo_district' })
    expect(share.id).toMatch(/^shr_[0-9a-f]{32}$/)
    expect(share.token).toMatch(/^nts_[A-Za-z0-9_-]{43}$/)
    expect(share.url).toBe('http://localhost/xem#' + share.token)
    // 30 days by default.
    expect(Date.parse(share.expiresAt) - clock.now().getTime()).toBe(30 * 86_400_000)
    const stored = await env.DB.prepare('SELECT * FROM share_links WHERE id = ?1').bind(share.id).first<Record<string, unknown>>()
    expect(JSON.stringify(stored)).not.toContain(share.token)
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/)
    const audit = await env.DB.prepare("SELECT actor, unit_id, target, detail FROM audit_log WHERE action = 'share.create' AND target = ?1").bind(share.id).first<Record<string, string>>()
    expect(audit).toMatchObject({ actor: 'tok_demo_district', unit_id: 'trieu-son' })
    expect(audit?.detail).not.toContain(share.token)
  })

  it('opens the summary read-only without an account token, counting and auditing every opening', async () => {
    const share = (await create({ unit: 'trieu-son', period: '2026-11-14', days: 7 })).body
    const page = await open(secretOf(share.url))
    expect(page.status).toBe(200)
    const body = (await page.json()) as { share: unknown; aggregate: { unit: { id: string }; period: string; completeness: unknown } }
    expect(body.share).toEqual({ unit: 'trieu-son', period: '2026-11-14', expiresAt: share.expiresAt })
    expect(body.aggregate.unit.id).toBe('trieu-son')
    expect(body.aggregate.completeness).toEqual({ expected: 5, received: 4, receivedOnTime: 3, rate: 0.8, onTimeRate: 0.6 })

    const xlsx = await open(secretOf(share.url), '/api/v1/shared/summary.xlsx')
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('Content-Disposition')).toContain('tong-hop-trieu-son-2026-11-14.xlsx')
    const sheets = await readWorkbook(await xlsx.arrayBuffer())
    expect(sheets[0]?.rows[0]?.[0]).toBe('Tổng hợp kỳ báo cáo 14/11/2026 — Huyện Triệu Sơn')

    const listed = await call('GET', '/api/v1/shares?unit=trieu-son&period=2026-11-14', { token: TOKENS.district })
    expect(listed.status).toBe(200)
    const mine = listed.body.shares.find((s: { id: string }) => s.id === share.id)
    expect(mine).toMatchObject({ openings: 2, lastOpenedAt: clock.now().toISOString(), state: 'active' })
    expect(mine.token).toBeUndefined()
    const openings = await env.DB.prepare("SELECT actor, role, unit_id, target, detail FROM audit_log WHERE action = 'share.open' AND actor = ?1 ORDER BY seq").bind(share.id).all<Record<string, string>>()
    expect(openings.results).toEqual([
      { actor: share.id, role: 'share', unit_id: 'trieu-son', target: 'trieu-son/2026-11-14', detail: '{"kind":"page"}' },
      { actor: share.id, role: 'share', unit_id: 'trieu-son', target: 'trieu-son/2026-11-14', detail: '{"kind":"xlsx"}' },
    ])
    // The district reads them in its audit log.
    const log = await call('GET', '/api/v1/audit?unit=trieu-son', { token: TOKENS.district })
    expect(log.body.entries.filter((e: { action: string }) => e.action === 'share.open').length).toBeGreaterThanOrEqual(2)
  })

  it('refuses a revoked link, and revoking twice records one revocation', async () => {
    const share = (await create({ unit: 'trieu-son', period: '2026-11-14' })).body
    const first = await call('POST', '/api/v1/shares/' + share.id + '/revoke', { token: TOKENS.district })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ id: share.id, state: 'revoked', revokedAt: clock.now().toISOString() })
    expect((await call('POST', '/api/v1/shares/' + share.id + '/revoke', { token: TOKENS.district })).body.state).toBe('revoked')
    const audits = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'share.revoke' AND target = ?1").bind(share.id).first<{ n: number }>()
    expect(audits?.n).toBe(1)
    const res = await open(secretOf(share.url))
    expect(res.status).toBe(401)
    const body = (await res.json()) as { error: string; message: string; message_en: string }
    expect(body).toMatchObject({ error: 'unauthorized', message: 'Đường dẫn này đã bị thu hồi. Hãy xin văn phòng điều phối một đường dẫn mới.' })
    expect(body.message_en).toBe('This link was revoked. Ask the NTM office for a new one.')
    expect((await open(secretOf(share.url), '/api/v1/shared/summary.xlsx')).status).toBe(401)
  })

  it('refuses an expired link, saying when it expired', async () => {
    const share = (await create({ unit: 'trieu-son', period: '2026-11-14', days: 1 })).body
    expect((await open(secretOf(share.url))).status).toBe(200)
    clock.set('2026-11-27T09:00:00+07:00')
    try {
      const res = await open(secretOf(share.url))
      expect(res.status).toBe(401)
      expect(((await res.json()) as { message: string }).message).toBe('Đường dẫn này đã hết hạn ngày 27/11/2026. Hãy xin văn phòng điều phối một đường dẫn mới.')
      const listed = await call('GET', '/api/v1/shares?unit=trieu-son', { token: TOKENS.district })
      expect(listed.body.shares.find((s: { id: string }) => s.id === share.id).state).toBe('expired')
    } finally {
      clock.set('2026-11-26T09:00:00+07:00')
    }
  })

  it('keeps share secrets and account tokens apart', async () => {
    const share = (await create({ unit: 'trieu-son', period: '2026-11-14' })).body
    // A share secret opens nothing else …
    expect((await call('GET', '/api/v1/me', { token: share.token })).status).toBe(401)
    expect((await call('POST', '/api/v1/aggregate', { token: share.token, body: { unit: 'trieu-son', period: '2026-11-14' } })).status).toBe(401)
    // … and an account token or a made-up secret opens no share.
    expect((await open(TOKENS.district)).status).toBe(401)
    const guess = await open('nts_' + 'A'.repeat(43))
    expect(guess.status).toBe(401)
    expect(((await guess.json()) as { message: string }).message).toBe('Đường dẫn chia sẻ không đúng. Hãy kiểm tra lại đường dẫn được gửi cho bạn.')
    expect((await app.request('/api/v1/shared/summary', {}, env)).status).toBe(401)
  })

  it('is for the district office and admin, within their units, for valid periods and lifetimes', async () => {
    expect((await create({ unit: 'trieu-son', period: '2026-11-14' }, TOKENS.leader)).status).toBe(403)
    expect((await create({ unit: 'trieu-son', period: '2026-11-14' }, TOKENS.binhSon)).status).toBe(403)
    // Units out of reach answer like missing ones.
    expect((await create({ unit: 'nhu-thanh', period: '2026-11-14' })).status).toBe(404)
    expect((await create({ unit: 'binh-son', period: '2026-11-14' })).status).toBe(400)
    expect((await create({ unit: 'trieu-son', period: '2026-11-15' })).status).toBe(400)
    for (const days of [0, 91, 1.5]) {
      const res = await create({ unit: 'trieu-son', period: '2026-11-14', days })
      expect(res.status).toBe(400)
      expect(res.body.issues[0]).toMatchObject({ path: 'days' })
    }
    expect((await create({ unit: 'nhu-thanh', period: '2026-11-14' }, TOKENS.admin)).status).toBe(201)
    // Another district may neither list nor revoke Triệu Sơn's links; to it they do not exist.
    const other = await addToken('tok_nhu_thanh', 'district', 'nhu-thanh')
    expect((await call('GET', '/api/v1/shares?unit=trieu-son', { token: other })).status).toBe(404)
    const ours = (await create({ unit: 'trieu-son', period: '2026-11-14' })).body
    expect((await call('POST', '/api/v1/shares/' + ours.id + '/revoke', { token: other })).status).toBe(404)
    expect((await call('GET', '/api/v1/shares?unit=trieu-son&period=2026-11-14', { token: TOKENS.district })).body.shares.find((s: { id: string }) => s.id === ours.id).state).toBe('active')
    expect((await call('POST', '/api/v1/shares/shr_nope/revoke', { token: TOKENS.district })).status).toBe(404)
    expect((await call('GET', '/api/v1/shares?unit=trieu-son', { token: TOKENS.leader })).status).toBe(403)
  })
})
