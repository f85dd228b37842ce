// What the NTM office reports to the committee head for a period: each commune's latest revision, its
// score and timeliness, completeness (DHIS2's "reporting rate" and "reporting rate on time"), how many
// communes meet each criterion, overdue tasks and funds by source.
import { type Instant } from './dates'
import { type PeriodId, type Timeliness, reportTimeliness } from './calendar'
import { type Catalog } from './catalog'
import { type FundTotals, FUND_SOURCES, emptyTotals } from './funds'
import { type Narratives } from './narratives'

export type CommuneSubmission = {
  revision: number
  /** When the latest revision arrived. */
  receivedAt: string
  /** When the first revision arrived: timeliness is judged on it, so a late correction does not make an on-time report late. */
  firstReceivedAt: string
  achieved: number
  total: number
  /** Criterion number → met. */
  criteria: { [no: string]: boolean }
  funds: FundTotals
  /** The latest revision's words: what was done, difficulties, requests to the district. */
  narratives: Narratives
}

export type CommuneInput = { id: string; name: string; latest: CommuneSubmission | null }

export type CommuneRow = {
  unit: { id: string; name: string }
  revision: number | null
  receivedAt: string | null
  firstReceivedAt: string | null
  achieved: number | null
  total: number
  criteria: { [no: string]: boolean } | null
  timeliness: Timeliness
  /** Null when nothing was received. */
  narratives: Narratives | null
}

export type Completeness = {
  expected: number
  received: number
  receivedOnTime: number
  /** received / expected, 0–1 (0 when nothing is expected). */
  rate: number
  onTimeRate: number
}

export type CriterionCount = { no: number; name: string; communes: number }

export type PeriodAggregate = {
  period: PeriodId
  communes: CommuneRow[]
  completeness: Completeness
  criteriaMet: CriterionCount[]
  funds: FundTotals
}

export function aggregatePeriod(catalog: Catalog, period: PeriodId, communes: readonly CommuneInput[], now: Instant): PeriodAggregate {
  const rows: CommuneRow[] = communes.map((c) => ({
    unit: { id: c.id, name: c.name },
    revision: c.latest ? c.latest.revision : null,
    receivedAt: c.latest ? c.latest.receivedAt : null,
    firstReceivedAt: c.latest ? c.latest.firstReceivedAt : null,
    achieved: c.latest ? c.latest.achieved : null,
    total: c.latest ? c.latest.total : catalog.criteria.length,
    criteria: c.latest ? c.latest.criteria : null,
    timeliness: reportTimeliness(period, c.latest ? c.latest.firstReceivedAt : null, now),
    narratives: c.latest ? c.latest.narratives : null,
  }))
  const expected = rows.length
  const received = rows.filter((r) => r.revision !== null).length
  const receivedOnTime = rows.filter((r) => r.timeliness.status === 'on_time').length
  const criteriaMet = catalog.criteria.map((c) => ({
    no: c.no,
    name: c.name,
    communes: rows.filter((r) => r.criteria !== null && r.criteria[String(c.no)] === true).length,
  }))
  const funds = emptyTotals()
  for (const c of communes) {
    if (!c.latest) continue
    for (const s of FUND_SOURCES) funds.bySource[s.id] += c.latest.funds.bySource[s.id] || 0
    funds.total += c.latest.funds.total
  }
  funds.peopleShare = funds.total > 0 ? funds.bySource.people / funds.total : 0
  return {
    period,
    communes: rows,
    completeness: {
      expected,
      received,
      receivedOnTime,
      rate: expected > 0 ? received / expected : 0,
      onTimeRate: expected > 0 ? receivedOnTime / expected : 0,
    },
    criteriaMet,
    funds,
  }
}

/** "Xã Thọ Bình" → "Thọ Bình": in a list that already says it speaks of communes. */
export function shortUnitName(name: string): string {
  return name.replace(/^(xã|phường|thị trấn)\s+/i, '')
}

export type FollowUp = { id: string; name: string; days: number }

/**
 * The communes to chase, in the order of the rows: missing (deadline passed, nothing received), late (received
 * after the deadline, with days) and still open (nothing yet, deadline ahead, with days left).
 */
export function followUps(rows: readonly CommuneRow[]): { missing: FollowUp[]; late: FollowUp[]; open: FollowUp[] } {
  const out = { missing: [] as FollowUp[], late: [] as FollowUp[], open: [] as FollowUp[] }
  for (const r of rows) {
    const item = { id: r.unit.id, name: shortUnitName(r.unit.name), days: r.timeliness.days }
    if (r.timeliness.status === 'missing') out.missing.push(item)
    else if (r.timeliness.status === 'late') out.late.push(item)
    else if (r.timeliness.status === 'open') out.open.push(item)
  }
  return out
}
