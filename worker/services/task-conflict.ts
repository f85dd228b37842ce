// The answer to a stale task write: 409 `version_conflict`, one issue per field that differs between the
// writer's row and the stored task (who changed it and when, both values as the workbook shows them), and the
// stored tasks themselves in `current`. The issue paths point at the row's cells, so the pane can mark them.
import type { StoredTask } from '../../shared/api'
import { formatTimeVi } from '../../shared/dates'
import { makeIssue } from '../../shared/issues'
import { TASK_FIELD_NAMES, type TaskField, taskFieldText } from '../../shared/task-diff'
import type { Task } from '../../shared/tasks'
import { describeActors } from '../db/tokens'
import { ApiError } from '../errors'

export type TaskConflict = {
  /** The row among the request's tasks. */
  index: number
  mine: Task
  current: StoredTask
  /** Who wrote the stored version (a token id). */
  updatedBy: string
  fields: TaskField[]
}

export async function conflictError(db: D1Database, conflicts: readonly TaskConflict[], path = 'tasks'): Promise<ApiError> {
  const names = await describeActors(db, conflicts.map((c) => c.updatedBy))
  const issues = conflicts.flatMap((c) =>
    c.fields.map((f) =>
      makeIssue('task_changed_on_server', path + '[' + c.index + '].' + f, {
        task: c.mine.id, field: TASK_FIELD_NAMES[f], server: taskFieldText(c.current, f), value: taskFieldText(c.mine, f),
        by: names[c.updatedBy], at: formatTimeVi(c.current.updatedAt),
      }),
    ),
  )
  const error = new ApiError(409, 'version_conflict', undefined, issues)
  error.current = conflicts.map((c) => c.current)
  return error
}
