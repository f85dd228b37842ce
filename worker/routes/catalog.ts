import { Hono } from 'hono'
import type { CatalogResponse } from '../../shared/api'
import type { AppEnv } from '../env'
import { assertCanRead, loadCatalogFor, loadUnit } from '../scope'

/** The caller's catalogue, or with `?unit=` that of a unit in its scope (a district checking a commune). */
export const catalog = new Hono<AppEnv>().get('/', async (c) => {
  const principal = c.get('principal')
  const target = await loadUnit(c.env.DB, c.req.query('unit') ?? principal.unit.id)
  assertCanRead(principal, target)
  return c.json<CatalogResponse>({ catalog: await loadCatalogFor(c.env.DB, target), region: target.region })
})
