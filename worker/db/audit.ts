import type { AuditEntry, Role } from '../../shared/api'

export type AuditInput = AuditEntry

/** The audit row of a write; put it in the same batch as the write so both happen or neither. */
export function auditStatement(db: D1Database, e: AuditInput): D1PreparedStatement {
  return db
    .prepare('INSERT INTO audit_log (id, at, actor, role, unit_id, action, target, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)')
    .bind(e.id, e.at, e.actor, e.role, e.unit, e.action, e.target, JSON.stringify(e.detail ?? null))
}

/** The audit row of a conditional write: written only if the batch's previous statement changed a row. */
export function auditIfChangedStatement(db: D1Database, e: AuditInput): D1PreparedStatement {
  return db
    .prepare('INSERT INTO audit_log (id, at, actor, role, unit_id, action, target, detail) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE changes() > 0')
    .bind(e.id, e.at, e.actor, e.role, e.unit, e.action, e.target, JSON.stringify(e.detail ?? null))
}

/** Many audit rows of one actor in one statement (rows as a JSON parameter). */
export function auditManyStatement(
  db: D1Database, actor: { at: string; actor: string; role: Role; unit: string },
  entries: ReadonlyArray<{ id: string; action: string; target: string; detail: unknown }>,
  onlyIfReport?: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (id, at, actor, role, unit_id, action, target, detail)
       SELECT json_extract(e.value, '$.id'), ?1, ?2, ?3, ?4, json_extract(e.value, '$.action'), json_extract(e.value, '$.target'),
         json_extract(e.value, '$.detail')
       FROM json_each(?5) AS e WHERE ?6 IS NULL OR EXISTS (SELECT 1 FROM report_revisions WHERE id = ?6)`,
    )
    .bind(
      actor.at, actor.actor, actor.role, actor.unit, JSON.stringify(entries.map((e) => ({ ...e, detail: JSON.stringify(e.detail ?? null) }))),
      onlyIfReport ?? null,
    )
}

type AuditRow = { id: string; at: string; actor: string; role: Role; unit_id: string; action: string; target: string; detail: string }

/** Entries about any of these units, newest first. */
export async function listAudit(db: D1Database, unitIds: readonly string[], limit: number): Promise<AuditEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT id, at, actor, role, unit_id, action, target, detail FROM audit_log
       WHERE unit_id IN (SELECT value FROM json_each(?1))
       ORDER BY seq DESC LIMIT ?2`,
    )
    .bind(JSON.stringify(unitIds), limit)
    .all<AuditRow>()
  return results.map((r) => ({
    id: r.id, at: r.at, actor: r.actor, role: r.role, unit: r.unit_id, action: r.action, target: r.target, detail: JSON.parse(r.detail) as unknown,
  }))
}
