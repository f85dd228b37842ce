import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays, dayNumber, daysBetween, daysInMonth, formatDateVi, isLeapYear, isLocalDate, parseDateInput, parseLocalDate,
  toExcelSerial, vnDate, vnDayNumber, vnIsoString, vnStartOfDay,
} from '../../shared/dates'

describe('dates', () => {
  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, true, false, false])
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2026, 2)).toBe(28)
    expect(daysInMonth(2026, 4)).toBe(30)
    expect(daysInMonth(2026, 12)).toBe(31)
  })

  it('rejects impossible dates', () => {
    expect(parseLocalDate('2025-02-29')).toBeNull()
    expect(parseLocalDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
    expect(isLocalDate('2026-04-31')).toBe(false)
    expect(isLocalDate('2026-4-3')).toBe(false)
    expect(isLocalDate(null)).toBe(false)
  })

  it('keeps years before 1000 as they are (Date.UTC would read 50 as 1950)', () => {
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01')
    expect(addDays('0000-12-31', 1)).toBe('0001-01-01')
    expect(daysInMonth(4, 2)).toBe(29)
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1)
  })

  it('adds days across months and years, and counts them back', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50000 }), fc.integer({ min: -3000, max: 3000 }), (o, n) => {
        const d = addDays('1950-01-01', o)
        expect(daysBetween(d, addDays(d, n))).toBe(n)
      }),
    )
  })

  it('reads the Vietnamese wall date of an instant', () => {
    expect(vnDate('2026-11-14T16:59:59Z')).toBe('2026-11-14')
    expect(vnDate('2026-11-14T17:00:00Z')).toBe('2026-11-15')
    expect(vnDate(Date.UTC(2026, 11, 31, 17))).toBe('2027-01-01')
    expect(vnStartOfDay('2026-11-15')).toBe(Date.parse('2026-11-14T17:00:00Z'))
    expect(vnIsoString('2026-11-14T16:59:59Z')).toBe('2026-11-14T23:59:59+07:00')
    expect(formatDateVi('2026-11-04')).toBe('04/11/2026')
  })

  it('reads dates as typed in cells: ISO, day-first, or Excel serials', () => {
    expect(parseDateInput('2020-11-30')).toBe('2020-11-30')
    expect(parseDateInput('30/11/2020')).toBe('2020-11-30')
    expect(parseDateInput(' 5/3/2021 ')).toBe('2021-03-05')
    expect(parseDateInput(44165)).toBe('2020-11-30')
    expect(toExcelSerial('2020-11-30')).toBe(44165)
    expect(parseDateInput('')).toBeNull()
    expect(parseDateInput(null)).toBeNull()
    expect(parseDateInput('31/02/2021')).toBeUndefined()
    expect(parseDateInput('11/30/2020')).toBeUndefined()
    expect(parseDateInput('hôm qua')).toBeUndefined()
    expect(parseDateInput(true)).toBeUndefined()
    expect(parseDateInput(12)).toBeUndefined()
  })
})

describe('day numbers (the remembered arithmetic)', () => {
  const DAY = 86_400_000
  // Every instant a Date can hold, and some beyond the four-digit years where vnDate writes odd text.
  const instant = fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 - 7 * 3_600_000 })
  const plainVnDay = (ms: number) => daysBetween('1970-01-01', vnDate(ms))
  const outcome = (f: () => number) => {
    try {
      return f()
    } catch (err) {
      return (err as Error).constructor.name
    }
  }

  it('numbers a date as days since 1970-01-01, from year 0000 to 9999', () => {
    expect([dayNumber('1970-01-01'), dayNumber('1970-01-02'), dayNumber('1969-12-31')]).toEqual([0, 1, -1])
    expect([dayNumber('0000-01-01'), dayNumber('9999-12-31')]).toEqual([-719528, 2932896])
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const date = String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0')
        expect(dayNumber(date)).toBe(Date.UTC(y, m - 1, d) / DAY)
      }),
    )
    expect(() => dayNumber('2025-02-29')).toThrow(RangeError)
  })

  it('gives an instant the day number of its Vietnamese wall date, as writing the date out did', () => {
    expect(vnDayNumber('2026-11-14T16:59:59Z')).toBe(dayNumber('2026-11-14'))
    expect(vnDayNumber('2026-11-14T17:00:00Z')).toBe(dayNumber('2026-11-15'))
    fc.assert(fc.property(instant, (ms) => {
      expect(outcome(() => vnDayNumber(ms))).toEqual(outcome(() => plainVnDay(ms)))
    }), { numRuns: 2000 })
    // Within the four-digit years the two agree without exception (no error on either side).
    fc.assert(fc.property(fc.integer({ min: -62_167_244_400_000, max: 253_402_275_599_999 }), (ms) => {
      expect(vnDayNumber(ms)).toBe(plainVnDay(ms))
    }), { numRuns: 2000 })
    expect(() => vnDayNumber('not a date')).toThrow(RangeError)
  })

  it('still answers right after more dates than it keeps have gone through it', () => {
    for (let i = 0; i < 10_000; i++) expect(daysBetween('2000-01-01', addDays('2000-01-01', i))).toBe(i)
    expect(dayNumber('2000-01-01')).toBe(Date.UTC(2000, 0, 1) / DAY)
  })
})
