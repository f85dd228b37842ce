// Per-unit settings a district office may change: how early reports are reminded, how soon a task counts as
// due soon, and the share of people's contributions above which funds are flagged. A unit without its own
// value takes its nearest ancestor's, then the product default below.
import { DEFAULT_PEOPLE_SHARE_LIMIT } from './funds'
import { DEFAULT_DUE_SOON_DAYS } from './tasks'

export type UnitSettings = {
  /** Days before a report deadline (the commune's, or the office's aggregate) that reminders start. */
  reminderLeadDays: number
  /** Days before a task deadline that it is flagged and reminded as due soon. */
  dueSoonDays: number
  /** People's contributions above this percentage of all funds are flagged (`people_share_high`). */
  peopleSharePercent: number
}

export type SettingKey = keyof UnitSettings

/** A unit's own values; null or absent means "inherit". */
export type UnitSettingsPatch = { [K in SettingKey]?: number | null }

export const SETTING_KEYS: readonly SettingKey[] = ['reminderLeadDays', 'dueSoonDays', 'peopleSharePercent']

export const DEFAULT_REMINDER_LEAD_DAYS = 2

export const DEFAULT_SETTINGS: UnitSettings = {
  reminderLeadDays: DEFAULT_REMINDER_LEAD_DAYS,
  dueSoonDays: DEFAULT_DUE_SOON_DAYS,
  peopleSharePercent: Math.round(DEFAULT_PEOPLE_SHARE_LIMIT * 100),
}

type Bound = { min: number; max: number; integer: boolean; name: string; nameEn: string; unit: string; unitEn: string }

export const SETTING_BOUNDS: { [K in SettingKey]: Bound } = {
  reminderLeadDays: { min: 0, max: 14, integer: true, name: 'Số ngày nhắc trước hạn báo cáo', nameEn: 'Reminder lead days', unit: 'ngày', unitEn: 'days' },
  dueSoonDays: { min: 0, max: 30, integer: true, name: 'Số ngày báo nhiệm vụ sắp đến hạn', nameEn: 'Due-soon window', unit: 'ngày', unitEn: 'days' },
  peopleSharePercent: { min: 1, max: 100, integer: false, name: 'Mức trần vốn nhân dân đóng góp', nameEn: "People's contribution cap", unit: '%', unitEn: '%' },
}

/** Where each effective value comes from: a unit id, or null for the product default. */
export type SettingSources = { [K in SettingKey]: string | null }

/**
 * The settings in force for a unit from its chain, nearest first (`[unit, parent, …]`), each with that unit's
 * own values (or none).
 */
export function effectiveSettings(chain: ReadonlyArray<{ unitId: string; own: UnitSettingsPatch | null }>): {
  settings: UnitSettings
  sources: SettingSources
} {
  const settings: UnitSettings = { ...DEFAULT_SETTINGS }
  const sources: SettingSources = { reminderLeadDays: null, dueSoonDays: null, peopleSharePercent: null }
  for (const key of SETTING_KEYS) {
    for (const link of chain) {
      const value = link.own ? link.own[key] : undefined
      if (typeof value === 'number') {
        settings[key] = value
        sources[key] = link.unitId
        break
      }
    }
  }
  return { settings, sources }
}

/** The cap as the fraction `checkFunds` takes. */
export function peopleShareLimit(settings: UnitSettings): number {
  return settings.peopleSharePercent / 100
}

export type SettingProblem = { path: SettingKey; message: string; message_en: string }

function rangeText(b: Bound, vi: boolean): string {
  const kind = b.integer ? (vi ? 'số nguyên ' : 'a whole number ') : vi ? 'số ' : 'a number '
  return vi
    ? b.name + ' phải là ' + kind + 'từ ' + b.min + ' đến ' + b.max + (b.unit === '%' ? '%' : ' ' + b.unit) + ', hoặc để trống để theo đơn vị cấp trên.'
    : b.nameEn + ' must be ' + kind + 'between ' + b.min + ' and ' + b.max + (b.unitEn === '%' ? '%' : ' ' + b.unitEn) + ', or empty to inherit from the unit above.'
}

/** Checks a patch: each value a number in its range (null = inherit); unknown keys are the caller's shape check. */
export function checkSettingsPatch(patch: { [key: string]: unknown }): { value: UnitSettingsPatch; problems: SettingProblem[] } {
  const value: UnitSettingsPatch = {}
  const problems: SettingProblem[] = []
  for (const key of SETTING_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(patch, key)) continue
    const v = patch[key]
    const b = SETTING_BOUNDS[key]
    if (v === null) {
      value[key] = null
      continue
    }
    if (typeof v !== 'number' || !isFinite(v) || v < b.min || v > b.max || (b.integer && Math.floor(v) !== v)) {
      problems.push({ path: key, message: rangeText(b, true), message_en: rangeText(b, false) })
      continue
    }
    value[key] = v
  }
  return { value, problems }
}
