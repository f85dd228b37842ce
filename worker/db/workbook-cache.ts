// The open periods' summary workbooks, one per unit and period with the fingerprint they were written from.
export type CachedWorkbook = { fingerprint: string; workbook: Uint8Array }

type CacheRow = { fingerprint: string; workbook: ArrayBuffer | number[] }

export async function findCachedWorkbook(db: D1Database, unitId: string, period: string): Promise<CachedWorkbook | null> {
  const row = await db
    .prepare('SELECT fingerprint, workbook FROM summary_workbook_cache WHERE unit_id = ?1 AND period = ?2')
    .bind(unitId, period)
    .first<CacheRow>()
  if (!row) return null
  // D1 hands BLOBs back as an array of byte values.
  return { fingerprint: row.fingerprint, workbook: row.workbook instanceof ArrayBuffer ? new Uint8Array(row.workbook) : Uint8Array.from(row.workbook) }
}

export function putCachedWorkbookStatement(
  db: D1Database, c: CachedWorkbook & { unitId: string; period: string; createdAt: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO summary_workbook_cache (unit_id, period, fingerprint, created_at, workbook) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (unit_id, period) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = excluded.created_at, workbook = excluded.workbook`,
    )
    .bind(c.unitId, c.period, c.fingerprint, c.createdAt, c.workbook)
}
