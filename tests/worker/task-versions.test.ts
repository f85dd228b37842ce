// The lost update of issue 10: two writers of the same task no longer both succeed with the last silently
// winning. Each task has a version; a write carrying a stale one that would change the task gets 409
// `version_conflict` with the current row and, per differing field, who changed it, when, and both values.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { TOKENS, client, movableClock, seedDemo } from './helpers'

const clock = movableClock()
const call = client(clock.now)

beforeAll(seedDemo)

const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: 'Việc ' + id, lead: 'binh-son', due: '2026-12-10', ...extra })
const put = (token: string, tasks: unknown[]) => call('PUT', '/api/v1/units/binh-son/tasks', { token, body: { tasks } })
const stored = async (id: string) => (await call('GET', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon })).body.tasks.find((t: { id: string }) => t.id === id)
const audits = async (id: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE target = 'binh-son/' || ?1").bind(id).first<number>('n')) ?? 0

describe('task versions', () => {
  it('start at 1 and grow by one with each change, not with an unchanged write', async () => {
    expect((await put(TOKENS.binhSon, [task('V-1')])).body.tasks.find((t: { id: string }) => t.id === 'V-1').version).toBe(1)
    expect((await put(TOKENS.binhSon, [task('V-1', { version: 1, progress: 10 })])).status).toBe(200)
    expect((await stored('V-1')).version).toBe(2)
    const same = await put(TOKENS.binhSon, [task('V-1', { version: 2, progress: 10 })])
    expect(same.body).toMatchObject({ unchanged: 1, updated: 0 })
    expect((await stored('V-1')).version).toBe(2)
  })

  it('refuse a stale write with 409, the current row and what changed; nothing is saved', async () => {
    await put(TOKENS.binhSon, [task('V-2')])
    // The commune and the district office both have version 1. The district saves first, at 08:15.
    clock.set('2026-11-29T08:15:00+07:00')
    expect((await put(TOKENS.district, [task('V-2', { version: 1, due: '2026-12-15' })])).status).toBe(200)
    const auditRows = await audits('V-2')
    clock.set('2026-11-29T10:00:00+07:00')
    const stale = await put(TOKENS.binhSon, [task('V-0'), task('V-2', { version: 1, progress: 40 })])
    expect(stale.status).toBe(409)
    expect(stale.body.error).toBe('version_conflict')
    expect(stale.body.current).toEqual([expect.objectContaining({ id: 'V-2', version: 2, due: '2026-12-15', progress: 0, updatedAt: '2026-11-29T01:15:00.000Z' })])
    expect(stale.body.issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([
      ['task_changed_on_server', 'tasks[1].due'],
      ['task_changed_on_server', 'tasks[1].progress'],
    ])
    expect(stale.body.issues[0].message).toBe(
      'Nhiệm vụ V-2 đã được Huyện Triệu Sơn (Demo: Văn phòng NTM huyện) sửa lúc 08:15 29/11/2026: Hạn trên máy chủ là "15/12/2026", trong sổ là "10/12/2026".',
    )
    expect(stale.body.issues[0].message_en).toContain('was changed by Huyện Triệu Sơn (Demo: Văn phòng NTM huyện) at 08:15 29/11/2026')
    // Neither the stale row nor the good row beside it was written, and no audit row was added.
    expect(await stored('V-2')).toMatchObject({ version: 2, due: '2026-12-15', progress: 0 })
    expect(await stored('V-0')).toBeUndefined()
    expect(await audits('V-2')).toBe(auditRows)
    // Carrying the version now on the server, the commune's write goes through.
    expect((await put(TOKENS.binhSon, [task('V-2', { version: 2, due: '2026-12-15', progress: 40 })])).status).toBe(200)
    clock.set('2026-11-26T09:00:00+07:00')
  })

  it('let a stale write through when it changes nothing (someone made the same change)', async () => {
    await put(TOKENS.binhSon, [task('V-3')])
    await put(TOKENS.district, [task('V-3', { version: 1, status: 'doing' })])
    const same = await put(TOKENS.binhSon, [task('V-3', { version: 1, status: 'đang làm' })])
    expect(same.status).toBe(200)
    expect(same.body.unchanged).toBe(1)
  })

  it('do not check rows without a version (older clients): they write as before', async () => {
    await put(TOKENS.binhSon, [task('V-4')])
    await put(TOKENS.district, [task('V-4', { version: 1, title: 'Đổi bởi huyện' })])
    const blind = await put(TOKENS.binhSon, [task('V-4', { title: 'Đổi bởi xã' })])
    expect(blind.status).toBe(200)
    expect(await stored('V-4')).toMatchObject({ title: 'Đổi bởi xã', version: 3 })
  })

  it('let exactly one of many concurrent writers of the same version win', async () => {
    await put(TOKENS.binhSon, [task('V-5')])
    const auditRows = await audits('V-5')
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => put(n % 2 ? TOKENS.binhSon : TOKENS.district, [task('V-5', { version: 1, title: 'Bản ' + n })])),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409])
    const winner = results.find((r) => r.status === 200)?.body.tasks.find((t: { id: string }) => t.id === 'V-5')
    expect(await stored('V-5')).toMatchObject({ version: 2, title: winner.title })
    expect(await audits('V-5')).toBe(auditRows + 1)
  })

  it('keep the stored source when a row comes without one (the task sheet has no source column)', async () => {
    await put(TOKENS.binhSon, [task('V-6', { source: 'TB 17/11/2020, mục 4' })])
    const res = await put(TOKENS.binhSon, [task('V-6', { version: 1, progress: 20 })])
    expect(res.body.updated).toBe(1)
    expect(await stored('V-6')).toMatchObject({ source: 'TB 17/11/2020, mục 4', progress: 20, version: 2 })
  })

  it('are kept by the database itself: an update that does not step the version by one fails', async () => {
    await put(TOKENS.binhSon, [task('V-8')])
    await expect(env.DB.prepare("UPDATE tasks SET title = 'x' WHERE owner_id = 'binh-son' AND id = 'V-8'").run()).rejects.toThrow(/version_conflict/)
    await expect(env.DB.prepare("UPDATE tasks SET title = 'x', version = version + 2 WHERE owner_id = 'binh-son' AND id = 'V-8'").run()).rejects.toThrow(/version_conflict/)
    await env.DB.prepare("UPDATE tasks SET title = 'x', version = version + 1 WHERE owner_id = 'binh-son' AND id = 'V-8'").run()
    expect(await stored('V-8')).toMatchObject({ title: 'x', version: 2 })
  })

  it('refuse a version that is not a whole number', async () => {
    const res = await put(TOKENS.binhSon, [task('V-7', { version: 'hai' })])
    expect(res.status).toBe(422)
    expect(res.body.issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([['task_version_invalid', 'tasks[0].version']])
  })
})
