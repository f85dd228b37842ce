import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../../shared/api'
import { TOKENS, addOtherDistrict, addToken, client, countRevisions, movableClock, reportBody, seedDemo } from './helpers'

const clock = movableClock()
const call = client(clock.now)
let thoBinh = ''

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
  thoBinh = await addToken('tok_test_tho_binh', 'commune', 'tho-binh')
})

describe('POST /api/v1/reports/validate', () => {
  it('returns the score and issues and stores nothing', async () => {
    const before = await countRevisions('binh-son', '2026-11-28')
    const res = await call('POST', '/api/v1/reports/validate', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28', [1, 2, 3, 4]) })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: true, achieved: 4, total: 10, issues: [] })
    expect(await countRevisions('binh-son', '2026-11-28')).toBe(before)
  })

  it('reports rule errors with paths but still answers 200', async () => {
    const body = reportBody('binh-son', '2026-11-28')
    body.indicators[0] = { code: '1', value: 'maybe' }
    const res = await call('POST', '/api/v1/reports/validate', { token: TOKENS.binhSon, body })
    expect(res.status).toBe(200)
    expect(res.body.ok).toBe(false)
    expect(res.body.issues).toContainEqual(expect.objectContaining({ code: 'value_not_yes_no', path: 'indicators[0].value', severity: 'error' }))
  })

  it('lets a district validate a commune in its subtree, but not a commune validate another', async () => {
    expect((await call('POST', '/api/v1/reports/validate', { token: TOKENS.district, body: reportBody('tho-son', '2026-11-28') })).status).toBe(200)
    // Out of reach answers like a unit that does not exist (404), so ids cannot be listed.
    const other = await call('POST', '/api/v1/reports/validate', { token: TOKENS.thoSon, body: reportBody('binh-son', '2026-11-28') })
    expect(other.status).toBe(404)
    expect(other.body.error).toBe('not_found')
  })
})

describe('POST /api/v1/reports', () => {
  it('stores a new revision on every accepted submission and returns the receipt', async () => {
    const first = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28', [1, 4, 6, 7, 8]) })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      unit: 'binh-son', period: '2026-11-28', revision: 1, timeliness: 'on_time', lateDays: 0, achieved: 5, total: 10, issues: [],
      receivedAt: '2026-11-26T02:00:00.000Z',
    })
    expect(first.body.id).toMatch(/^rep_/)
    const second = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28', [1, 2]) })
    expect(second.status).toBe(201)
    expect(second.body.revision).toBe(2)

    const detail = await call('GET', '/api/v1/reports/binh-son/2026-11-28', { token: TOKENS.binhSon })
    expect(detail.status).toBe(200)
    expect(detail.body.locked).toBe(false)
    expect(detail.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2])
    expect(detail.body.revisions[0]).toMatchObject({ achieved: 5, submittedBy: 'tok_demo_binh_son' })
    expect(detail.body.latest).toMatchObject({
      revision: 2, achieved: 2, catalog: { id: 'qd-51-2025', version: '2025.1' }, classId: 'nhom-2', unit: 'binh-son', period: '2026-11-28',
    })
    expect(detail.body.latest.evaluation.criteria).toHaveLength(10)
  })

  it('keeps warnings with the revision and returns them in the receipt', async () => {
    const body = reportBody('tho-son', '2026-11-28', [1], { funds: [{ source: 'people', amount: 500_000_000 }, { source: 'commune', amount: 100_000_000 }] })
    const res = await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body })
    expect(res.status).toBe(201)
    expect(res.body.issues).toEqual([expect.objectContaining({ code: 'people_share_high', severity: 'warning' })])
    const detail = await call('GET', '/api/v1/reports/tho-son/2026-11-28', { token: TOKENS.district })
    expect(detail.body.latest.issues).toEqual([expect.objectContaining({ code: 'people_share_high' })])
    expect(detail.body.latest.fundTotals.total).toBe(600_000_000)
  })

  it('marks a submission after the deadline day late by calendar days, and a later correction keeps the first timeliness', async () => {
    clock.set('2026-11-17T10:00:00+07:00')
    const late = await call('POST', '/api/v1/reports', { token: thoBinh, body: reportBody('tho-binh', '2026-11-14') })
    expect(late.status).toBe(201)
    expect(late.body).toMatchObject({ timeliness: 'late', lateDays: 3 })
    clock.set('2026-11-14T23:59:00+07:00')
    const older = await call('POST', '/api/v1/reports', { token: thoBinh, body: reportBody('tho-binh', '2026-10-14') })
    expect(older.status).toBe(201)
    expect(older.body).toMatchObject({ timeliness: 'late', lateDays: 31 })
    // Thọ Bình's demo report for 2026-10-28 arrived on time: a correction now stays on time.
    const fix = await call('POST', '/api/v1/reports', { token: thoBinh, body: reportBody('tho-binh', '2026-10-28') })
    expect(fix.body).toMatchObject({ revision: 2, timeliness: 'on_time', lateDays: 0 })
    clock.set('2026-11-28T23:59:59+07:00')
    const edge = await call('POST', '/api/v1/reports', { token: thoBinh, body: reportBody('tho-binh', '2026-11-28') })
    expect(edge.body).toMatchObject({ timeliness: 'on_time', lateDays: 0 })
    clock.set('2026-12-05T08:00:00+07:00')
    const correction = await call('POST', '/api/v1/reports', { token: thoBinh, body: reportBody('tho-binh', '2026-11-28', [1, 2, 3, 4]) })
    expect(correction.body).toMatchObject({ revision: 2, timeliness: 'on_time', lateDays: 0 })
    clock.set('2026-11-26T09:00:00+07:00')
  })

  it('refuses rule errors with 422 validation_failed and stores nothing', async () => {
    // A late report for an earlier period is judged by QĐ 318, whose indicator 2.1 is a percentage.
    const before = await countRevisions('binh-son', '2026-01-28')
    const body = reportBody('binh-son', '2026-01-28')
    body.indicators[2] = { code: '2.1', value: '120' }
    const res = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ error: 'validation_failed' })
    expect(res.body.message).toMatch(/Báo cáo/)
    expect(res.body.message_en).toMatch(/report/)
    expect(res.body.issues).toContainEqual(expect.objectContaining({ code: 'percent_out_of_range', path: 'indicators[2].value' }))
    expect(await countRevisions('binh-son', '2026-01-28')).toBe(before)
  })

  it('refuses a period that has not started and an impossible period id with 422', async () => {
    const future = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-12-14') })
    expect(future.status).toBe(422)
    expect(future.body.issues).toContainEqual(expect.objectContaining({ code: 'period_in_future', path: 'period' }))
    const bad = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-15') })
    expect(bad.status).toBe(422)
    expect(bad.body.issues).toContainEqual(expect.objectContaining({ code: 'period_invalid' }))
  })

  it('answers wrong JSON types with 400 and a JSON path per field', async () => {
    const body = reportBody('binh-son', '2026-11-28') as { indicators: unknown[] }
    body.indicators[2] = { code: '2.1', value: { nested: true } }
    const res = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body })
    expect(res.status).toBe(400)
    expect(res.body.error).toBe('bad_request')
    expect(res.body.issues).toContainEqual(expect.objectContaining({ code: 'field_wrong_type', path: 'indicators[2].value' }))
    const missing = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: { unit: 'binh-son', period: '2026-11-28' } })
    expect(missing.status).toBe(400)
    expect(missing.body.issues).toContainEqual(expect.objectContaining({ code: 'field_required', path: 'indicators' }))
    const notObject = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: [1, 2] })
    expect(notObject.status).toBe(400)
    const unitNumber = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: { ...reportBody('binh-son', '2026-11-28'), unit: 7 } })
    expect(unitNumber.status).toBe(400)
    expect(unitNumber.body.issues[0]).toMatchObject({ path: 'unit', code: 'field_wrong_type' })
  })

  it('answers malformed JSON with 400 invalid_json', async () => {
    for (const raw of ['{"unit": "binh-son",', '', 'not json', '{"unit": "binh-son"} trailing']) {
      const res = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, raw })
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({ error: 'invalid_json' })
    }
  })

  it('answers an oversized body with 413 payload_too_large', async () => {
    const body = reportBody('binh-son', '2026-11-28')
    const raw = JSON.stringify({ ...body, padding: 'x'.repeat(MAX_BODY_BYTES) })
    const res = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, raw })
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ error: 'payload_too_large' })
    const tooMany = await call('POST', '/api/v1/reports', {
      token: TOKENS.binhSon, body: { ...body, indicators: Array.from({ length: 400 }, () => ({ code: '1.1', value: 'đạt' })) },
    })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.issues[0]).toMatchObject({ code: 'field_too_many', path: 'indicators' })
  })

  it('keeps communes to their own unit and other roles out of submitting', async () => {
    const before = await countRevisions('binh-son', '2026-11-28')
    const other = await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body: reportBody('binh-son', '2026-11-28') })
    expect(other.status).toBe(404)
    expect(other.body).toMatchObject({ error: 'not_found' })
    for (const token of [TOKENS.district, TOKENS.leader, TOKENS.admin]) {
      expect((await call('POST', '/api/v1/reports', { token, body: reportBody('binh-son', '2026-11-28') })).status).toBe(403)
    }
    expect(await countRevisions('binh-son', '2026-11-28')).toBe(before)
    expect((await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('no-such-commune', '2026-11-28') })).status).toBe(404)
  })
})

