import type { Role, UnitLevel } from '../../shared/api'

export type TokenRecord = {
  id: string
  role: Role
  unit: { id: string; name: string; level: UnitLevel }
}

type TokenRow = { id: string; role: Role; unit_id: string; unit_name: string; unit_level: UnitLevel }

/** A live (not revoked) token by the SHA-256 hex of its text. */
export async function findActiveToken(db: D1Database, tokenHash: string): Promise<TokenRecord | null> {
  const row = await db
    .prepare(
      `SELECT t.id, t.role, t.unit_id, u.name AS unit_name, u.level AS unit_level
       FROM tokens t JOIN units u ON u.id = t.unit_id
       WHERE t.token_hash = ?1 AND t.revoked_at IS NULL`,
    )
    .bind(tokenHash)
    .first<TokenRow>()
  return row ? { id: row.id, role: row.role, unit: { id: row.unit_id, name: row.unit_name, level: row.unit_level } } : null
}

/**
 * Who a token speaks for, in words: its unit's name and the label it was issued with ("Xã Bình Sơn (Kế toán
 * xã)"). Actors that are not tokens (the seed, the CLI) keep their own name.
 */
export async function describeActors(db: D1Database, actorIds: readonly string[]): Promise<{ [id: string]: string }> {
  const { results } = await db
    .prepare(
      `SELECT t.id, t.label, u.name FROM tokens t JOIN units u ON u.id = t.unit_id
       WHERE t.id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(actorIds))
    .all<{ id: string; label: string; name: string }>()
  const out: { [id: string]: string } = {}
  for (const id of actorIds) out[id] = id
  for (const r of results) out[r.id] = r.label.trim() ? r.name + ' (' + r.label.trim() + ')' : r.name
  return out
}

export type NewToken = { id: string; tokenHash: string; role: Role; unitId: string; label: string }

export function insertTokenStatement(db: D1Database, token: NewToken, createdAt: string): D1PreparedStatement {
  return db
    .prepare('INSERT OR IGNORE INTO tokens (id, token_hash, role, unit_id, label, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
    .bind(token.id, token.tokenHash, token.role, token.unitId, token.label, createdAt)
}

export function revokeTokenStatement(db: D1Database, id: string, revokedAt: string): D1PreparedStatement {
  return db.prepare('UPDATE tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL').bind(id, revokedAt)
}
