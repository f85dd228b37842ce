// The reporting calendar of the notice (item 10): communes report on the 14th and the 28th, the NTM
// office reports to the committee head on the 15th and the 30th (the last day of a shorter month).
// A period's id is its commune deadline date.
import {
  type Instant, type LocalDate, addDays, dayNumber, daysBetween, daysInMonth, instantMs, makeDate, parseLocalDate,
  vnDate, vnDayNumber, vnStartOfDay,
} from './dates'
import { memoByText } from './memo'

/** `YYYY-MM-14` or `YYYY-MM-28`. */
export type PeriodId = string

export type Period = {
  id: PeriodId
  /** First day covered (the 29th of the previous month — or the 1st after a short February — or the 15th). */
  start: LocalDate
  /** Last day covered, which is also the commune deadline. */
  end: LocalDate
  communeDue: LocalDate
  districtDue: LocalDate
}

const PERIOD_RE = /^(\d{4})-(\d{2})-(14|28)$/

export function isPeriodId(text: unknown): text is PeriodId {
  if (typeof text !== 'string') return false
  const m = PERIOD_RE.exec(text)
  if (!m) return false
  const month = Number(m[2])
  return Number(m[1]) >= 1 && month >= 1 && month <= 12
}

/**
 * The period with this id, or null when the id is not a period id. Remembered (an aggregate asks it once per
 * commune), so the answer is frozen: every caller shares it.
 */
export const periodOf: (id: string) => Period | null = memoByText(1024, (id: string): Period | null => {
  if (!isPeriodId(id)) return null
  const p = parseLocalDate(id)
  if (!p) return null
  const first = p.day === 14
  const start = first ? addDays(previousPeriodEnd(p.year, p.month), 1) : makeDate(p.year, p.month, 15)
  const districtDay = first ? 15 : Math.min(30, daysInMonth(p.year, p.month))
  return Object.freeze({ id, start, end: id, communeDue: id, districtDue: makeDate(p.year, p.month, districtDay) })
})

function previousPeriodEnd(year: number, month: number): LocalDate {
  return month === 1 ? makeDate(year - 1, 12, 28) : makeDate(year, month - 1, 28)
}

/** The period a calendar date belongs to: days 1–14 → the 14th, 15–28 → the 28th, 29–31 → next month's 14th. */
export function periodIdForDate(date: LocalDate): PeriodId {
  const p = parseLocalDate(date)
  if (!p) throw new RangeError('invalid date: ' + date)
  if (p.day <= 14) return makeDate(p.year, p.month, 14)
  if (p.day <= 28) return makeDate(p.year, p.month, 28)
  return p.month === 12 ? makeDate(p.year + 1, 1, 14) : makeDate(p.year, p.month + 1, 14)
}

/** The period an instant falls in, on the Vietnamese clock. */
export function periodAt(instant: Instant): Period {
  return periodOf(periodIdForDate(vnDate(instant))) as Period
}

export function nextPeriodId(id: PeriodId): PeriodId {
  const period = periodOf(id)
  if (!period) throw new RangeError('invalid period: ' + id)
  return periodIdForDate(addDays(period.end, 1))
}

export function previousPeriodId(id: PeriodId): PeriodId {
  const period = periodOf(id)
  if (!period) throw new RangeError('invalid period: ' + id)
  return periodIdForDate(addDays(period.start, -1))
}

const MONTH_RE = /^(\d{4})-(\d{2})$/

export function isMonthId(text: unknown): text is string {
  if (typeof text !== 'string') return false
  const m = MONTH_RE.exec(text)
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12
}

/** Both periods of every month from `from` to `to` (`YYYY-MM`, inclusive), oldest first. */
export function periodsInMonths(from: string, to: string): Period[] {
  if (!isMonthId(from) || !isMonthId(to)) throw new RangeError('months must be YYYY-MM')
  const out: Period[] = []
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7))
  const endKey = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7))
  while (year * 12 + month <= endKey) {
    out.push(periodOf(makeDate(year, month, 14)) as Period, periodOf(makeDate(year, month, 28)) as Period)
    month += 1
    if (month > 12) { month = 1; year += 1 }
  }
  return out
}

