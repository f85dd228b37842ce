import { Hono } from 'hono'
import type { FlagsResponse } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import { isSupportedDate } from '../calendar-range'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { assertCanRead, loadUnit } from '../scope'
import { computeFlags } from '../services/flags'

/** Mounted at /units: GET /units/{unit}/flags?date=YYYY-MM-DD (default: today in Vietnam). */
export const flags = new Hono<AppEnv>().get('/:unit/flags', async (c) => {
  const now = c.get('now')()
  const date = c.req.query('date') ?? vnDate(now)
  if (!isSupportedDate(date)) {
    throw new ApiError(400, 'bad_request', [
      'Ngày "' + date + '" không hợp lệ (NNNN-TT-NN, năm 1900–2199).',
      'Date "' + date + '" is invalid (YYYY-MM-DD, years 1900–2199).',
    ])
  }
  const target = await loadUnit(c.env.DB, c.req.param('unit'))
  assertCanRead(c.get('principal'), target)
  return c.json<FlagsResponse>(await computeFlags(c.env.DB, target, date, now))
})
