import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { upsertTasksStatement } from '../../worker/db/tasks'
import { DEMO_NOW, TOKENS, addOtherDistrict, addToken, client, reportBody, seedDemo } from './helpers'

const call = client()

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
})

type Row = { unit: { id: string }; revision: number | null; achieved: number | null; timeliness: { status: string; days: number }; receivedAt: string | null; firstReceivedAt: string | null }

describe('POST /api/v1/aggregate', () => {
  it("summarises Triệu Sơn's communes for 2026-11-14: latest revisions, timeliness, completeness, criteria, funds, overdue tasks", async () => {
    const res = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-11-14' } })
    expect(res.status).toBe(200)
    const body = res.body
    expect(body.unit).toEqual({ id: 'trieu-son', name: 'Huyện Triệu Sơn', level: 'district' })
    expect(body.period).toBe('2026-11-14')
    expect(body.locked).toBe(false)
    expect(body.generatedAt).toBe('2026-11-26T02:00:00.000Z')
    const rows: { [id: string]: Row } = Object.fromEntries(body.communes.map((r: Row) => [r.unit.id, r]))
    expect(Object.keys(rows).sort()).toEqual(['binh-son', 'dan-luc', 'hop-ly', 'tho-binh', 'tho-son'])
    expect(rows['binh-son']).toMatchObject({
      revision: 2, achieved: 6, total: 10, timeliness: { status: 'on_time' }, catalog: { id: 'qd-51-2025', version: '2025.1' },
      receivedAt: '2026-11-14T08:20:00.000Z', firstReceivedAt: '2026-11-12T03:00:00.000Z',
    })
    expect(rows['hop-ly']).toMatchObject({ achieved: 3, total: 10, timeliness: { status: 'late', days: 3 } })
    expect(rows['tho-binh']).toMatchObject({ revision: null, achieved: null, total: 10, timeliness: { status: 'missing', days: 12 } })
    // Thọ Sơn is judged by the province's own set: counted against its 8 criteria, not 10.
    expect(rows['tho-son']).toMatchObject({ achieved: 7, total: 8, catalog: { id: 'demo-thanh-hoa-nang-cao', version: '2026.1' } })
    expect(body.completeness).toEqual({ expected: 5, received: 4, receivedOnTime: 3, rate: 0.8, onTimeRate: 0.6 })
    expect(body.catalogs.map((t: { id: string; total: number; communes: number; reported: number }) => [t.id, t.total, t.communes, t.reported])).toEqual([
      ['qd-51-2025', 10, 4, 3], ['demo-thanh-hoa-nang-cao', 8, 1, 1],
    ])
    // Criterion 1 of QĐ 51/2025: Bình Sơn, Hợp Lý, Dân Lực (Thọ Bình missing, Thọ Sơn under another set).
    expect(body.catalogs[0].criteriaMet[0]).toMatchObject({ no: 1, communes: 3 })
    // Criterion 10: only Bình Sơn.
    expect(body.catalogs[0].criteriaMet[9]).toMatchObject({ no: 10, communes: 1 })
    expect(body.catalogs[1].criteriaMet.map((c: { communes: number }) => c.communes)).toEqual([1, 1, 1, 1, 1, 0, 1, 1])
    expect(body.funds.bySource.provincial).toBe(1_350_000_000 + 950_000_000 + 500_000_000 + 700_000_000)
    expect(body.funds.total).toBeGreaterThan(0)
    expect(body.overdueTasks.map((t: { id: string }) => t.id)).toEqual(['demo-2026-tho-son-17', 'demo-2026-m2'])
    expect(body.overdueTasks[0]).toMatchObject({ owner: 'trieu-son', lead: 'tho-son', collaborators: ['trieu-son-tnmt'], days: 11, occurrence: '2026-11-15' })
    // Words for the ids it mentions, so no reader sees an id.
    expect(body.unitNames).toMatchObject({ 'trieu-son': 'Huyện Triệu Sơn', 'tho-son': 'Xã Thọ Sơn', 'trieu-son-tnmt': 'Phòng Tài nguyên và Môi trường huyện Triệu Sơn' })
    // Against 28/10: Bình Sơn 5 → 6 (of 10), Thọ Sơn 6 → 7 (of 8), Hợp Lý 3 → 3, Dân Lực 6 → 6; Thọ Bình not compared.
    expect(body.change).toEqual({
      previousPeriod: '2026-10-28',
      byCommune: { 'binh-son': { previous: 5, change: 1 }, 'tho-son': { previous: 6, change: 1 }, 'hop-ly': { previous: 3, change: 0 }, 'dan-luc': { previous: 6, change: 0 } },
      compared: 4,
      change: 2,
    })
    expect(body.lockedAt).toBeNull()
    expect(body.peopleShareLimit).toBe(0.3)
  })

  it("flags the people's share against the unit's own setting", async () => {
    const put = await call('PUT', '/api/v1/units/trieu-son/settings', { token: TOKENS.district, body: { peopleSharePercent: 8 } })
    expect(put.status).toBe(200)
    const res = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-11-28' } })
    expect(res.body.peopleShareLimit).toBe(0.08)
    await call('PUT', '/api/v1/units/trieu-son/settings', { token: TOKENS.district, body: { peopleSharePercent: null } })
  })

  it("lists only tasks from its own units' sheets (or above): another district's sheet naming its communes stays out", async () => {
    const xuanDu = await addToken('tok_xuan_du', 'commune', 'xuan-du')
    const row = { id: 'XD-1', title: 'Việc của xã khác', lead: 'binh-son', collaborators: ['tho-son'], due: '2026-11-01' }
    // The API now refuses such a sheet (task-rules.ts); one stored before that rule must still stay out.
    expect((await call('PUT', '/api/v1/units/xuan-du/tasks', { token: xuanDu, body: { tasks: [row] } })).status).toBe(422)
    const task = { ...row, status: 'todo' as const, progress: 0, version: 1 }
    await upsertTasksStatement(env.DB, 'xuan-du', [task], DEMO_NOW.toISOString(), 'tok_xuan_du').run()
    const ours = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-11-14' } })
    expect(ours.body.overdueTasks.map((t: { id: string }) => t.id)).not.toContain('XD-1')
    const theirs = await call('POST', '/api/v1/aggregate', { token: TOKENS.admin, body: { unit: 'nhu-thanh', period: '2026-11-14' } })
    expect(theirs.body.overdueTasks.map((t: { id: string }) => t.id)).toContain('XD-1')
  })

  it('counts a period before the communes started reporting as expecting nobody', async () => {
    const res = await call('POST', '/api/v1/aggregate', { token: TOKENS.leader, body: { unit: 'trieu-son', period: '2026-09-14' } })
    expect(res.status).toBe(200)
    expect(res.body.completeness).toMatchObject({ expected: 0, received: 0, rate: 0 })
  })

  it('aggregates a province over every commune below it, districts included', async () => {
    const res = await call('POST', '/api/v1/aggregate', { token: TOKENS.admin, body: { unit: 'thanh-hoa', period: '2026-11-14' } })
    expect(res.status).toBe(200)
    expect(res.body.completeness.expected).toBe(6)
  })

  it('shows a lock on the unit', async () => {
    await call('POST', '/api/v1/periods/2026-10-28/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })
    const res = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-10-28' } })
    expect(res.body.locked).toBe(true)
    expect(res.body.completeness).toMatchObject({ expected: 5, received: 5, receivedOnTime: 4 })
  })

  it('is for the district, leaders and admin only, within scope, on parent units and valid periods', async () => {
    expect((await call('POST', '/api/v1/aggregate', { token: TOKENS.binhSon, body: { unit: 'trieu-son', period: '2026-11-14' } })).status).toBe(403)
    expect((await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'nhu-thanh', period: '2026-11-14' } })).status).toBe(404)
    expect((await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'thanh-hoa', period: '2026-11-14' } })).status).toBe(404)
    expect((await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'binh-son', period: '2026-11-14' } })).status).toBe(400)
    expect((await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: 'soon' } })).status).toBe(400)
    expect((await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son' } })).status).toBe(400)
    expect((await call('POST', '/api/v1/aggregate', { token: TOKENS.district, raw: '{' })).status).toBe(400)
  })
})

