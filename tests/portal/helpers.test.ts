import { describe, expect, it } from 'vitest'
import { fileNameOf } from '../../portal/api'
import { currentPeriod, recentPeriods, reviewPeriod } from '../../portal/periods'
import { evidenceRoute } from '../../portal/views/evidence'
import { cellWords } from '../../portal/feedback'

describe('portal helpers', () => {
  it('counts periods from the API’s today: the current one, and the one an office reviews', () => {
    expect(currentPeriod('2026-11-26')).toBe('2026-11-28')
    expect(reviewPeriod('2026-11-26')).toBe('2026-11-14')
    // On the deadline day the period is still the communes'; the office reviews the one before.
    expect(reviewPeriod('2026-11-28')).toBe('2026-11-14')
    expect(reviewPeriod('2026-11-29')).toBe('2026-11-28')
    expect(recentPeriods('2026-01-05', 3)).toEqual(['2026-01-14', '2025-12-28', '2025-12-14', '2025-11-28'])
  })

  it('names a download as the server did, Vietnamese first', () => {
    expect(fileNameOf('attachment; filename="tong-hop.xlsx"; filename*=UTF-8\'\'' + encodeURIComponent('Tổng hợp NTM.xlsx'))).toBe('Tổng hợp NTM.xlsx')
    expect(fileNameOf('attachment; filename="bao-cao.xlsx"')).toBe('bao-cao.xlsx')
    expect(fileNameOf('')).toBe('tai-ve.xlsx')
  })

  it('says where a problem is in words', () => {
    expect(cellWords("'Chỉ tiêu'!F4")).toBe('Trang tính "Chỉ tiêu", ô F4')
    expect(cellWords("'Nhiệm vụ của ''xã'''!$C$12")).toBe('Trang tính "Nhiệm vụ của \'xã\'", ô C12')
    expect(cellWords('not a cell')).toBe('not a cell')
  })

  it('reads the Minh chứng sheet’s links to an evidence item', () => {
    expect(evidenceRoute('#minh-chung/binh-son/evd_1')).toEqual({ unit: 'binh-son', id: 'evd_1' })
    expect(evidenceRoute('#minh-chung/binh-son')).toBeNull()
    expect(evidenceRoute('#s=abc')).toBeNull()
  })
})
