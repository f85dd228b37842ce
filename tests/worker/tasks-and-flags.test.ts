import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { TOKENS, addOtherDistrict, client, movableClock, seedDemo } from './helpers'

const clock = movableClock()
const call = client(clock.now)

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
})

const task = (id: string, extra: Record<string, unknown> = {}) => ({
  id, title: 'Nhiệm vụ ' + id, lead: 'binh-son', collaborators: ['trieu-son-tnmt'], due: '2026-12-10', ...extra,
})

describe('GET /api/v1/units/{unit}/tasks', () => {
  it('lists the seeded notice tasks of the district sheet', async () => {
    const res = await call('GET', '/api/v1/units/trieu-son/tasks', { token: TOKENS.leader })
    expect(res.status).toBe(200)
    const ids = res.body.tasks.map((t: { id: string }) => t.id)
    expect(ids).toEqual(expect.arrayContaining(['tb-2020-11-17-m2', 'tb-2020-11-17-m4', 'tb-2020-11-17-m7', 'tb-2020-11-17-m10', 'demo-2026-m10']))
    const cleanUp = res.body.tasks.find((t: { id: string }) => t.id === 'tb-2020-11-17-m4')
    expect(cleanUp).toMatchObject({
      owner: 'trieu-son', lead: 'binh-son', collaborators: ['trieu-son-tnmt', 'trieu-son-vp-ntm'], due: '2020-12-31',
      recurrence: { kind: 'months', months: [12, 3, 5], until: '2021-05-31' },
    })
  })

  it('keeps a commune to its own sheet', async () => {
    expect((await call('GET', '/api/v1/units/trieu-son/tasks', { token: TOKENS.binhSon })).status).toBe(404)
    expect((await call('GET', '/api/v1/units/tho-son/tasks', { token: TOKENS.binhSon })).status).toBe(404)
    expect((await call('GET', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon })).status).toBe(200)
    expect((await call('GET', '/api/v1/units/nowhere/tasks', { token: TOKENS.admin })).status).toBe(404)
  })
})

describe('PUT /api/v1/units/{unit}/tasks', () => {
  it('creates, updates, leaves unchanged and marks done by stable id, auditing each change', async () => {
    const created = await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon, body: { tasks: [task('BS-01'), task('BS-02')] } })
    expect(created.status).toBe(200)
    expect(created.body).toMatchObject({ unit: 'binh-son', created: 2, updated: 0, unchanged: 0 })
    expect(created.body.tasks).toHaveLength(2)

    clock.set('2026-12-12T08:00:00+07:00')
    const next = await call('PUT', '/api/v1/units/binh-son/tasks', {
      token: TOKENS.binhSon,
      body: { tasks: [task('BS-01'), task('BS-02', { status: 'Hoàn thành', completedOn: '11/12/2026' })] },
    })
    expect(next.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
    const done = next.body.tasks.find((t: { id: string }) => t.id === 'BS-02')
    expect(done).toMatchObject({ status: 'done', completedOn: '2026-12-11', progress: 100, updatedAt: '2026-12-12T01:00:00.000Z' })

    const audit = await env.DB.prepare("SELECT action, target, detail FROM audit_log WHERE unit_id = 'binh-son' AND action LIKE 'task.%' ORDER BY seq").all<{ action: string; target: string; detail: string }>()
    expect(audit.results.map((a) => a.action)).toEqual(['task.create', 'task.create', 'task.done'])
    expect(JSON.parse(audit.results[2]?.detail ?? '{}')).toMatchObject({ before: { status: 'todo' }, after: { status: 'done', completedOn: '2026-12-11' } })
    clock.set('2026-11-26T09:00:00+07:00')
  })

  it('round-trips every field and takes a full sheet of 200 tasks in one request', async () => {
    const full = task('RT-1', {
      lead: 'trieu-son-vp-ntm', collaborators: 'binh-son; trieu-son-tnmt', due: 46357, recurrence: 'Hằng tháng, ngày 28, đến 31/12/2027',
      status: 'đang làm', progress: '40%', source: 'TB 17/11/2020, mục 10', note: 'Ghi chú',
    })
    const many = Array.from({ length: 199 }, (_, i) => task('BULK-' + i, { due: '2027-01-' + String((i % 28) + 1).padStart(2, '0') }))
    const res = await call('PUT', '/api/v1/units/trieu-son/tasks', { token: TOKENS.district, body: { tasks: [full, ...many] } })
    expect(res.status).toBe(200)
    expect(res.body.created).toBe(200)
    const got = res.body.tasks.find((t: { id: string }) => t.id === 'RT-1')
    expect(got).toEqual({
      id: 'RT-1', title: 'Nhiệm vụ RT-1', lead: 'trieu-son-vp-ntm', collaborators: ['binh-son', 'trieu-son-tnmt'], due: '2026-12-01',
      recurrence: { kind: 'monthly', day: 28, until: '2027-12-31' }, status: 'doing', progress: 40, source: 'TB 17/11/2020, mục 10',
      note: 'Ghi chú', owner: 'trieu-son', updatedAt: '2026-11-26T02:00:00.000Z', version: 1,
    })
    const again = await call('PUT', '/api/v1/units/trieu-son/tasks', { token: TOKENS.district, body: { tasks: [full, ...many] } })
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 200 })
    const audits = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE unit_id = 'trieu-son' AND action = 'task.create'").first<{ n: number }>()
    expect(audits?.n).toBe(200)
    const tooMany = await call('PUT', '/api/v1/units/trieu-son/tasks', { token: TOKENS.district, body: { tasks: [...many, ...many] } })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.issues[0]).toMatchObject({ code: 'field_too_many', path: 'tasks' })
  })

  it('refuses rule errors with 422 and the shared issue codes, writing nothing', async () => {
    const res = await call('PUT', '/api/v1/units/binh-son/tasks', {
      token: TOKENS.binhSon,
      body: { tasks: [task('BS-09', { lead: 'binh-son, tho-son' }), task('BS-10', { due: '31/02/2026' })] },
    })
    expect(res.status).toBe(422)
    expect(res.body.error).toBe('validation_failed')
    expect(res.body.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'task_lead_multiple', path: 'tasks[0].lead' }),
      expect.objectContaining({ code: 'task_due_invalid', path: 'tasks[1].due' }),
    ]))
    const list = await call('GET', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon })
    expect(list.body.tasks.map((t: { id: string }) => t.id)).not.toContain('BS-09')
  })

  it('answers wrong types with 400 and paths', async () => {
    const res = await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon, body: { tasks: [{ id: 'x', title: 5, lead: 'binh-son', due: '2026-12-01' }] } })
    expect(res.status).toBe(400)
    expect(res.body.issues[0]).toMatchObject({ path: 'tasks[0].title', code: 'field_wrong_type' })
    expect((await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon, raw: '{"tasks": [' })).status).toBe(400)
  })

  it('lets the district write any sheet in its subtree but not a leader or another commune', async () => {
    const office = await call('PUT', '/api/v1/units/trieu-son-tnmt/tasks', { token: TOKENS.district, body: { tasks: [task('TNMT-01', { lead: 'trieu-son-tnmt', collaborators: ['binh-son'] })] } })
    expect(office.status).toBe(200)
    expect((await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.thoSon, body: { tasks: [task('X')] } })).status).toBe(404)
    expect((await call('PUT', '/api/v1/units/trieu-son/tasks', { token: TOKENS.leader, body: { tasks: [task('X')] } })).status).toBe(403)
    expect((await call('PUT', '/api/v1/units/xuan-du/tasks', { token: TOKENS.district, body: { tasks: [task('X')] } })).status).toBe(404)
  })
})

