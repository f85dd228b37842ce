import { Hono } from 'hono'
import type { MeResponse } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import type { AppEnv } from '../env'
import { loadUnit } from '../scope'
import { settingsFor } from '../services/settings'

export const me = new Hono<AppEnv>().get('/', async (c) => {
  const principal = c.get('principal')
  const own = await loadUnit(c.env.DB, principal.unit.id)
  const { id, name, level } = own.unit
  const { settings } = await settingsFor(c.env.DB, own)
  return c.json<MeResponse>({ role: principal.role, unit: { id, name, level }, settings, today: vnDate(c.get('now')()) })
})
