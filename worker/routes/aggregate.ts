import { Hono } from 'hono'
import type { AggregateResponse } from '../../shared/api'
import { requireRole } from '../auth'
import { isSupportedPeriod } from '../calendar-range'
import { readJson } from '../body'
import type { AppEnv } from '../env'
import { invalidPeriod } from '../errors'
import { unitPeriodSchema } from '../schemas'
import { assertCanRead, assertParentUnit, loadUnit } from '../scope'
import { loadPeriodSummary } from '../services/period-summary'
import { xlsxDownload } from '../download'
import { summaryFileNames } from '../summary-book'

// Aggregating stores nothing, so leaders (read-only) may run it too. A locked period answers its snapshot.
export const aggregate = new Hono<AppEnv>()
  .post('/', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'leader', 'admin')
    const { value: body } = await readJson(c, unitPeriodSchema)
    if (!isSupportedPeriod(body.period)) throw invalidPeriod(body.period)
    const target = await loadUnit(c.env.DB, body.unit)
    assertCanRead(principal, target)
    assertParentUnit(target)
    const summary = await loadPeriodSummary(c.env.DB, target, body.period, c.get('now')())
    return c.json<AggregateResponse>(summary.aggregate)
  })
  // GET /aggregate/{unit}/{period}.xlsx: the summary workbook for leaders.
  .get('/:unit/:file{[^/]+\\.xlsx}', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'leader', 'admin')
    const period = c.req.param('file').slice(0, -'.xlsx'.length)
    if (!isSupportedPeriod(period)) throw invalidPeriod(period)
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanRead(principal, target)
    assertParentUnit(target)
    const summary = await loadPeriodSummary(c.env.DB, target, period, c.get('now')())
    return xlsxDownload(c, await summary.workbook(), summaryFileNames(summary.aggregate))
  })