/** The periods whose days overlap the dates `from`–`to` (inclusive), oldest first. */
export function periodsBetween(from: LocalDate, to: LocalDate): Period[] {
  const out: Period[] = []
  if (daysBetween(from, to) < 0) return out
  let id = periodIdForDate(from)
  const lastId = periodIdForDate(to)
  for (;;) {
    out.push(periodOf(id) as Period)
    if (id === lastId) return out
    id = nextPeriodId(id)
  }
}

/** The instant a deadline date ends: the last millisecond of that day in Vietnam. */
export function deadlineEndsAt(date: LocalDate): number {
  return vnStartOfDay(addDays(date, 1)) - 1
}

export type Timeliness =
  | { status: 'on_time'; days: 0 }
  | { status: 'late'; days: number }
  | { status: 'open'; days: number }
  | { status: 'missing'; days: number }

/**
 * How a commune's report for a period stands.
 * With a submission: on time up to the end of the deadline day, otherwise late by whole calendar days.
 * Without one: open until the deadline has passed (days = days left), then missing (days = days overdue).
 */
export function timeliness(due: LocalDate, submittedAt: Instant | null, now: Instant): Timeliness {
  if (submittedAt !== null) {
    const late = daysBetween(due, vnDate(submittedAt))
    return late > 0 ? { status: 'late', days: late } : { status: 'on_time', days: 0 }
  }
  const today = vnDate(now)
  const left = daysBetween(today, due)
  return left < 0 ? { status: 'missing', days: -left } : { status: 'open', days: left }
}

/** A commune report's timeliness against its period's commune deadline. */
export function reportTimeliness(periodId: PeriodId, submittedAt: Instant | null, now: Instant): Timeliness {
  return reportTimelinessAt(periodId, now)(submittedAt)
}

/**
 * reportTimeliness of many reports of one period at one moment (an aggregate's communes): the deadline and
 * today are worked out once, each report's arrival is a day number compared with the deadline's.
 */
export function reportTimelinessAt(periodId: PeriodId, now: Instant): (submittedAt: Instant | null) => Timeliness {
  const period = periodOf(periodId)
  if (!period) throw new RangeError('invalid period: ' + periodId)
  const due = dayNumber(period.communeDue)
  let left: number | null = null
  return (submittedAt) => {
    if (submittedAt !== null) {
      const late = vnDayNumber(submittedAt) - due
      return late > 0 ? { status: 'late', days: late } : { status: 'on_time', days: 0 }
    }
    if (left === null) left = due - vnDayNumber(now)
    return left < 0 ? { status: 'missing', days: -left } : { status: 'open', days: left }
  }
}

/** True once the period has begun on the Vietnamese clock (a report for a later period is premature). */
export function periodHasStarted(periodId: PeriodId, now: Instant): boolean {
  const period = periodOf(periodId)
  return !!period && instantMs(now) >= vnStartOfDay(period.start)
}

/**
 * The next report deadline on a date. A commune's is that of the period the date falls in, or of the following
 * period once it has reported (`reported`: periods received); a district's is the first district deadline not
 * yet passed (its summary is due a day or two after the communes').
 */
export function nextDeadline(date: LocalDate, level: 'commune' | 'district', reported: readonly PeriodId[] = []): { period: PeriodId; due: LocalDate; days: number } {
  let id = periodIdForDate(date)
  if (level === 'commune') {
    if (reported.indexOf(id) >= 0) id = nextPeriodId(id)
  } else {
    id = previousPeriodId(id)
    while ((periodOf(id) as Period).districtDue < date) id = nextPeriodId(id)
  }
  const period = periodOf(id) as Period
  const due = level === 'commune' ? period.communeDue : period.districtDue
  return { period: id, due, days: daysBetween(date, due) }
}
