import type { StoredTask } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import { type Recurrence, type Task, type TaskSchedule, type TaskStatus, taskSchedule } from '../../shared/tasks'

type TaskRow = {
  owner_id: string; id: string; title: string; lead: string; collaborators: string; due: string; recurrence: string | null
  status: TaskStatus; progress: number; completed_on: string | null; source: string | null; note: string | null; updated_at: string
  updated_by: string; version: number
}

const COLUMNS = 'owner_id, id, title, lead, collaborators, due, recurrence, status, progress, completed_on, source, note, updated_at, updated_by, version'

function toStoredTask(r: TaskRow): StoredTask {
  const task: StoredTask = {
    id: r.id, title: r.title, lead: r.lead, collaborators: JSON.parse(r.collaborators) as string[], due: r.due, status: r.status,
    progress: r.progress, owner: r.owner_id, updatedAt: r.updated_at, version: r.version,
  }
  if (r.recurrence !== null) task.recurrence = JSON.parse(r.recurrence) as Recurrence
  if (r.completed_on !== null) task.completedOn = r.completed_on
  if (r.source !== null) task.source = r.source
  if (r.note !== null) task.note = r.note
  return task
}

/** The tasks of one owner's sheet, by id. */
export async function listOwnedTasks(db: D1Database, ownerId: string): Promise<StoredTask[]> {
  return (await listOwnedTaskRecords(db, ownerId)).map((r) => r.task)
}

/** The same with who wrote each task last (a token id, or `seed`), for telling a writer who changed what. */
export async function listOwnedTaskRecords(db: D1Database, ownerId: string): Promise<Array<{ task: StoredTask; updatedBy: string }>> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM tasks WHERE owner_id = ?1 ORDER BY id`)
    .bind(ownerId)
    .all<TaskRow>()
  return results.map((r) => ({ task: toStoredTask(r), updatedBy: r.updated_by }))
}

type ScheduleRow = { next_due: string | null; done_due: string | null; done_late_days: number; schedule_known: number }
const SCHEDULE_COLUMNS = 't.next_due, t.done_due, t.done_late_days, t.schedule_known'

/** The flag inputs stored with a task, or null for a row written before they were (flag it from the task). */
function toSchedule(r: TaskRow & ScheduleRow): TaskSchedule | null {
  if (r.schedule_known !== 1) return null
  return { status: r.status, due: r.due, pending: r.next_due, covered: r.done_due, coveredLateDays: r.done_late_days }
}

export type ScheduledTask = StoredTask & { schedule: TaskSchedule | null }

/**
 * The daily reminder job's tasks: those of these sheets whose next deadline (stored flag input) lies within
 * [from, to] — a seek per sheet on tasks_next_due — and any stored before flag inputs were (normally none).
 */
export async function listTasksDueBetween(
  db: D1Database, ownerIds: readonly string[], from: string, to: string,
): Promise<ScheduledTask[]> {
  const columns = COLUMNS.split(', ').map((c) => 't.' + c).join(', ') + ', ' + SCHEDULE_COLUMNS
  const { results } = await db
    .prepare(
      `SELECT ${columns} FROM json_each(?1) s JOIN tasks t ON t.owner_id = s.value WHERE t.next_due BETWEEN ?2 AND ?3
       UNION ALL
       SELECT ${columns} FROM json_each(?1) s JOIN tasks t ON t.owner_id = s.value WHERE t.schedule_known = 0
       ORDER BY 1, 2`,
    )
    .bind(JSON.stringify(ownerIds), from, to)
    .all<TaskRow & ScheduleRow>()
  return results.map((r) => ({ ...toStoredTask(r), schedule: toSchedule(r) }))
}

export type InvolvedTask = { task: StoredTask; schedule: TaskSchedule | null; role: 'owner' | 'lead' | 'collaborator' }
const ROLE_RANK = { lead: 0, collaborator: 1, owner: 2 } as const

/** Tasks a unit owns, leads or helps with (a seek on task_units), each once with its closest role. */
export async function listTasksInvolvingUnit(db: D1Database, unitId: string): Promise<InvolvedTask[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS.split(', ').map((c) => 't.' + c).join(', ')}, ${SCHEDULE_COLUMNS}, u.role
       FROM task_units u JOIN tasks t ON t.owner_id = u.owner_id AND t.id = u.task_id
       WHERE u.unit_id = ?1 ORDER BY t.owner_id, t.id`,
    )
    .bind(unitId)
    .all<TaskRow & ScheduleRow & { role: InvolvedTask['role'] }>()
  const out: InvolvedTask[] = []
  for (const r of results) {
    const last = out[out.length - 1]
    if (last && last.task.owner === r.owner_id && last.task.id === r.id) {
      if (ROLE_RANK[r.role] < ROLE_RANK[last.role]) last.role = r.role
      continue
    }
    out.push({ task: toStoredTask(r), schedule: toSchedule(r), role: r.role })
  }
  return out
}

