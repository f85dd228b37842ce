import { Hono } from 'hono'
import type { AggregateResponse } from '../../shared/api'
import { requireRole } from '../auth'
import { isSupportedPeriod } from '../calendar-range'
import { readJson } from '../body'
import type { AppEnv } from '../env'
import { invalidPeriod } from '../errors'
import { unitPeriodSchema } from '../schemas'
import { assertCanRead, assertParentUnit, loadUnit } from '../scope'
import { computeAggregate } from '../services/aggregate'
import { aggregateSheets, workbookNames } from '../services/aggregate-workbook'
import { xlsxDownload } from '../download'
import { writeWorkbook } from '../xlsx/write-workbook'

// Aggregating stores nothing, so leaders (read-only) may run it too.
export const aggregate = new Hono<AppEnv>()
  .post('/', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'leader', 'admin')
    const { value: body } = await readJson(c, unitPeriodSchema)
    if (!isSupportedPeriod(body.period)) throw invalidPeriod(body.period)
    const target = await loadUnit(c.env.DB, body.unit)
    assertCanRead(principal, target)
    assertParentUnit(target)
    return c.json<AggregateResponse>(await computeAggregate(c.env.DB, target, body.period, c.get('now')()))
  })
  // GET /aggregate/{unit}/{period}.xlsx: the same aggregate as a workbook for leaders.
  .get('/:unit/:file{[^/]+\\.xlsx}', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'leader', 'admin')
    const period = c.req.param('file').slice(0, -'.xlsx'.length)
    if (!isSupportedPeriod(period)) throw invalidPeriod(period)
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanRead(principal, target)
    assertParentUnit(target)
    const result = await computeAggregate(c.env.DB, target, period, c.get('now')())
    return xlsxDownload(c, await writeWorkbook(aggregateSheets(result)), workbookNames(result))
  })
