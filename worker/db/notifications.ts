import type { NotificationFacts, NotificationKind } from '../../shared/reminders'

export type StoredNotification = {
  id: string
  unitId: string
  kind: NotificationKind
  subject: string
  due: string
  day: string
  facts: NotificationFacts
  createdAt: string
  readAt: string | null
}

type NotificationRow = {
  id: string; unit_id: string; kind: NotificationKind; subject: string; due: string; day: string; detail: string; created_at: string; read_at: string | null
}

const toNotification = (r: NotificationRow): StoredNotification => ({
  id: r.id, unitId: r.unit_id, kind: r.kind, subject: r.subject, due: r.due, day: r.day,
  facts: { ...(JSON.parse(r.detail) as object), kind: r.kind } as NotificationFacts, createdAt: r.created_at, readAt: r.read_at,
})

/** A unit's notifications, newest first. */
export async function listNotifications(
  db: D1Database, unitId: string, options: { unreadOnly: boolean; limit: number },
): Promise<StoredNotification[]> {
  const { results } = await db
    .prepare(
      `SELECT id, unit_id, kind, subject, due, day, detail, created_at, read_at FROM notifications
       WHERE unit_id = ?1 AND (?2 = 0 OR read_at IS NULL) ORDER BY created_at DESC, id LIMIT ?3`,
    )
    .bind(unitId, options.unreadOnly ? 1 : 0, options.limit)
    .all<NotificationRow>()
  return results.map(toNotification)
}

export async function countUnread(db: D1Database, unitId: string): Promise<number> {
  const row = await db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE unit_id = ?1 AND read_at IS NULL').bind(unitId).first<{ n: number }>()
  return row?.n ?? 0
}

/** Marks the listed (or, with null, all) unread notifications of a unit read; others' ids are ignored. */
export function markReadStatement(db: D1Database, unitId: string, ids: readonly string[] | null, at: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE notifications SET read_at = ?3 WHERE unit_id = ?1 AND read_at IS NULL
         AND (?2 IS NULL OR id IN (SELECT value FROM json_each(?2)))`,
    )
    .bind(unitId, ids === null ? null : JSON.stringify(ids), at)
}

export type NewNotification = {
  id: string
  unit: string
  kind: NotificationKind
  subject: string
  due: string
  /** Never again for the same unit, kind and subject (otherwise once per day). */
  once: boolean
  /** The facts without their kind, as JSON. */
  detail: string
}

/**
 * Inserts the reminders not yet made: a daily one unless that unit, kind and subject already has one for `day`,
 * a once-only one unless it has any. The UNIQUE key backs this up against two runs at the same moment.
 * Returns the rows inserted (id, unit).
 */
export function insertNotificationsStatement(db: D1Database, rows: readonly NewNotification[], day: string, createdAt: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO notifications (id, unit_id, kind, subject, due, day, detail, created_at)
       SELECT json_extract(n.value, '$.id'), json_extract(n.value, '$.unit'), json_extract(n.value, '$.kind'),
         json_extract(n.value, '$.subject'), json_extract(n.value, '$.due'), ?2, json_extract(n.value, '$.detail'), ?3
       FROM json_each(?1) AS n
       WHERE NOT EXISTS (
         SELECT 1 FROM notifications x
         WHERE x.unit_id = json_extract(n.value, '$.unit') AND x.kind = json_extract(n.value, '$.kind')
           AND x.subject = json_extract(n.value, '$.subject') AND (json_extract(n.value, '$.once') = 1 OR x.day = ?2)
       )
       RETURNING id, unit_id`,
    )
    .bind(JSON.stringify(rows.map((r) => ({ ...r, once: r.once ? 1 : 0 }))), day, createdAt)
}
