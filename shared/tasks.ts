// Tasks assigned by the steering committee: "một người chủ trì một việc, nhưng một việc phải nhiều người
// cùng làm" — exactly one lead unit, any number of collaborators, a deadline, sometimes a recurrence.
import { type LocalDate, addDays, daysBetween, daysInMonth, makeDate, parseLocalDate } from './dates'

export type TaskStatus = 'todo' | 'doing' | 'done' | 'cancelled'

export const TASK_STATUSES: ReadonlyArray<{ id: TaskStatus; name: string; nameEn: string }> = [
  { id: 'todo', name: 'Chưa làm', nameEn: 'To do' },
  { id: 'doing', name: 'Đang làm', nameEn: 'In progress' },
  { id: 'done', name: 'Hoàn thành', nameEn: 'Done' },
  { id: 'cancelled', name: 'Hủy', nameEn: 'Cancelled' },
]

/**
 * `monthly`: every month on `day` (clamped to short months), from the task's due date on.
 * `months`: in the given months of each year (1–12) on `day`, or on the month's last day when no day is
 * given — the notice's clean-ups in December, March and May.
 */
export type Recurrence =
  | { kind: 'monthly'; day: number; until?: LocalDate }
  | { kind: 'months'; months: number[]; day?: number; until?: LocalDate }

export type Task = {
  id: string
  title: string
  /** The one unit in charge (an org-unit id or, for offices not in the hierarchy, their name). */
  lead: string
  collaborators: string[]
  /** The first (or only) deadline. */
  due: LocalDate
  recurrence?: Recurrence
  status: TaskStatus
  /** 0–100. */
  progress: number
  completedOn?: LocalDate
  /** Where the task comes from, e.g. "TB 17/11/2020, mục 4". */
  source?: string
  note?: string
}

export type TaskFlagKind = 'overdue' | 'due_soon' | 'done_late' | 'done' | 'ok' | 'cancelled'

export type TaskFlag = {
  flag: TaskFlagKind
  /** overdue: days past due; due_soon and ok: days left; done_late: days late; otherwise 0. */
  days: number
  /** The deadline the flag speaks of (for a recurring task, its current occurrence). */
  occurrence: LocalDate
}

export const DEFAULT_DUE_SOON_DAYS = 3
const MAX_OCCURRENCES = 1200

function occurrenceIn(year: number, month: number, day: number | undefined): LocalDate {
  const last = daysInMonth(year, month)
  return makeDate(year, month, day === undefined ? last : Math.min(day, last))
}

/** Deadlines of a task from its due date up to `horizon` (inclusive), oldest first; at least the first. */
export function occurrences(task: Pick<Task, 'due' | 'recurrence'>, horizon: LocalDate): LocalDate[] {
  const out: LocalDate[] = [task.due]
  const r = task.recurrence
  if (!r) return out
  const start = parseLocalDate(task.due)
  if (!start) return out
  const end = r.until !== undefined && r.until < horizon ? r.until : horizon
  let year = start.year
  let month = start.month
  for (let i = 0; i < MAX_OCCURRENCES; i++) {
    month += 1
    if (month > 12) { month = 1; year += 1 }
    if (r.kind === 'months' && r.months.indexOf(month) < 0) continue
    const date = occurrenceIn(year, month, r.day)
    if (date > end) break
    out.push(date)
  }
  return out
}

/** Index of the deadline nearest to a date (ties go to the later one). */
function nearestIndex(dates: readonly LocalDate[], date: LocalDate): number {
  let best = 0
  for (let i = 1; i < dates.length; i++) {
    const d = dates[i] as LocalDate
    if (Math.abs(daysBetween(date, d)) <= Math.abs(daysBetween(date, dates[best] as LocalDate))) best = i
  }
  return best
}

