// Catalogue versions (append-only: a loaded version is never changed), their assignments to units with
// effective dates, and units' classes in a catalogue's classification.
import type { CatalogSummary } from '../../shared/api'
import { type Catalog, type CatalogRef, indicatorsOf } from '../../shared/catalog'
import type { Assignment, ClassAssignment } from '../../shared/catalog-assignment'

type CatalogRow = { id: string; version: string; body: string; loaded_at: string }

type LegacyBody = Partial<Catalog> & { validFrom?: string; regions?: Catalog['classification']['classes'] }

/** A stored body in today's shape; bodies stored before catalogues had titles and classifications are read as such. */
export function toCatalog(body: string): Catalog {
  const raw = JSON.parse(body) as LegacyBody
  if (raw.classification && raw.effectiveFrom && raw.title) return raw as Catalog
  const { validFrom, regions, ...rest } = raw
  return {
    ...(rest as Catalog),
    title: raw.title ?? raw.name ?? raw.id ?? '',
    effectiveFrom: raw.effectiveFrom ?? validFrom ?? '2000-01-01',
    classification: raw.classification ?? { label: 'Vùng', classes: regions ?? [] },
    groups: raw.groups ?? [],
  }
}

export async function findCatalogVersion(db: D1Database, ref: CatalogRef): Promise<Catalog | null> {
  const row = await db
    .prepare('SELECT id, version, body, loaded_at FROM catalogs WHERE id = ?1 AND version = ?2')
    .bind(ref.id, ref.version)
    .first<CatalogRow>()
  return row ? toCatalog(row.body) : null
}

/** Several versions at once (an aggregate over communes judged by different ones), keyed `id@version`. */
export async function listCatalogVersions(db: D1Database, refs: readonly CatalogRef[]): Promise<{ [key: string]: Catalog }> {
  const out: { [key: string]: Catalog } = {}
  if (refs.length === 0) return out
  const { results } = await db
    .prepare(
      `SELECT id, version, body, loaded_at FROM catalogs
       WHERE id || '@' || version IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(refs.map((r) => r.id + '@' + r.version)))
    .all<CatalogRow>()
  for (const r of results) out[r.id + '@' + r.version] = toCatalog(r.body)
  return out
}

function summary(r: CatalogRow): CatalogSummary {
  const c = toCatalog(r.body)
  let thresholds = 0
  for (const i of indicatorsOf(c)) thresholds += Object.keys(i.thresholds).length
  return {
    id: c.id, version: c.version, title: c.title, effectiveFrom: c.effectiveFrom, loadedAt: r.loaded_at,
    criteria: c.criteria.length, indicators: indicatorsOf(c).length, thresholds,
    documents: c.criteria.reduce((n, k) => n + (k.evidence ? k.evidence.length : 0), 0),
    classification: { label: c.classification.label, classes: c.classification.classes.map((k) => ({ id: k.id, name: k.name })) },
  }
}

export async function listCatalogSummaries(db: D1Database): Promise<CatalogSummary[]> {
  const { results } = await db
    .prepare('SELECT id, version, body, loaded_at FROM catalogs ORDER BY id, loaded_at, version')
    .all<CatalogRow>()
  return results.map(summary)
}

/** Inserts a version unless that (id, version) exists (no row changed then); the caller compares contents (services/catalogs). */
export function insertCatalogStatement(db: D1Database, catalog: Catalog, loadedAt: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO catalogs (id, version, body, loaded_at) SELECT ?1, ?2, ?3, ?4
       WHERE NOT EXISTS (SELECT 1 FROM catalogs WHERE id = ?1 AND version = ?2)`,
    )
    .bind(catalog.id, catalog.version, JSON.stringify(catalog), loadedAt)
}

type AssignmentRow = { seq: number; unit_id: string; catalog_id: string; catalog_version: string; effective_from: string }
type ClassRow = { seq: number; unit_id: string; catalog_id: string; class_id: string }

/** Every assignment and class entry on these units (a unit's chain, or a subtree with its chain). */
export async function listCatalogSettings(db: D1Database, unitIds: readonly string[]): Promise<{ assignments: Assignment[]; classes: ClassAssignment[] }> {
  const units = JSON.stringify(unitIds)
  const [assignments, classes] = await db.batch<AssignmentRow | ClassRow>([
    db.prepare(
      `SELECT seq, unit_id, catalog_id, catalog_version, effective_from FROM catalog_assignments
       WHERE unit_id IN (SELECT value FROM json_each(?1)) ORDER BY seq`,
    ).bind(units),
    db.prepare(
      `SELECT seq, unit_id, catalog_id, class_id FROM unit_classes
       WHERE unit_id IN (SELECT value FROM json_each(?1)) ORDER BY seq`,
    ).bind(units),
  ])
  return {
    assignments: ((assignments?.results ?? []) as AssignmentRow[]).map((r) => ({
      unit: r.unit_id, catalog: { id: r.catalog_id, version: r.catalog_version }, from: r.effective_from, seq: r.seq,
    })),
    classes: ((classes?.results ?? []) as ClassRow[]).map((r) => ({ unit: r.unit_id, catalogId: r.catalog_id, classId: r.class_id, seq: r.seq })),
  }
}

export type NewAssignment = { unit: string; catalog: CatalogRef; from: string; by: string; at: string }

export function insertAssignmentStatement(db: D1Database, a: NewAssignment): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO catalog_assignments (unit_id, catalog_id, catalog_version, effective_from, assigned_by, assigned_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
    )
    .bind(a.unit, a.catalog.id, a.catalog.version, a.from, a.by, a.at)
}

export type NewClass = { unit: string; catalogId: string; classId: string; by: string; at: string }

export function insertClassStatement(db: D1Database, c: NewClass): D1PreparedStatement {
  return db
    .prepare('INSERT INTO unit_classes (unit_id, catalog_id, class_id, assigned_by, assigned_at) VALUES (?1, ?2, ?3, ?4, ?5)')
    .bind(c.unit, c.catalogId, c.classId, c.by, c.at)
}

/** Seed form: the assignment unless the same one is already there, so seeding twice adds nothing. */
export function insertAssignmentIfAbsentStatement(db: D1Database, a: NewAssignment): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO catalog_assignments (unit_id, catalog_id, catalog_version, effective_from, assigned_by, assigned_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6
       WHERE NOT EXISTS (SELECT 1 FROM catalog_assignments WHERE unit_id = ?1 AND catalog_id = ?2 AND catalog_version = ?3 AND effective_from = ?4)`,
    )
    .bind(a.unit, a.catalog.id, a.catalog.version, a.from, a.by, a.at)
}

export function insertClassIfAbsentStatement(db: D1Database, c: NewClass): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO unit_classes (unit_id, catalog_id, class_id, assigned_by, assigned_at)
       SELECT ?1, ?2, ?3, ?4, ?5
       WHERE NOT EXISTS (SELECT 1 FROM unit_classes WHERE unit_id = ?1 AND catalog_id = ?2)`,
    )
    .bind(c.unit, c.catalogId, c.classId, c.by, c.at)
}
