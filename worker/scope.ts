// Which units a token may read and write: its own unit and, above communes, everything below it.
import type { Principal } from './env'
import { type Unit, chainWithin, listChain } from './db/units'
import { ApiError, unitNotFound } from './errors'

/** A unit with its ancestors, nearest first. */
export type UnitContext = { unit: Unit; chain: Unit[] }

/** A unit's ids up to the root within a loaded subtree (`byId`), then `above` (the subtree root's ancestors). */
export function chainIds(unit: Unit, byId: { [id: string]: Unit }, above: readonly string[]): string[] {
  const out = chainWithin(unit, byId).map((u) => u.id)
  for (const id of above) if (out.indexOf(id) < 0) out.push(id)
  return out
}

export async function loadUnit(db: D1Database, id: string): Promise<UnitContext> {
  const chain = await listChain(db, id)
  const unit = chain[0]
  if (!unit) throw unitNotFound(id)
  return { unit, chain }
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

