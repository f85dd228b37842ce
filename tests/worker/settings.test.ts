// Per-unit settings in D1: defaults, inheritance down the hierarchy, edits by the district office, and the
// existing rules using them (the people's-contribution cap in checks, the due-soon window in flags).
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { TOKENS, addOtherDistrict, client, reportBody, seedDemo } from './helpers'

const call = client()

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
})

/** 25 % of all funds from the people: under the default 30 % cap, over a 20 % one. */
const funds = [{ source: 'commune', amount: 750_000_000 }, { source: 'people', amount: 250_000_000 }]

async function peopleWarning(): Promise<boolean> {
  const res = await call('POST', '/api/v1/reports/validate', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28', [1, 2], { funds }) })
  expect(res.status).toBe(200)
  return res.body.issues.some((i: { code: string }) => i.code === 'people_share_high')
}

async function flagOf(taskId: string, date: string): Promise<string> {
  const res = await call('GET', '/api/v1/units/binh-son/flags?date=' + date, { token: TOKENS.binhSon })
  return res.body.tasks.find((t: { id: string }) => t.id === taskId).flag
}

describe('GET /api/v1/units/{unit}/settings', () => {
  it('answers the defaults when nothing is set, with no source', async () => {
    const res = await call('GET', '/api/v1/units/binh-son/settings', { token: TOKENS.binhSon })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      unit: 'binh-son',
      settings: { reminderLeadDays: 2, dueSoonDays: 3, peopleSharePercent: 30 },
      own: { reminderLeadDays: null, dueSoonDays: null, peopleSharePercent: null },
      sources: { reminderLeadDays: null, dueSoonDays: null, peopleSharePercent: null },
    })
  })

  it('is scoped like everything else', async () => {
    // Out of reach answers 404 like a missing unit (issue 10).
    expect((await call('GET', '/api/v1/units/tho-son/settings', { token: TOKENS.binhSon })).status).toBe(404)
    expect((await call('GET', '/api/v1/units/xuan-du/settings', { token: TOKENS.district })).status).toBe(404)
    expect((await call('GET', '/api/v1/units/tho-son/settings', { token: TOKENS.leader })).status).toBe(200)
    expect((await call('GET', '/api/v1/units/nowhere/settings', { token: TOKENS.admin })).status).toBe(404)
  })
})

