// The NTM office's report for a period over the communes below a unit, computed by the shared
// aggregatePeriod from each commune's latest revision (report_latest) — its stored verdict, under the
// catalogue version that judged it; plus how many of the subtree's tasks are overdue and the first page of
// them (the rest through GET /aggregate/{unit}/overdue), the change since the previous period and the names
// of the units it mentions.
import type { AggregateResponse } from '../../shared/api'
import { type CommuneInput, aggregatePeriod } from '../../shared/aggregate'
import { previousPeriodId } from '../../shared/calendar'
import { type CatalogRef, catalogKey } from '../../shared/catalog'
import { type Assignment, assignmentFor } from '../../shared/catalog-assignment'
import { vnDate } from '../../shared/dates'
import { comparePeriods } from '../../shared/period-change'
import { listCatalogSettings, listCatalogVersions } from '../db/catalogs'
import type { StoredLockEvent } from '../db/locks'
import { listLatestRevisions, listLatestScores } from '../db/reports'
import type { OverdueScope } from '../db/tasks'
import { listCurrentEvidenceFacts } from '../db/evidence'
import type { Unit } from '../db/units'
import { type UnitContext, chainIds } from '../scope'
import { aggregateDossiers } from './aggregate-dossiers'
import { OVERDUE_PAGE, nameOverdueUnits, overduePage } from './overdue'
import { settingsFor } from './settings'

/**
 * Tasks in the unit's own sheets and its communes' — or assigned to it from above. A sheet elsewhere that
 * names one of these units does not put its tasks in this report.
 */
export function overdueScope(target: UnitContext, subtree: readonly Unit[]): OverdueScope {
  return { subtree: subtree.map((u) => u.id), above: target.chain.slice(1).map((u) => u.id) }
}

/**
 * `subtree`: the units below the target, as the caller read them (with the period's locks, in one round trip).
 * `lock`: the lock governing the period, as the caller already read it (null while open).
 * `overdueLimit`: how many of the overdue tasks to list (the first page; the workbook lists more).
 * Three round trips to D1: everything that needs only the subtree at once, then the catalogues the reports
 * name with the names of units outside the subtree that overdue tasks mention.
 */
export async function computeAggregate(
  db: D1Database, target: UnitContext, subtree: readonly Unit[], period: string, now: Date, lock: StoredLockEvent | null,
  overdueLimit = OVERDUE_PAGE,
): Promise<AggregateResponse> {
  const allCommunes = subtree.filter((u) => u.level === 'commune')
  const allIds = allCommunes.map((u) => u.id)
  const above = target.chain.map((u) => u.id)
  const previousPeriod = previousPeriodId(period)
  const [latest, previous, overdue, { settings }, catalogSettings, evidence] = await Promise.all([
    listLatestRevisions(db, allIds, period),
    listLatestScores(db, allIds, previousPeriod),
    overduePage(db, overdueScope(target, subtree), vnDate(now), null, overdueLimit),
    settingsFor(db, target),
    listCatalogSettings(db, subtree.map((u) => u.id).concat(above.slice(1))),
    listCurrentEvidenceFacts(db, allIds),
  ])
  const byUnit: { [id: string]: (typeof latest)[number] } = {}
  for (const r of latest) byUnit[r.unitId] = r
  // A commune is expected from its first reporting period on; one that reported earlier anyway is shown.
  const communes = allCommunes.filter((u) => u.reportsFrom === null || u.reportsFrom <= period || byUnit[u.id] !== undefined)

  // Each commune's catalogue in force for the period (for one that has not reported), and every version named.
  const unitsById: { [id: string]: Unit } = {}
  for (const u of subtree) unitsById[u.id] = u
  const refs: { [key: string]: CatalogRef } = {}
  // A commune without an assignment of its own inherits its parent's: worked out once per parent.
  const assigned = new Set(catalogSettings.assignments.map((a) => a.unit))
  const inherited = new Map<string, Assignment | null>()
  const inForceFor = (u: Unit): Assignment | null => {
    const parent = u.parentId
    const own = () => assignmentFor(chainIds(u, unitsById, above.slice(1)), catalogSettings.assignments, period)
    if (parent === null || assigned.has(u.id)) return own()
    if (!inherited.has(parent)) inherited.set(parent, own())
    return inherited.get(parent) as Assignment | null
  }
  const inputs: CommuneInput[] = communes.map((u) => {
    const inForce = inForceFor(u)
    const expected = inForce ? inForce.catalog : null
    const stored = byUnit[u.id]
    for (const ref of [expected, stored ? stored.catalog : null]) if (ref) refs[catalogKey(ref)] = ref
    return { id: u.id, name: u.name, latest: stored ?? null, expected }
  })
  const known: { [id: string]: string } = {}
  for (const u of subtree) known[u.id] = u.name
  for (const u of target.chain) known[u.id] = u.name
  const [catalogs, unitNames] = await Promise.all([
    listCatalogVersions(db, Object.keys(refs).map((k) => refs[k] as CatalogRef)),
    nameOverdueUnits(db, overdue.tasks, known),
  ])
  const aggregate = aggregatePeriod(catalogs, period, inputs, now)
  const dossiers = aggregateDossiers(evidence, catalogs, aggregate)

  const { id, name, level } = target.unit
  return {
    ...aggregate,
    unit: { id, name, level },
    locked: lock !== null,
    lockedAt: lock ? lock.at : null,
    generatedAt: now.toISOString(),
    overdueTasks: overdue.tasks,
    overdueTotal: overdue.total,
    overdueNext: overdue.next,
    change: comparePeriods(previousPeriod, aggregate.communes, previous),
    unitNames,
    peopleShareLimit: settings.peopleSharePercent / 100,
    dossiers,
  }
}
