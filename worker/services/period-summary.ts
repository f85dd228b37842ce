// A period's summary as leaders see it. While the period is open it is computed from the latest revisions;
// once it is locked (by the unit or an ancestor) it comes from the snapshot of that lock — the aggregate
// and the workbook bytes as they were — so what leaders saw is what was locked, and nothing is recomputed.
// The lock route takes the snapshot at once; a lock without one (taken before snapshots existed, or whose
// snapshot failed) gets it on its first reading, which is equivalent: a locked period takes no revisions.
import type { AggregateResponse } from '../../shared/api'
import { type StoredLockEvent, governingLock, listLatestLockEvents } from '../db/locks'
import { findSnapshot, insertSnapshotStatement } from '../db/snapshots'
import type { UnitContext } from '../scope'
import { writeSummaryWorkbook } from '../summary-book'
import { computeAggregate } from './aggregate'

export type PeriodSummary = {
  aggregate: AggregateResponse
  /** The workbook: the snapshot's bytes, or written on demand for an open period. */
  workbook(): Promise<Uint8Array>
  fromSnapshot: boolean
}

export async function loadPeriodSummary(db: D1Database, target: UnitContext, period: string, now: Date): Promise<PeriodSummary> {
  const lock = governingLock(await listLatestLockEvents(db, target.chain.map((u) => u.id), period))
  if (lock) return snapshotFor(db, target, period, lock, now)
  const aggregate = await computeAggregate(db, target, period, now)
  return { aggregate, workbook: () => writeSummaryWorkbook(aggregate), fromSnapshot: false }
}

/** Right after a lock: store what it froze. */
export async function takeSnapshot(db: D1Database, target: UnitContext, period: string, now: Date): Promise<void> {
  const lock = governingLock(await listLatestLockEvents(db, target.chain.map((u) => u.id), period))
  if (lock) await snapshotFor(db, target, period, lock, now)
}

async function snapshotFor(db: D1Database, target: UnitContext, period: string, lock: StoredLockEvent, now: Date): Promise<PeriodSummary> {
  const unitId = target.unit.id
  let stored = await findSnapshot(db, unitId, period, lock.seq)
  if (!stored) {
    const aggregate = await computeAggregate(db, target, period, now)
    const workbook = await writeSummaryWorkbook(aggregate)
    await insertSnapshotStatement(db, { unitId, period, lockSeq: lock.seq, createdAt: now.toISOString(), aggregate: JSON.stringify(aggregate), workbook }).run()
    // Of two first readers at once, the first stored wins; both serve it.
    stored = await findSnapshot(db, unitId, period, lock.seq)
    if (!stored) throw new Error('snapshot not stored for ' + unitId + '/' + period)
  }
  const bytes = stored.workbook
  return { aggregate: JSON.parse(stored.aggregate) as AggregateResponse, workbook: async () => bytes, fromSnapshot: true }
}