describe('GET /api/v1/audit', () => {
  it('records submissions, task changes and lock events with actor and time, readable by district and admin', async () => {
    await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28') })
    await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon, body: { tasks: [{ id: 'A1', title: 'Việc A1', lead: 'binh-son', due: '2026-12-01' }] } })
    await call('POST', '/api/v1/periods/2026-11-14/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })
    await call('POST', '/api/v1/periods/2026-11-14/unlock', { token: TOKENS.district, body: { unit: 'trieu-son' } })

    const res = await call('GET', '/api/v1/audit?unit=trieu-son', { token: TOKENS.district })
    expect(res.status).toBe(200)
    const actions = res.body.entries.map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['report.submit', 'task.create', 'period.lock', 'period.unlock']))
    expect(actions.indexOf('period.unlock')).toBeLessThan(actions.indexOf('period.lock'))
    const submit = res.body.entries.find((e: { action: string }) => e.action === 'report.submit')
    expect(submit).toMatchObject({ actor: 'tok_demo_binh_son', role: 'commune', unit: 'binh-son', target: 'binh-son/2026-11-28#1', at: '2026-11-26T02:00:00.000Z' })
    expect(submit.detail).toMatchObject({ revision: 1, achieved: 3, timeliness: 'on_time' })

    const own = await call('GET', '/api/v1/audit', { token: TOKENS.admin })
    expect(own.status).toBe(200)
    expect(own.body.entries.length).toBeGreaterThanOrEqual(res.body.entries.length)
    const limited = await call('GET', '/api/v1/audit?unit=binh-son&limit=1', { token: TOKENS.district })
    expect(limited.body.entries).toHaveLength(1)
  })

  it('is closed to communes and leaders, and to a district outside its subtree', async () => {
    expect((await call('GET', '/api/v1/audit?unit=binh-son', { token: TOKENS.binhSon })).status).toBe(403)
    expect((await call('GET', '/api/v1/audit?unit=trieu-son', { token: TOKENS.leader })).status).toBe(403)
    expect((await call('GET', '/api/v1/audit?unit=nhu-thanh', { token: TOKENS.district })).status).toBe(404)
    expect((await call('GET', '/api/v1/audit?unit=trieu-son&limit=0', { token: TOKENS.district })).status).toBe(400)
  })
})

