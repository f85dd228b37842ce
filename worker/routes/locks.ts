import { Hono } from 'hono'
import type { LockResponse } from '../../shared/api'
import { requireRole } from '../auth'
import { isSupportedPeriod } from '../calendar-range'
import { readJson } from '../body'
import { auditIfChangedStatement } from '../db/audit'
import { insertLockEventStatement, listLatestLockEvents } from '../db/locks'
import type { AppEnv } from '../env'
import { invalidPeriod } from '../errors'
import { newId } from '../hash'
import { unitSchema } from '../schemas'
import { assertCanWrite, assertParentUnit, loadUnit } from '../scope'
import { noteWrite } from '../write-log'
import { takeSnapshot } from '../services/period-summary'

/**
 * Mounted at /periods: POST /periods/{period}/lock and /unlock with `{ unit }`. Locking what is already
 * locked (or unlocking what is not) answers the current state and records nothing. A lock stores a
 * snapshot of the period's summary (services/period-summary.ts).
 */
export const locks = new Hono<AppEnv>().post('/:period/:action{lock|unlock}', async (c) => {
  const principal = c.get('principal')
  requireRole(principal, 'district', 'admin')
  const period = c.req.param('period')
  const action = c.req.param('action') === 'lock' ? 'lock' : 'unlock'
  if (!isSupportedPeriod(period)) throw invalidPeriod(period)
  const { value: body } = await readJson(c, unitSchema)
  const target = await loadUnit(c.env.DB, body.unit)
  assertCanWrite(principal, target)
  assertParentUnit(target)
  const unitId = target.unit.id
  noteWrite(c, { unit: unitId, action: 'period.' + action, id: unitId + '/' + period })

  const [current] = await listLatestLockEvents(c.env.DB, [unitId], period)
  const isLocked = current?.action === 'lock'
  if (isLocked === (action === 'lock') && current) {
    return c.json<LockResponse>({ unit: unitId, period, locked: isLocked, by: current.actor, at: current.at })
  }
  if (!current && action === 'unlock') {
    return c.json<LockResponse>({ unit: unitId, period, locked: false, by: '', at: '' })
  }
  const at = c.get('now')().toISOString()
  // Both statements are conditional: of concurrent identical requests, one records the event and its audit row.
  const [inserted] = await c.env.DB.batch([
    insertLockEventStatement(c.env.DB, { unitId, period, action, actor: principal.tokenId, at }),
    auditIfChangedStatement(c.env.DB, {
      id: newId('aud'), at, actor: principal.tokenId, role: principal.role, unit: unitId, action: 'period.' + action,
      target: unitId + '/' + period, detail: { period },
    }),
  ])
  if (!inserted?.results.length) {
    // Another request made the same change first: answer the state it left.
    const [latest] = await listLatestLockEvents(c.env.DB, [unitId], period)
    return c.json<LockResponse>({ unit: unitId, period, locked: latest?.action === 'lock', by: latest?.actor ?? '', at: latest?.at ?? '' })
  }
  // What the lock froze is stored now; should that fail, the first reading of the locked period stores it.
  if (action === 'lock') {
    try {
      await takeSnapshot(c.env.DB, target, period, c.get('now')())
    } catch (err) {
      console.error('snapshot after lock failed', unitId, period, err)
    }
  }
  return c.json<LockResponse>({ unit: unitId, period, locked: action === 'lock', by: principal.tokenId, at })
})
