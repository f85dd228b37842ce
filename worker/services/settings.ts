// The settings in force for a unit: its own values, else its nearest ancestor's, else the product defaults.
import { type SettingSources, type UnitSettings, type UnitSettingsPatch, effectiveSettings } from '../../shared/settings'
import { listOwnSettings } from '../db/settings'
import type { UnitContext } from '../scope'

export type ResolvedSettings = { settings: UnitSettings; sources: SettingSources; own: UnitSettingsPatch }

export async function settingsFor(db: D1Database, target: UnitContext): Promise<ResolvedSettings> {
  const rows = await listOwnSettings(db, target.chain.map((u) => u.id))
  const { settings, sources } = effectiveSettings(target.chain.map((u) => ({ unitId: u.id, own: rows[u.id] ?? null })))
  const own = rows[target.unit.id] ?? {}
  return {
    settings, sources,
    own: { reminderLeadDays: own.reminderLeadDays ?? null, dueSoonDays: own.dueSoonDays ?? null, peopleSharePercent: own.peopleSharePercent ?? null },
  }
}
