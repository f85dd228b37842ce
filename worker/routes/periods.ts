import { Hono } from 'hono'
import type { PeriodsResponse } from '../../shared/api'
import { periodsInMonths } from '../../shared/calendar'
import { isSupportedMonth } from '../calendar-range'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'

const MAX_MONTHS = 60

const badMonths = (): ApiError =>
  new ApiError(400, 'bad_request', [
    'Tham số from và to phải có dạng NNNN-TT, from không sau to, tối đa ' + MAX_MONTHS + ' tháng.',
    'Query parameters from and to must be YYYY-MM, from not after to, at most ' + MAX_MONTHS + ' months.',
  ])

const monthIndex = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7))

export const periods = new Hono<AppEnv>().get('/', (c) => {
  const from = c.req.query('from')
  const to = c.req.query('to')
  if (!isSupportedMonth(from) || !isSupportedMonth(to)) throw badMonths()
  const span = monthIndex(to) - monthIndex(from)
  if (span < 0 || span >= MAX_MONTHS) throw badMonths()
  return c.json<PeriodsResponse>(
    periodsInMonths(from, to).map((p) => ({ id: p.id, start: p.start, end: p.end, communeDue: p.communeDue, districtDue: p.districtDue })),
  )
})
