import { Hono } from 'hono'
import type { UnitCatalogResponse } from '../../shared/api'
import { requireRole } from '../auth'
import { readJson } from '../body'
import type { AppEnv } from '../env'
import { unitCatalogSchema } from '../schemas'
import { assertCanWrite, loadUnit } from '../scope'
import { assignCatalog } from '../services/catalogs'

/**
 * Mounted at /units: PUT /units/{unit}/catalog `{ catalog, version, from, classes }` — from the period whose
 * commune deadline is `from` on, that catalogue version judges the unit and everything below it (unless a
 * unit nearer the commune has its own); `classes` sets communes' (or whole districts') class in it.
 */
export const unitCatalog = new Hono<AppEnv>().put('/:unit/catalog', async (c) => {
  const principal = c.get('principal')
  requireRole(principal, 'district', 'admin')
  const target = await loadUnit(c.env.DB, c.req.param('unit'))
  assertCanWrite(principal, target)
  const { value: body } = await readJson(c, unitCatalogSchema)
  return c.json<UnitCatalogResponse>(await assignCatalog(c.env.DB, principal, target, body, c.get('now')()))
})
