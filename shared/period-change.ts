// What changed since the previous period, for leaders: each commune's criteria met now against its latest
// revision of the period before (the 28th against the 14th, the 14th against the previous month's 28th).
// A commune that did not report in either period, or whose catalogue size differs between the two
// (19 criteria against 10 after a switch of sets), has no change: the counts are not comparable.
import type { CommuneRow } from './aggregate'
import type { PeriodId } from './calendar'

export type PreviousScore = { unitId: string; achieved: number; total: number }

export type PeriodChange = {
  previousPeriod: PeriodId
  /** Commune id → its criteria met in the previous period and the difference (now − then). */
  byCommune: { [unitId: string]: { previous: number; change: number } }
  /** How many communes are compared, and the sum of their differences. */
  compared: number
  change: number
}

export function comparePeriods(previousPeriod: PeriodId, rows: readonly CommuneRow[], previous: readonly PreviousScore[]): PeriodChange {
  const before: { [unitId: string]: PreviousScore } = {}
  for (const p of previous) before[p.unitId] = p
  const out: PeriodChange = { previousPeriod, byCommune: {}, compared: 0, change: 0 }
  for (const row of rows) {
    const then = before[row.unit.id]
    if (row.achieved === null || !then || then.total !== row.total) continue
    const change = row.achieved - then.achieved
    out.byCommune[row.unit.id] = { previous: then.achieved, change }
    out.compared++
    out.change += change
  }
  return out
}
