// Loading a catalogue version (append-only: the same version again is a no-op, the same version with other
// content is refused) and assigning one to a unit with its communes' classes. Shared rules decide; each
// write is one D1 batch with its audit row.
import type { CatalogLoadResponse, UnitCatalogRequest, UnitCatalogResponse, UnitClassRow } from '../../shared/api'
import { type Catalog, classOf } from '../../shared/catalog'
import { classFor } from '../../shared/catalog-assignment'
import { canonicalCatalog } from '../../shared/catalog-check'
import { type CatalogIssue, atCell, catalogIssue } from '../../shared/catalog-issues'
import { formatDateVi, parseDateInput } from '../../shared/dates'
import { foldText } from '../../shared/text'
import { auditStatement } from '../db/audit'
import {
  findCatalogVersion, insertAssignmentStatement, insertCatalogStatement, insertClassStatement, listCatalogSettings,
} from '../db/catalogs'
import { type Unit, listSubtree } from '../db/units'
import type { Principal } from '../env'
import { ApiError } from '../errors'
import { newId } from '../hash'
import { type UnitContext, chainIds } from '../scope'

export type Stored = { status: 200 | 201; body: CatalogLoadResponse }

/** Refused catalogue: every problem in `issues`, nothing stored. */
export function invalidCatalog(issues: CatalogIssue[], status: 400 | 409 | 422 = 422): ApiError {
  const notTemplate = issues.some((i) => i.code === 'catalog_not_template' || i.code === 'catalog_column_missing')
  return new ApiError(notTemplate ? 400 : status, notTemplate ? 'bad_request' : status === 409 ? 'conflict' : 'validation_failed', [
    'Bộ tiêu chí có ' + issues.length + ' lỗi, chưa nạp gì. Sửa các ô được nêu rồi gửi lại.',
    'The catalogue has ' + issues.length + ' problem(s); nothing was stored. Fix the cells listed and upload again.',
  ], issues)
}

/** Only the province's NTM office (a district-role token of a province) and administrators load catalogues. */
export function assertMayLoad(principal: Principal): void {
  if (principal.role === 'admin' || (principal.role === 'district' && principal.unit.level === 'province')) return
  throw new ApiError(403, 'forbidden', [
    'Chỉ Văn phòng NTM cấp tỉnh hoặc quản trị viên được nạp bộ tiêu chí.',
    "Only the province's NTM office or an administrator may load a criteria catalogue.",
  ])
}

/** Stores a checked catalogue as a new version; `versionCell` places a conflict on the workbook. */
export async function storeCatalog(db: D1Database, principal: Principal, catalog: Catalog, now: Date, versionCell?: string): Promise<Stored> {
  const ref = { id: catalog.id, version: catalog.version }
  const same = (existing: Catalog | null): Stored => {
    if (existing && canonicalCatalog(existing) === canonicalCatalog(catalog)) return { status: 200, body: { ...ref, created: false } }
    const issue = catalogIssue('catalog_version_conflict', 'version', { value: catalog.version })
    throw invalidCatalog([versionCell ? atCell(issue, versionCell) : issue], 409)
  }
  const existing = await findCatalogVersion(db, ref)
  if (existing) return same(existing)
  const at = now.toISOString()
  const [inserted] = await db.batch([
    insertCatalogStatement(db, catalog, at),
    auditStatement(db, {
      id: newId('aud'), at, actor: principal.tokenId, role: principal.role, unit: principal.unit.id, action: 'catalog.load',
      target: catalog.id + '@' + catalog.version,
      detail: { title: catalog.title, effectiveFrom: catalog.effectiveFrom, criteria: catalog.criteria.length },
    }),
  ])
  // No row inserted: a concurrent load of the same version won; answer as for a repeat.
  if (!inserted || inserted.meta.changes === 0) return same(await findCatalogVersion(db, ref))
  return { status: 201, body: { ...ref, created: true } }
}

function invalidAssignment(issues: CatalogIssue[]): ApiError {
  return new ApiError(422, 'validation_failed', [
    'Gán bộ tiêu chí có ' + issues.length + ' lỗi, chưa lưu gì.',
    'The catalogue assignment has ' + issues.length + ' problem(s); nothing was stored.',
  ], issues)
}