/** The names of every unit the tasks involving `unitId` name (their owners, leads and collaborators), from task_units. */
export async function listNamesAroundTasksOf(db: D1Database, unitId: string): Promise<{ [id: string]: string }> {
  const { results } = await db
    .prepare(
      `SELECT DISTINCT n.id, n.name FROM task_units me
       JOIN task_units o ON o.owner_id = me.owner_id AND o.task_id = me.task_id
       JOIN units n ON n.id = o.unit_id
       WHERE me.unit_id = ?1`,
    )
    .bind(unitId)
    .all<{ id: string; name: string }>()
  const out: { [id: string]: string } = {}
  for (const r of results) out[r.id] = r.name
  return out
}

export type OverdueRow = { owner: string; id: string; title: string; lead: string; collaborators: string[]; nextDue: string }
export type OverdueScope = { subtree: readonly string[]; above: readonly string[] }

const SCOPED_ALL = 't.owner_id, t.id, t.title, t.lead, t.next_due, t.due, t.recurrence, t.status, t.progress, t.completed_on, t.collaborators'

/**
 * The tasks a unit's report lists: every task of a sheet owned in its subtree, and tasks of sheets above it
 * (its ancestors') led or helped with in the subtree; `columns` of their union, restricted by `filter`.
 */
function scopedTasks(filter: string, columns = SCOPED_ALL): string {
  return `SELECT ${columns} FROM json_each(?1) s JOIN tasks t ON t.owner_id = s.value WHERE ${filter}
    UNION
    SELECT ${columns} FROM json_each(?1) s JOIN json_each(?2) a JOIN task_units u ON u.unit_id = s.value AND u.owner_id = a.value
      JOIN tasks t ON t.owner_id = u.owner_id AND t.id = u.task_id WHERE u.role <> 'owner' AND ${filter}`
}

/**
 * The keys (owner, id, next deadline) of the scope's overdue tasks, from the index tasks_next_due alone. The
 * two arms cannot share a task — the first is owned in the subtree, the second above it, and an owner in both
 * lists is left to the first — so they are joined without a de-duplicating UNION; only the second, where one
 * task involves several units of the subtree, is DISTINCT.
 */
const OVERDUE_KEYS = `SELECT t.owner_id, t.id, t.next_due FROM json_each(?1) s JOIN tasks t ON t.owner_id = s.value
    WHERE t.next_due < ?3 AND t.schedule_known = 1
  UNION ALL
  SELECT DISTINCT t.owner_id, t.id, t.next_due FROM json_each(?1) s JOIN json_each(?2) a JOIN task_units u ON u.unit_id = s.value AND u.owner_id = a.value
    JOIN tasks t ON t.owner_id = u.owner_id AND t.id = u.task_id
    WHERE u.role <> 'owner' AND a.value NOT IN (SELECT value FROM json_each(?1)) AND t.next_due < ?3 AND t.schedule_known = 1`

/** How many of the scope's tasks are overdue on `today` (their next deadline before it), from the stored flag inputs. */
export function countOverdueStatement(db: D1Database, scope: OverdueScope, today: string): D1PreparedStatement {
  return db
    .prepare(`SELECT COUNT(*) AS n FROM (${OVERDUE_KEYS})`)
    .bind(JSON.stringify(scope.subtree), JSON.stringify(scope.above), today)
}

