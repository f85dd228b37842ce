// The district office's form for its unit's settings (reminder lead days, due-soon window, people's-contribution
// cap): the unit's own values in the inputs, the values in force as placeholders; empty means "inherit".
import type { MeResponse, SettingsResponse } from '../shared/api'
import { type SettingKey, type UnitSettingsPatch, SETTING_KEYS, checkSettingsPatch } from '../shared/settings'
import type { Api } from './api-client'
import { lang } from './messages'

export const SETTING_INPUTS: { [K in SettingKey]: string } = {
  reminderLeadDays: 'set-lead',
  dueSoonDays: 'set-due-soon',
  peopleSharePercent: 'set-people',
}

function input(key: SettingKey): HTMLInputElement | null {
  return document.getElementById(SETTING_INPUTS[key]) as HTMLInputElement | null
}

export function canEditSettings(me: MeResponse | null): boolean {
  return !!me && (me.role === 'district' || me.role === 'admin')
}

export function fillSettingsForm(res: SettingsResponse): void {
  for (const key of SETTING_KEYS) {
    const el = input(key)
    if (!el) continue
    const own = res.own[key]
    el.value = typeof own === 'number' ? String(own) : ''
    el.placeholder = String(res.settings[key])
  }
}

/** The form as a patch: empty inputs inherit (null); a decimal comma is read as a point. */
export function readSettingsForm(): { [key: string]: unknown } {
  const patch: { [key: string]: unknown } = {}
  for (const key of SETTING_KEYS) {
    const el = input(key)
    if (!el) continue
    const text = el.value.replace(/^\s+|\s+$/g, '').replace(',', '.')
    patch[key] = text === '' ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text
  }
  return patch
}

export async function loadSettingsForm(api: Api, me: MeResponse): Promise<SettingsResponse> {
  const res = await api.settings(me.unit.id)
  fillSettingsForm(res)
  return res
}

export type SaveOutcome = { ok: true; saved: SettingsResponse } | { ok: false; problems: string[] }

/** Checks the form with the server's own rule first, then saves it for the office's unit. */
export async function saveSettingsForm(api: Api, me: MeResponse): Promise<SaveOutcome> {
  const checked = checkSettingsPatch(readSettingsForm())
  if (checked.problems.length > 0) {
    return { ok: false, problems: checked.problems.map((p) => (lang() === 'vi' ? p.message : p.message_en)) }
  }
  const saved = await api.putSettings(me.unit.id, checked.value as UnitSettingsPatch)
  fillSettingsForm(saved)
  return { ok: true, saved }
}