describe('history under the catalogue of its time', () => {
  it('aggregates 2025 under QĐ 318 (X/19) although the communes are judged by QĐ 51/2025 today', async () => {
    const res = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2025-12-28' } })
    expect(res.status).toBe(200)
    const rows: { [id: string]: Row & { total: number } } = Object.fromEntries(res.body.communes.map((r: Row) => [r.unit.id, r]))
    // They reported before their reporting start date (26/10/2026 in the demo): shown all the same.
    expect(Object.keys(rows).sort()).toEqual(['binh-son', 'dan-luc', 'hop-ly', 'tho-binh', 'tho-son'])
    expect([rows['binh-son']!.achieved, rows['binh-son']!.total]).toEqual([13, 19])
    expect([rows['tho-son']!.achieved, rows['tho-son']!.total]).toEqual([17, 19])
    expect(res.body.catalogs.map((t: { id: string; communes: number }) => [t.id, t.communes])).toEqual([['qd-318-2022', 5]])
  })

  it('judges the 2026-02-14 period by QĐ 318 and the 2026-02-28 period by QĐ 51/2025', async () => {
    const before = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-02-14' } })
    const after = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-02-28' } })
    const score = (body: { communes: Array<{ unit: { id: string }; achieved: number | null; total: number }> }) =>
      body.communes.filter((r) => r.achieved !== null).map((r) => r.unit.id + ' ' + r.achieved + '/' + r.total)
    expect(score(before.body)).toEqual(['binh-son 14/19', 'tho-son 18/19'])
    expect(score(after.body)).toEqual(['binh-son 4/10', 'tho-son 7/10'])
  })
})

describe('catalogue and calendar', () => {
  it('GET /catalog answers the catalogue that judges the period, with the unit\'s class', async () => {
    const res = await call('GET', '/api/v1/catalog', { token: TOKENS.binhSon })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      period: '2026-11-28', classId: 'nhom-2', className: 'Xã nhóm 2', assignment: { unit: 'thanh-hoa', from: '2026-02-15' },
      catalog: { id: 'qd-51-2025', version: '2025.1' },
    })
    expect(res.body.catalog.criteria).toHaveLength(10)
    const old = await call('GET', '/api/v1/catalog?period=2026-02-14', { token: TOKENS.binhSon })
    expect(old.body).toMatchObject({ period: '2026-02-14', classId: 'btb', className: 'Bắc Trung Bộ', catalog: { id: 'qd-318-2022' } })
    expect(old.body.catalog.criteria).toHaveLength(19)
    const boundary = await call('GET', '/api/v1/catalog?period=2026-02-28', { token: TOKENS.binhSon })
    expect(boundary.body.catalog.id).toBe('qd-51-2025')
    const thoSon = await call('GET', '/api/v1/catalog?unit=tho-son&period=2026-11-14', { token: TOKENS.district })
    expect(thoSon.body).toMatchObject({ classId: 'vung-1', catalog: { id: 'demo-thanh-hoa-nang-cao' }, assignment: { unit: 'tho-son', from: '2026-10-15' } })
    expect((await call('GET', '/api/v1/catalog?unit=tho-son', { token: TOKENS.binhSon })).status).toBe(404)
    const none = await call('GET', '/api/v1/catalog?period=2021-11-14', { token: TOKENS.binhSon })
    expect(none.status).toBe(404)
    expect(none.body.message).toContain('Chưa có bộ tiêu chí nào chấm kỳ báo cáo 14/11/2021')
    expect((await call('GET', '/api/v1/catalog?period=2026-11-15', { token: TOKENS.binhSon })).status).toBe(400)
  })

  it('GET /periods lists both periods of each month with their deadlines', async () => {
    const res = await call('GET', '/api/v1/periods?from=2026-11&to=2027-02', { token: TOKENS.binhSon })
    expect(res.status).toBe(200)
    expect(res.body).toHaveLength(8)
    expect(res.body[0]).toEqual({ id: '2026-11-14', start: '2026-10-29', end: '2026-11-14', communeDue: '2026-11-14', districtDue: '2026-11-15' })
    expect(res.body[7]).toMatchObject({ id: '2027-02-28', districtDue: '2027-02-28' })
    for (const q of ['', '?from=2026-11', '?from=2026-13&to=2027-01', '?from=2027-01&to=2026-01', '?from=2020-01&to=2026-01']) {
      const bad = await call('GET', '/api/v1/periods' + q, { token: TOKENS.binhSon })
      expect(bad.status).toBe(400)
      expect(bad.body.error).toBe('bad_request')
    }
  })
})
