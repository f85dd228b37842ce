// The funds sheet: a live total row that is never read as a source, and the people's-share warning on the
// people's own row.
import { describe, expect, it } from 'vitest'
import { checkReport } from '../../../shared/report'
import { SHEETS, fundGrid, fundTotalFormula, indicatorGrid, infoGrid, marksFor, placeOfIssue, readBook, reportBookPlan, taskGrid, toReportRequest } from '../../../shared/workbook/report-book'
import type { Grid } from '../../../shared/workbook/grid'
import { CATALOG } from '../../addin/fixtures'

const FACTS = { unitName: 'Xã Bình Sơn', unit: 'binh-son', period: '2026-11-14', due: '14/11/2026', catalog: 'QĐ 318', classification: 'Bắc Trung Bộ' }

function book(funds: Grid) {
  return readBook({
    info: { sheet: SHEETS.info, address: "'Thông tin'!A1:C14", values: infoGrid(FACTS) },
    indicators: { sheet: SHEETS.indicators, address: "'Chỉ tiêu'!A1:I40", values: indicatorGrid(CATALOG.catalog, CATALOG.classId) },
    tasks: { sheet: SHEETS.tasks, address: "'Nhiệm vụ'!A1:K2", values: taskGrid([]) },
    funds: { sheet: SHEETS.funds, address: "'Nguồn vốn'!A1:C10", values: funds },
  })
}

describe('the funds sheet', () => {
  it('ends with a total row whose amount is a SUM over the sources', () => {
    const grid = fundGrid()
    expect(grid[grid.length - 1]).toEqual(['Tổng cộng', '', ''])
    expect(fundTotalFormula()).toEqual({ address: 'B10', formula: '=SUM(B2:B9)' })
    const plan = reportBookPlan(FACTS, CATALOG.catalog, 'btb', []).find((p) => p.name === SHEETS.funds)!
    expect(plan.formulas).toEqual([{ address: 'B10', formula: '=SUM(B2:B9)' }])
  })

  it('never reads the total row as a fund, whatever Excel computed into it', () => {
    const grid = fundGrid()
    grid[2]![1] = 500_000_000 // Ngân sách tỉnh
    grid[8]![1] = 400_000_000 // Nhân dân đóng góp
    grid[9]![1] = 900_000_000 // the total, as Excel computed it
    const b = book(grid)
    expect(toReportRequest(b).funds).toEqual([{ source: 'Ngân sách tỉnh', amount: 500_000_000 }, { source: 'Nhân dân đóng góp', amount: 400_000_000 }])
  })

  it("puts the people's-share warning on the people's amount, not on the header", () => {
    const grid = fundGrid()
    grid[2]![1] = 500_000_000
    grid[8]![1] = 400_000_000
    const b = book(grid)
    const issue = checkReport(CATALOG.catalog, 'btb', b.draft, { now: '2026-11-12T10:00:00+07:00' }).issues.find((i) => i.code === 'people_share_high')!
    expect(issue.message).toContain('44,4%')
    expect(placeOfIssue(b, issue)).toEqual({ sheet: SHEETS.funds, address: 'B9' })
    expect(marksFor(b, [issue]).fills).toEqual([{ sheet: SHEETS.funds, address: 'B9', color: '#FFE699' }])
  })
})
