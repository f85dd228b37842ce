export type LockEvent = { unitId: string; period: string; action: 'lock' | 'unlock'; actor: string; at: string }
/** A stored event, with its place in the append-only log. */
export type StoredLockEvent = LockEvent & { seq: number }

type EventRow = { seq: number; unit_id: string; period: string; action: 'lock' | 'unlock'; actor: string; at: string }
const toEvent = (r: EventRow): StoredLockEvent => ({ seq: r.seq, unitId: r.unit_id, period: r.period, action: r.action, actor: r.actor, at: r.at })

/** The latest lock or unlock of a period by any of these units, each unit's latest event only. */
export async function listLatestLockEvents(db: D1Database, unitIds: readonly string[], period: string): Promise<StoredLockEvent[]> {
  const { results } = await db
    .prepare(
      `SELECT e.seq, e.unit_id, e.period, e.action, e.actor, e.at FROM period_lock_events e
       WHERE e.period = ?1 AND e.unit_id IN (SELECT value FROM json_each(?2))
         AND e.seq = (SELECT MAX(l.seq) FROM period_lock_events l WHERE l.unit_id = e.unit_id AND l.period = e.period)`,
    )
    .bind(period, JSON.stringify(unitIds))
    .all<EventRow>()
  return results.map(toEvent)
}

/** The lock that holds a period for a unit (its own or an ancestor's, the most recent), or null when open. */
export function governingLock(latest: readonly StoredLockEvent[]): StoredLockEvent | null {
  let found: StoredLockEvent | null = null
  for (const e of latest) if (e.action === 'lock' && (!found || e.seq > found.seq)) found = e
  return found
}

/**
 * Appends a lock or unlock only when it changes the state at that moment (a period without events is
 * open), so concurrent requests record one event between them. Returns the new row's seq, or no row.
 */
export function insertLockEventStatement(db: D1Database, e: LockEvent): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO period_lock_events (unit_id, period, action, actor, at)
       SELECT ?1, ?2, ?3, ?4, ?5
       WHERE COALESCE((SELECT l.action FROM period_lock_events l WHERE l.unit_id = ?1 AND l.period = ?2 ORDER BY l.seq DESC LIMIT 1), 'unlock') <> ?3
       RETURNING seq`,
    )
    .bind(e.unitId, e.period, e.action, e.actor, e.at)
}
