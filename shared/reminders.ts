// The daily follow-up ("theo dõi, đôn đốc") of the notice: on a given Vietnamese day, which reminders each unit
// gets. Pure: the job that runs it reads the facts from the database and stores what comes out.
//
//  report_due_soon  a commune's report is due within its lead days and not sent yet         (daily)
//  report_missing   a commune's report is past its deadline, unsent, for up to CHASE_DAYS   (daily)
//  aggregate_due    the office above communes must report to the committee head on the
//                   15th / the 30th (month end in short months) within its lead days          (daily)
//  task_due_soon    a task comes due within the lead unit's due-soon window                 (once per deadline)
//  task_overdue     a task has newly passed its deadline unmet (at most CHASE_DAYS ago),
//                   to its lead unit and to the office whose sheet holds it                  (once per deadline)
import { type Period, periodsBetween } from './calendar'
import { type LocalDate, addDays, daysBetween } from './dates'
import { DEFAULT_SETTINGS, type UnitSettings } from './settings'
import { type Task, type TaskSchedule, flagFromSchedule, taskFlag } from './tasks'

/** How many days after a deadline an unsent report keeps being chased, and an overdue task still counts as new. */
export const CHASE_DAYS = 7

/** Most names of missing communes an aggregate reminder carries. */
export const MAX_MISSING_NAMES = 10

export type NotificationKind = 'report_due_soon' | 'report_missing' | 'aggregate_due' | 'task_due_soon' | 'task_overdue'

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'report_due_soon', 'report_missing', 'aggregate_due', 'task_due_soon', 'task_overdue',
]

/** What a reminder says, by kind; `days` is days left (due soon) or days late (missing, overdue) on the day it was made. */
export type NotificationFacts =
  | { kind: 'report_due_soon'; period: string; days: number }
  | { kind: 'report_missing'; period: string; days: number }
  | { kind: 'aggregate_due'; period: string; days: number; received: number; expected: number; missing: string[] }
  | { kind: 'task_due_soon'; task: string; owner: string; title: string; days: number }
  /** `lead` is the lead's name when the reminder goes to someone else (the office whose sheet holds the task). */
  | { kind: 'task_overdue'; task: string; owner: string; title: string; days: number; lead?: string }

export type NotificationDraft = {
  unit: string
  /** What it is about: a period id, or `owner/task@deadline`. One reminder per unit, kind, subject and day. */
  subject: string
  /** The deadline it is about. */
  due: LocalDate
  /** `daily`: again each day while it holds; `once`: never again for the same subject. */
  repeat: 'daily' | 'once'
  facts: NotificationFacts
}

export type ReminderUnit = {
  id: string
  name: string
  level: string
  parentId: string | null
  /** First period a commune is expected to report (null: always). */
  reportsFrom: string | null
  settings: UnitSettings
}

/**
 * `schedule`: the flag inputs stored with the task (O(1) per task); absent or null for a task stored before
 * they were, which is flagged from its recurrence.
 */
export type ReminderTask = Task & { owner: string; schedule?: TaskSchedule | null }

export type ReminderFacts = {
  today: LocalDate
  units: readonly ReminderUnit[]
  /** `unit|period` keys of reports that have arrived. */
  received: { readonly [unitAndPeriod: string]: boolean }
  /** `unit|period` keys of periods a unit itself has locked (a lock covers the units below it). */
  lockedByUnit: { readonly [unitAndPeriod: string]: boolean }
  tasks: readonly ReminderTask[]
}

export const factKey = (unit: string, period: string): string => unit + '|' + period

/** The periods whose deadlines a run on `today` may speak of (the job reads receipts and locks for these). */
export function reminderPeriods(today: LocalDate, maxLeadDays: number): Period[] {
  return periodsBetween(addDays(today, -CHASE_DAYS), addDays(today, maxLeadDays))
}

function maxLead(units: readonly ReminderUnit[]): number {
  let max = DEFAULT_SETTINGS.reminderLeadDays
  for (const u of units) if (u.settings.reminderLeadDays > max) max = u.settings.reminderLeadDays
  return max
}

/**
 * The only next deadlines a task reminder can come from on `today`: newly overdue (at most CHASE_DAYS ago) or
 * due within the widest due-soon window. A task whose next deadline lies outside, or that has none (done,
 * cancelled), makes no reminder that day — so the job reads only these tasks, by the stored next deadline.
 */
