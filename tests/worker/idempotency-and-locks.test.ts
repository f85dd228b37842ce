import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { TOKENS, client, countRevisions, reportBody, seedDemo } from './helpers'

const call = client()

beforeAll(seedDemo)

const idempotent = (key: string) => ({ 'Idempotency-Key': key })

describe('Idempotency-Key', () => {
  it('returns the first response to a retry with the same key and body, storing nothing new', async () => {
    const body = reportBody('binh-son', '2026-11-28', [1, 2, 3])
    const before = await countRevisions('binh-son', '2026-11-28')
    const first = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body, headers: idempotent('retry-1') })
    expect(first.status).toBe(201)
    expect(first.headers.get('Idempotent-Replayed')).toBeNull()
    const retry = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body, headers: idempotent('retry-1') })
    expect(retry.status).toBe(201)
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
    expect(retry.body).toEqual(first.body)
    expect(await countRevisions('binh-son', '2026-11-28')).toBe(before + 1)
  })

  it('refuses the same key with a different body with 409 idempotency_mismatch', async () => {
    await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28', [1]), headers: idempotent('retry-2') })
    const before = await countRevisions('binh-son', '2026-11-28')
    const other = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28', [2]), headers: idempotent('retry-2') })
    expect(other.status).toBe(409)
    expect(other.body).toMatchObject({ error: 'idempotency_mismatch' })
    expect(await countRevisions('binh-son', '2026-11-28')).toBe(before)
  })

  it('stores exactly one revision under concurrent identical retries', async () => {
    const body = reportBody('tho-son', '2026-11-28', [5, 6])
    const before = await countRevisions('tho-son', '2026-11-28')
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body, headers: idempotent('burst-1') })),
    )
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201))
    const ids = new Set(results.map((r) => r.body.id))
    const revisions = new Set(results.map((r) => r.body.revision))
    expect(ids.size).toBe(1)
    expect(revisions.size).toBe(1)
    expect(await countRevisions('tho-son', '2026-11-28')).toBe(before + 1)
    const audits = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'report.submit' AND detail LIKE ?1")
      .bind('%' + results[0]?.body.id + '%').first<{ n: number }>()
    expect(audits?.n).toBe(1)
  })

  it('gives concurrent submissions without a key distinct, consecutive revision numbers', async () => {
    const before = await countRevisions('tho-son', '2026-11-14')
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body: reportBody('tho-son', '2026-11-14', [i + 1]) })),
    )
    expect(results.every((r) => r.status === 201)).toBe(true)
    const numbers = results.map((r) => r.body.revision as number).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: 6 }, (_, i) => before + i + 1))
  })

  it('keeps keys per unit: another commune may use the same key', async () => {
    const a = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28'), headers: idempotent('shared-key') })
    const b = await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body: reportBody('tho-son', '2026-11-28'), headers: idempotent('shared-key') })
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(b.body.id).not.toBe(a.body.id)
  })

  it('refuses an unusable key with 400', async () => {
    const res = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28'), headers: idempotent('x'.repeat(300)) })
    expect(res.status).toBe(400)
  })
})

