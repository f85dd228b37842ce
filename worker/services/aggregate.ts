// The NTM office's report for a period over the communes below a unit, computed by the shared
// aggregatePeriod from each commune's latest revision; plus the subtree's overdue tasks.
import type { AggregateResponse, OverdueTask } from '../../shared/api'
import { type CommuneInput, aggregatePeriod } from '../../shared/aggregate'
import { vnDate } from '../../shared/dates'
import { taskFlag } from '../../shared/tasks'
import { listLatestLockEvents } from '../db/locks'
import { listLatestRevisions } from '../db/reports'
import { listTasksInvolving } from '../db/tasks'
import { listSubtree } from '../db/units'
import { type UnitContext, loadCatalogFor } from '../scope'

export async function computeAggregate(db: D1Database, target: UnitContext, period: string, now: Date): Promise<AggregateResponse> {
  const subtree = await listSubtree(db, target.unit.id)
  // A commune is expected from its first reporting period on.
  const communes = subtree.filter((u) => u.level === 'commune' && (u.reportsFrom === null || u.reportsFrom <= period))
  const [catalog, latest, locks, tasks] = await Promise.all([
    loadCatalogFor(db, target),
    listLatestRevisions(db, communes.map((u) => u.id), period),
    listLatestLockEvents(db, target.chain.map((u) => u.id), period),
    listTasksInvolving(db, subtree.map((u) => u.id)),
  ])
  const byUnit: { [id: string]: (typeof latest)[number] } = {}
  for (const r of latest) byUnit[r.unitId] = r

  const inputs: CommuneInput[] = communes.map((u) => ({ id: u.id, name: u.name, latest: byUnit[u.id] ?? null }))
  const aggregate = aggregatePeriod(catalog, period, inputs, now)

  // Tasks in the unit's own sheets and its communes' — or assigned to it from above. A sheet elsewhere
  // that names one of these units does not put its tasks in this report.
  const owners: { [id: string]: boolean } = {}
  for (const u of subtree) owners[u.id] = true
  for (const u of target.chain) owners[u.id] = true
  const today = vnDate(now)
  const overdueTasks: OverdueTask[] = []
  for (const t of tasks) {
    if (!owners[t.owner]) continue
    const f = taskFlag(t, today)
    if (f.flag === 'overdue') overdueTasks.push({ id: t.id, title: t.title, owner: t.owner, lead: t.lead, occurrence: f.occurrence, days: f.days })
  }
  overdueTasks.sort((a, b) => b.days - a.days)

  const { id, name, level } = target.unit
  return {
    ...aggregate,
    unit: { id, name, level },
    locked: locks.some((e) => e.action === 'lock'),
    generatedAt: now.toISOString(),
    overdueTasks,
  }
}
