// Issue 8 §2: a task the district assigned and a commune leads sits in the commune's sheet; the commune's
// status, progress and completion date go back to the district's task through POST /units/{lead}/task-progress,
// its title and due date never do. Only the lead may report; a stale version is 409 like a task sheet's.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import type { TaskProgressInput } from '../../shared/api'
import type { taskProgressSchema } from '../../worker/schemas'
import { TOKENS, client, movableClock, seedDemo } from './helpers'

const clock = movableClock()
const call = client(clock.now)

beforeAll(seedDemo)

const report = (token: string, updates: unknown[], unit = 'binh-son') =>
  call('POST', '/api/v1/units/' + unit + '/task-progress', { token, body: { updates } })
const districtTask = async (id: string) =>
  (await call('GET', '/api/v1/units/trieu-son/tasks', { token: TOKENS.district })).body.tasks.find((t: { id: string }) => t.id === id)
const audits = async (target: string) =>
  (await env.DB.prepare('SELECT action, unit_id, detail FROM audit_log WHERE target = ?1 ORDER BY seq').bind(target).all<{ action: string; unit_id: string; detail: string }>()).results

describe('a lead reporting on a task the district owns', () => {
  it('types: what the pane sends is what the schema takes', () => {
    expectTypeOf<TaskProgressInput>().toExtend<z.input<typeof taskProgressSchema>>()
  })

  it('flags give the commune every task it leads or helps with, the task itself and the names it mentions', async () => {
    const res = await call('GET', '/api/v1/units/binh-son/flags?date=2026-11-26', { token: TOKENS.binhSon })
    expect(res.status).toBe(200)
    const m2 = res.body.tasks.find((t: { id: string }) => t.id === 'demo-2026-m2')
    expect(m2).toMatchObject({ owner: 'trieu-son', role: 'lead', lead: 'binh-son', due: '2026-11-20', status: 'doing', progress: 70, version: 1, flag: 'overdue' })
    expect(m2.collaborators).toEqual(['trieu-son-vp-ntm'])
    expect(res.body.tasks.find((t: { id: string }) => t.id === 'demo-2026-m9')).toMatchObject({ role: 'collaborator' })
    expect(res.body.names).toMatchObject({ 'trieu-son': 'Huyện Triệu Sơn', 'binh-son': expect.stringContaining('Bình Sơn') })
  })

  it('stores status, progress and completion date on the owner\'s task, one version up, audited', async () => {
    const res = await report(TOKENS.binhSon, [{ owner: 'trieu-son', id: 'demo-2026-m2', status: 'Hoàn thành', progress: null, completedOn: '25/11/2026', version: 1 }])
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ unit: 'binh-son', updated: 1, unchanged: 0 })
    expect(res.body.tasks).toEqual([expect.objectContaining({ id: 'demo-2026-m2', owner: 'trieu-son', status: 'done', progress: 100, completedOn: '2026-11-25', version: 2 })])
    const stored = await districtTask('demo-2026-m2')
    expect(stored).toMatchObject({ status: 'done', progress: 100, completedOn: '2026-11-25', version: 2, due: '2026-11-20' })
    expect(stored.title).toBe('Rà soát, đánh giá lại các tiêu chí và gửi báo cáo tiến độ về Văn phòng NTM huyện')
    const rows = await audits('trieu-son/demo-2026-m2')
    expect(rows.map((r) => [r.action, r.unit_id])).toEqual([['task.done', 'binh-son']])
    expect(JSON.parse(rows[0]!.detail)).toEqual({
      before: { status: 'doing', progress: 70, completedOn: null }, after: { status: 'done', progress: 100, completedOn: '2026-11-25' },
    })
    // The district's flag follows: done late by five days, not overdue.
    const flags = await call('GET', '/api/v1/units/trieu-son/flags?date=2026-11-26', { token: TOKENS.district })
    expect(flags.body.tasks.find((t: { id: string }) => t.id === 'demo-2026-m2')).toMatchObject({ flag: 'done_late', days: 5 })
  })

  it('an unchanged report writes nothing and keeps the version', async () => {
    const res = await report(TOKENS.binhSon, [{ owner: 'trieu-son', id: 'demo-2026-m2', status: 'done', progress: 100, completedOn: '2026-11-25', version: 2 }])
    expect(res.body).toMatchObject({ updated: 0, unchanged: 1 })
    expect((await districtTask('demo-2026-m2')).version).toBe(2)
    expect(await audits('trieu-son/demo-2026-m2')).toHaveLength(1)
  })

  it('refuses a title or a due date: they are the owner\'s to change', async () => {
    const res = await report(TOKENS.binhSon, [{ owner: 'trieu-son', id: 'demo-2026-m3', status: 'doing', title: 'Đổi tên', due: '2027-01-31' }])
    expect(res.status).toBe(400)
    expect(res.body.error).toBe('bad_request')
    expect(res.body.issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([['field_invalid', 'updates[0].title']])
    expect(await districtTask('demo-2026-m3')).toMatchObject({ title: 'Hoàn thiện hồ sơ minh chứng các tiêu chí', due: '2026-12-31', version: 1 })
  })

  it('only the lead may report: a collaborator, another commune and an unknown task are refused alike, nothing saved', async () => {
    const asCollaborator = await report(TOKENS.binhSon, [
      { owner: 'trieu-son', id: 'demo-2026-m3', status: 'doing', progress: 60 },
      { owner: 'trieu-son', id: 'demo-2026-m9', status: 'done', completedOn: '2026-11-20' },
      { owner: 'trieu-son', id: 'no-such-task', status: 'done', completedOn: '2026-11-20' },
    ])
    expect(asCollaborator.status).toBe(403)
    expect(asCollaborator.body.error).toBe('forbidden')
    expect(asCollaborator.body.issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([
      ['task_progress_not_lead', 'updates[1]'],
      ['task_progress_not_lead', 'updates[2]'],
    ])
    expect(asCollaborator.body.issues[0].message).toContain('chỉ đơn vị chủ trì')
    // All or nothing: the lead's own row beside them was not written either.
    expect(await districtTask('demo-2026-m3')).toMatchObject({ progress: 40, version: 1 })
    expect(await districtTask('demo-2026-m9')).toMatchObject({ status: 'doing', version: 1 })

    // Thọ Sơn may not report for Bình Sơn (404 as for a unit it cannot see), nor on Bình Sơn's task as itself.
    expect((await report(TOKENS.thoSon, [{ owner: 'trieu-son', id: 'demo-2026-m3', status: 'done', completedOn: '2026-11-20' }])).status).toBe(404)
    const asOther = await report(TOKENS.thoSon, [{ owner: 'trieu-son', id: 'demo-2026-m3', status: 'done', completedOn: '2026-11-20' }], 'tho-son')
    expect(asOther.status).toBe(403)
    expect(asOther.body.issues[0].code).toBe('task_progress_not_lead')
    // A leader reads only.
    expect((await report(TOKENS.leader, [{ owner: 'trieu-son', id: 'demo-2026-m3', status: 'doing' }])).status).toBe(403)
    expect(await districtTask('demo-2026-m3')).toMatchObject({ status: 'doing', progress: 40, version: 1 })
  })

  it('a stale version that would change the task is 409 with what changed, who and when; nothing saved', async () => {
    clock.set('2026-11-26T08:15:00+07:00')
    const task = await districtTask('demo-2026-m3')
    const { owner: _o, updatedAt: _u, version: _v, ...fields } = task
    expect((await call('PUT', '/api/v1/units/trieu-son/tasks', {
      token: TOKENS.district, body: { tasks: [{ ...fields, version: 1, progress: 55 }] },
    })).status).toBe(200)
    clock.set('2026-11-26T10:00:00+07:00')
    const stale = await report(TOKENS.binhSon, [{ owner: 'trieu-son', id: 'demo-2026-m3', status: 'doing', progress: 80, version: 1 }])
    expect(stale.status).toBe(409)
    expect(stale.body.error).toBe('version_conflict')
    expect(stale.body.issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([['task_changed_on_server', 'updates[0].progress']])
    expect(stale.body.issues[0].message).toContain('sửa lúc 08:15 26/11/2026')
    expect(stale.body.current).toEqual([expect.objectContaining({ id: 'demo-2026-m3', version: 2, progress: 55 })])
    expect(await districtTask('demo-2026-m3')).toMatchObject({ progress: 55, version: 2 })
    // With the version now on the server it goes through.
    const fresh = await report(TOKENS.binhSon, [{ owner: 'trieu-son', id: 'demo-2026-m3', status: 'doing', progress: 80, version: 2 }])
    expect(fresh.status).toBe(200)
    expect(await districtTask('demo-2026-m3')).toMatchObject({ progress: 80, version: 3 })
    clock.set('2026-11-26T09:00:00+07:00')
  })

  it('bad values are 422 in the documented shape, each at its path', async () => {
    const res = await report(TOKENS.binhSon, [
      { owner: 'trieu-son', id: 'demo-2026-m4', status: 'xong rồi chưa' },
      { owner: 'trieu-son', id: 'demo-2026-m4', status: 'done', completedOn: '31/12/2026' },
      { owner: 'trieu-son', id: 'demo-2026-m3', progress: 150, version: 'ba' },
    ])
    expect(res.status).toBe(422)
    expect(res.body.issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([
      ['task_status_invalid', 'updates[0].status'],
      ['task_id_duplicate', 'updates[1].id'],
      ['task_completed_in_future', 'updates[1].completedOn'],
      ['task_progress_invalid', 'updates[2].progress'],
      ['task_version_invalid', 'updates[2].version'],
    ])
    expect(await districtTask('demo-2026-m4')).toMatchObject({ status: 'todo', version: 1 })
  })
})
