// The read models of issue 12 (the read_models migration): task_units and report_latest stay in
// step with every write, the stored flag inputs give the same flags as the shared taskFlag, overdue tasks
// page without gaps, and the statements of the hot requests never SCAN a table that grows with the province.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { aggregateWorkbookPath } from '../../shared/api'
import { taskFlag } from '../../shared/tasks'
import { SHEETS } from '../../shared/workbook/report-book'
import { createApp } from '../../worker/index'
import { runReminders } from '../../worker/services/reminder-job'
import { DEMO_NOW, TOKENS, addToken, client, reportBody, seedDemo } from './helpers'
import { readWorkbook } from '../../worker/xlsx/read-workbook'
import { growingScans } from './query-plan'
import { type Recorded, recordingD1 } from './recording-d1'

const call = client()

beforeAll(async () => {
  await seedDemo()
})

/** task_units exactly as derived from tasks: owner, lead and each collaborator. */
async function involvementMismatches(): Promise<number> {
  const row = await env.DB.prepare(
    `WITH derived AS (
       SELECT owner_id AS unit_id, owner_id, id AS task_id, 'owner' AS role FROM tasks
       UNION SELECT lead, owner_id, id, 'lead' FROM tasks
       UNION SELECT c.value, t.owner_id, t.id, 'collaborator' FROM tasks t, json_each(t.collaborators) c
     )
     SELECT (SELECT COUNT(*) FROM (SELECT * FROM derived EXCEPT SELECT unit_id, owner_id, task_id, role FROM task_units))
          + (SELECT COUNT(*) FROM (SELECT unit_id, owner_id, task_id, role FROM task_units EXCEPT SELECT * FROM derived)) AS n`,
  ).first<{ n: number }>()
  return row?.n ?? -1
}

const task = (id: string, extra: Record<string, unknown> = {}) => ({
  id, title: 'Nhiệm vụ ' + id, lead: 'binh-son', collaborators: ['trieu-son-tnmt'], due: '2026-11-10', ...extra,
})

describe('task_units', () => {
  it('holds the seeded tasks, and follows creates, lead and collaborator changes', async () => {
    expect(await involvementMismatches()).toBe(0)
    const put = (tasks: unknown[]) => call('PUT', '/api/v1/units/trieu-son/tasks', { token: TOKENS.district, body: { tasks } })
    expect((await put([task('RM-1'), task('RM-2', { collaborators: ['tho-son', 'hop-ly'] })])).status).toBe(200)
    expect(await involvementMismatches()).toBe(0)
    expect((await put([task('RM-1', { lead: 'tho-son', collaborators: [] }), task('RM-2', { collaborators: ['dan-luc'] })])).status).toBe(200)
    expect(await involvementMismatches()).toBe(0)
    const rows = await env.DB.prepare("SELECT unit_id, role FROM task_units WHERE owner_id = 'trieu-son' AND task_id = 'RM-2' ORDER BY unit_id").all()
    expect(rows.results).toEqual([
      { unit_id: 'binh-son', role: 'lead' }, { unit_id: 'dan-luc', role: 'collaborator' }, { unit_id: 'trieu-son', role: 'owner' },
    ])
  })

  it('forgets a deleted task', async () => {
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM task_units WHERE owner_id = 'trieu-son' AND task_id = 'RM-1'").first<{ n: number }>()
    expect(before?.n).toBeGreaterThan(0)
    await env.DB.prepare("DELETE FROM tasks WHERE owner_id = 'trieu-son' AND id = 'RM-1'").run()
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM task_units WHERE owner_id = 'trieu-son' AND task_id = 'RM-1'").first<{ n: number }>()
    const task = await env.DB.prepare("SELECT COUNT(*) AS n FROM tasks WHERE owner_id = 'trieu-son' AND id = 'RM-1'").first<{ n: number }>()
    expect(task?.n).toBe(0)
    expect(left?.n).toBe(0)
  })
})

