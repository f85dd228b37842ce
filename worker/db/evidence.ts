import { type EvidenceItem, evidenceFilePath } from '../../shared/api'
import { EVIDENCE_FILE_TYPES, type EvidenceFileType, type EvidenceKind } from '../../shared/evidence'

export type NewEvidence = {
  id: string
  unitId: string
  catalogId: string
  criterion: number
  indicator: string | null
  requirement: string | null
  kind: EvidenceKind
  number: string | null
  date: string | null
  issuer: string | null
  title: string
  file: { key: string; type: EvidenceFileType; size: number; name: string; sha256: string } | null
  supersedes: string | null
  createdAt: string
  createdBy: string
}

/** A stored item with where its file lives (the key never leaves the worker). */
export type StoredEvidence = EvidenceItem & { fileKey: string | null }

type EvidenceRow = {
  id: string; unit_id: string; catalog_id: string; criterion: number; indicator: string | null; requirement: string | null
  kind: EvidenceKind; doc_number: string | null; doc_date: string | null; issuer: string | null; title: string
  file_key: string | null; file_type: EvidenceFileType | null; file_size: number | null; file_name: string | null; file_sha256: string | null
  supersedes: string | null; superseded_by: string | null; created_at: string; creator: string | null
}

const COLUMNS = `e.id, e.unit_id, e.catalog_id, e.criterion, e.indicator, e.requirement, e.kind, e.doc_number, e.doc_date, e.issuer,
  e.title, e.file_key, e.file_type, e.file_size, e.file_name, e.file_sha256, e.supersedes, e.created_at,
  (SELECT n.id FROM evidence_items n WHERE n.supersedes = e.id) AS superseded_by,
  (SELECT u.name FROM tokens t JOIN units u ON u.id = t.unit_id WHERE t.id = e.created_by) AS creator`

function toItem(r: EvidenceRow): StoredEvidence {
  const file = r.file_type
    ? { type: r.file_type, mime: EVIDENCE_FILE_TYPES[r.file_type].mime, size: r.file_size ?? 0, name: r.file_name ?? '', sha256: r.file_sha256 ?? '' }
    : null
  return {
    id: r.id, unit: r.unit_id, catalog: r.catalog_id, criterion: r.criterion, indicator: r.indicator, requirement: r.requirement,
    kind: r.kind, number: r.doc_number, date: r.doc_date, issuer: r.issuer, title: r.title, file,
    fileUrl: file ? evidenceFilePath(r.id) : null, supersedes: r.supersedes, supersededBy: r.superseded_by,
    createdAt: r.created_at, createdBy: r.creator ?? '', fileKey: r.file_key,
  }
}

const INSERT_COLUMNS = `INSERT INTO evidence_items (id, unit_id, catalog_id, criterion, indicator, requirement, kind, doc_number, doc_date, issuer, title,
  file_key, file_type, file_size, file_name, file_sha256, supersedes, created_at, created_by)`
const VALUES = '?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19'

function bound(statement: D1PreparedStatement, e: NewEvidence): D1PreparedStatement {
  return statement.bind(
    e.id, e.unitId, e.catalogId, e.criterion, e.indicator, e.requirement, e.kind, e.number, e.date, e.issuer, e.title,
    e.file?.key ?? null, e.file?.type ?? null, e.file?.size ?? null, e.file?.name ?? null, e.file?.sha256 ?? null,
    e.supersedes, e.createdAt, e.createdBy,
  )
}

/**
 * Appends an item. Replacing one that another item already replaced breaks the unique index on
 * `supersedes`, which rolls the whole batch back.
 */
export function insertEvidenceStatement(db: D1Database, e: NewEvidence): D1PreparedStatement {
  return bound(db.prepare(INSERT_COLUMNS + ' VALUES (' + VALUES + ')'), e)
}

/**
 * Seed form: left alone when present, so seeding twice changes nothing. Not OR IGNORE: the append-only
 * triggers (0007) refuse any insert over a row, so the row is simply not offered again.
 */
export function insertEvidenceIfAbsentStatement(db: D1Database, e: NewEvidence): D1PreparedStatement {
  return bound(db.prepare(
    INSERT_COLUMNS + ' SELECT ' + VALUES +
    ' WHERE NOT EXISTS (SELECT 1 FROM evidence_items WHERE id = ?1 OR (?17 IS NOT NULL AND supersedes = ?17))',
  ), e)
}

export async function findEvidence(db: D1Database, id: string): Promise<StoredEvidence | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM evidence_items e WHERE e.id = ?1`).bind(id).first<EvidenceRow>()
  return row ? toItem(row) : null
}

/** A unit's items, oldest first within each criterion (insertion order breaks ties: ids are random); superseded ones included. */
export async function listEvidence(db: D1Database, unitId: string, criterion: number | null): Promise<StoredEvidence[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM evidence_items e
       WHERE e.unit_id = ?1 AND (?2 IS NULL OR e.criterion = ?2)
       ORDER BY e.criterion, e.created_at, e.rowid`,
    )
    .bind(unitId, criterion)
    .all<EvidenceRow>()
  return results.map(toItem)
}

export type EvidenceFact = { unitId: string; catalogId: string; criterion: number; kind: EvidenceKind; requirement: string | null; hasFile: boolean }

/** The current (not superseded) items of many units: what the dossier rules need, nothing more. */
export async function listCurrentEvidenceFacts(db: D1Database, unitIds: readonly string[]): Promise<EvidenceFact[]> {
  const { results } = await db
    .prepare(
      `SELECT e.unit_id, e.catalog_id, e.criterion, e.kind, e.requirement, e.file_key IS NOT NULL AS has_file
       FROM evidence_items e
       WHERE e.unit_id IN (SELECT value FROM json_each(?1))
         AND NOT EXISTS (SELECT 1 FROM evidence_items n WHERE n.supersedes = e.id)`,
    )
    .bind(JSON.stringify(unitIds))
    .all<{ unit_id: string; catalog_id: string; criterion: number; kind: EvidenceKind; requirement: string | null; has_file: number }>()
  return results.map((r) => ({
    unitId: r.unit_id, catalogId: r.catalog_id, criterion: r.criterion, kind: r.kind, requirement: r.requirement, hasFile: r.has_file === 1,
  }))
}

/** Records the Idempotency-Key of an upload with the response given (same table as reports, own key space). */
export function insertEvidenceIdempotencyStatement(
  db: D1Database, key: { unitId: string; key: string; requestHash: string }, item: EvidenceItem, createdAt: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO idempotency_keys (unit_id, idem_key, request_hash, status, response, report_id, created_at)
       VALUES (?1, ?2, ?3, 201, ?4, ?5, ?6)`,
    )
    .bind(key.unitId, key.key, key.requestHash, JSON.stringify(item), item.id, createdAt)
}

/** The criterion verdicts of a unit's latest report (latest period, latest revision), with its catalogue. */
export async function findLatestVerdicts(
  db: D1Database, unitId: string,
): Promise<{ period: string; catalogId: string; criteria: { [no: string]: boolean } } | null> {
  const row = await db
    .prepare('SELECT period, catalog_id, criteria FROM report_revisions WHERE unit_id = ?1 ORDER BY period DESC, revision DESC LIMIT 1')
    .bind(unitId)
    .first<{ period: string; catalog_id: string; criteria: string }>()
  return row ? { period: row.period, catalogId: row.catalog_id, criteria: JSON.parse(row.criteria) as { [no: string]: boolean } } : null
}