describe('locked periods', () => {
  it('refuses new revisions with 409 period_locked once the district locks, and accepts them after unlock', async () => {
    const lock = await call('POST', '/api/v1/periods/2026-11-14/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })
    expect(lock.status).toBe(200)
    expect(lock.body).toMatchObject({ unit: 'trieu-son', period: '2026-11-14', locked: true, by: 'tok_demo_district' })

    const before = await countRevisions('binh-son', '2026-11-14')
    const refused = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-14') })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toBe('period_locked')
    // Who and when in words: the unit's name and the Vietnamese clock, not an id or a UTC string.
    expect(refused.body.message).toBe('Kỳ báo cáo 14/11/2026 đã được Huyện Triệu Sơn khóa sổ lúc 09:00 26/11/2026; không nhận thêm bản báo cáo mới. Liên hệ Văn phòng NTM nếu cần mở khóa.')
    expect(refused.body.message_en).toMatch(/^Reporting period 14\/11\/2026 was locked by Huyện Triệu Sơn at 09:00 26\/11\/2026 \(Vietnam time\)/)
    expect(await countRevisions('binh-son', '2026-11-14')).toBe(before)
    expect((await call('GET', '/api/v1/reports/binh-son/2026-11-14', { token: TOKENS.binhSon })).body.locked).toBe(true)

    // Other periods are not affected.
    expect((await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-10-28') })).status).toBe(201)

    const again = await call('POST', '/api/v1/periods/2026-11-14/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })
    expect(again.body).toMatchObject({ locked: true, at: lock.body.at })

    const unlock = await call('POST', '/api/v1/periods/2026-11-14/unlock', { token: TOKENS.district, body: { unit: 'trieu-son' } })
    expect(unlock.status).toBe(200)
    expect(unlock.body.locked).toBe(false)
    expect((await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-14') })).status).toBe(201)

    const events = await env.DB.prepare("SELECT action FROM period_lock_events WHERE unit_id = 'trieu-son' AND period = '2026-11-14' ORDER BY seq").all<{ action: string }>()
    expect(events.results.map((e) => e.action)).toEqual(['lock', 'unlock'])
  })

  it('still answers a retry of a request accepted before the lock', async () => {
    const body = reportBody('tho-son', '2026-10-28', [3])
    const first = await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body, headers: idempotent('before-lock') })
    expect(first.status).toBe(201)
    await call('POST', '/api/v1/periods/2026-10-28/lock', { token: TOKENS.admin, body: { unit: 'thanh-hoa' } })
    const retry = await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body, headers: idempotent('before-lock') })
    expect(retry.status).toBe(201)
    expect(retry.body).toEqual(first.body)
    const fresh = await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body, headers: idempotent('after-lock') })
    expect(fresh.status).toBe(409)
    expect(fresh.body.error).toBe('period_locked')
  })

  it('lets only the district office (or admin) lock, over its own subtree, and only parent units', async () => {
    for (const token of [TOKENS.binhSon, TOKENS.leader]) {
      const res = await call('POST', '/api/v1/periods/2026-09-14/lock', { token, body: { unit: 'trieu-son' } })
      expect(res.status).toBe(403)
    }
    // The province is outside the district office's reach: 404, as if it did not exist.
    const province = await call('POST', '/api/v1/periods/2026-09-14/lock', { token: TOKENS.district, body: { unit: 'thanh-hoa' } })
    expect(province.status).toBe(404)
    const commune = await call('POST', '/api/v1/periods/2026-09-14/lock', { token: TOKENS.district, body: { unit: 'binh-son' } })
    expect(commune.status).toBe(400)
    const badPeriod = await call('POST', '/api/v1/periods/2026-09-15/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })
    expect(badPeriod.status).toBe(400)
    const badBody = await call('POST', '/api/v1/periods/2026-09-14/lock', { token: TOKENS.district, body: { unit: 5 } })
    expect(badBody.status).toBe(400)
    expect(badBody.body.issues[0]).toMatchObject({ path: 'unit' })
  })

  it('records one event and one audit row for concurrent identical lock or unlock requests', async () => {
    const events = async (action: string) =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM period_lock_events WHERE unit_id = 'trieu-son' AND period = '2026-08-14' AND action = ?1").bind(action).first<{ n: number }>())?.n
    const audits = async (action: string) =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE target = 'trieu-son/2026-08-14' AND action = ?1").bind(action).first<{ n: number }>())?.n
    for (const action of ['lock', 'unlock']) {
      const results = await Promise.all(
        Array.from({ length: 6 }, () => call('POST', '/api/v1/periods/2026-08-14/' + action, { token: TOKENS.district, body: { unit: 'trieu-son' } })),
      )
      expect(results.map((r) => [r.status, r.body.locked])).toEqual(Array(6).fill([200, action === 'lock']))
      expect(await events(action)).toBe(1)
      expect(await audits('period.' + action)).toBe(1)
    }
  })
})
