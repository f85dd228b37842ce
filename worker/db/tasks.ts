import type { StoredTask } from '../../shared/api'
import type { Recurrence, Task, TaskStatus } from '../../shared/tasks'

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

/** Tasks any of these units owns, leads or helps with. */
export async function listTasksInvolving(db: D1Database, unitIds: readonly string[]): Promise<StoredTask[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM tasks t
       WHERE t.owner_id IN (SELECT value FROM json_each(?1))
          OR t.lead IN (SELECT value FROM json_each(?1))
          OR EXISTS (SELECT 1 FROM json_each(t.collaborators) c WHERE c.value IN (SELECT value FROM json_each(?1)))
       ORDER BY t.owner_id, t.id`,
    )
    .bind(JSON.stringify(unitIds))
    .all<TaskRow>()
  return results.map(toStoredTask)
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
  }))
  return db
    .prepare(
      `INSERT INTO tasks (owner_id, id, title, lead, collaborators, due, recurrence, status, progress, completed_on, source, note,
         created_at, updated_at, updated_by, version)
       SELECT ?1, json_extract(t.value, '$.id'), json_extract(t.value, '$.title'), json_extract(t.value, '$.lead'),
         json_extract(t.value, '$.collaborators'), json_extract(t.value, '$.due'), json_extract(t.value, '$.recurrence'),
         json_extract(t.value, '$.status'), json_extract(t.value, '$.progress'), json_extract(t.value, '$.completedOn'),
         json_extract(t.value, '$.source'), json_extract(t.value, '$.note'), ?3, ?3, ?4, json_extract(t.value, '$.version')
       FROM json_each(?2) AS t WHERE ?5 IS NULL OR EXISTS (SELECT 1 FROM report_revisions WHERE id = ?5)
       ON CONFLICT (owner_id, id) DO UPDATE SET title = excluded.title, lead = excluded.lead, collaborators = excluded.collaborators,
         due = excluded.due, recurrence = excluded.recurrence, status = excluded.status, progress = excluded.progress,
         completed_on = excluded.completed_on, source = excluded.source, note = excluded.note,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = excluded.version`,
    )
    .bind(ownerId, JSON.stringify(rows), at, by, onlyIfReport ?? null)
}

/** Seed form: leaves an existing task untouched. */
export function insertTaskIfAbsentStatement(db: D1Database, ownerId: string, task: Task, at: string, by: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO tasks (owner_id, id, title, lead, collaborators, due, recurrence, status, progress, completed_on, source,
         note, created_at, updated_at, updated_by)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)`,
    )
    .bind(
      ownerId, task.id, task.title, task.lead, JSON.stringify(task.collaborators), task.due,
      task.recurrence ? JSON.stringify(task.recurrence) : null, task.status, task.progress, task.completedOn ?? null,
      task.source ?? null, task.note ?? null, at, by,
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
 * A lead's report on tasks other units own, in one statement: status, progress and completion date only.
 * Each row carries the version it will have (the one read plus one): the version trigger fails the statement,
 * and the batch with it, if another writer changed the task in between.
 */
export function updateTaskProgressStatement(
  db: D1Database,
  rows: ReadonlyArray<{ owner: string; id: string; status: TaskStatus; progress: number; completedOn: string | null; version: number }>,
  at: string, by: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE tasks SET status = json_extract(u.value, '$.status'), progress = json_extract(u.value, '$.progress'),
         completed_on = json_extract(u.value, '$.completedOn'), updated_at = ?2, updated_by = ?3, version = json_extract(u.value, '$.version')
       FROM json_each(?1) AS u
       WHERE tasks.owner_id = json_extract(u.value, '$.owner') AND tasks.id = json_extract(u.value, '$.id')`,
    )
    .bind(JSON.stringify(rows), at, by)
}
