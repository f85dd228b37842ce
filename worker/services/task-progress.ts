// A lead unit's report on tasks other units own: status, progress and completion date go to the owner's task,
// nothing else. Only the task's lead may report (a collaborator or an unrelated unit is refused, 403, without
// saying whether the task exists); a row read at an older version that would change the task is 409 like a
// task sheet's; each change is audited in the same batch. All or nothing.
import type { StoredTask, TaskProgressInput, TaskProgressResponse } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import { hasErrors, makeIssue } from '../../shared/issues'
import { changedTaskFields } from '../../shared/task-diff'
import { applyTaskProgress, checkTaskProgress } from '../../shared/task-progress'
import { auditManyStatement } from '../db/audit'
import { listTasksByKeys, updateTaskProgressStatement } from '../db/tasks'
import type { Principal } from '../env'
import { ApiError } from '../errors'
import { newId } from '../hash'
import { conflictError, type TaskConflict } from './task-conflict'
import { isVersionRace } from './sync-tasks'

const PATH = 'updates'
const ATTEMPTS = 3

export async function reportTaskProgress(
  db: D1Database, principal: Principal, leadId: string, drafts: readonly TaskProgressInput[], now: Date,
): Promise<TaskProgressResponse> {
  const check = checkTaskProgress(drafts, vnDate(now), PATH)
  if (hasErrors(check.issues)) throw new ApiError(422, 'validation_failed', undefined, check.issues)
  const at = now.toISOString()
  for (let attempt = 1; ; attempt++) {
    const stored: { [key: string]: { task: StoredTask; updatedBy: string } } = {}
    for (const r of await listTasksByKeys(db, check.updates)) stored[r.task.owner + '/' + r.task.id] = r

    const refused = check.updates
      .filter((u) => stored[u.owner + '/' + u.id]?.task.lead !== leadId)
      .map((u) => makeIssue('task_progress_not_lead', PATH + '[' + u.index + ']', { task: u.id, value: u.owner }))
    if (refused.length > 0) {
      throw new ApiError(403, 'forbidden', [
        'Chỉ đơn vị chủ trì được báo tiến độ nhiệm vụ do đơn vị khác giao.',
        'Only the lead unit may report progress on a task another unit assigned.',
      ], refused)
    }

    const changed: Array<{ owner: string; task: StoredTask; version: number }> = []
    const audits: Array<{ id: string; action: string; target: string; detail: unknown }> = []
    const conflicts: TaskConflict[] = []
    for (const u of check.updates) {
      const { task: before, updatedBy } = stored[u.owner + '/' + u.id] as { task: StoredTask; updatedBy: string }
      const after = applyTaskProgress(before, u)
      const fields = changedTaskFields(before, after)
      if (fields.length === 0) continue
      if (u.version !== null && u.version !== before.version) {
        conflicts.push({ index: u.index, mine: after, current: before, updatedBy, fields })
        continue
      }
      changed.push({ owner: u.owner, task: after, version: before.version + 1 })
      const pick = (t: StoredTask) => ({ status: t.status, progress: t.progress, completedOn: t.completedOn ?? null })
      audits.push({
        id: newId('aud'), action: after.status === 'done' && before.status !== 'done' ? 'task.done' : 'task.progress',
        target: u.owner + '/' + u.id, detail: { before: pick(before), after: pick(after) },
      })
    }
    if (conflicts.length > 0) throw await conflictError(db, conflicts, PATH)
    try {
      if (changed.length > 0) {
        await db.batch([
          updateTaskProgressStatement(db, changed, at, principal.tokenId),
          auditManyStatement(db, { at, actor: principal.tokenId, role: principal.role, unit: leadId }, audits),
        ])
      }
    } catch (err) {
      // Lost a race with another writer: read again (a versioned row then conflicts).
      if (isVersionRace(err) && attempt < ATTEMPTS) continue
      throw err
    }
    const tasks = (await listTasksByKeys(db, check.updates)).map((r) => r.task)
    return { unit: leadId, updated: changed.length, unchanged: check.updates.length - changed.length, tasks, issues: check.issues }
  }
}
