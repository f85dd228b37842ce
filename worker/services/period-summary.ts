// A period's summary as leaders see it. While the period is open it is computed from the latest revisions;
// once it is locked (by the unit or an ancestor) it comes from the snapshot of that lock — the aggregate
// and the workbook bytes as they were — so what leaders saw is what was locked, and nothing is recomputed.
// The lock route takes the snapshot at once; a lock without one (taken before snapshots existed, or whose
// snapshot failed) gets it on its first reading, which is equivalent: a locked period takes no revisions.
// The aggregate lists the first page of overdue tasks (the rest are paged, as of today); the workbook lists
// up to OVERDUE_PAGE_MAX of them, longest overdue first, and says how many more there are. An open period's
// workbook is kept per fingerprint of what it shows (services/summary-workbook.ts).
import type { AggregateResponse } from '../../shared/api'
import { type StoredLockEvent, governingLock, listLatestLockEvents } from '../db/locks'
import { findSnapshot, insertSnapshotStatement } from '../db/snapshots'
import { findCachedWorkbook } from '../db/workbook-cache'
import { type Unit, listSubtree } from '../db/units'
import type { UnitContext } from '../scope'
import { writeSummaryWorkbook } from '../summary-book'
import { computeAggregate } from './aggregate'
import { OVERDUE_PAGE, OVERDUE_PAGE_MAX, firstOverduePage } from './overdue'
import { cachedSummaryWorkbook } from './summary-workbook'

export type PeriodSummary = {
  aggregate: AggregateResponse
  /** The workbook: the snapshot's bytes, or written on demand for an open period. */
  workbook(): Promise<Uint8Array>
  fromSnapshot: boolean
}

/** `forWorkbook`: the caller wants the workbook (an open period's lists more overdue tasks than the JSON). */
export async function loadPeriodSummary(
  db: D1Database, target: UnitContext, period: string, now: Date, forWorkbook = false,
): Promise<PeriodSummary> {
  // The subtree is read with the locks, in the same round trip: an open period needs it next; a locked one
  // whose snapshot exists does not, and wastes a read of the unit tree, not a round trip.
  const [events, subtree] = await Promise.all([listLatestLockEvents(db, target.chain.map((u) => u.id), period), listSubtree(db, target.unit.id)])
  const lock = governingLock(events)
  if (lock) return snapshotFor(db, target, period, lock, now, subtree)
  const [full, cached] = await Promise.all([
    computeAggregate(db, target, subtree, period, now, null, forWorkbook ? OVERDUE_PAGE_MAX : OVERDUE_PAGE),
    forWorkbook ? findCachedWorkbook(db, target.unit.id, period) : null,
  ])
  return { aggregate: firstOverduePage(full), workbook: () => cachedSummaryWorkbook(db, full, cached, now), fromSnapshot: false }
}

/** Right after a lock: store what it froze. */
export async function takeSnapshot(db: D1Database, target: UnitContext, period: string, now: Date): Promise<void> {
  const lock = governingLock(await listLatestLockEvents(db, target.chain.map((u) => u.id), period))
  if (lock) await snapshotFor(db, target, period, lock, now)
}

/** `subtree`: the units below the target when the caller has read them already. */
async function snapshotFor(
  db: D1Database, target: UnitContext, period: string, lock: StoredLockEvent, now: Date, subtree: readonly Unit[] | null = null,
): Promise<PeriodSummary> {
  const unitId = target.unit.id
  let stored = await findSnapshot(db, unitId, period, lock.seq)
  if (!stored) {
    const units = subtree ?? (await listSubtree(db, unitId))
    const full = await computeAggregate(db, target, units, period, now, lock, OVERDUE_PAGE_MAX)
    const workbook = await writeSummaryWorkbook(full)
    const aggregate = JSON.stringify(firstOverduePage(full))
    await insertSnapshotStatement(db, { unitId, period, lockSeq: lock.seq, createdAt: now.toISOString(), aggregate, workbook }).run()
    // Of two first readers at once, the first stored wins; both serve it.
    stored = await findSnapshot(db, unitId, period, lock.seq)
    if (!stored) throw new Error('snapshot not stored for ' + unitId + '/' + period)
  }
  const bytes = stored.workbook
  return { aggregate: JSON.parse(stored.aggregate) as AggregateResponse, workbook: async () => bytes, fromSnapshot: true }
}
