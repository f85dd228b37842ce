// Upserting an owner's task sheet by stable task id: the shared checkTasks reads the rows, the API's own task
// rules (task-rules.ts) check named units and dates; only tasks that changed are written, each with an audit
// row holding what changed: two statements in one batch. A row read at an older version than the stored one
// that would change the task is a conflict: nothing is written and the writer is told what changed (409).
import type { StoredTask, TasksPutResponse } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import { hasErrors } from '../../shared/issues'
import { type TaskDraft, checkTasks } from '../../shared/task-check'
import { TASK_FIELDS, type TaskField, changedTaskFields } from '../../shared/task-diff'
import type { Task } from '../../shared/tasks'
import { auditManyStatement } from '../db/audit'
import { listOwnedTaskRecords, listOwnedTasks, upsertTasksStatement } from '../db/tasks'
import type { Principal } from '../env'
import { ApiError } from '../errors'
import { newId } from '../hash'
import { type TaskConflict, conflictError } from './task-conflict'
import { checkTaskRules } from './task-rules'

function pick(task: Task, fields: readonly TaskField[]): { [k: string]: unknown } {
  const out: { [k: string]: unknown } = {}
  for (const f of fields) out[f] = task[f] ?? null
  return out
}

export type TaskSyncPlan = {
  created: number
  updated: number
  unchanged: number
  issues: TasksPutResponse['issues']
  /** Rows read at an older version that would overwrite someone else's change. */
  conflicts: TaskConflict[]
  /** The writes, none when nothing changed; with a report id, they happen only if that revision is stored. */
  statements: (onlyIfReport?: string) => D1PreparedStatement[]
}

/** Reads the owner's tasks and works out what the sheet changes, without writing; rows with errors are left out. */
export async function planTaskSync(
  db: D1Database, principal: Principal, ownerId: string, drafts: readonly TaskDraft[], now: Date,
): Promise<TaskSyncPlan> {
  const check = checkTasks(drafts, vnDate(now))
  const rules = await checkTaskRules(db, principal, check.tasks, check.rows)
  const existing: { [id: string]: { task: StoredTask; updatedBy: string } } = {}
  for (const r of await listOwnedTaskRecords(db, ownerId)) existing[r.task.id] = r

  const at = now.toISOString()
  const changed: Array<Task & { version: number }> = []
  const audits: Array<{ id: string; action: string; target: string; detail: unknown }> = []
  const conflicts: TaskConflict[] = []
  let created = 0
  let updated = 0
  let unchanged = 0
  check.tasks.forEach((task, k) => {
    if (rules.refused.has(k)) return
    const row = check.rows[k] as (typeof check.rows)[number]
    const stored = existing[task.id]
    const before = stored?.task
    // The task sheet has no source column: a row without one keeps the stored source.
    if (before?.source !== undefined && (drafts[row.index] as TaskDraft).source === undefined) task.source = before.source
    const changes = before ? changedTaskFields(before, task) : [...TASK_FIELDS]
    if (before && changes.length === 0) {
      unchanged++
      return
    }
    if (stored && before && row.version !== null && row.version !== before.version) {
      conflicts.push({ index: row.index, mine: task, current: before, updatedBy: stored.updatedBy, fields: changes })
      return
    }
    if (before) updated++
    else created++
    const action = !before ? 'task.create' : changes.indexOf('status') >= 0 && task.status === 'done' ? 'task.done' : 'task.update'
    changed.push({ ...task, version: before ? before.version + 1 : 1 })
    audits.push({
      id: newId('aud'), action, target: ownerId + '/' + task.id,
      detail: before ? { before: pick(before, changes), after: pick(task, changes) } : { after: pick(task, TASK_FIELDS) },
    })
  })
  const statements = (onlyIfReport?: string): D1PreparedStatement[] => changed.length === 0 ? [] : [
    upsertTasksStatement(db, ownerId, changed, at, principal.tokenId, onlyIfReport),
    auditManyStatement(db, { at, actor: principal.tokenId, role: principal.role, unit: ownerId }, audits, onlyIfReport),
  ]
  return { created, updated, unchanged, issues: [...check.issues, ...rules.issues], conflicts, statements }
}

/** The trigger of migration task_versions: another writer changed a task between our read and our write. */
export const isVersionRace = (err: unknown): boolean => err instanceof Error && err.message.indexOf('version_conflict: tasks') >= 0

/** Refuses a plan with rule errors (422) or conflicts (409); otherwise it is safe to write. */
export async function assertWritable(db: D1Database, plan: TaskSyncPlan): Promise<void> {
  if (hasErrors(plan.issues)) throw new ApiError(422, 'validation_failed', undefined, plan.issues)
  if (plan.conflicts.length > 0) throw await conflictError(db, plan.conflicts)
}

const ATTEMPTS = 3

export async function syncTasks(
  db: D1Database, principal: Principal, ownerId: string, drafts: readonly TaskDraft[], now: Date,
): Promise<TasksPutResponse> {
  for (let attempt = 1; ; attempt++) {
    const plan = await planTaskSync(db, principal, ownerId, drafts, now)
    await assertWritable(db, plan)
    const statements = plan.statements()
    try {
      if (statements.length > 0) await db.batch(statements)
    } catch (err) {
      // Lost a race with another writer: plan again on what is stored now (a versioned row then conflicts).
      if (isVersionRace(err) && attempt < ATTEMPTS) continue
      throw err
    }
    const { created, updated, unchanged, issues } = plan
    return { unit: ownerId, created, updated, unchanged, tasks: await listOwnedTasks(db, ownerId), issues }
  }
}
