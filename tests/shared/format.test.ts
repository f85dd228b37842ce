import { describe, expect, it } from 'vitest'
import { formatNumber, formatShare } from '../../shared/format'

describe('numbers as people read them', () => {
  it('groups thousands with dots and writes a decimal comma in Vietnamese, the other way in English', () => {
    expect(formatNumber(1200000000)).toBe('1.200.000.000')
    expect(formatNumber(1200000000, 'en')).toBe('1,200,000,000')
    expect(formatNumber(999)).toBe('999')
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(-1234.5)).toBe('-1.234,5')
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5')
    expect(formatNumber(2 / 3, 'vi', 2)).toBe('0,67')
  })

  it('shows a 0–1 share as a percentage with one decimal', () => {
    expect(formatShare(0.4444)).toBe('44,4%')
    expect(formatShare(0.4444, 'en')).toBe('44.4%')
    expect(formatShare(0.3)).toBe('30%')
    expect(formatShare(1)).toBe('100%')
  })
})
