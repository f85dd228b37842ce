import { describe, expect, it } from 'vitest'
import { DEFAULT_PEOPLE_SHARE_LIMIT, FUND_SOURCES, checkFunds, computeFundTotals, parseFundSource } from '../../shared/funds'

describe('funds', () => {
  it('knows the eight sources by id and by name, tolerant of diacritics', () => {
    expect(FUND_SOURCES).toHaveLength(8)
    expect(parseFundSource('Ngân sách trung ương')).toBe('central')
    expect(parseFundSource('ngan sach xa')).toBe('commune')
    expect(parseFundSource("People's contributions")).toBe('people')
    expect(parseFundSource('credit')).toBe('credit')
    expect(parseFundSource('Xổ số')).toBeUndefined()
    expect(parseFundSource(3)).toBeUndefined()
  })

  it('totals by source and computes the people’s share', () => {
    const t = computeFundTotals([{ source: 'central', amount: 600 }, { source: 'commune', amount: 200 }, { source: 'people', amount: 200 }])
    expect(t.total).toBe(1000)
    expect(t.bySource.central).toBe(600)
    expect(t.bySource.credit).toBe(0)
    expect(t.peopleShare).toBe(0.2)
    expect(computeFundTotals([]).peopleShare).toBe(0)
  })

  it('warns when people contribute more than the configured share (notice item 6)', () => {
    const rows = [{ source: 'Ngân sách tỉnh', amount: 500_000_000 }, { source: 'Nhân dân đóng góp', amount: 400_000_000 }]
    const result = checkFunds(rows)
    expect(DEFAULT_PEOPLE_SHARE_LIMIT).toBe(0.3)
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ code: 'people_share_high', severity: 'warning', path: 'funds' })
    // Vietnamese writes a decimal comma, English a decimal point.
    expect(result.issues[0]?.message).toContain('chiếm 44,4% tổng vốn, vượt mức 30%')
    expect(result.issues[0]?.message_en).toContain('44.4%')
    expect(checkFunds(rows, 0.5).issues).toEqual([])
    expect(checkFunds([{ source: 'people', amount: 300 }, { source: 'central', amount: 700 }]).issues).toEqual([])
  })

  it('refuses unknown or repeated sources and amounts that are not whole non-negative đồng', () => {
    const result = checkFunds([
      { source: 'xổ số', amount: 1 },
      { source: 'central', amount: 1 },
      { source: 'Ngân sách trung ương', amount: 2 },
      { source: 'credit', amount: -1 },
      { source: 'enterprise', amount: 1.5 },
      { source: 'district', amount: 'nhiều' },
      { source: 'commune', amount: '' },
    ])
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['fund_source_unknown', 'funds[0].source'],
      ['fund_source_duplicate', 'funds[2].source'],
      ['fund_amount_invalid', 'funds[3].amount'],
      ['fund_amount_invalid', 'funds[4].amount'],
      ['fund_amount_invalid', 'funds[5].amount'],
    ])
    expect(result.funds).toEqual([{ source: 'central', amount: 1 }])
  })
})