describe('GET /api/v1/units/{unit}/flags', () => {
  it("flags Bình Sơn's tasks on the demo day: one overdue, one due soon, with its role", async () => {
    const res = await call('GET', '/api/v1/units/binh-son/flags?date=2026-11-26', { token: TOKENS.binhSon })
    expect(res.status).toBe(200)
    const byId = Object.fromEntries(res.body.tasks.map((t: { id: string }) => [t.id, t]))
    expect(byId['demo-2026-m2']).toMatchObject({ role: 'lead', flag: 'overdue', days: 6, occurrence: '2026-11-20', owner: 'trieu-son' })
    expect(byId['demo-2026-m10']).toMatchObject({ role: 'collaborator', flag: 'due_soon', days: 2, occurrence: '2026-11-28' })
    expect(byId['demo-2026-m4']).toMatchObject({ role: 'lead', flag: 'ok' })
    expect(byId['tb-2020-11-17-m2']).toMatchObject({ flag: 'done' })
    expect(byId['tb-2020-11-17-m7']).toBeUndefined()
  })

  it('shows each recent period as on_time, late, missing or open', async () => {
    const hopLy = await call('GET', '/api/v1/units/hop-ly/flags?date=2026-11-26', { token: TOKENS.district })
    expect(hopLy.body.reports).toEqual([
      { period: '2026-10-28', status: 'late', days: 2 },
      { period: '2026-11-14', status: 'late', days: 3 },
      { period: '2026-11-28', status: 'open', days: 2 },
    ])
    const thoBinh = await call('GET', '/api/v1/units/tho-binh/flags', { token: TOKENS.district })
    expect(thoBinh.body.date).toBe('2026-11-26')
    expect(thoBinh.body.reports).toEqual([
      { period: '2026-10-28', status: 'on_time', days: 0 },
      { period: '2026-11-14', status: 'missing', days: 12 },
      { period: '2026-11-28', status: 'open', days: 2 },
    ])
  })

  it('judges an earlier date as it stood then', async () => {
    const res = await call('GET', '/api/v1/units/hop-ly/flags?date=2026-11-15', { token: TOKENS.district })
    expect(res.body.reports).toContainEqual({ period: '2026-11-14', status: 'missing', days: 1 })
    const office = await call('GET', '/api/v1/units/trieu-son-ktht/flags?date=2021-04-01', { token: TOKENS.district })
    expect(office.body.reports).toEqual([])
    expect(office.body.tasks).toContainEqual(expect.objectContaining({ id: 'tb-2020-11-17-m7', role: 'lead', flag: 'done_late', days: 5 }))
  })

  it('keeps communes out of other units and rejects a bad date', async () => {
    expect((await call('GET', '/api/v1/units/tho-son/flags', { token: TOKENS.binhSon })).status).toBe(404)
    const bad = await call('GET', '/api/v1/units/binh-son/flags?date=2026-02-30', { token: TOKENS.binhSon })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('bad_request')
  })
})
