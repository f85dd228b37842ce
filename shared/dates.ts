// Calendar dates on the Vietnamese clock.
// Vietnam is UTC+7 all year (no daylight saving since 1975), so a fixed offset is exact and works the
// same whatever the machine's time zone — and in IE11, whose Intl has no named time zones.
import { memoByText } from './memo'

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string

export const VN_OFFSET_MS = 7 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n)
}

// Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as given.
function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  return d.getTime()
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate()
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function makeDate(year: number, month: number, day: number): LocalDate {
  return ('000' + year).slice(-4) + '-' + pad2(month) + '-' + pad2(day)
}

/** Parses `YYYY-MM-DD` (years 0000–9999), rejecting impossible dates such as 2025-02-29. */
export function parseLocalDate(text: string): { year: number; month: number; day: number } | null {
  const m = DATE_RE.exec(text)
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

export function isLocalDate(text: unknown): text is LocalDate {
  return typeof text === 'string' && parseLocalDate(text) !== null
}

/** Days since 1970-01-01 of a date; remembered, since a request asks it of the same few dates again and again. */
const toUtcDays = memoByText(4096, (date: LocalDate): number => {
  const p = parseLocalDate(date)
  if (!p) throw new RangeError('invalid date: ' + date)
  return utcMs(p.year, p.month, p.day) / DAY_MS
})

const FIRST_DAY = -719528 // 0000-01-01
const LAST_DAY = 2932896 // 9999-12-31

/**
 * The Vietnamese wall date of an instant as a day number: `daysBetween('1970-01-01', vnDate(instant))` without
 * writing the date out and reading it back (instants beyond the four-digit years take that long way, as before).
 */
export function vnDayNumber(instant: Instant): number {
  const days = Math.floor((instantMs(instant) + VN_OFFSET_MS) / DAY_MS)
  return days >= FIRST_DAY && days <= LAST_DAY ? days : toUtcDays(vnDate(instant))
}

/** A date as a day number (days since 1970-01-01), for comparing many instants against one date. */
export function dayNumber(date: LocalDate): number {
  return toUtcDays(date)
}

function fromUtcDays(days: number): LocalDate {
  const d = new Date(days * DAY_MS)
  return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcDays(toUtcDays(date) + days)
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toUtcDays(to) - toUtcDays(from)
}

/** An instant: epoch milliseconds, a Date, or an ISO-8601 string with an offset or `Z`. */
export type Instant = number | Date | string

export function instantMs(instant: Instant): number {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  if (!isFinite(ms)) throw new RangeError('invalid instant: ' + String(instant))
  return ms
}

/** The date on a Vietnamese wall calendar at this instant. */
export function vnDate(instant: Instant): LocalDate {
  const d = new Date(instantMs(instant) + VN_OFFSET_MS)
  return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** The instant of 00:00 on this date in Vietnam. */
export function vnStartOfDay(date: LocalDate): number {
  return toUtcDays(date) * DAY_MS - VN_OFFSET_MS
}

/** ISO-8601 text of an instant on the Vietnamese clock, e.g. `2026-11-14T23:59:59+07:00`. */
export function vnIsoString(instant: Instant): string {
  const d = new Date(instantMs(instant) + VN_OFFSET_MS)
  return (
    makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) +
    'T' + pad2(d.getUTCHours()) + ':' + pad2(d.getUTCMinutes()) + ':' + pad2(d.getUTCSeconds()) + '+07:00'
  )
}

/** `14/11/2026`, the way Vietnamese documents write dates. */
export function formatDateVi(date: LocalDate): string {
  const p = parseLocalDate(date)
  return p ? pad2(p.day) + '/' + pad2(p.month) + '/' + p.year : date
}

const VN_DATE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/

/**
 * Reads a date as people put it in a cell: `2026-11-14`, `14/11/2026` (day first, as in Vietnam) or an
 * Excel date serial number (days since 1899-12-30). Returns null for blank, undefined when unreadable.
 */
export function parseDateInput(value: unknown): LocalDate | null | undefined {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null
  if (typeof value === 'number') {
    if (!isFinite(value) || value < 61 || value > 2958465) return undefined
    return addDays('1899-12-30', Math.floor(value))
  }
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (parseLocalDate(text)) return text
  const m = VN_DATE_RE.exec(text)
  if (!m) return undefined
  const date = makeDate(Number(m[3]), Number(m[2]), Number(m[1]))
  return parseLocalDate(date) ? date : undefined
}

/** The Excel serial number of a date, for writing real dates into cells. */
export function toExcelSerial(date: LocalDate): number {
  return daysBetween('1899-12-30', date)
}

/** An instant as people read it, on the Vietnamese clock: `08:15 29/11/2026`. */
export function formatTimeVi(instant: Instant): string {
  const local = vnIsoString(instant)
  return local.slice(11, 16) + ' ' + formatDateVi(local.slice(0, 10))
}
