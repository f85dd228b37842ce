// Reading task rows (from a sheet or from JSON) into tasks, with the problems found on the way.
import { type LocalDate, parseDateInput } from './dates'
import { type Issue, makeIssue, shownValue } from './issues'
import { type Recurrence, type Task, type TaskStatus, TASK_STATUSES } from './tasks'
import { foldText, isBlank, parseNumber } from './text'

export type TaskDraft = {
  id?: unknown
  title?: unknown
  lead?: unknown
  collaborators?: unknown
  due?: unknown
  recurrence?: unknown
  status?: unknown
  progress?: unknown
  completedOn?: unknown
  source?: unknown
  note?: unknown
  /** The stored task's version the row was read from (blank: a new row, or a client that does not check). */
  version?: unknown
}

const STATUS_WORDS: { [folded: string]: TaskStatus } = {
  'chua lam': 'todo', 'chua thuc hien': 'todo', todo: 'todo', 'to do': 'todo',
  'dang lam': 'doing', 'dang thuc hien': 'doing', doing: 'doing', 'in progress': 'doing',
  'hoan thanh': 'done', xong: 'done', 'da xong': 'done', done: 'done',
  huy: 'cancelled', 'da huy': 'cancelled', cancelled: 'cancelled', canceled: 'cancelled',
}
for (const s of TASK_STATUSES) STATUS_WORDS[foldText(s.name)] = s.id

/** A status id or its Vietnamese or English wording; blank reads as `todo`. */
export function parseTaskStatus(value: unknown): TaskStatus | undefined {
  if (isBlank(value)) return 'todo'
  return typeof value === 'string' ? STATUS_WORDS[foldText(value)] : undefined
}

/** Collaborators as a list, or as one cell separated by commas, semicolons or line breaks. */
export function parseUnitList(value: unknown): string[] {
  const parts: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\n]/) : []
  const out: string[] = []
  for (const p of parts) {
    if (typeof p !== 'string') continue
    const t = p.trim()
    if (t !== '' && out.indexOf(t) < 0) out.push(t)
  }
  return out
}

const UNIT_ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** Whether a lead or collaborator is written as a unit id (`binh-son`) rather than a person's or office's name. */
export function looksLikeUnitId(name: string): boolean {
  return UNIT_ID_RE.test(name)
}

/**
 * The lead cell as a list, to hold "one lead per task". A semicolon or line break always separates leads;
 * a comma only between unit ids ("binh-son, tho-son"), since a person's title has commas of its own
 * ("Lê Phú Quốc - HUV, Phó Chủ tịch UBND huyện" is one lead).
 */
export function parseLeads(value: unknown): string[] {
  if (Array.isArray(value)) return parseUnitList(value)
  if (typeof value !== 'string') return []
  const out: string[] = []
  for (const line of value.split(/[;\n]/)) {
    const pieces = line.split(',').map((p) => p.trim()).filter((p) => p !== '')
    if (pieces.length === 0) continue
    const names = pieces.every((p) => UNIT_ID_RE.test(p)) ? pieces : [pieces.join(', ')]
    for (const n of names) if (out.indexOf(n) < 0) out.push(n)
  }
  return out
}

function validDay(n: unknown): n is number {
  return typeof n === 'number' && Math.floor(n) === n && n >= 1 && n <= 31
}

function checkRecurrenceObject(r: { [k: string]: unknown }): Recurrence | undefined {
  const until = r.until === undefined ? undefined : parseDateInput(r.until)
  if (until === null || (r.until !== undefined && until === undefined)) return undefined
  const tail = until ? { until } : {}
  if (r.kind === 'monthly' && validDay(r.day)) return { kind: 'monthly', day: r.day, ...tail }
  if (r.kind === 'months' && Array.isArray(r.months) && r.months.length > 0) {
    const months = r.months as unknown[]
    if (!months.every((m) => typeof m === 'number' && Math.floor(m) === m && m >= 1 && m <= 12)) return undefined
    if (r.day !== undefined && !validDay(r.day)) return undefined
    const withDay = r.day !== undefined ? { day: r.day as number } : {}
    return { kind: 'months', months: months as number[], ...withDay, ...tail }
  }
  return undefined
}

/**
 * Reads a recurrence: an object `{ kind, … }`, or the cell wording "Hằng tháng, ngày 20",
 * "Tháng 12, 3, 5", "Tháng 12, 3, 5, đến 31/05/2021" (also English "monthly, day 20", "months 12, 3, 5").
 * Returns null for none and undefined when unreadable.
 */
export function parseRecurrence(value: unknown, due?: LocalDate): Recurrence | null | undefined {
  if (isBlank(value)) return null
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return checkRecurrenceObject(value as { [k: string]: unknown })
  if (typeof value !== 'string') return undefined
  let words = foldText(value)
  let until: LocalDate | undefined
  const untilMatch = /\b(?:den|until)\s+(.+)$/.exec(words)
  if (untilMatch) {
    const d = parseDateInput(untilMatch[1])
    if (!d) return undefined
    until = d
    words = words.slice(0, untilMatch.index)
  }
  const tail = until ? { until } : {}
  const dayMatch = /(?:ngay|day)\s*(\d{1,2})/.exec(words)
  const day = dayMatch ? Number(dayMatch[1]) : undefined
  if (day !== undefined && !validDay(day)) return undefined
  const before = dayMatch ? words.slice(0, dayMatch.index) : words
  if (/^(hang|moi) thang|^monthly|^every month/.test(words)) {
    const d = day !== undefined ? day : due ? Number(due.slice(8, 10)) : undefined
    return d !== undefined ? { kind: 'monthly', day: d, ...tail } : undefined
  }
  if (/^(thang|months?)\b/.test(words)) {
    if (!/^(thang|months?)\s+\d{1,2}(\s*(,|;|va|and)?\s*\d{1,2})*[\s,;]*$/.test(before)) return undefined
    const nums = before.match(/\d+/g)
    if (!nums) return undefined
    const months = nums.map(Number)
    if (!months.every((m) => m >= 1 && m <= 12)) return undefined
    return day !== undefined ? { kind: 'months', months, day, ...tail } : { kind: 'months', months, ...tail }
  }
  return undefined
}

