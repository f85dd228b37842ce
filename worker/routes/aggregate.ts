import { Hono } from 'hono'
import type { AggregateResponse, OverduePageResponse } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import { requireRole } from '../auth'
import { isSupportedPeriod } from '../calendar-range'
import { readJson } from '../body'
import type { AppEnv } from '../env'
import { ApiError, invalidPeriod } from '../errors'
import { listSubtree } from '../db/units'
import { unitPeriodSchema } from '../schemas'
import { assertCanRead, assertParentUnit, loadUnit } from '../scope'
import { overdueScope } from '../services/aggregate'
import { OVERDUE_PAGE, OVERDUE_PAGE_MAX, nameOverdueUnits, overduePage } from '../services/overdue'
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
    const summary = await loadPeriodSummary(c.env.DB, target, period, c.get('now')(), true)
    return xlsxDownload(c, await summary.workbook(), summaryFileNames(summary.aggregate))
  })
  // GET /aggregate/{unit}/overdue?cursor=&limit=: the overdue tasks after the aggregate's first page, as of today.
  .get('/:unit/overdue', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'leader', 'admin')
    const limitText = c.req.query('limit')
    const limit = limitText === undefined ? OVERDUE_PAGE : Number(limitText)
    if (!Number.isInteger(limit) || limit < 1 || limit > OVERDUE_PAGE_MAX) {
      throw new ApiError(400, 'bad_request', [
        'Số dòng mỗi trang "limit" phải là số nguyên từ 1 đến ' + OVERDUE_PAGE_MAX + '.',
        'The page size "limit" must be a whole number from 1 to ' + OVERDUE_PAGE_MAX + '.',
      ])
    }
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanRead(principal, target)
    assertParentUnit(target)
    const today = vnDate(c.get('now')())
    const subtree = await listSubtree(c.env.DB, target.unit.id)
    const page = await overduePage(c.env.DB, overdueScope(target, subtree), today, c.req.query('cursor') ?? null, limit)
    // Names of the units this page mentions only (a subtree of hundreds of communes is not repeated per page).
    const known: { [id: string]: string } = {}
    for (const u of subtree.concat(target.chain)) known[u.id] = u.name
    const mentioned: { [id: string]: string } = {}
    for (const t of page.tasks) for (const id of [t.owner, t.lead].concat(t.collaborators)) if (known[id]) mentioned[id] = known[id] as string
    const unitNames = await nameOverdueUnits(c.env.DB, page.tasks, mentioned)
    return c.json<OverduePageResponse>({ unit: target.unit.id, date: today, ...page, unitNames })
  })