/** A class given by id or by its name ("Xã nhóm 2"), as an office would type it. */
function classIdOf(catalog: Catalog, given: string): string | null {
  const want = foldText(given)
  for (const c of catalog.classification.classes) if (c.id === given || foldText(c.name) === want) return c.id
  return null
}

/** The communes below a unit with their class in a catalogue (set on them or inherited). */
async function communeClasses(db: D1Database, target: UnitContext, catalog: Catalog, subtree: Unit[]): Promise<UnitClassRow[]> {
  const above = target.chain.slice(1).map((u) => u.id)
  const settings = await listCatalogSettings(db, subtree.map((u) => u.id).concat(above))
  const byId: { [id: string]: Unit } = {}
  for (const u of subtree) byId[u.id] = u
  return subtree.filter((u) => u.level === 'commune').map((u) => {
    const cls = classOf(catalog, classFor(chainIds(u, byId, above), settings.classes, catalog.id))
    return { unit: u.id, name: u.name, level: u.level, classId: cls ? cls.id : null, className: cls ? cls.name : null }
  })
}

export async function assignCatalog(
  db: D1Database, principal: Principal, target: UnitContext, body: UnitCatalogRequest, now: Date,
): Promise<UnitCatalogResponse> {
  const catalog = await findCatalogVersion(db, { id: body.catalog, version: body.version })
  if (!catalog) {
    throw new ApiError(404, 'not_found', undefined, [catalogIssue('catalog_not_found', 'version', { value: body.catalog + ' ' + body.version })])
  }
  const issues: CatalogIssue[] = []
  const from = parseDateInput(body.from)
  if (!from) issues.push(catalogIssue('assignment_date_invalid', 'from', { value: body.from }))
  else if (from < catalog.effectiveFrom) {
    issues.push(catalogIssue('assignment_before_effective', 'from', { value: formatDateVi(from), expected: formatDateVi(catalog.effectiveFrom) }))
  }
  const subtree = await listSubtree(db, target.unit.id)
  const inScope: { [id: string]: boolean } = {}
  for (const u of subtree) inScope[u.id] = true
  const classes: Array<{ unit: string; classId: string }> = []
  const names = catalog.classification.classes.map((c) => c.name).join(', ')
  for (const unit of Object.keys(body.classes ?? {})) {
    const given = (body.classes as { [unit: string]: string })[unit] as string
    if (!inScope[unit]) {
      issues.push(catalogIssue('assignment_unit_outside', 'classes.' + unit, { value: unit }))
      continue
    }
    const classId = classIdOf(catalog, given)
    if (!classId) issues.push(catalogIssue('class_unknown', 'classes.' + unit, { value: given, expected: names }))
    else classes.push({ unit, classId })
  }
  if (issues.length > 0 || !from) throw invalidAssignment(issues)

  // Only what changes is added: the same PUT twice stores nothing new.
  const settings = await listCatalogSettings(db, subtree.map((u) => u.id))
  const at = now.toISOString()
  const by = principal.tokenId
  const statements: D1PreparedStatement[] = []
  let current = null as (typeof settings.assignments)[number] | null
  for (const a of settings.assignments) if (a.unit === target.unit.id && a.from === from && (!current || a.seq > current.seq)) current = a
  if (!current || current.catalog.id !== catalog.id || current.catalog.version !== catalog.version) {
    statements.push(insertAssignmentStatement(db, { unit: target.unit.id, catalog: { id: catalog.id, version: catalog.version }, from, by, at }))
  }
  for (const c of classes) {
    if (classFor([c.unit], settings.classes, catalog.id) === c.classId) continue
    statements.push(insertClassStatement(db, { unit: c.unit, catalogId: catalog.id, classId: c.classId, by, at }))
  }
  if (statements.length > 0) {
    statements.push(auditStatement(db, {
      id: newId('aud'), at, actor: by, role: principal.role, unit: target.unit.id, action: 'catalog.assign',
      target: target.unit.id, detail: { catalog: catalog.id, version: catalog.version, from, classes: body.classes ?? {} },
    }))
    await db.batch(statements)
  }
  return {
    unit: target.unit.id,
    catalog: { id: catalog.id, version: catalog.version, title: catalog.title },
    from,
    communes: await communeClasses(db, target, catalog, subtree),
  }
}
