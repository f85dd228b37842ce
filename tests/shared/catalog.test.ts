import { describe, expect, it } from 'vitest'
import {
  type Catalog, activeCatalog, describeThreshold, indexIndicators, indicatorsOf, meetsThreshold, thresholdFor,
} from '../../shared/catalog'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'

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

  it('has the seven regions, Thanh Hóa being Bắc Trung Bộ', () => {
    expect(c.regions.map((r) => r.id)).toEqual(['tdmnpb', 'dbsh', 'btb', 'dhntb', 'tn', 'dnb', 'dbscl'])
    expect(c.regions.find((r) => r.id === 'btb')?.name).toBe('Bắc Trung Bộ')
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
    expect(indicatorsOf(c).every((i) => ['V', 'M', 'U'].includes(i.provenance))).toBe(true)
  })
})

describe('thresholds', () => {
  it('compares numbers with inclusive bounds and yes/no with the expected answer', () => {
    expect(meetsThreshold({ min: 80 }, 80)).toBe(true)
    expect(meetsThreshold({ min: 80 }, 79.9)).toBe(false)
    expect(meetsThreshold({ max: 10 }, 10)).toBe(true)
    expect(meetsThreshold({ max: 10 }, 10.1)).toBe(false)
    expect(meetsThreshold({ min: 1, max: 2 }, 3)).toBe(false)
    expect(meetsThreshold({ expect: false }, false)).toBe(true)
    expect(meetsThreshold({ expect: true }, false)).toBe(false)
    expect(meetsThreshold({ expect: true }, 1)).toBeUndefined()
    expect(meetsThreshold({ min: 1 }, true)).toBeUndefined()
  })

  it('describes a target for the sheet', () => {
    expect(describeThreshold({ min: 80 }, '%')).toBe('≥ 80%')
    expect(describeThreshold({ min: 1, max: 5 }, 'm²/người')).toBe('≥ 1 m²/người, ≤ 5 m²/người')
    expect(describeThreshold({ expect: true }, 'Đạt/Không đạt')).toBe('Đạt')
    expect(describeThreshold(undefined, '%')).toBe('xã tự đánh giá')
  })
})

describe('activeCatalog', () => {
  const older: Catalog = { ...QD_318_2022, id: 'old', validFrom: '2016-01-01', validTo: '2022-03-07' }
  const newer: Catalog = { ...QD_318_2022, id: 'new', validFrom: '2026-02-15', validTo: undefined }
  it('picks the set in force on a date', () => {
    expect(activeCatalog([older, QD_318_2022, newer], '2020-11-17')?.id).toBe('old')
    expect(activeCatalog([older, QD_318_2022, newer], '2024-01-01')?.id).toBe('qd-318-2022')
    expect(activeCatalog([newer, QD_318_2022, older], '2026-11-26')?.id).toBe('new')
    expect(activeCatalog([QD_318_2022], '2010-01-01')).toBeUndefined()
  })
})
