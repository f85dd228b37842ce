import { describe, expect, it } from 'vitest'
import type { CommuneRow } from '../../shared/aggregate'
import { comparePeriods } from '../../shared/period-change'

const row = (id: string, achieved: number | null, total = 19): CommuneRow => ({
  unit: { id, name: id }, revision: achieved === null ? null : 1, receivedAt: null, firstReceivedAt: null, achieved, total,
  criteria: null, narratives: null, timeliness: achieved === null ? { status: 'missing', days: 3 } : { status: 'on_time', days: 0 }, catalog: null,
})

describe('comparePeriods', () => {
  it('gives each commune reported in both periods its difference, and their sum', () => {
    const change = comparePeriods('2026-10-28', [row('a', 9), row('b', 12), row('c', 7)], [
      { unitId: 'a', achieved: 8, total: 19 }, { unitId: 'b', achieved: 12, total: 19 }, { unitId: 'c', achieved: 8, total: 19 },
    ])
    expect(change).toEqual({
      previousPeriod: '2026-10-28',
      byCommune: { a: { previous: 8, change: 1 }, b: { previous: 12, change: 0 }, c: { previous: 8, change: -1 } },
      compared: 3,
      change: 0,
    })
  })

  it('leaves out a commune missing now or then, and one whose catalogue size changed', () => {
    const change = comparePeriods('2026-10-28', [row('now-missing', null), row('new', 5), row('switched', 6, 10)], [
      { unitId: 'now-missing', achieved: 4, total: 19 }, { unitId: 'switched', achieved: 12, total: 19 },
    ])
    expect(change.byCommune).toEqual({})
    expect(change.compared).toBe(0)
    expect(change.change).toBe(0)
  })
})
