// What the NTM office reports to the committee head for a period: each commune's latest revision, its
// score and timeliness, completeness (DHIS2's "reporting rate" and "reporting rate on time"), how many
// communes meet each criterion, overdue tasks and funds by source.
// Communes of one period may be judged by different catalogues (a district's own set, a revision judged by
// an older version): each is counted against its own catalogue's N, and the criteria are tallied per
// catalogue, never added across sets. Stored verdicts are used as they are: history is never re-judged.
import { type Instant } from './dates'
import { type PeriodId, type Timeliness, reportTimelinessAt } from './calendar'
import { type Catalog, type CatalogRef, catalogKey } from './catalog'
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
  /** The catalogue version the revision was judged by. */
  catalog: CatalogRef
}

/** `expected`: the catalogue in force for the commune in this period (used when it has not reported). */
export type CommuneInput = { id: string; name: string; latest: CommuneSubmission | null; expected: CatalogRef | null }

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
  /** The catalogue its revision was judged by, or the one in force when it has not reported (null: none assigned). */
  catalog: CatalogRef | null
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

/** The communes of the period judged by one catalogue version, and how many of them meet each criterion. */
export type CatalogTally = {
  id: string
  version: string
  title: string
  /** Its number of criteria: the N of "đạt X / N" for these communes. */
  total: number
  communes: number
  reported: number
  criteriaMet: CriterionCount[]
}

export type PeriodAggregate = {
  period: PeriodId
  communes: CommuneRow[]
  completeness: Completeness
  /** One per catalogue version judging a commune, most communes first. More than one: the sheets say so. */
  catalogs: CatalogTally[]
  funds: FundTotals
}

/** `catalogs` holds every catalogue version the communes' rows name, keyed by catalogKey. */
export function aggregatePeriod(catalogs: { [key: string]: Catalog }, period: PeriodId, communes: readonly CommuneInput[], now: Instant): PeriodAggregate {
  const timelinessOf = reportTimelinessAt(period, now)
  const funds = emptyTotals()
  let received = 0
  let receivedOnTime = 0
  const rows: CommuneRow[] = communes.map((c): CommuneRow => {
    const latest = c.latest
    const timeliness = timelinessOf(latest ? latest.firstReceivedAt : null)
    if (timeliness.status === 'on_time') receivedOnTime++
    if (!latest) {
      const ref = c.expected
      const catalog = ref ? catalogs[catalogKey(ref)] : undefined
      return {
        unit: { id: c.id, name: c.name }, revision: null, receivedAt: null, firstReceivedAt: null, achieved: null,
        total: catalog ? catalog.criteria.length : 0, criteria: null, timeliness, narratives: null,
        catalog: ref ? { id: ref.id, version: ref.version } : null,
      }
    }
    received++
    for (const s of FUND_SOURCES) funds.bySource[s.id] += latest.funds.bySource[s.id] || 0
    funds.total += latest.funds.total
    return {
      unit: { id: c.id, name: c.name }, revision: latest.revision, receivedAt: latest.receivedAt, firstReceivedAt: latest.firstReceivedAt,
      achieved: latest.achieved, total: latest.total, criteria: latest.criteria, timeliness, narratives: latest.narratives,
      catalog: { id: latest.catalog.id, version: latest.catalog.version },
    }
  })
  const expected = rows.length
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
    catalogs: tallies(catalogs, rows),
    funds,
  }
}

function tallies(catalogs: { [key: string]: Catalog }, rows: readonly CommuneRow[]): CatalogTally[] {
  const order: string[] = []
  const members: { [key: string]: CommuneRow[] } = {}
  for (const r of rows) {
    if (!r.catalog) continue
    const key = catalogKey(r.catalog)
    if (!members[key]) {
      members[key] = []
      order.push(key)
    }
    ;(members[key] as CommuneRow[]).push(r)
  }
  const out = order.map((key, first): CatalogTally & { first: number } => {
    const list = members[key] as CommuneRow[]
    const ref = list[0]!.catalog as CatalogRef
    const catalog = catalogs[key]
    const criteria = catalog ? catalog.criteria : []
    // One pass over the communes, counting into one slot per criterion.
    const keys = criteria.map((c) => String(c.no))
    const met = keys.map(() => 0)
    let reported = 0
    for (const r of list) {
      if (r.revision !== null) reported++
      const verdicts = r.criteria
      if (verdicts !== null) for (let i = 0; i < keys.length; i++) if (verdicts[keys[i] as string] === true) met[i] = (met[i] as number) + 1
    }
    return {
      id: ref.id,
      version: ref.version,
      title: catalog ? catalog.title : ref.id,
      total: criteria.length,
      communes: list.length,
      reported,
      criteriaMet: criteria.map((c, i) => ({ no: c.no, name: c.name, communes: met[i] as number })),
      first,
    }
  })
  out.sort((a, b) => b.communes - a.communes || a.first - b.first)
  return out.map(({ first: _first, ...tally }) => tally)
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
