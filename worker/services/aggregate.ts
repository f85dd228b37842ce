// The NTM office's report for a period over the communes below a unit, computed by the shared
// aggregatePeriod from each commune's latest revision (report_latest); plus how many of the subtree's
// tasks are overdue and the first page of them (the rest through GET /aggregate/{unit}/overdue), the
// change since the previous period and the names of the units it mentions.
import type { AggregateResponse } from '../../shared/api'
import { type CommuneInput, aggregatePeriod } from '../../shared/aggregate'
import { previousPeriodId } from '../../shared/calendar'
import { vnDate } from '../../shared/dates'
import { comparePeriods } from '../../shared/period-change'
import { governingLock, listLatestLockEvents } from '../db/locks'
import { listLatestRevisions, listLatestScores } from '../db/reports'
import type { OverdueScope } from '../db/tasks'
import { type Unit, listSubtree } from '../db/units'
import { type UnitContext, loadCatalogFor } from '../scope'
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

/** `overdueLimit`: how many of the overdue tasks to list (the first page; the workbook lists more). */
export async function computeAggregate(
  db: D1Database, target: UnitContext, period: string, now: Date, overdueLimit = OVERDUE_PAGE,
): Promise<AggregateResponse> {
  const subtree = await listSubtree(db, target.unit.id)
  // A commune is expected from its first reporting period on.
  const communes = subtree.filter((u) => u.level === 'commune' && (u.reportsFrom === null || u.reportsFrom <= period))
  const communeIds = communes.map((u) => u.id)
  const previousPeriod = previousPeriodId(period)
  const [catalog, latest, previous, locks, overdue, { settings }] = await Promise.all([
    loadCatalogFor(db, target),
    listLatestRevisions(db, communeIds, period),
    listLatestScores(db, communeIds, previousPeriod),
    listLatestLockEvents(db, target.chain.map((u) => u.id), period),
    overduePage(db, overdueScope(target, subtree), vnDate(now), null, overdueLimit),
    settingsFor(db, target),
  ])
  const byUnit: { [id: string]: (typeof latest)[number] } = {}
  for (const r of latest) byUnit[r.unitId] = r

  const inputs: CommuneInput[] = communes.map((u) => ({ id: u.id, name: u.name, latest: byUnit[u.id] ?? null }))
  const aggregate = aggregatePeriod(catalog, period, inputs, now)
  const dossiers = await aggregateDossiers(db, catalog, aggregate.communes)

  const known: { [id: string]: string } = {}
  for (const u of subtree) known[u.id] = u.name
  for (const u of target.chain) known[u.id] = u.name
  const unitNames = await nameOverdueUnits(db, overdue.tasks, known)

  const lock = governingLock(locks)
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
