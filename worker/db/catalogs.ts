import type { Catalog } from '../../shared/catalog'

type CatalogRow = { id: string; version: string; body: string }

/** The newest loaded version of a catalogue. */
export async function findCatalog(db: D1Database, id: string): Promise<Catalog | null> {
  const row = await db
    .prepare('SELECT id, version, body FROM catalogs WHERE id = ?1 ORDER BY loaded_at DESC, version DESC LIMIT 1')
    .bind(id)
    .first<CatalogRow>()
  return row ? (JSON.parse(row.body) as Catalog) : null
}

export function insertCatalogStatement(db: D1Database, catalog: Catalog, loadedAt: string): D1PreparedStatement {
  return db
    .prepare('INSERT OR IGNORE INTO catalogs (id, version, body, loaded_at) VALUES (?1, ?2, ?3, ?4)')
    .bind(catalog.id, catalog.version, JSON.stringify(catalog), loadedAt)
}
