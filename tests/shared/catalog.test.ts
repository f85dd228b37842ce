import { describe, expect, it } from 'vitest'
import { classOf, indexIndicators, indicatorsOf, thresholdFor } from '../../shared/catalog'
import { formatThreshold } from '../../shared/threshold'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { CRITERION_LEVEL_MARK, QD_51_2025 } from '../../shared/catalogs/qd-51-2025'

const REFERENCE_CODES = [
  '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '4.1', '4.2', '5', '6.1', '6.2', '6.3', '7',
  '8.1', '8.2', '8.3', '8.4', '9.1', '9.2', '10', '11', '12', '13.1', '13.2', '13.3', '13.4', '13.5',
  '14.1', '14.2', '15.1', '15.2', '15.3', '15.4', '16', '17.1', '17.2', '17.3', '17.4', '17.5', '17.6',
  '17.7', '17.8', '17.9', '17.10', '17.11', '18.1', '18.2', '18.3', '18.4', '18.5', '18.6', '19.1', '19.2',
]

describe('the 2021–2025 national set (QĐ 318/QĐ-TTg)', () => {
  const c = QD_318_2022

  it('has 19 criteria numbered 1–19 in five groups, each with at least one indicator', () => {
    expect(c.criteria.map((x) => x.no)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1))
    expect(c.groups.map((g) => g.id)).toEqual(['I', 'II', 'III', 'IV', 'V'])
    for (const criterion of c.criteria) {
      expect(criterion.indicators.length).toBeGreaterThan(0)
      expect(c.groups.some((g) => g.id === criterion.group)).toBe(true)
    }
  })

  it('holds every indicator named in the reference, with unique codes', () => {
    const codes = indicatorsOf(c).map((i) => i.code)
    expect(codes).toEqual(REFERENCE_CODES)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('is classified by the seven regions, Thanh Hóa being Bắc Trung Bộ', () => {
    expect(c.classification.label).toBe('Vùng')
    expect(c.classification.classes.map((r) => r.id)).toEqual(['tdmnpb', 'dbsh', 'btb', 'dhntb', 'tn', 'dnb', 'dbscl'])
    expect(classOf(c, 'btb')?.name).toBe('Bắc Trung Bộ')
    expect(classOf(c, 'nhom-1')).toBeUndefined()
    expect(classOf(c, null)).toBeUndefined()
    expect(c.effectiveFrom).toBe('2022-03-08')
  })

  it('sets numeric thresholds only where the reference gives them', () => {
    const idx = indexIndicators(c)
    expect(thresholdFor(idx['3.1']!.indicator, 'btb')).toEqual({ min: 80 })
    expect(thresholdFor(idx['3.1']!.indicator, 'dbsh')).toBeUndefined()
    expect(thresholdFor(idx['6.3']!.indicator, 'dbscl')).toEqual({ min: 100 })
    expect(thresholdFor(idx['9.1']!.indicator, 'btb')).toEqual({ expect: false })
    for (const code of ['2.1', '4.2', '10', '11', '12', '15.1', '16', '17.4']) {
      expect(thresholdFor(idx[code]!.indicator, 'btb')).toBeUndefined()
    }
    const numericWithThreshold = indicatorsOf(c).filter((i) => i.kind !== 'yesno' && Object.keys(i.thresholds).length > 0)
    expect(numericWithThreshold.map((i) => i.code)).toEqual(['3.1', '6.3'])
  })

  it('marks the unverified indicator as optional and keeps provenance', () => {
    expect(indicatorsOf(c).filter((i) => i.optional).map((i) => i.code)).toEqual(['15.4'])
    expect(indicatorsOf(c).every((i) => ['V', 'M', 'U'].includes(i.provenance ?? ''))).toBe(true)
  })
})

describe('the 2026–2030 national set (QĐ 51/2025/QĐ-TTg), at criterion level', () => {
  const c = QD_51_2025

  it('has its 10 criteria, named as in the reference, one declared yes/no line each', () => {
    expect(c.criteria.map((x) => x.no + '. ' + x.name)).toEqual([
      '1. Quy hoạch', '2. Hạ tầng kinh tế - xã hội', '3. Phát triển kinh tế nông thôn', '4. Đào tạo nguồn nhân lực nông thôn',
      '5. Văn hóa, giáo dục, y tế', '6. Giảm nghèo và an sinh xã hội', '7. Khoa học công nghệ và chuyển đổi số',
      '8. Môi trường và cảnh quan nông thôn', '9. Xây dựng hệ thống chính trị và hành chính công', '10. Tiếp cận pháp luật và an ninh, quốc phòng',
    ])
    for (const criterion of c.criteria) {
      expect(criterion.indicators).toHaveLength(1)
      expect(criterion.indicators[0]).toMatchObject({ code: String(criterion.no), kind: 'yesno', thresholds: {} })
    }
  })

  it('invents no threshold and says so in its title', () => {
    expect(indicatorsOf(c).every((i) => Object.keys(i.thresholds).length === 0)).toBe(true)
    expect(c.title).toBe('QĐ 51/2025/QĐ-TTg (cấp tiêu chí — nạp bảng chỉ tiêu từ phụ lục Quyết định để chấm tự động)')
    expect(c.title).toContain(CRITERION_LEVEL_MARK)
  })

  it('is classified by the three commune groups and applies from 15/02/2026', () => {
    expect(c.classification).toMatchObject({ label: 'Nhóm xã' })
    expect(c.classification.classes.map((g) => g.id + ' ' + g.name)).toEqual(['nhom-1 Xã nhóm 1', 'nhom-2 Xã nhóm 2', 'nhom-3 Xã nhóm 3'])
    expect(c.effectiveFrom).toBe('2026-02-15')
  })
})

describe('formatThreshold, the target of an indicator as a commune sees it', () => {
  it('describes a target for the sheet in the decisions\' notation', () => {
    expect(formatThreshold({ min: 80 }, { kind: 'percent', unit: '%' })).toBe('≥ 80%')
    expect(formatThreshold({ min: 1, max: 5 }, { kind: 'number', unit: 'm²/người' })).toBe('≥ 1 m²/người, ≤ 5 m²/người')
    expect(formatThreshold({ expect: true }, { kind: 'yesno', unit: 'Đạt/Không đạt' })).toBe('Đạt')
    expect(formatThreshold(undefined, { kind: 'percent', unit: '%' })).toBe('xã tự đánh giá')
  })
})
