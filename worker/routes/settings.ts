import { Hono } from 'hono'
import type { SettingsResponse, ShapeIssue } from '../../shared/api'
import { checkSettingsPatch } from '../../shared/settings'
import { requireRole } from '../auth'
import { readJson } from '../body'
import { auditStatement } from '../db/audit'
import { upsertSettingsStatement } from '../db/settings'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { newId } from '../hash'
import { settingsPutSchema } from '../schemas'
import { assertCanRead, assertCanWrite, loadUnit } from '../scope'
import { type ResolvedSettings, settingsFor } from '../services/settings'
import { noteWrite } from '../write-log'

const toResponse = (unit: string, r: ResolvedSettings): SettingsResponse => ({ unit, settings: r.settings, own: r.own, sources: r.sources })

/** Mounted at /units: a unit's settings; the district office changes them for its unit and the units below. */
export const settings = new Hono<AppEnv>()
  .get('/:unit/settings', async (c) => {
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanRead(c.get('principal'), target)
    return c.json<SettingsResponse>(toResponse(target.unit.id, await settingsFor(c.env.DB, target)))
  })
  .put('/:unit/settings', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'admin')
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanWrite(principal, target)
    const { value: body } = await readJson(c, settingsPutSchema)
    const checked = checkSettingsPatch(body)
    if (checked.problems.length > 0) {
      const issues: ShapeIssue[] = checked.problems.map((p) => ({ code: 'field_invalid', severity: 'error', ...p }))
      throw new ApiError(400, 'bad_request', ['Cài đặt không hợp lệ.', 'Invalid settings.'], issues)
    }
    const unitId = target.unit.id
    const before = await settingsFor(c.env.DB, target)
    const own = { ...before.own, ...checked.value }
    const at = c.get('now')().toISOString()
    await c.env.DB.batch([
      upsertSettingsStatement(c.env.DB, unitId, own, at, principal.tokenId),
      auditStatement(c.env.DB, {
        id: newId('aud'), at, actor: principal.tokenId, role: principal.role, unit: unitId, action: 'settings.update', target: unitId,
        detail: { before: before.own, after: own },
      }),
    ])
    noteWrite(c, { unit: unitId, action: 'settings.update', id: unitId })
    return c.json<SettingsResponse>(toResponse(unitId, await settingsFor(c.env.DB, target)))
  })
