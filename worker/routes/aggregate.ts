import { Hono } from 'hono'
import type { AggregateResponse } from '../../shared/api'
import { requireRole } from '../auth'
import { isSupportedPeriod } from '../calendar-range'
import { readJson } from '../body'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { unitPeriodSchema } from '../schemas'
import { type UnitContext, assertCanRead, loadUnit } from '../scope'
import { computeAggregate } from '../services/aggregate'
import { invalidPeriod } from './reports'

export function assertParentUnit(target: UnitContext): void {
  if (target.unit.level !== 'province' && target.unit.level !== 'district') {
    throw new ApiError(400, 'bad_request', [
      'Đơn vị "' + target.unit.id + '" không phải cấp tỉnh hoặc huyện; chỉ tổng hợp và khóa sổ cho đơn vị có xã trực thuộc.',
      'Unit "' + target.unit.id + '" is not a province or district; only units with communes below them are aggregated and locked.',
    ])
  }
}

// Aggregating stores nothing, so leaders (read-only) may run it too.
export const aggregate = new Hono<AppEnv>().post('/', async (c) => {
  const principal = c.get('principal')
  requireRole(principal, 'district', 'leader', 'admin')
  const { value: body } = await readJson(c, unitPeriodSchema)
  if (!isSupportedPeriod(body.period)) throw invalidPeriod(body.period)
  const target = await loadUnit(c.env.DB, body.unit)
  assertCanRead(principal, target)
  assertParentUnit(target)
  return c.json<AggregateResponse>(await computeAggregate(c.env.DB, target, body.period, c.get('now')()))
})
