import { Hono } from 'hono'
import type { AuditResponse } from '../../shared/api'
import { requireRole } from '../auth'
import { listAudit } from '../db/audit'
import { listSubtree } from '../db/units'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { assertCanRead, loadUnit } from '../scope'

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 500

/** GET /audit?unit=…&limit=…: entries about the unit and the units below it, newest first. */
export const audit = new Hono<AppEnv>().get('/', async (c) => {
  const principal = c.get('principal')
  requireRole(principal, 'district', 'admin')
  const limitText = c.req.query('limit')
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new ApiError(400, 'bad_request', ['limit phải từ 1 đến ' + MAX_LIMIT + '.', 'limit must be 1–' + MAX_LIMIT + '.'])
  }
  const target = await loadUnit(c.env.DB, c.req.query('unit') ?? principal.unit.id)
  assertCanRead(principal, target)
  const units = await listSubtree(c.env.DB, target.unit.id)
  return c.json<AuditResponse>({ entries: await listAudit(c.env.DB, units.map((u) => u.id), limit) })
})