describe('report_latest', () => {
  it('points at the highest revision and keeps the first arrival, after concurrent submissions', async () => {
    const token = await addToken('rm_hop_ly', 'commune', 'hop-ly')
    const period = '2026-11-28'
    const responses = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => call('POST', '/api/v1/reports', { token, body: reportBody('hop-ly', period, [1, 2, n + 2]) })),
    )
    expect(responses.every((r) => r.status === 201)).toBe(true)
    const truth = await env.DB.prepare(
      `SELECT id, revision, received_at, achieved, criteria FROM report_revisions WHERE unit_id = 'hop-ly' AND period = ?1 ORDER BY revision DESC LIMIT 1`,
    ).bind(period).first<{ id: string; revision: number; received_at: string; achieved: number; criteria: string }>()
    const first = await env.DB.prepare(`SELECT MIN(received_at) AS at FROM report_revisions WHERE unit_id = 'hop-ly' AND period = ?1`).bind(period).first<{ at: string }>()
    const latest = await env.DB.prepare('SELECT * FROM report_latest WHERE unit_id = ?1 AND period = ?2').bind('hop-ly', period).first<Record<string, unknown>>()
    expect(truth?.revision).toBe(6)
    expect(latest).toMatchObject({
      revision_id: truth?.id, revision: 6, received_at: truth?.received_at, first_received_at: first?.at, achieved: truth?.achieved, criteria: truth?.criteria,
    })
  })

  it('matches the revisions for every seeded (unit, period)', async () => {
    const row = await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM report_latest l
       WHERE l.revision <> (SELECT MAX(revision) FROM report_revisions r WHERE r.unit_id = l.unit_id AND r.period = l.period)
          OR l.first_received_at <> (SELECT MIN(received_at) FROM report_revisions r WHERE r.unit_id = l.unit_id AND r.period = l.period)`,
    ).first<{ n: number }>()
    const pairs = await env.DB.prepare('SELECT (SELECT COUNT(*) FROM (SELECT DISTINCT unit_id, period FROM report_revisions)) AS r, (SELECT COUNT(*) FROM report_latest) AS l').first<{ r: number; l: number }>()
    expect(row?.n).toBe(0)
    expect(pairs?.l).toBe(pairs?.r)
  })
})

describe('stored flag inputs', () => {
  it('flag every seeded task as the shared taskFlag does, on days across two years', async () => {
    const tasks = (await call('GET', '/api/v1/units/trieu-son/tasks', { token: TOKENS.district })).body.tasks as Parameters<typeof taskFlag>[0][]
    let compared = 0
    for (const date of ['2020-11-01', '2020-12-31', '2021-01-05', '2021-06-01', '2026-11-14', '2026-11-20', '2026-11-26', '2027-06-30']) {
      const res = await call('GET', '/api/v1/units/binh-son/flags?date=' + date, { token: TOKENS.binhSon })
      expect(res.status).toBe(200)
      for (const row of res.body.tasks as Array<{ id: string; owner: string; flag: string; days: number; occurrence: string }>) {
        const t = tasks.find((x) => x.id === row.id)
        if (!t || row.owner !== 'trieu-son') continue
        const f = taskFlag(t, date)
        expect({ id: row.id, date, flag: row.flag, days: row.days, occurrence: row.occurrence }).toEqual({ id: row.id, date, ...f })
        compared++
      }
    }
    expect(compared).toBeGreaterThan(0) // the flags listed the district's tasks: a test that compared nothing would pass
  })

  it('flags a row stored without them (before the migration) from the task itself', async () => {
    await env.DB.prepare("UPDATE tasks SET schedule_known = 0, next_due = NULL, done_due = NULL, version = version + 1 WHERE owner_id = 'trieu-son' AND id = 'demo-2026-m2'").run()
    const flags = await call('GET', '/api/v1/units/binh-son/flags', { token: TOKENS.binhSon })
    expect(flags.body.tasks.find((t: { id: string }) => t.id === 'demo-2026-m2')).toMatchObject({ flag: 'overdue', days: 6, occurrence: '2026-11-20' })
    const agg = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-11-14' } })
    expect(agg.body.overdueTasks.map((t: { id: string }) => t.id)).toContain('demo-2026-m2')
    expect(agg.body.overdueTotal).toBe(agg.body.overdueTasks.length)
  })
})

describe('GET /api/v1/aggregate/{unit}/overdue', () => {
  it('pages every overdue task once, longest overdue first, and agrees with the aggregate count', async () => {
    const many = Array.from({ length: 23 }, (_, i) => task('PG-' + String(i).padStart(2, '0'), { due: '2026-10-' + String(10 + (i % 7)).padStart(2, '0') }))
    expect((await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon, body: { tasks: many } })).status).toBe(200)
    const agg = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-11-14' } })
    const total = agg.body.overdueTotal as number
    expect(total).toBeGreaterThanOrEqual(23)
    const seen: Array<{ id: string; owner: string; days: number }> = []
    let cursor: string | null = null
    for (let page = 0; page < 20; page++) {
      const res = await call('GET', '/api/v1/aggregate/trieu-son/overdue?limit=5' + (cursor ? '&cursor=' + cursor : ''), { token: TOKENS.leader })
      expect(res.status).toBe(200)
      expect(res.body.total).toBe(total)
      seen.push(...res.body.tasks)
      cursor = res.body.next
      if (!cursor) break
    }
    expect(seen).toHaveLength(total)
    expect(new Set(seen.map((t) => t.owner + '/' + t.id)).size).toBe(total)
    for (let i = 1; i < seen.length; i++) expect((seen[i - 1] as { days: number }).days).toBeGreaterThanOrEqual((seen[i] as { days: number }).days)
    expect(seen.slice(0, agg.body.overdueTasks.length)).toEqual(agg.body.overdueTasks)
  })

  it('refuses a forged cursor, a bad limit, a commune and another district with the usual errors', async () => {
    const bad = await call('GET', '/api/v1/aggregate/trieu-son/overdue?cursor=not-a-cursor', { token: TOKENS.district })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: 'bad_request' })
    expect(bad.body.message).toContain('cursor')
    expect((await call('GET', '/api/v1/aggregate/trieu-son/overdue?limit=0', { token: TOKENS.district })).status).toBe(400)
    expect((await call('GET', '/api/v1/aggregate/trieu-son/overdue?limit=5000', { token: TOKENS.district })).status).toBe(400)
    expect((await call('GET', '/api/v1/aggregate/trieu-son/overdue', { token: TOKENS.binhSon })).status).toBe(403)
  })
})

describe('more overdue tasks than a page', () => {
  const app = createApp({ now: () => DEMO_NOW })
  async function overdueSheetRows(unit: string, period: string): Promise<unknown[][]> {
    const res = await app.request(aggregateWorkbookPath(unit, period), { headers: { Authorization: 'Bearer ' + TOKENS.leader } }, env)
    expect(res.status).toBe(200)
    const sheet = (await readWorkbook(await res.arrayBuffer())).find((x) => x.name === SHEETS.overdue)
    expect(sheet, 'the overdue tasks sheet').toBeDefined()
    return sheet!.rows.slice(2)
  }

  it('the aggregate lists the first 100 with a cursor, the page names its units, the workbook lists them all; a lock keeps it so', async () => {
    const many = Array.from({ length: 120 }, (_, i) => task('BIG-' + String(i).padStart(3, '0'), { lead: 'tho-son', due: '2026-09-' + String(1 + (i % 28)).padStart(2, '0') }))
    expect((await call('PUT', '/api/v1/units/tho-son/tasks', { token: await addToken('rm_tho_son', 'commune', 'tho-son'), body: { tasks: many } })).status).toBe(200)
    const agg = await call('POST', '/api/v1/aggregate', { token: TOKENS.leader, body: { unit: 'trieu-son', period: '2026-11-14' } })
    const total = agg.body.overdueTotal as number
    expect(total).toBeGreaterThan(120)
    expect(agg.body.overdueTasks).toHaveLength(100)
    expect(agg.body.overdueNext).toEqual(expect.any(String))
    expect(agg.body.overdueTasks[0]).toMatchObject({ collaborators: ['trieu-son-tnmt'] })
    expect(agg.body.unitNames['trieu-son-tnmt']).toBe('Phòng Tài nguyên và Môi trường huyện Triệu Sơn')

    const rest = await call('GET', '/api/v1/aggregate/trieu-son/overdue?limit=1000&cursor=' + agg.body.overdueNext, { token: TOKENS.leader })
    expect(rest.body.tasks).toHaveLength(total - 100)
    expect(rest.body.next).toBeNull()
    expect(rest.body.tasks[0].days).toBeLessThanOrEqual(agg.body.overdueTasks[99].days)
    // Names of what this page mentions, not of the whole subtree.
    const mentioned = new Set<string>(rest.body.tasks.flatMap((t: { owner: string; lead: string; collaborators: string[] }) => [t.owner, t.lead, ...t.collaborators]))
    expect(Object.keys(rest.body.unitNames).every((id) => mentioned.has(id))).toBe(true)
    expect(rest.body.unitNames['trieu-son-tnmt']).toBe('Phòng Tài nguyên và Môi trường huyện Triệu Sơn')

    const open = await overdueSheetRows('trieu-son', '2026-11-14')
    expect(open).toHaveLength(total)
    expect(open.some((r) => String(r[0]).startsWith('Còn '))).toBe(false)

    expect((await call('POST', '/api/v1/periods/2026-10-28/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })).status).toBe(200)
    const locked = await call('POST', '/api/v1/aggregate', { token: TOKENS.leader, body: { unit: 'trieu-son', period: '2026-10-28' } })
    expect(locked.body.lockedAt).toEqual(expect.any(String))
    expect(locked.body.overdueTotal).toBe(total)
    expect(locked.body.overdueTasks).toEqual(agg.body.overdueTasks)
    expect(locked.body.overdueNext).toBe(agg.body.overdueNext)
    expect(await overdueSheetRows('trieu-son', '2026-10-28')).toHaveLength(total)
  })
})

describe('query plans of the hot requests', () => {
  it('never SCAN a table that grows with the province (aggregate, overdue page, flags, submit, validate)', async () => {
    const token = await addToken('rm_dan_luc', 'commune', 'dan-luc')
    const requests: Array<[string, string, string, unknown?]> = [
      ['POST', '/api/v1/aggregate', TOKENS.district, { unit: 'trieu-son', period: '2026-11-14' }],
      ['GET', '/api/v1/aggregate/trieu-son/overdue?limit=2', TOKENS.district],
      ['GET', '/api/v1/units/binh-son/flags', TOKENS.binhSon],
      ['POST', '/api/v1/reports', token, reportBody('dan-luc', '2026-11-28')],
      ['POST', '/api/v1/reports/validate', token, reportBody('dan-luc', '2026-11-28')],
    ]
    const app = createApp({ now: () => DEMO_NOW })
    for (const [method, path, bearer, body] of requests) {
      const log: Recorded[] = []
      const res = await app.request(path, {
        method, headers: { Authorization: 'Bearer ' + bearer, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
      }, { ...env, DB: recordingD1(log) })
      expect(res.status, path).toBeLessThan(300)
      expect(log.length, path).toBeGreaterThan(2)
      for (const s of log.filter((x) => x.sql !== undefined)) {
        const plan = await env.DB.prepare('EXPLAIN QUERY PLAN ' + s.sql).bind(...s.params).all<{ detail: string }>()
        const detail = plan.results.map((r) => r.detail)
        expect(detail.length, s.sql).toBeGreaterThan(0)
        expect(growingScans(s.sql, detail), path + ': ' + s.sql + '\n' + detail.join('\n')).toEqual([])
      }
    }
  })

  it('the daily reminder job reads tasks by their stored next deadline, a seek per sheet', async () => {
    const log: Recorded[] = []
    const run = await runReminders(recordingD1(log), new Date('2026-11-26T00:00:00Z'))
    expect(run.created.some((n) => n.unit === 'binh-son')).toBe(true)
    const read = log.filter((s) => /JOIN tasks t/.test(s.sql))
    expect(read).toHaveLength(1)
    for (const s of read) {
      const plan = await env.DB.prepare('EXPLAIN QUERY PLAN ' + s.sql).bind(...s.params).all<{ detail: string }>()
      const detail = plan.results.map((r) => r.detail)
      expect(growingScans(s.sql, detail), s.sql + '\n' + detail.join('\n')).toEqual([])
      expect(detail.join('\n')).toContain('tasks_next_due')
    }
  })

  it('the triggers keeping task_units seek by task', async () => {
    const plan = await env.DB.prepare("EXPLAIN QUERY PLAN DELETE FROM task_units WHERE owner_id = ?1 AND task_id = ?2 AND role <> 'owner'").bind('a', 'b').all<{ detail: string }>()
    const detail = plan.results.map((r) => r.detail)
    expect(growingScans('DELETE FROM task_units', detail)).toEqual([])
    expect(detail.join('\n')).toContain('task_units_task')
  })

  it('the scan check itself sees a scan (the old OR over json_each)', async () => {
    const sql = `SELECT t.id FROM tasks t WHERE t.owner_id IN (SELECT value FROM json_each(?1)) OR t.lead IN (SELECT value FROM json_each(?1))
       OR EXISTS (SELECT 1 FROM json_each(t.collaborators) c WHERE c.value IN (SELECT value FROM json_each(?1)))`
    const plan = await env.DB.prepare('EXPLAIN QUERY PLAN ' + sql).bind('["binh-son"]').all<{ detail: string }>()
    expect(growingScans(sql, plan.results.map((r) => r.detail))).not.toEqual([])
  })
})
