import type { WebhookDeliveryCounts } from '../../shared/api'

export type StoredWebhook = { unitId: string; url: string; secretSealed: string; secretFingerprint: string; updatedAt: string }

type WebhookRow = { unit_id: string; url: string; secret_sealed: string; secret_fingerprint: string; updated_at: string }

const toWebhook = (r: WebhookRow): StoredWebhook => ({
  unitId: r.unit_id, url: r.url, secretSealed: r.secret_sealed, secretFingerprint: r.secret_fingerprint, updatedAt: r.updated_at,
})

const COLUMNS = 'unit_id, url, secret_sealed, secret_fingerprint, updated_at'

export async function findWebhook(db: D1Database, unitId: string): Promise<StoredWebhook | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM webhooks WHERE unit_id = ?1`).bind(unitId).first<WebhookRow>()
  return row ? toWebhook(row) : null
}

/** Every webhook, or those of the listed units. */
export async function listWebhooks(db: D1Database, unitIds: readonly string[] | null = null): Promise<StoredWebhook[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM webhooks WHERE ?1 IS NULL OR unit_id IN (SELECT value FROM json_each(?1))`)
    .bind(unitIds === null ? null : JSON.stringify(unitIds))
    .all<WebhookRow>()
  return results.map(toWebhook)
}

export function upsertWebhookStatement(
  db: D1Database, w: { unitId: string; url: string; secretSealed: string; secretFingerprint: string }, at: string, by: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO webhooks (unit_id, url, secret_sealed, secret_fingerprint, created_at, updated_at, updated_by)
       VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)
       ON CONFLICT (unit_id) DO UPDATE SET url = excluded.url, secret_sealed = excluded.secret_sealed,
         secret_fingerprint = excluded.secret_fingerprint, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .bind(w.unitId, w.url, w.secretSealed, w.secretFingerprint, at, by)
}

export function deleteWebhookStatement(db: D1Database, unitId: string): D1PreparedStatement {
  return db.prepare('DELETE FROM webhooks WHERE unit_id = ?1').bind(unitId)
}

/** Deliveries still waiting for a webhook that is being removed give up now. */
export function abandonDeliveriesStatement(db: D1Database, unitId: string, at: string, reason: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE webhook_deliveries SET failed_at = ?2, last_error = ?3, lease_until = NULL
       WHERE webhook_unit_id = ?1 AND delivered_at IS NULL AND failed_at IS NULL`,
    )
    .bind(unitId, at, reason)
}

export type NewDelivery = { id: string; notificationId: string; webhookUnitId: string; body: string }

/** Queues deliveries, each only if its notification was stored (put it in the notifications' batch). */
export function enqueueDeliveriesStatement(db: D1Database, rows: readonly NewDelivery[], at: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO webhook_deliveries (id, notification_id, webhook_unit_id, body, attempts, next_attempt_at, created_at)
       SELECT json_extract(d.value, '$.id'), json_extract(d.value, '$.notificationId'), json_extract(d.value, '$.webhookUnitId'),
         json_extract(d.value, '$.body'), 0, ?2, ?2
       FROM json_each(?1) AS d
       WHERE EXISTS (SELECT 1 FROM notifications n WHERE n.id = json_extract(d.value, '$.notificationId'))
       RETURNING id`,
    )
    .bind(JSON.stringify(rows), at)
}

export type ClaimedDelivery = { id: string; webhookUnitId: string; body: string; attempts: number }

/**
 * Claims up to `limit` deliveries that are due and not held by another run, in one statement: concurrent runs
 * (the daily job and the five-minute drain start at the same minute) never send the same one at once. The
 * claim counts as an attempt and lasts until `leaseUntil`; a run that dies leaves it to be taken up again then.
 */
export async function claimDeliveries(db: D1Database, now: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]> {
  const { results } = await db
    .prepare(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, lease_until = ?2
       WHERE id IN (
         SELECT id FROM webhook_deliveries
         WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?1 AND (lease_until IS NULL OR lease_until <= ?1)
         ORDER BY next_attempt_at, created_at LIMIT ?3
       )
       RETURNING id, webhook_unit_id, body, attempts`,
    )
    .bind(now, leaseUntil, limit)
    .all<{ id: string; webhook_unit_id: string; body: string; attempts: number }>()
  return results
    .map((r) => ({ id: r.id, webhookUnitId: r.webhook_unit_id, body: r.body, attempts: r.attempts }))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
}

export type DeliveryOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; status: number | null; error: string; nextAttemptAt: string }
  | { kind: 'failed'; status: number | null; error: string }

/**
 * Records how each attempt ended, in one statement (a run's outcomes travel as one JSON parameter, so the
 * drain costs the same few queries however many it sent). Only a delivery still open is touched, so an
 * acknowledged one stays acknowledged.
 */
export function recordOutcomesStatement(
  db: D1Database, outcomes: ReadonlyArray<{ id: string; outcome: DeliveryOutcome }>, at: string,
): D1PreparedStatement {
  const rows = outcomes.map(({ id, outcome: o }) => ({
    id, delivered: o.kind === 'delivered' ? 1 : 0, status: o.status, error: o.kind === 'delivered' ? null : o.error,
    next: o.kind === 'retry' ? o.nextAttemptAt : null, failed: o.kind === 'failed' ? 1 : 0,
  }))
  return db
    .prepare(
      `UPDATE webhook_deliveries SET
         delivered_at = CASE WHEN o.delivered = 1 THEN ?2 ELSE NULL END, last_status = o.status, last_error = o.error,
         lease_until = NULL, next_attempt_at = COALESCE(o.next_at, next_attempt_at), failed_at = CASE WHEN o.failed = 1 THEN ?2 ELSE NULL END
       FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.delivered') AS delivered, json_extract(value, '$.status') AS status,
               json_extract(value, '$.error') AS error, json_extract(value, '$.next') AS next_at, json_extract(value, '$.failed') AS failed
             FROM json_each(?1)) AS o
       WHERE webhook_deliveries.id = o.id AND webhook_deliveries.delivered_at IS NULL`,
    )
    .bind(JSON.stringify(rows), at)
}

export async function deliveryCounts(db: D1Database, unitId: string): Promise<WebhookDeliveryCounts> {
  const row = await db
    .prepare(
      `SELECT
         SUM(CASE WHEN delivered_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END) AS pending,
         SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END) AS delivered,
         SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END) AS failed,
         MAX(delivered_at) AS last_delivered_at,
         (SELECT last_error FROM webhook_deliveries e WHERE e.webhook_unit_id = ?1 AND e.last_error IS NOT NULL
          ORDER BY COALESCE(e.failed_at, e.next_attempt_at) DESC LIMIT 1) AS last_error
       FROM webhook_deliveries WHERE webhook_unit_id = ?1`,
    )
    .bind(unitId)
    .first<{ pending: number | null; delivered: number | null; failed: number | null; last_delivered_at: string | null; last_error: string | null }>()
  return {
    pending: row?.pending ?? 0, delivered: row?.delivered ?? 0, failed: row?.failed ?? 0,
    lastDeliveredAt: row?.last_delivered_at ?? null, lastError: row?.last_error ?? null,
  }
}
