// Upserting an owner's task sheet by stable task id: the shared checkTasks reads the rows; only tasks that
// changed are written, each with an audit row holding what changed: two statements in one batch.
import type { StoredTask, TasksPutResponse } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import { hasErrors } from '../../shared/issues'
import { type TaskDraft, checkTasks } from '../../shared/task-check'
import type { Task } from '../../shared/tasks'
import { auditManyStatement } from '../db/audit'
import { listOwnedTasks, upsertTasksStatement } from '../db/tasks'
import type { Principal } from '../env'
import { ApiError } from '../errors'
import { newId } from '../hash'

const FIELDS = ['title', 'lead', 'collaborators', 'due', 'recurrence', 'status', 'progress', 'completedOn', 'source', 'note'] as const
type Field = (typeof FIELDS)[number]

function changedFields(before: Task, after: Task): Field[] {
  return FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
}

function pick(task: Task, fields: readonly Field[]): { [k: string]: unknown } {
  const out: { [k: string]: unknown } = {}
  for (const f of fields) out[f] = task[f] ?? null
  return out
}

export type TaskSyncPlan = {
  created: number
  updated: number
  unchanged: number
  issues: TasksPutResponse['issues']
  /** The writes, none when nothing changed; with a report id, they happen only if that revision is stored. */
  statements: (onlyIfReport?: string) => D1PreparedStatement[]
}

/** Reads the owner's tasks and works out what the sheet changes, without writing; rows with errors are left out. */
export async function planTaskSync(
  db: D1Database, principal: Principal, ownerId: string, drafts: readonly TaskDraft[], now: Date,
): Promise<TaskSyncPlan> {
  const check = checkTasks(drafts, vnDate(now))
  const existing: { [id: string]: StoredTask } = {}
  for (const t of await listOwnedTasks(db, ownerId)) existing[t.id] = t

  const at = now.toISOString()
  const changed: Task[] = []
  const audits: Array<{ id: string; action: string; target: string; detail: unknown }> = []
  let created = 0
  let updated = 0
  let unchanged = 0
  for (const task of check.tasks) {
    const before = existing[task.id]
    const changes = before ? changedFields(before, task) : [...FIELDS]
    if (before && changes.length === 0) {
      unchanged++
      continue
    }
    if (before) updated++
    else created++
    const action = !before ? 'task.create' : changes.indexOf('status') >= 0 && task.status === 'done' ? 'task.done' : 'task.update'
    changed.push(task)
    audits.push({
      id: newId('aud'), action, target: ownerId + '/' + task.id,
      detail: before ? { before: pick(before, changes), after: pick(task, changes) } : { after: pick(task, FIELDS) },
    })
  }
  const statements = (onlyIfReport?: string): D1PreparedStatement[] => changed.length === 0 ? [] : [
    upsertTasksStatement(db, ownerId, changed, at, principal.tokenId, onlyIfReport),
    auditManyStatement(db, { at, actor: principal.tokenId, role: principal.role, unit: ownerId }, audits, onlyIfReport),
  ]
  return { created, updated, unchanged, issues: check.issues, statements }
}

export async function syncTasks(
  db: D1Database, principal: Principal, ownerId: string, drafts: readonly TaskDraft[], now: Date,
): Promise<TasksPutResponse> {
  const plan = await planTaskSync(db, principal, ownerId, drafts, now)
  if (hasErrors(plan.issues)) throw new ApiError(422, 'validation_failed', undefined, plan.issues)
  const statements = plan.statements()
  if (statements.length > 0) await db.batch(statements)
  const { created, updated, unchanged, issues } = plan
  return { unit: ownerId, created, updated, unchanged, tasks: await listOwnedTasks(db, ownerId), issues }
}
