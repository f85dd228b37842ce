import type { UnitSettingsPatch } from '../../shared/settings'

type SettingsRow = { unit_id: string; reminder_lead_days: number | null; due_soon_days: number | null; people_share_percent: number | null }

const toPatch = (r: SettingsRow): UnitSettingsPatch => ({
  reminderLeadDays: r.reminder_lead_days, dueSoonDays: r.due_soon_days, peopleSharePercent: r.people_share_percent,
})

/** Each listed unit's own settings (units without a row are absent); all units' when `unitIds` is null. */
export async function listOwnSettings(db: D1Database, unitIds: readonly string[] | null): Promise<{ [unitId: string]: UnitSettingsPatch }> {
  const { results } = await db
    .prepare(
      `SELECT unit_id, reminder_lead_days, due_soon_days, people_share_percent FROM unit_settings
       WHERE ?1 IS NULL OR unit_id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(unitIds === null ? null : JSON.stringify(unitIds))
    .all<SettingsRow>()
  const out: { [unitId: string]: UnitSettingsPatch } = {}
  for (const r of results) out[r.unit_id] = toPatch(r)
  return out
}

/** Replaces a unit's own settings (a null column inherits). */
export function upsertSettingsStatement(db: D1Database, unitId: string, own: UnitSettingsPatch, at: string, by: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO unit_settings (unit_id, reminder_lead_days, due_soon_days, people_share_percent, updated_at, updated_by)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (unit_id) DO UPDATE SET reminder_lead_days = excluded.reminder_lead_days, due_soon_days = excluded.due_soon_days,
         people_share_percent = excluded.people_share_percent, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .bind(unitId, own.reminderLeadDays ?? null, own.dueSoonDays ?? null, own.peopleSharePercent ?? null, at, by)
}