export function reminderTaskWindow(today: LocalDate, units: readonly ReminderUnit[]): { from: LocalDate; to: LocalDate } {
  let widest = DEFAULT_SETTINGS.dueSoonDays
  for (const u of units) if (u.settings.dueSoonDays > widest) widest = u.settings.dueSoonDays
  return { from: addDays(today, -CHASE_DAYS), to: addDays(today, widest) }
}

export function computeReminders(facts: ReminderFacts): NotificationDraft[] {
  const { today, units } = facts
  const byId: { [id: string]: ReminderUnit } = {}
  for (const u of units) byId[u.id] = u
  const isLocked = (unitId: string, period: string): boolean => {
    let u: ReminderUnit | undefined = byId[unitId]
    for (let depth = 0; u && depth < 16; depth++) {
      if (facts.lockedByUnit[factKey(u.id, period)]) return true
      u = u.parentId !== null ? byId[u.parentId] : undefined
    }
    return false
  }
  const expects = (commune: ReminderUnit, period: string): boolean => commune.reportsFrom === null || commune.reportsFrom <= period
  const out: NotificationDraft[] = []
  const periods = reminderPeriods(today, maxLead(units))

  // Communes: their own reports.
  const communes = units.filter((u) => u.level === 'commune')
  for (const c of communes) {
    for (const p of periods) {
      if (!expects(c, p.id) || facts.received[factKey(c.id, p.id)] || isLocked(c.id, p.id)) continue
      const left = daysBetween(today, p.communeDue)
      if (left >= 0 && left <= c.settings.reminderLeadDays) {
        out.push({ unit: c.id, subject: p.id, due: p.communeDue, repeat: 'daily', facts: { kind: 'report_due_soon', period: p.id, days: left } })
      } else if (left < 0 && -left <= CHASE_DAYS) {
        out.push({ unit: c.id, subject: p.id, due: p.communeDue, repeat: 'daily', facts: { kind: 'report_missing', period: p.id, days: -left } })
      }
    }
  }

  // The office directly above communes: its own report to the committee head.
  for (const office of units) {
    const below = communes.filter((c) => c.parentId === office.id)
    if (below.length === 0) continue
    for (const p of periods) {
      const left = daysBetween(today, p.districtDue)
      if (left < 0 || left > office.settings.reminderLeadDays || isLocked(office.id, p.id)) continue
      const expected = below.filter((c) => expects(c, p.id))
      if (expected.length === 0) continue
      const missing = expected.filter((c) => !facts.received[factKey(c.id, p.id)])
      out.push({
        unit: office.id, subject: p.id, due: p.districtDue, repeat: 'daily',
        facts: {
          kind: 'aggregate_due', period: p.id, days: left, received: expected.length - missing.length, expected: expected.length,
          missing: missing.slice(0, MAX_MISSING_NAMES).map((c) => c.name),
        },
      })
    }
  }

  // Tasks: to the lead unit (when it is a unit) and, once overdue, to the office whose sheet holds it.
  for (const t of facts.tasks) {
    if (t.status === 'cancelled') continue
    const lead = byId[t.lead]
    const owner = byId[t.owner]
    const window = (lead || owner || { settings: DEFAULT_SETTINGS }).settings.dueSoonDays
    const f = t.schedule ? flagFromSchedule(t.schedule, today, window) : taskFlag(t, today, window)
    const subject = t.owner + '/' + t.id + '@' + f.occurrence
    if (f.flag === 'due_soon' && lead) {
      out.push({
        unit: lead.id, subject, due: f.occurrence, repeat: 'once',
        facts: { kind: 'task_due_soon', task: t.id, owner: t.owner, title: t.title, days: f.days },
      })
    }
    if (f.flag === 'overdue' && f.days <= CHASE_DAYS) {
      const base = { kind: 'task_overdue' as const, task: t.id, owner: t.owner, title: t.title, days: f.days }
      if (lead) out.push({ unit: lead.id, subject, due: f.occurrence, repeat: 'once', facts: base })
      if (owner && owner !== lead) {
        out.push({ unit: owner.id, subject, due: f.occurrence, repeat: 'once', facts: { ...base, lead: lead ? lead.name : t.lead } })
      }
    }
  }
  return out
}
