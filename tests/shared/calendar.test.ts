import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import {
  deadlineEndsAt, isPeriodId, nextPeriodId, periodAt, periodHasStarted, periodIdForDate, periodOf, periodsBetween,
  periodsInMonths, previousPeriodId, reportTimeliness, reportTimelinessAt, timeliness,
} from '../../shared/calendar'
import { addDays, daysBetween } from '../../shared/dates'

const ORIGINAL_TZ = process.env.TZ
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ
  else process.env.TZ = ORIGINAL_TZ
})

describe('periods', () => {
  it('names a period by its commune deadline and covers the 29th of the previous month to the 14th', () => {
    expect(periodOf('2026-11-14')).toEqual({
      id: '2026-11-14', start: '2026-10-29', end: '2026-11-14', communeDue: '2026-11-14', districtDue: '2026-11-15',
    })
    expect(periodOf('2026-11-28')).toEqual({
      id: '2026-11-28', start: '2026-11-15', end: '2026-11-28', communeDue: '2026-11-28', districtDue: '2026-11-30',
    })
  })

  it('puts the district deadline on the last day of February and after a short February starts on 1 March', () => {
    expect(periodOf('2026-02-28')?.districtDue).toBe('2026-02-28')
    expect(periodOf('2024-02-28')?.districtDue).toBe('2024-02-29')
    expect(periodOf('2026-03-14')?.start).toBe('2026-03-01')
    expect(periodOf('2024-03-14')?.start).toBe('2024-02-29')
    expect(periodIdForDate('2024-02-29')).toBe('2024-03-14')
    expect(periodOf('2026-04-28')?.districtDue).toBe('2026-04-30')
    expect(periodOf('2026-01-14')?.start).toBe('2025-12-29')
  })

  it('assigns the 29th to 31st to the next month, crossing the year', () => {
    expect(periodIdForDate('2026-12-31')).toBe('2027-01-14')
    expect(periodIdForDate('2026-12-28')).toBe('2026-12-28')
    expect(periodIdForDate('2026-12-15')).toBe('2026-12-28')
    expect(periodIdForDate('2026-12-14')).toBe('2026-12-14')
    expect(periodIdForDate('2026-12-01')).toBe('2026-12-14')
  })

  it('rejects ids that are not the 14th or 28th of a real month', () => {
    for (const bad of ['2026-11-15', '2026-13-14', '2026-00-28', '26-11-14', '2026-1-14', '', 'x', '2026-11-14T00:00']) {
      expect(isPeriodId(bad)).toBe(false)
      expect(periodOf(bad)).toBeNull()
    }
    expect(isPeriodId(20261114)).toBe(false)
  })

  it('lists both periods of each month in a range, oldest first', () => {
    expect(periodsInMonths('2025-12', '2026-02').map((p) => p.id)).toEqual([
      '2025-12-14', '2025-12-28', '2026-01-14', '2026-01-28', '2026-02-14', '2026-02-28',
    ])
    expect(periodsInMonths('2026-03', '2026-02')).toEqual([])
    expect(() => periodsInMonths('2026-3', '2026-04')).toThrow(RangeError)
  })

  it('lists the periods overlapping a date range', () => {
    expect(periodsBetween('2026-10-29', '2026-11-30').map((p) => p.id)).toEqual(['2026-11-14', '2026-11-28', '2026-12-14'])
    expect(periodsBetween('2026-11-30', '2026-11-01')).toEqual([])
  })

  it('handles any four-digit year', () => {
    // A period of year 0 would start in year −1, which has no YYYY form.
    expect(periodOf('0000-01-14')).toBeNull()
    expect(isPeriodId('0000-01-28')).toBe(false)
    expect(periodOf('0001-01-14')?.start).toBe('0000-12-29')
    expect(periodOf('0050-02-28')?.districtDue).toBe('0050-02-28')
    expect(periodIdForDate('0099-12-30')).toBe('0100-01-14')
  })

  it('gives every period of years 1–9999 its days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (year, month, first) => {
        const id = String(year).padStart(4, '0') + '-' + String(month).padStart(2, '0') + (first ? '-14' : '-28')
        const period = periodOf(id)!
        expect(daysBetween(period.start, period.end)).toBeGreaterThanOrEqual(12)
        expect(periodIdForDate(period.start)).toBe(id)
      }),
    )
  })

  it('steps forward and back', () => {
    expect(nextPeriodId('2026-12-28')).toBe('2027-01-14')
    expect(previousPeriodId('2027-01-14')).toBe('2026-12-28')
    expect(previousPeriodId('2024-03-14')).toBe('2024-02-28')
  })

  it('has contiguous periods: each day belongs to exactly one, and each period contains its own days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 40 }), (offset) => {
        const date = addDays('2000-01-01', offset)
        const period = periodOf(periodIdForDate(date))!
        expect(period.start <= date && date <= period.end).toBe(true)
        const next = periodOf(nextPeriodId(period.id))!
        expect(daysBetween(period.end, next.start)).toBe(1)
        expect(previousPeriodId(next.id)).toBe(period.id)
      }),
    )
  })
})

