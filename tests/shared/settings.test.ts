import { describe, expect, it } from 'vitest'
import { DEFAULT_PEOPLE_SHARE_LIMIT, checkFunds } from '../../shared/funds'
import { DEFAULT_SETTINGS, checkSettingsPatch, effectiveSettings, peopleShareLimit } from '../../shared/settings'
import { DEFAULT_DUE_SOON_DAYS } from '../../shared/tasks'

describe('settings', () => {
  it('defaults to the rules the code used before: 2 days of reminders, 3 days due soon, 30 % people share', () => {
    expect(DEFAULT_SETTINGS).toEqual({ reminderLeadDays: 2, dueSoonDays: DEFAULT_DUE_SOON_DAYS, peopleSharePercent: 30 })
    expect(peopleShareLimit(DEFAULT_SETTINGS)).toBe(DEFAULT_PEOPLE_SHARE_LIMIT)
  })

  it('takes each value from the nearest unit that sets it, and says where it came from', () => {
    const r = effectiveSettings([
      { unitId: 'xa', own: { reminderLeadDays: null, dueSoonDays: 5 } },
      { unitId: 'huyen', own: { reminderLeadDays: 4, dueSoonDays: 7, peopleSharePercent: null } },
      { unitId: 'tinh', own: { peopleSharePercent: 25 } },
    ])
    expect(r.settings).toEqual({ reminderLeadDays: 4, dueSoonDays: 5, peopleSharePercent: 25 })
    expect(r.sources).toEqual({ reminderLeadDays: 'huyen', dueSoonDays: 'xa', peopleSharePercent: 'tinh' })
    expect(effectiveSettings([{ unitId: 'xa', own: null }])).toEqual({
      settings: DEFAULT_SETTINGS, sources: { reminderLeadDays: null, dueSoonDays: null, peopleSharePercent: null },
    })
  })

  it('0 is a value, not "inherit"', () => {
    expect(effectiveSettings([{ unitId: 'xa', own: { reminderLeadDays: 0 } }, { unitId: 'h', own: { reminderLeadDays: 5 } }]).settings.reminderLeadDays).toBe(0)
  })

  it('checks ranges and whole numbers, naming the setting and its range in both languages; null inherits', () => {
    expect(checkSettingsPatch({ reminderLeadDays: 3, dueSoonDays: null, peopleSharePercent: 25.5 })).toEqual({
      value: { reminderLeadDays: 3, dueSoonDays: null, peopleSharePercent: 25.5 }, problems: [],
    })
    const bad = checkSettingsPatch({ reminderLeadDays: 15, dueSoonDays: 2.5, peopleSharePercent: 0 })
    expect(bad.problems.map((p) => p.path)).toEqual(['reminderLeadDays', 'dueSoonDays', 'peopleSharePercent'])
    expect(bad.problems[0]?.message).toBe('Số ngày nhắc trước hạn báo cáo phải là số nguyên từ 0 đến 14 ngày, hoặc để trống để theo đơn vị cấp trên.')
    expect(bad.problems[2]?.message_en).toBe("People's contribution cap must be a number between 1 and 100%, or empty to inherit from the unit above.")
    expect(checkSettingsPatch({ dueSoonDays: '3' }).problems.map((p) => p.path)).toEqual(['dueSoonDays'])
    expect(checkSettingsPatch({ dueSoonDays: Number.NaN }).problems).toHaveLength(1)
    expect(checkSettingsPatch({}).value).toEqual({})
  })

  it('the cap in force decides the people_share_high warning', () => {
    const funds = [{ source: 'commune', amount: 75 }, { source: 'people', amount: 25 }]
    expect(checkFunds(funds, peopleShareLimit(DEFAULT_SETTINGS)).issues).toEqual([])
    const strict = checkFunds(funds, peopleShareLimit({ ...DEFAULT_SETTINGS, peopleSharePercent: 20 })).issues
    expect(strict.map((i) => i.code)).toEqual(['people_share_high'])
    expect(strict[0]?.message).toContain('vượt mức 20%')
  })
})
