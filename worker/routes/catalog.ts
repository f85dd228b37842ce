import { Hono } from 'hono'
import type { CatalogResponse } from '../../shared/api'
import { periodAt } from '../../shared/calendar'
import { classOf } from '../../shared/catalog'
import { isSupportedPeriod } from '../calendar-range'
import type { AppEnv } from '../env'
import { invalidPeriod } from '../errors'
import { assertCanRead, loadUnit } from '../scope'
import { loadJudge } from '../services/judge'

/**
 * GET /catalog?period=YYYY-MM-DD: the catalogue that judges the caller's report for that period (the current
 * period without one), with its class; `?unit=` asks for a unit in the caller's scope (an office checking a commune).
 */
export const catalog = new Hono<AppEnv>().get('/', async (c) => {
  const principal = c.get('principal')
  const period = c.req.query('period') ?? periodAt(c.get('now')()).id
  if (!isSupportedPeriod(period)) throw invalidPeriod(period)
  const target = await loadUnit(c.env.DB, c.req.query('unit') ?? principal.unit.id)
  assertCanRead(principal, target)
  const judge = await loadJudge(c.env.DB, target, period)
  const cls = classOf(judge.catalog, judge.classId)
  return c.json<CatalogResponse>({
    catalog: judge.catalog,
    period,
    assignment: { unit: judge.assignment.unit, from: judge.assignment.from },
    classId: cls ? cls.id : null,
    className: cls ? cls.name : null,
  })
})