describe('Vietnamese clock, whatever the machine time zone', () => {
  const zones = ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata']

  it.each(zones)('TZ=%s: 23:59:59 on the 14th is on time, 00:00:01 on the 15th is one day late', (zone) => {
    process.env.TZ = zone
    // Prove the zone took effect in this process, so the test really runs under it.
    const jan = new Date(2026, 0, 1, 12).getTimezoneOffset()
    const expected = { UTC: 0, 'Asia/Ho_Chi_Minh': -420, 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840, 'Asia/Kolkata': -330 }[zone]
    expect(jan).toBe(expected)

    expect(reportTimeliness('2026-11-14', '2026-11-14T23:59:59+07:00', '2026-11-20T00:00:00Z')).toEqual({ status: 'on_time', days: 0 })
    expect(reportTimeliness('2026-11-14', '2026-11-14T16:59:59Z', '2026-11-20T00:00:00Z')).toEqual({ status: 'on_time', days: 0 })
    expect(reportTimeliness('2026-11-14', '2026-11-15T00:00:01+07:00', '2026-11-20T00:00:00Z')).toEqual({ status: 'late', days: 1 })
    expect(reportTimeliness('2026-11-14', new Date(Date.UTC(2026, 10, 14, 17, 0, 1)), 0)).toEqual({ status: 'late', days: 1 })
    expect(periodAt('2026-11-14T23:59:59+07:00').id).toBe('2026-11-14')
    expect(periodAt('2026-11-15T00:00:01+07:00').id).toBe('2026-11-28')
    expect(deadlineEndsAt('2026-11-14')).toBe(Date.parse('2026-11-14T23:59:59.999+07:00'))
  })
})

describe('timeliness', () => {
  it('counts whole calendar days late', () => {
    expect(timeliness('2026-11-14', '2026-11-16T08:00:00+07:00', 0)).toEqual({ status: 'late', days: 2 })
    expect(timeliness('2026-11-14', '2026-11-01T08:00:00+07:00', 0)).toEqual({ status: 'on_time', days: 0 })
  })

  it('without a submission: open (days left) until the deadline day ends, then missing (days overdue)', () => {
    expect(timeliness('2026-11-28', null, '2026-11-26T09:00:00+07:00')).toEqual({ status: 'open', days: 2 })
    expect(timeliness('2026-11-28', null, '2026-11-28T23:59:59+07:00')).toEqual({ status: 'open', days: 0 })
    expect(timeliness('2026-11-28', null, '2026-11-29T00:00:00+07:00')).toEqual({ status: 'missing', days: 1 })
    expect(timeliness('2026-11-14', null, '2026-11-26T09:00:00+07:00')).toEqual({ status: 'missing', days: 12 })
  })

  it('knows when a period has started on the Vietnamese clock', () => {
    expect(periodHasStarted('2026-11-28', '2026-11-14T16:59:59Z')).toBe(false) // 23:59:59 on the 14th in Vietnam
    expect(periodHasStarted('2026-11-28', '2026-11-14T17:00:00Z')).toBe(true) // 00:00 on the 15th
    expect(periodHasStarted('bad', 0)).toBe(false)
  })

  it('refuses an invalid period or instant', () => {
    expect(() => reportTimeliness('2026-11-15', null, 0)).toThrow(RangeError)
    expect(() => timeliness('2026-11-14', 'not a date', 0)).toThrow(RangeError)
  })
})

describe('one period judged many times (the aggregate’s way)', () => {
  // From year 2: reports and clocks up to 400 days either side stay in years the plain path can write out
  // (year 0 has no four-digit form; the API keeps to 1900–2199 anyway).
  const periodId = fc.record({ year: fc.integer({ min: 2, max: 9998 }), month: fc.integer({ min: 1, max: 12 }), day: fc.constantFrom(14, 28) })
    .map(({ year, month, day }) => String(year).padStart(4, '0') + '-' + String(month).padStart(2, '0') + '-' + day)
  const near = (id: string) => fc.integer({ min: -400, max: 400 }).chain((days) =>
    fc.integer({ min: 0, max: 86_399_999 }).map((ms) => Date.parse(id + 'T00:00:00Z') + days * 86_400_000 + ms))
  const case_ = periodId.chain((id) => fc.record({ id: fc.constant(id), submitted: fc.option(near(id)), now: near(id) }))

  it('gives each report what timeliness against the commune deadline gives', () => {
    fc.assert(
      fc.property(case_, ({ id, submitted, now }) => {
        const plain = timeliness(periodOf(id)!.communeDue, submitted, now)
        expect(reportTimelinessAt(id, now)(submitted)).toEqual(plain)
        expect(reportTimeliness(id, submitted, now)).toEqual(plain)
      }),
      { numRuns: 3000 },
    )
  })

  it('judges every commune of the period against one deadline and one today; a bad period is refused at once', () => {
    const judge = reportTimelinessAt('2026-11-14', '2026-11-20T00:00:00+07:00')
    expect([judge('2026-11-14T23:59:59+07:00'), judge('2026-11-16T08:00:00+07:00'), judge(null), judge(null)]).toEqual([
      { status: 'on_time', days: 0 }, { status: 'late', days: 2 }, { status: 'missing', days: 6 }, { status: 'missing', days: 6 },
    ])
    expect(() => reportTimelinessAt('2026-11-15', 0)).toThrow(RangeError)
    // As before: a submission is judged without looking at "now", so a bad clock only fails the missing ones.
    expect(reportTimelinessAt('2026-11-14', 'not a date')('2026-11-14T08:00:00+07:00')).toEqual({ status: 'on_time', days: 0 })
    expect(() => reportTimelinessAt('2026-11-14', 'not a date')(null)).toThrow(RangeError)
  })

  it('hands every caller the same remembered period, which nobody can change', () => {
    const first = periodOf('2026-11-14')!
    expect(periodOf('2026-11-14')).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(() => {
      ;(first as { start: string }).start = '2000-01-01'
    }).toThrow(TypeError)
    expect(periodOf('2026-11-14')?.start).toBe('2026-10-29')
    expect(periodOf('2026-11-15')).toBeNull()
  })
})