/**
 * What a task's flag on any day depends on, worked out once when the task is written, so a flag costs the
 * same whatever the task's age: the deadline still to meet (`pending`, none when every deadline is met or
 * the task is cancelled) and the deadline the last completion counts for (`covered`) with its days late.
 * Only a recurring task marked done without a completion date depends on a day (`asOf`): it counts for the
 * occurrence nearest that day.
 */
export type TaskSchedule = {
  status: TaskStatus
  due: LocalDate
  pending: LocalDate | null
  covered: LocalDate | null
  coveredLateDays: number
}

export function taskSchedule(task: Task, asOf: LocalDate): TaskSchedule {
  const base = { status: task.status, due: task.due }
  if (task.status === 'cancelled') return { ...base, pending: null, covered: null, coveredLateDays: 0 }
  const completedOn = task.completedOn
  // Far enough for the nearest occurrence to the completion (or asOf) and the one after it.
  const horizon = addDays(completedOn !== undefined && completedOn > asOf ? completedOn : asOf, 400)
  const dates = occurrences(task, horizon)
  let covered = -1
  if (task.recurrence) {
    if (completedOn !== undefined) covered = nearestIndex(dates, completedOn)
    else if (task.status === 'done') covered = nearestIndex(dates, asOf)
  } else if (task.status === 'done') {
    covered = 0
  }
  let pending: LocalDate | null = covered + 1 < dates.length ? (dates[covered + 1] as LocalDate) : null
  if (pending === null && task.recurrence && covered >= 0) {
    // The next occurrence may lie past the horizon; look once more from the covered one.
    const later = occurrences({ due: dates[covered] as LocalDate, recurrence: task.recurrence }, addDays(dates[covered] as LocalDate, 400))
    pending = later.length > 1 ? (later[1] as LocalDate) : null
  }
  const coveredDate = covered >= 0 ? (dates[covered] as LocalDate) : null
  const late = coveredDate !== null && completedOn !== undefined ? daysBetween(coveredDate, completedOn) : 0
  return { ...base, pending, covered: coveredDate, coveredLateDays: late > 0 ? late : 0 }
}

/** The flag on a day from a schedule: O(1). */
export function flagFromSchedule(s: TaskSchedule, today: LocalDate, dueSoonDays = DEFAULT_DUE_SOON_DAYS): TaskFlag {
  if (s.status === 'cancelled') return { flag: 'cancelled', days: 0, occurrence: s.due }
  if (s.pending !== null) {
    const left = daysBetween(today, s.pending)
    if (left < 0) return { flag: 'overdue', days: -left, occurrence: s.pending }
    if (left <= dueSoonDays) return { flag: 'due_soon', days: left, occurrence: s.pending }
    if (s.covered === null) return { flag: 'ok', days: left, occurrence: s.pending }
  }
  const covered = s.covered as LocalDate
  return s.coveredLateDays > 0 ? { flag: 'done_late', days: s.coveredLateDays, occurrence: covered } : { flag: 'done', days: 0, occurrence: covered }
}

/**
 * The flag of a task on a day.
 * A deadline that has passed unmet, or comes within `dueSoonDays`, wins; otherwise the last completion
 * shows (done, or done late); otherwise ok. For a recurring task the completion date counts for the
 * occurrence whose deadline is nearest to it, so a December clean-up finished on 5 January is
 * December's, late by 5 days — not March's, early.
 */
export function taskFlag(task: Task, today: LocalDate, dueSoonDays = DEFAULT_DUE_SOON_DAYS): TaskFlag {
  return flagFromSchedule(taskSchedule(task, today), today, dueSoonDays)
}

/** A recurrence as Vietnamese text for a cell: "Hằng tháng, ngày 20", "Tháng 12, 3, 5". */
export function formatRecurrence(r: Recurrence | undefined): string {
  if (!r) return ''
  const until = r.until ? ', đến ' + r.until : ''
  if (r.kind === 'monthly') return 'Hằng tháng, ngày ' + r.day + until
  return 'Tháng ' + r.months.join(', ') + (r.day !== undefined ? ', ngày ' + r.day : '') + until
}