describe('GET /api/v1/reports/{unit}/{period}', () => {
  it('shows the demo revisions, scoped by role', async () => {
    const res = await call('GET', '/api/v1/reports/binh-son/2026-11-14', { token: TOKENS.leader })
    expect(res.status).toBe(200)
    expect(res.body.revisions.map((r: { achieved: number; total: number }) => r.achieved + '/' + r.total)).toEqual(['5/10', '6/10'])
    expect(res.body.latest.achieved).toBe(6)
    expect((await call('GET', '/api/v1/reports/binh-son/2026-11-14', { token: TOKENS.thoSon })).status).toBe(404)
    expect((await call('GET', '/api/v1/reports/binh-son/2026-11-14', { token: TOKENS.admin })).status).toBe(200)
  })

  it('answers an empty list for a period without reports, 404 for an unknown unit, 400 for a bad period', async () => {
    const none = await call('GET', '/api/v1/reports/tho-son/2026-09-14', { token: TOKENS.thoSon })
    expect(none.status).toBe(200)
    expect(none.body).toEqual({ unit: 'tho-son', period: '2026-09-14', locked: false, latest: null, revisions: [] })
    expect((await call('GET', '/api/v1/reports/nowhere/2026-11-14', { token: TOKENS.admin })).status).toBe(404)
    const bad = await call('GET', '/api/v1/reports/tho-son/2026-11-30', { token: TOKENS.thoSon })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('bad_request')
  })

  it('keeps a district out of another district', async () => {
    const res = await call('GET', '/api/v1/reports/xuan-du/2026-11-14', { token: TOKENS.district })
    expect(res.status).toBe(404)
  })
})
