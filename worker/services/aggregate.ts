// The NTM office's report for a period over the communes below a unit, computed by the shared
// aggregatePeriod from each commune's latest revision; plus the subtree's overdue tasks, the change
// since the previous period and the names of the units it mentions.
import type { AggregateResponse, OverdueTask } from '../../shared/api'
import { type CommuneInput, aggregatePeriod } from '../../shared/aggregate'
import { previousPeriodId } from '../../shared/calendar'
import { vnDate } from '../../shared/dates'
import { comparePeriods } from '../../shared/period-change'
import { taskFlag } from '../../shared/tasks'
import { governingLock, listLatestLockEvents } from '../db/locks'
import { listLatestRevisions } from '../db/reports'
import { listTasksInvolving } from '../db/tasks'
import { listSubtree, listUnitNames } from '../db/units'
import { type UnitContext, loadCatalogFor } from '../scope'
import { aggregateDossiers } from './aggregate-dossiers'
import { settingsFor } from './settings'

export async function computeAggregate(db: D1Database, target: UnitContext, period: string, now: Date): Promise<AggregateResponse> {
  const subtree = await listSubtree(db, target.unit.id)
  // A commune is expected from its first reporting period on.
  const communes = subtree.filter((u) => u.level === 'commune' && (u.reportsFrom === null || u.reportsFrom <= period))
  const communeIds = communes.map((u) => u.id)
  const previousPeriod = previousPeriodId(period)
  const [catalog, latest, previous, locks, tasks, { settings }] = await Promise.all([
    loadCatalogFor(db, target),
    listLatestRevisions(db, communeIds, period),
    listLatestRevisions(db, communeIds, previousPeriod),
    listLatestLockEvents(db, target.chain.map((u) => u.id), period),
    listTasksInvolving(db, subtree.map((u) => u.id)),
    settingsFor(db, target),
  ])
  const byUnit: { [id: string]: (typeof latest)[number] } = {}
  for (const r of latest) byUnit[r.unitId] = r

  const inputs: CommuneInput[] = communes.map((u) => ({ id: u.id, name: u.name, latest: byUnit[u.id] ?? null }))
  const aggregate = aggregatePeriod(catalog, period, inputs, now)
  const dossiers = await aggregateDossiers(db, catalog, aggregate.communes)

  // Tasks in the unit's own sheets and its communes' — or assigned to it from above. A sheet elsewhere
  // that names one of these units does not put its tasks in this report.
  const unitNames: { [id: string]: string } = {}
  for (const u of subtree) unitNames[u.id] = u.name
  for (const u of target.chain) unitNames[u.id] = u.name
  const today = vnDate(now)
  const overdueTasks: OverdueTask[] = []
  for (const t of tasks) {
    if (!unitNames[t.owner]) continue
    const f = taskFlag(t, today)
    if (f.flag === 'overdue') {
      overdueTasks.push({ id: t.id, title: t.title, owner: t.owner, lead: t.lead, collaborators: t.collaborators, occurrence: f.occurrence, days: f.days })
    }
  }
  overdueTasks.sort((a, b) => b.days - a.days)
  // Leads and collaborators outside the subtree (a provincial department) are named too; free text stays as is.
  const unnamed = overdueTasks.flatMap((t) => [t.lead].concat(t.collaborators)).filter((id) => !unitNames[id])
  Object.assign(unitNames, await listUnitNames(db, unnamed))

  const lock = governingLock(locks)
  const { id, name, level } = target.unit
  return {
    ...aggregate,
    unit: { id, name, level },
    locked: lock !== null,
    lockedAt: lock ? lock.at : null,
    generatedAt: now.toISOString(),
    overdueTasks,
    change: comparePeriods(previousPeriod, aggregate.communes, previous),
    unitNames,
    peopleShareLimit: settings.peopleSharePercent / 100,
    dossiers,
  }
}