/** A page of them, longest overdue first, after a (next_due, owner, id) cursor: sorted on the keys, then only the page's rows read. */
export function pageOverdueStatement(
  db: D1Database, scope: OverdueScope, today: string, after: [string, string, string] | null, limit: number,
): D1PreparedStatement {
  return db
    .prepare(
      `SELECT t.owner_id, t.id, t.title, t.lead, t.collaborators, t.next_due
       FROM (SELECT owner_id, id, next_due FROM (${OVERDUE_KEYS})
             WHERE ?4 IS NULL OR (next_due, owner_id, id) > (?4, ?5, ?6)
             ORDER BY next_due, owner_id, id LIMIT ?7) k
       JOIN tasks t ON t.owner_id = k.owner_id AND t.id = k.id
       ORDER BY k.next_due, k.owner_id, k.id`,
    )
    .bind(JSON.stringify(scope.subtree), JSON.stringify(scope.above), today, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit)
}

/** The scope's tasks stored before flag inputs were (normally none): flagged the old way. */
export function listUnscheduledStatement(db: D1Database, scope: OverdueScope): D1PreparedStatement {
  return db
    .prepare(`SELECT * FROM (${scopedTasks('t.schedule_known = 0')}) ORDER BY owner_id, id`)
    .bind(JSON.stringify(scope.subtree), JSON.stringify(scope.above))
}

export type ScopedRow = {
  owner_id: string; id: string; title: string; lead: string; next_due: string | null; due: string; recurrence: string | null
  status: TaskStatus; progress: number; completed_on: string | null; collaborators: string
}

export const toOverdueRow = (r: Pick<ScopedRow, 'owner_id' | 'id' | 'title' | 'lead' | 'collaborators' | 'next_due'>): OverdueRow => ({
  owner: r.owner_id, id: r.id, title: r.title, lead: r.lead, collaborators: JSON.parse(r.collaborators) as string[], nextDue: r.next_due as string,
})

export function scopedRowTask(r: ScopedRow): Task {
  const task: Task = {
    id: r.id, title: r.title, lead: r.lead, collaborators: JSON.parse(r.collaborators) as string[], due: r.due, status: r.status, progress: r.progress,
  }
  if (r.recurrence !== null) task.recurrence = JSON.parse(r.recurrence) as Recurrence
  if (r.completed_on !== null) task.completedOn = r.completed_on
  return task
}

/** The flag inputs written with a task: `at` is the write's time (a recurring task done without a date counts for then). */
function scheduleValues(task: Task, at: string): { nextDue: string | null; doneDue: string | null; doneLateDays: number } {
  const s = taskSchedule(task, vnDate(at))
  return { nextDue: s.pending, doneDue: s.covered, doneLateDays: s.coveredLateDays }
}

/**
 * Inserts or updates many tasks of an owner's sheet in one statement (the key is owner + task id): the rows
 * travel as one JSON parameter, so a sheet of any size is one query and stays far below D1's 100 bound
 * parameters and its per-invocation query limit. Each task carries the version it will have: 1 when new,
 * the version it was read at plus one when changed. If another writer changed it since, the version trigger
 * (migration task_versions) fails the statement and with it the whole batch.
 */
export function upsertTasksStatement(
  db: D1Database, ownerId: string, tasks: ReadonlyArray<Task & { version: number }>, at: string, by: string, onlyIfReport?: string,
): D1PreparedStatement {
  const rows = tasks.map((t) => ({
    id: t.id, title: t.title, lead: t.lead, collaborators: t.collaborators, due: t.due, recurrence: t.recurrence ?? null,
    status: t.status, progress: t.progress, completedOn: t.completedOn ?? null, source: t.source ?? null, note: t.note ?? null,
    version: t.version,
    ...scheduleValues(t, at),
  }))
  return db
    .prepare(
      `INSERT INTO tasks (owner_id, id, title, lead, collaborators, due, recurrence, status, progress, completed_on, source, note,
         created_at, updated_at, updated_by, version, next_due, done_due, done_late_days, schedule_known)
       SELECT ?1, json_extract(t.value, '$.id'), json_extract(t.value, '$.title'), json_extract(t.value, '$.lead'),
         json_extract(t.value, '$.collaborators'), json_extract(t.value, '$.due'), json_extract(t.value, '$.recurrence'),
         json_extract(t.value, '$.status'), json_extract(t.value, '$.progress'), json_extract(t.value, '$.completedOn'),
         json_extract(t.value, '$.source'), json_extract(t.value, '$.note'), ?3, ?3, ?4, json_extract(t.value, '$.version'),
         json_extract(t.value, '$.nextDue'), json_extract(t.value, '$.doneDue'), json_extract(t.value, '$.doneLateDays'), 1
       FROM json_each(?2) AS t WHERE ?5 IS NULL OR EXISTS (SELECT 1 FROM report_revisions WHERE id = ?5)
       ON CONFLICT (owner_id, id) DO UPDATE SET title = excluded.title, lead = excluded.lead, collaborators = excluded.collaborators,
         due = excluded.due, recurrence = excluded.recurrence, status = excluded.status, progress = excluded.progress,
         completed_on = excluded.completed_on, source = excluded.source, note = excluded.note,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = excluded.version,
         next_due = excluded.next_due, done_due = excluded.done_due, done_late_days = excluded.done_late_days, schedule_known = 1`,
    )
    .bind(ownerId, JSON.stringify(rows), at, by, onlyIfReport ?? null)
}