/** A cell's text as typed: trimmed text, or a finite number written out; anything else is empty. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' && isFinite(value)) return String(value)
  return ''
}

/** Where an accepted task came from: its row among the drafts and the version that row was read from. */
export type TaskRow = { index: number; version: number | null }

/** `tasks[k]` came from `rows[k]`. */
export type TaskCheck = { tasks: Task[]; issues: Issue[]; rows: TaskRow[] }

/** A version cell: blank, or a whole number ≥ 1 (as a number or as text); undefined when neither. */
export function parseVersion(value: unknown): number | null | undefined {
  if (isBlank(value)) return null
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : NaN
  return Math.floor(n) === n && n >= 1 && n < 1e9 ? n : undefined
}

/** What the lead of a task reports, as read: undefined where unreadable (an issue says why). */
export type TaskState = { status: TaskStatus | undefined; progress: number | null | undefined; completedOn: LocalDate | null | undefined; version: number | null | undefined }

/**
 * A row's status, progress and completion date (what its lead reports) and the version it was read at, each
 * problem added to `issues` at `at` + the field; shared by task sheets and by a lead's progress report.
 */
export function checkTaskState(
  d: Pick<TaskDraft, 'status' | 'progress' | 'completedOn' | 'version'>, at: string, p: { task?: string }, today: LocalDate, issues: Issue[],
): TaskState {
  const status = parseTaskStatus(d.status)
  if (!status) issues.push(makeIssue('task_status_invalid', at + '.status', { ...p, value: text(d.status) }))
  const progress = parseNumber(d.progress, true)
  if (progress === undefined || (progress !== null && (progress < 0 || progress > 100))) {
    issues.push(makeIssue('task_progress_invalid', at + '.progress', { ...p, value: text(d.progress) }))
  }
  const completedOn = parseDateInput(d.completedOn)
  if (completedOn === undefined) issues.push(makeIssue('task_completed_invalid', at + '.completedOn', { ...p, value: text(d.completedOn) }))
  else if (completedOn !== null && completedOn > today) issues.push(makeIssue('task_completed_in_future', at + '.completedOn', { ...p, value: completedOn }))
  if (status === 'done' && !completedOn) issues.push(makeIssue('task_done_without_date', at + '.completedOn', p))
  const version = parseVersion(d.version)
  if (version === undefined) issues.push(makeIssue('task_version_invalid', at + '.version', { ...p, value: String(d.version) }))
  return { status, progress, completedOn, version }
}

/** Reads task rows; `today` (Vietnam) bounds completion dates. `path` is where the rows sit. */
export function checkTasks(drafts: readonly TaskDraft[], today: LocalDate, path = 'tasks'): TaskCheck {
  const issues: Issue[] = []
  const tasks: Task[] = []
  const rows: TaskRow[] = []
  const seen: { [id: string]: boolean } = {}
  drafts.forEach((d, i) => {
    const at = path + '[' + i + ']'
    const id = text(d.id)
    const before = issues.length
    const p = { task: id || undefined }
    if (!id) issues.push(makeIssue('task_id_required', at + '.id', {}))
    else if (seen[id]) issues.push(makeIssue('task_id_duplicate', at + '.id', p))
    seen[id] = true
    const title = text(d.title)
    if (!title) issues.push(makeIssue('task_title_required', at + '.title', p))
    const leads = parseLeads(Array.isArray(d.lead) ? d.lead : text(d.lead))
    if (leads.length === 0) issues.push(makeIssue('task_lead_required', at + '.lead', p))
    else if (leads.length > 1) issues.push(makeIssue('task_lead_multiple', at + '.lead', p))
    const lead = leads[0] || ''
    const collaborators = parseUnitList(d.collaborators)
    if (lead && collaborators.indexOf(lead) >= 0) issues.push(makeIssue('task_collaborator_is_lead', at + '.collaborators', p))
    const due = parseDateInput(d.due)
    if (!due) issues.push(makeIssue('task_due_invalid', at + '.due', { ...p, value: text(d.due) }))
    const recurrence = parseRecurrence(d.recurrence, due || undefined)
    if (recurrence === undefined) issues.push(makeIssue('task_recurrence_invalid', at + '.recurrence', { ...p, value: shownValue(d.recurrence) }))
    const { status, progress, completedOn, version } = checkTaskState(d, at, p, today, issues)
    if (issues.slice(before).some((x) => x.severity === 'error') || !due || !status || version === undefined) return
    const task: Task = {
      id, title, lead, collaborators, due, status,
      progress: typeof progress === 'number' ? progress : status === 'done' ? 100 : 0,
    }
    if (recurrence) task.recurrence = recurrence
    if (completedOn) task.completedOn = completedOn
    if (text(d.source)) task.source = text(d.source)
    if (text(d.note)) task.note = text(d.note)
    tasks.push(task)
    rows.push({ index: i, version })
  })
  return { tasks, issues, rows }
}
