// What a lock froze: the aggregate (JSON text) and the summary workbook bytes, per unit, period and lock.
export type Snapshot = { unitId: string; period: string; lockSeq: number; createdAt: string; aggregate: string; workbook: Uint8Array }

type SnapshotRow = { unit_id: string; period: string; lock_seq: number; created_at: string; aggregate: string; workbook: ArrayBuffer | number[] }

export async function findSnapshot(db: D1Database, unitId: string, period: string, lockSeq: number): Promise<Snapshot | null> {
  const row = await db
    .prepare('SELECT unit_id, period, lock_seq, created_at, aggregate, workbook FROM period_snapshots WHERE unit_id = ?1 AND period = ?2 AND lock_seq = ?3')
    .bind(unitId, period, lockSeq)
    .first<SnapshotRow>()
  if (!row) return null
  // D1 hands BLOBs back as an array of byte values.
  const workbook = row.workbook instanceof ArrayBuffer ? new Uint8Array(row.workbook) : Uint8Array.from(row.workbook)
  return { unitId: row.unit_id, period: row.period, lockSeq: row.lock_seq, createdAt: row.created_at, aggregate: row.aggregate, workbook }
}

/** Stores a snapshot unless one exists for that lock already (the first one stays: it is what was seen). */
export function insertSnapshotStatement(db: D1Database, s: Snapshot): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO period_snapshots (unit_id, period, lock_seq, created_at, aggregate, workbook)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
    )
    .bind(s.unitId, s.period, s.lockSeq, s.createdAt, s.aggregate, s.workbook)
}