/** Seed form: leaves an existing task untouched. */
export function insertTaskIfAbsentStatement(db: D1Database, ownerId: string, task: Task, at: string, by: string): D1PreparedStatement {
  const s = scheduleValues(task, at)
  return db
    .prepare(
      `INSERT OR IGNORE INTO tasks (owner_id, id, title, lead, collaborators, due, recurrence, status, progress, completed_on, source,
         note, created_at, updated_at, updated_by, next_due, done_due, done_late_days, schedule_known)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15, ?16, ?17, 1)`,
    )
    .bind(
      ownerId, task.id, task.title, task.lead, JSON.stringify(task.collaborators), task.due,
      task.recurrence ? JSON.stringify(task.recurrence) : null, task.status, task.progress, task.completedOn ?? null,
      task.source ?? null, task.note ?? null, at, by, s.nextDue, s.doneDue, s.doneLateDays,
    )
}

/** Tasks by owner and id, with who wrote each last (keys that name no task are left out). */
export async function listTasksByKeys(
  db: D1Database, keys: ReadonlyArray<{ owner: string; id: string }>,
): Promise<Array<{ task: StoredTask; updatedBy: string }>> {
  if (keys.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM tasks t
       WHERE EXISTS (SELECT 1 FROM json_each(?1) k
         WHERE json_extract(k.value, '$.owner') = t.owner_id AND json_extract(k.value, '$.id') = t.id)
       ORDER BY t.owner_id, t.id`,
    )
    .bind(JSON.stringify(keys.map((k) => ({ owner: k.owner, id: k.id }))))
    .all<TaskRow>()
  return results.map((r) => ({ task: toStoredTask(r), updatedBy: r.updated_by }))
}

/**
 * A lead's report on tasks other units own, in one statement: status, progress and completion date only, with
 * the flag inputs they imply (`task`: the task as it will be). Each row carries the version it will have (the
 * one read plus one): the version trigger fails the statement, and the batch with it, if another writer
 * changed the task in between.
 */
export function updateTaskProgressStatement(
  db: D1Database, rows: ReadonlyArray<{ owner: string; task: Task; version: number }>, at: string, by: string,
): D1PreparedStatement {
  const values = rows.map(({ owner, task, version }) => ({
    owner, id: task.id, status: task.status, progress: task.progress, completedOn: task.completedOn ?? null, version, ...scheduleValues(task, at),
  }))
  return db
    .prepare(
      `UPDATE tasks SET status = json_extract(u.value, '$.status'), progress = json_extract(u.value, '$.progress'),
         completed_on = json_extract(u.value, '$.completedOn'), updated_at = ?2, updated_by = ?3, version = json_extract(u.value, '$.version'),
         next_due = json_extract(u.value, '$.nextDue'), done_due = json_extract(u.value, '$.doneDue'),
         done_late_days = json_extract(u.value, '$.doneLateDays'), schedule_known = 1
       FROM json_each(?1) AS u
       WHERE tasks.owner_id = json_extract(u.value, '$.owner') AND tasks.id = json_extract(u.value, '$.id')`,
    )
    .bind(JSON.stringify(values), at, by)
}
