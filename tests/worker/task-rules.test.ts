// Findings 2 and 3 of issue 10: a task may name only units within the writer's reach (its own unit and those
// below, the units above it and their offices), and only dates within the API's years (1900–2199). Anything
// else is refused with 422 and the offending path, whichever way the tasks arrive; nothing is stored.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { TOKENS, addOtherDistrict, addToken, client, reportBody, seedDemo } from './helpers'

const call = client()
let xuanDu = ''

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
  xuanDu = await addToken('tok_rules_xuan_du', 'commune', 'xuan-du')
})

const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: 'Việc ' + id, lead: 'binh-son', due: '2026-12-10', ...extra })
const put = (token: string, unit: string, tasks: unknown[]) => call('PUT', '/api/v1/units/' + unit + '/tasks', { token, body: { tasks } })
const codes = (body: { issues: Array<{ code: string; path: string }> }) => body.issues.map((i) => [i.code, i.path])

async function taskCount(): Promise<number> {
  return (await env.DB.prepare('SELECT COUNT(*) AS n FROM tasks').first<number>('n')) ?? 0
}

describe('units named in tasks', () => {
  it("refuses the issue's example: a lead in another district and a sibling commune as collaborator", async () => {
    const before = await taskCount()
    const res = await put(TOKENS.binhSon, 'binh-son', [task('N-1', { lead: 'xuan-du', collaborators: ['tho-son', 'thanh-hoa'] })])
    expect(res.status).toBe(422)
    expect(res.body.error).toBe('validation_failed')
    expect(codes(res.body)).toEqual([
      ['task_unit_not_allowed', 'tasks[0].lead'],
      ['task_unit_not_allowed', 'tasks[0].collaborators'],
    ])
    expect(res.body.issues[1].message).toContain('"tho-son"')
    expect(await taskCount()).toBe(before)
    // So neither unit sees it among its flags.
    for (const [unit, token] of [['tho-son', TOKENS.thoSon], ['xuan-du', xuanDu]] as const) {
      const flags = await call('GET', '/api/v1/units/' + unit + '/flags', { token })
      expect(flags.body.tasks.map((t: { id: string }) => t.id)).not.toContain('N-1')
    }
  })

  it('lets a commune name itself, its district and province, and the district offices', async () => {
    const res = await put(TOKENS.binhSon, 'binh-son', [
      task('N-2', { collaborators: ['trieu-son', 'thanh-hoa', 'trieu-son-tnmt'] }),
      task('N-3', { lead: 'trieu-son-vp-ntm', collaborators: 'binh-son' }),
    ])
    expect(res.status).toBe(200)
    expect(res.body.created).toBe(2)
  })

  it('keeps names that are not unit ids (a person, an office outside the list) as text', async () => {
    const res = await put(TOKENS.binhSon, 'binh-son', [task('N-4', { lead: 'Phó Chủ tịch UBND huyện', collaborators: ['UBND huyện Triệu Sơn'] })])
    expect(res.status).toBe(200)
    const stored = (await call('GET', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon })).body.tasks as Array<{ id: string }>
    expect(stored.find((t) => t.id === 'N-4')).toMatchObject({ lead: 'Phó Chủ tịch UBND huyện', collaborators: ['UBND huyện Triệu Sơn'] })
  })

  it('refuses an id that names no unit exactly like one out of reach', async () => {
    const missing = await put(TOKENS.binhSon, 'binh-son', [task('N-5', { collaborators: ['khong-co-don-vi'] })])
    const hidden = await put(TOKENS.binhSon, 'binh-son', [task('N-5', { collaborators: ['xuan-du'] })])
    expect([missing.status, hidden.status]).toEqual([422, 422])
    expect(JSON.stringify(missing.body).split('khong-co-don-vi').join('<id>')).toBe(JSON.stringify(hidden.body).split('xuan-du').join('<id>'))
  })

  it("lets the district name its subtree and the province, not another district's commune; admin any unit", async () => {
    expect((await put(TOKENS.district, 'trieu-son', [task('D-1', { lead: 'tho-son', collaborators: ['thanh-hoa', 'trieu-son-ktht'] })])).status).toBe(200)
    const far = await put(TOKENS.district, 'trieu-son', [task('D-2', { lead: 'xuan-du' })])
    expect(far.status).toBe(422)
    expect(codes(far.body)).toEqual([['task_unit_not_allowed', 'tasks[0].lead']])
    expect((await put(TOKENS.admin, 'thanh-hoa', [task('A-1', { lead: 'xuan-du', collaborators: ['binh-son'] })])).status).toBe(200)
    expect((await put(TOKENS.admin, 'thanh-hoa', [task('A-2', { lead: 'khong-co-don-vi' })])).status).toBe(422)
  })

  it('applies to tasks sent with a report, and to validation', async () => {
    const body = reportBody('binh-son', '2026-11-28', [1, 2], { tasks: [task('R-1', { lead: 'tho-son' })] })
    const submitted = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body })
    expect(submitted.status).toBe(422)
    expect(codes(submitted.body)).toContainEqual(['task_unit_not_allowed', 'tasks[0].lead'])
    const validated = await call('POST', '/api/v1/reports/validate', { token: TOKENS.binhSon, body })
    expect(validated.body.ok).toBe(false)
    expect(validated.body.issues.map((i: { code: string }) => i.code)).toContain('task_unit_not_allowed')
    const fine = reportBody('binh-son', '2026-11-28', [1, 2], { tasks: [task('R-1', { collaborators: ['trieu-son'] })] })
    expect((await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: fine })).status).toBe(201)
  })
})

describe('dates in tasks', () => {
  it('refuses due dates, completion dates and recurrence ends outside 1900–2199, with their paths', async () => {
    const before = await taskCount()
    const res = await put(TOKENS.binhSon, 'binh-son', [
      task('Y-1', { due: '1800-01-01' }),
      task('Y-2', { due: '9999-12-31' }),
      task('Y-3', { due: 2958465 }),
      task('Y-4', { due: '1899-12-31', status: 'done', completedOn: '1899-12-31' }),
      task('Y-5', { recurrence: { kind: 'monthly', day: 1, until: '2300-01-01' } }),
    ])
    expect(res.status).toBe(422)
    expect(codes(res.body)).toEqual([
      ['task_date_out_of_range', 'tasks[0].due'],
      ['task_date_out_of_range', 'tasks[1].due'],
      ['task_date_out_of_range', 'tasks[2].due'],
      ['task_date_out_of_range', 'tasks[3].due'],
      ['task_date_out_of_range', 'tasks[3].completedOn'],
      ['task_date_out_of_range', 'tasks[4].recurrence'],
    ])
    expect(res.body.issues[0].message).toBe('Nhiệm vụ Y-1: ngày "01/01/1800" nằm ngoài khoảng năm 1900–2199; kiểm tra lại năm.')
    expect(await taskCount()).toBe(before)
    expect((await put(TOKENS.binhSon, 'binh-son', [task('Y-6', { due: '1900-01-01' }), task('Y-7', { due: '2199-12-31' })])).status).toBe(200)
  })

  it('refuses them in a report too', async () => {
    const body = reportBody('binh-son', '2026-11-28', [1], { tasks: [task('Y-8', { due: '1800-05-05' })] })
    const res = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body })
    expect(res.status).toBe(422)
    expect(codes(res.body)).toContainEqual(['task_date_out_of_range', 'tasks[0].due'])
  })
})
