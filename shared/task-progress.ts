// A lead reporting on a task that another unit owns (the district assigns, the commune leads): only the
// status, the progress and the completion date travel back to the owner's task. The title, the deadline,
// the lead and the collaborators stay the owner's to change — the server takes nothing else from the lead.
import type { LocalDate } from './dates'
import { type Issue, makeIssue } from './issues'
import type { Task, TaskStatus } from './tasks'
import { checkTaskState, text } from './task-check'

export type TaskProgressDraft = {
  owner?: unknown
  id?: unknown
  status?: unknown
  progress?: unknown
  completedOn?: unknown
  /** The version the lead's row was read at (a stale one that would change the task is a conflict). */
  version?: unknown
}

export type TaskProgress = {
  /** Where the update sits among the drafts. */
  index: number
  owner: string
  id: string
  status: TaskStatus
  /** Null: not given (kept as stored, or 100 once done). */
  progress: number | null
  completedOn: LocalDate | null
  version: number | null
}

/** Reads progress rows (`path` is where they sit, e.g. `updates`); `today` (Vietnam) bounds completion dates. */
export function checkTaskProgress(drafts: readonly TaskProgressDraft[], today: LocalDate, path = 'updates'): { updates: TaskProgress[]; issues: Issue[] } {
  const issues: Issue[] = []
  const updates: TaskProgress[] = []
  const seen: { [key: string]: boolean } = {}
  drafts.forEach((d, i) => {
    const at = path + '[' + i + ']'
    const id = text(d.id)
    const owner = text(d.owner)
    const before = issues.length
    const p = { task: id || undefined }
    if (!id || !owner) issues.push(makeIssue('task_id_required', at + (id ? '.owner' : '.id'), p))
    else if (seen[owner + '/' + id]) issues.push(makeIssue('task_id_duplicate', at + '.id', p))
    seen[owner + '/' + id] = true
    const { status, progress, completedOn, version } = checkTaskState(d, at, p, today, issues)
    if (issues.slice(before).some((x) => x.severity === 'error') || !status || progress === undefined || completedOn === undefined || version === undefined) return
    updates.push({ index: i, owner, id, status, progress: progress === null ? (status === 'done' ? 100 : null) : progress, completedOn, version })
  })
  return { updates, issues }
}

/** The owner's task with the lead's report applied: only status, progress and completion date change. */
export function applyTaskProgress<T extends Task>(task: T, update: TaskProgress): T {
  const next: T = { ...task, status: update.status, progress: update.progress === null ? task.progress : update.progress }
  if (update.completedOn) next.completedOn = update.completedOn
  else delete next.completedOn
  return next
}
