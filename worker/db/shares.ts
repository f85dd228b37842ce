// Share links: only the SHA-256 of the secret is stored; openings are counted here and audited in audit_log.
import type { ShareInfo, ShareState } from '../../shared/api'

export type ShareLink = {
  id: string
  unitId: string
  period: string
  createdBy: string
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  openings: number
  lastOpenedAt: string | null
}

type ShareRow = {
  id: string; unit_id: string; period: string; created_by: string; created_at: string; expires_at: string
  revoked_at: string | null; openings: number; last_opened_at: string | null
}

const COLUMNS = 'id, unit_id, period, created_by, created_at, expires_at, revoked_at, openings, last_opened_at'

const toShare = (r: ShareRow): ShareLink => ({
  id: r.id, unitId: r.unit_id, period: r.period, createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at,
  revokedAt: r.revoked_at, openings: r.openings, lastOpenedAt: r.last_opened_at,
})

export function shareState(s: Pick<ShareLink, 'revokedAt' | 'expiresAt'>, now: Date): ShareState {
  if (s.revokedAt) return 'revoked'
  return Date.parse(s.expiresAt) <= now.getTime() ? 'expired' : 'active'
}

export function toShareInfo(s: ShareLink, now: Date): ShareInfo {
  return {
    id: s.id, unit: s.unitId, period: s.period, createdAt: s.createdAt, createdBy: s.createdBy, expiresAt: s.expiresAt,
    revokedAt: s.revokedAt, state: shareState(s, now), openings: s.openings, lastOpenedAt: s.lastOpenedAt,
  }
}

export function insertShareStatement(db: D1Database, s: ShareLink, tokenHash: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO share_links (id, token_hash, unit_id, period, created_by, created_at, expires_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(s.id, tokenHash, s.unitId, s.period, s.createdBy, s.createdAt, s.expiresAt)
}

export async function findShareByHash(db: D1Database, tokenHash: string): Promise<ShareLink | null> {
  const row = await db.prepare('SELECT ' + COLUMNS + ' FROM share_links WHERE token_hash = ?1').bind(tokenHash).first<ShareRow>()
  return row ? toShare(row) : null
}

export async function findShare(db: D1Database, id: string): Promise<ShareLink | null> {
  const row = await db.prepare('SELECT ' + COLUMNS + ' FROM share_links WHERE id = ?1').bind(id).first<ShareRow>()
  return row ? toShare(row) : null
}

/** Links of a unit, newest first; of one period when given. */
export async function listShares(db: D1Database, unitId: string, period: string | null): Promise<ShareLink[]> {
  const { results } = await db
    .prepare('SELECT ' + COLUMNS + ' FROM share_links WHERE unit_id = ?1 AND (?2 IS NULL OR period = ?2) ORDER BY created_at DESC, id LIMIT 200')
    .bind(unitId, period)
    .all<ShareRow>()
  return results.map(toShare)
}

/** Revokes a live link; changes nothing when it is already revoked (so the audit row that follows is skipped). */
export function revokeShareStatement(db: D1Database, id: string, at: string, by: string): D1PreparedStatement {
  return db.prepare('UPDATE share_links SET revoked_at = ?2, revoked_by = ?3 WHERE id = ?1 AND revoked_at IS NULL').bind(id, at, by)
}

export function recordOpeningStatement(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db.prepare('UPDATE share_links SET openings = openings + 1, last_opened_at = ?2 WHERE id = ?1').bind(id, at)
}
