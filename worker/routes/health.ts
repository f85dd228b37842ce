import { Hono } from 'hono'
import type { HealthResponse } from '../../shared/api'
import pkg from '../../package.json'
import { findMigrationLevel } from '../db/health'
import type { AppEnv } from '../env'

/**
 * Mounted at /api/v1/health, before authentication: for uptime monitors and for checking a deploy. Says the
 * version, whether the database answers and the last migration applied; 503 when the database does not answer.
 * Nothing about units, tokens or reports.
 */
export const health = new Hono<AppEnv>().get('/', async (c) => {
  c.header('Cache-Control', 'no-store')
  try {
    const level = await findMigrationLevel(c.env.DB)
    return c.json<HealthResponse>({ status: 'ok', version: pkg.version, database: { reachable: true, ...level } })
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', event: 'health', error: err instanceof Error ? err.message : String(err) }))
    return c.json<HealthResponse>({ status: 'unavailable', version: pkg.version, database: { reachable: false, migration: null, migrations: 0 } }, 503)
  }
})