describe('PUT /api/v1/units/{unit}/settings', () => {
  it('the office sets values for its unit; its communes inherit them, and the rules follow', async () => {
    expect(await peopleWarning()).toBe(false)
    expect(await flagOf('demo-2026-m3', '2026-12-20')).toBe('ok')

    const res = await call('PUT', '/api/v1/units/trieu-son/settings', { token: TOKENS.district, body: { peopleSharePercent: 20, dueSoonDays: 15 } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      unit: 'trieu-son', settings: { reminderLeadDays: 2, dueSoonDays: 15, peopleSharePercent: 20 },
      own: { reminderLeadDays: null, dueSoonDays: 15, peopleSharePercent: 20 },
      sources: { reminderLeadDays: null, dueSoonDays: 'trieu-son', peopleSharePercent: 'trieu-son' },
    })
    const commune = await call('GET', '/api/v1/units/binh-son/settings', { token: TOKENS.binhSon })
    expect(commune.body.settings).toEqual({ reminderLeadDays: 2, dueSoonDays: 15, peopleSharePercent: 20 })
    expect(commune.body.sources.peopleSharePercent).toBe('trieu-son')
    expect((await call('GET', '/api/v1/me', { token: TOKENS.binhSon })).body.settings.peopleSharePercent).toBe(20)

    // The cap decides the warning on validate and on submit; the window decides "due soon" in the flags.
    expect(await peopleWarning()).toBe(true)
    const submitted = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28', [1, 2], { funds }) })
    expect(submitted.status).toBe(201)
    expect(submitted.body.issues.find((i: { code: string }) => i.code === 'people_share_high').message).toContain('vượt mức 20%')
    expect(await flagOf('demo-2026-m3', '2026-12-20')).toBe('due_soon')
  })

  it("a commune's own value wins over the office's; null goes back to inheriting", async () => {
    expect((await call('PUT', '/api/v1/units/binh-son/settings', { token: TOKENS.district, body: { peopleSharePercent: 40 } })).status).toBe(200)
    expect(await peopleWarning()).toBe(false)
    const reset = await call('PUT', '/api/v1/units/binh-son/settings', { token: TOKENS.district, body: { peopleSharePercent: null } })
    expect(reset.body.sources.peopleSharePercent).toBe('trieu-son')
    expect(await peopleWarning()).toBe(true)
  })

  it('records each change in the audit log with before and after', async () => {
    const { results } = await env.DB
      .prepare("SELECT unit_id, detail FROM audit_log WHERE action = 'settings.update' ORDER BY seq")
      .all<{ unit_id: string; detail: string }>()
    expect(results.map((r) => r.unit_id)).toEqual(['trieu-son', 'binh-son', 'binh-son'])
    expect(JSON.parse(results[0]?.detail ?? '{}')).toEqual({
      before: { reminderLeadDays: null, dueSoonDays: null, peopleSharePercent: null },
      after: { reminderLeadDays: null, dueSoonDays: 15, peopleSharePercent: 20 },
    })
  })

  it('communes, leaders and other districts may not change settings', async () => {
    const body = { reminderLeadDays: 5 }
    expect((await call('PUT', '/api/v1/units/binh-son/settings', { token: TOKENS.binhSon, body })).status).toBe(403)
    expect((await call('PUT', '/api/v1/units/trieu-son/settings', { token: TOKENS.leader, body })).status).toBe(403)
    expect((await call('PUT', '/api/v1/units/xuan-du/settings', { token: TOKENS.district, body })).status).toBe(404)
    expect((await call('PUT', '/api/v1/units/xuan-du/settings', { token: TOKENS.admin, body })).status).toBe(200)
  })

  it('refuses values out of range or of the wrong type, naming the field and its range; nothing changes', async () => {
    const before = (await call('GET', '/api/v1/units/trieu-son/settings', { token: TOKENS.district })).body
    const res = await call('PUT', '/api/v1/units/trieu-son/settings', { token: TOKENS.district, body: { reminderLeadDays: 30, dueSoonDays: 1.5 } })
    expect(res.status).toBe(400)
    expect(res.body.error).toBe('bad_request')
    expect(res.body.issues).toEqual([
      {
        code: 'field_invalid', severity: 'error', path: 'reminderLeadDays',
        message: 'Số ngày nhắc trước hạn báo cáo phải là số nguyên từ 0 đến 14 ngày, hoặc để trống để theo đơn vị cấp trên.',
        message_en: 'Reminder lead days must be a whole number between 0 and 14 days, or empty to inherit from the unit above.',
      },
      expect.objectContaining({ path: 'dueSoonDays' }),
    ])
    const typed = await call('PUT', '/api/v1/units/trieu-son/settings', { token: TOKENS.district, body: { dueSoonDays: '5' } })
    expect(typed.body.issues[0]).toMatchObject({ code: 'field_wrong_type', path: 'dueSoonDays' })
    const unknown = await call('PUT', '/api/v1/units/trieu-son/settings', { token: TOKENS.district, body: { dueSoonDay: 5 } })
    expect(unknown.body.issues[0]).toMatchObject({ code: 'field_invalid', path: 'dueSoonDay' })
    expect((await call('PUT', '/api/v1/units/trieu-son/settings', { token: TOKENS.district, raw: '{' })).body.error).toBe('invalid_json')
    expect((await call('GET', '/api/v1/units/trieu-son/settings', { token: TOKENS.district })).body).toEqual(before)
  })
})
