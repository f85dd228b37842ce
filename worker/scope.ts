// Which units a token may read and write: its own unit and, above communes, everything below it.
import type { Catalog } from '../shared/catalog'
import type { Principal } from './env'
import { findCatalog } from './db/catalogs'
import { type Unit, listChain } from './db/units'
import { ApiError, unitNotFound } from './errors'

/** A unit with its ancestors (nearest first) and the settings it inherits from them. */
export type UnitContext = { unit: Unit; chain: Unit[]; region: string | null; catalogId: string | null }

export async function loadUnit(db: D1Database, id: string): Promise<UnitContext> {
  const chain = await listChain(db, id)
  const unit = chain[0]
  if (!unit) throw unitNotFound(id)
  const region = chain.find((u) => u.region !== null)?.region ?? null
  const catalogId = chain.find((u) => u.catalogId !== null)?.catalogId ?? null
  return { unit, chain, region, catalogId }
}

function within(principal: Principal, target: UnitContext): boolean {
  return principal.role === 'admin' || target.chain.some((u) => u.id === principal.unit.id)
}

/**
 * Reading: every role over its own unit and the units below it; admin everywhere. A unit outside that reach
 * answers 404 like a missing one.
 */
export function assertCanRead(principal: Principal, target: UnitContext): void {
  if (!within(principal, target)) throw unitNotFound(target.unit.id)
}

/**
 * Writing: a commune its own unit only, the district office its subtree, admin everywhere; leaders never.
 * A unit the caller may not even read answers 404; one it may read but not write, 403.
 */
export function assertCanWrite(principal: Principal, target: UnitContext): void {
  assertCanRead(principal, target)
  if (principal.role === 'leader') {
    throw new ApiError(403, 'forbidden', ['Lãnh đạo chỉ được xem, không được sửa.', 'Leaders have read-only access.'])
  }
  // Only its own unit is in a commune's reach, so this is a belt to assertCanRead's braces.
  if (principal.role === 'commune' && target.unit.id !== principal.unit.id) throw unitNotFound(target.unit.id)
}

/** Aggregating and locking are for units with communes below them. */
export function assertParentUnit(target: UnitContext): void {
  if (target.unit.level !== 'province' && target.unit.level !== 'district') {
    throw new ApiError(400, 'bad_request', [
      'Đơn vị "' + target.unit.id + '" không phải cấp tỉnh hoặc huyện; chỉ tổng hợp và khóa sổ cho đơn vị có xã trực thuộc.',
      'Unit "' + target.unit.id + '" is not a province or district; only units with communes below them are aggregated and locked.',
    ])
  }
}

export async function loadCatalogFor(db: D1Database, target: UnitContext): Promise<Catalog> {
  const catalog = target.catalogId ? await findCatalog(db, target.catalogId) : null
  if (!catalog) {
    throw new ApiError(404, 'not_found', [
      'Đơn vị "' + target.unit.id + '" chưa được gán bộ tiêu chí.',
      'No criteria catalogue is assigned to unit "' + target.unit.id + '".',
    ])
  }
  return catalog
}
