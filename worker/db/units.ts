import type { UnitLevel } from '../../shared/api'

export type Unit = {
  id: string
  name: string
  level: UnitLevel
  parentId: string | null
  reportsFrom: string | null
}

type UnitRow = {
  id: string
  name: string
  level: UnitLevel
  parent_id: string | null
  reports_from: string | null
}

const toUnit = (r: UnitRow): Unit => ({
  id: r.id, name: r.name, level: r.level, parentId: r.parent_id, reportsFrom: r.reports_from,
})

// Depth guard: a cycle in parent links (bad data) must not loop forever. Both walks carry the columns in
// the recursion, so each step is a seek (no join back over units afterwards).
const MAX_DEPTH = 16

/** The same walk over units already loaded (`byId`): the unit and its ancestors among them, nearest first. */
export function chainWithin(unit: Unit, byId: { [id: string]: Unit }): Unit[] {
  const chain: Unit[] = []
  for (let u: Unit | undefined = unit; u && chain.length < MAX_DEPTH; u = u.parentId !== null ? byId[u.parentId] : undefined) chain.push(u)
  return chain
}

/** The unit and its ancestors, nearest first; empty when the unit does not exist. */
export async function listChain(db: D1Database, id: string): Promise<Unit[]> {
  const { results } = await db
    .prepare(
      `WITH RECURSIVE chain (id, name, level, parent_id, reports_from, depth) AS (
         SELECT id, name, level, parent_id, reports_from, 0 FROM units WHERE id = ?1
         UNION ALL
         SELECT u.id, u.name, u.level, u.parent_id, u.reports_from, chain.depth + 1
         FROM chain JOIN units u ON u.id = chain.parent_id WHERE chain.depth < ?2
       )
       SELECT id, name, level, parent_id, reports_from FROM chain ORDER BY depth`,
    )
    .bind(id, MAX_DEPTH)
    .all<UnitRow>()
  return results.map(toUnit)
}

/** The unit and every unit below it, the unit first. */
export async function listSubtree(db: D1Database, id: string): Promise<Unit[]> {
  const { results } = await db
    .prepare(
      `WITH RECURSIVE sub (id, name, level, parent_id, reports_from, depth) AS (
         SELECT id, name, level, parent_id, reports_from, 0 FROM units WHERE id = ?1
         UNION ALL
         SELECT u.id, u.name, u.level, u.parent_id, u.reports_from, sub.depth + 1
         FROM sub JOIN units u ON u.parent_id = sub.id WHERE sub.depth < ?2
       )
       SELECT id, name, level, parent_id, reports_from FROM sub ORDER BY depth, id`,
    )
    .bind(id, MAX_DEPTH)
    .all<UnitRow>()
  return results.map(toUnit)
}

/** Each existing unit among `ids` with its chain of ancestors (itself first, with levels); missing ids are absent. */
export async function listChains(db: D1Database, ids: readonly string[]): Promise<Map<string, Array<{ id: string; level: UnitLevel }>>> {
  const { results } = await db
    .prepare(
      `WITH RECURSIVE up (start, id, depth) AS (
         SELECT id, id, 0 FROM units WHERE id IN (SELECT value FROM json_each(?1))
         UNION ALL
         SELECT up.start, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.id
         WHERE u.parent_id IS NOT NULL AND up.depth < ?2
       )
       SELECT up.start, up.id, u.level FROM up JOIN units u ON u.id = up.id ORDER BY up.start, up.depth`,
    )
    .bind(JSON.stringify(ids), MAX_DEPTH)
    .all<{ start: string; id: string; level: UnitLevel }>()
  const out = new Map<string, Array<{ id: string; level: UnitLevel }>>()
  for (const r of results) {
    const chain = out.get(r.start) ?? []
    chain.push({ id: r.id, level: r.level })
    out.set(r.start, chain)
  }
  return out
}

/** A unit; its catalogue and class are set separately (db/catalogs.ts: assignments and classes). */
export function insertUnitStatement(db: D1Database, unit: Unit, createdAt: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO units (id, name, level, parent_id, reports_from, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
    )
    .bind(unit.id, unit.name, unit.level, unit.parentId, unit.reportsFrom, createdAt)
}

/** Every unit (the daily reminder job works over the whole hierarchy). */
export async function listUnits(db: D1Database): Promise<Unit[]> {
  const { results } = await db
    .prepare('SELECT id, name, level, parent_id, reports_from FROM units ORDER BY id')
    .all<UnitRow>()
  return results.map(toUnit)
}

/** Names of these units by id (ids that are not units are left out). */
export async function listUnitNames(db: D1Database, ids: readonly string[]): Promise<{ [id: string]: string }> {
  const out: { [id: string]: string } = {}
  if (ids.length === 0) return out
  const { results } = await db
    .prepare('SELECT id, name FROM units WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(ids))
    .all<{ id: string; name: string }>()
  for (const r of results) out[r.id] = r.name
  return out
}
