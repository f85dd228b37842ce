// The words sheet as part of the report workbook: read with the other sheets, sent with the report,
// problems placed on its cells and old marks cleared.
import { describe, expect, it } from 'vitest'
import { checkReport } from '../../../shared/report'
import { NARRATIVE_MAX_CHARS } from '../../../shared/narratives'
import { SHEETS, fundGrid, indicatorGrid, infoGrid, marksFor, placeOfIssue, readBook, reportBookPlan, taskGrid, toReportRequest } from '../../../shared/workbook/report-book'
import { narrativeGrid, narrativeHeadingRow } from '../../../shared/workbook/narratives-sheet'
import type { Grid } from '../../../shared/workbook/grid'
import { CATALOG } from '../../addin/fixtures'

const FACTS = { unitName: 'Xã Bình Sơn', unit: 'binh-son', period: '2026-11-14', due: '14/11/2026', catalog: 'QĐ 318', classification: 'Bắc Trung Bộ' }

function book(words: Grid | null) {
  return readBook({
    info: { sheet: SHEETS.info, address: "'Thông tin'!A1:C14", values: infoGrid(FACTS) },
    indicators: { sheet: SHEETS.indicators, address: "'Chỉ tiêu'!A1:I40", values: indicatorGrid(CATALOG.catalog, CATALOG.classId) },
    tasks: { sheet: SHEETS.tasks, address: "'Nhiệm vụ'!A1:K2", values: taskGrid([]) },
    funds: { sheet: SHEETS.funds, address: "'Nguồn vốn'!A1:C9", values: fundGrid() },
    narratives: words ? { sheet: SHEETS.narratives, address: "'" + SHEETS.narratives + "'!A1:A23", values: words } : null,
  })
}

describe('the report workbook carries its words', () => {
  it('a commune book has the words sheet last; a district book does not', () => {
    expect(reportBookPlan(FACTS, CATALOG.catalog, 'btb', []).map((p) => p.name)).toEqual([SHEETS.info, SHEETS.indicators, SHEETS.tasks, SHEETS.funds, SHEETS.narratives])
    expect(reportBookPlan(FACTS, null, null, []).map((p) => p.name)).toEqual([SHEETS.info, SHEETS.tasks])
  })

  it('sends the sections with the report; an older book without the sheet sends none', () => {
    const words = narrativeGrid()
    words[narrativeHeadingRow('requests') + 1] = ['Đề nghị huyện phân bổ vốn cho nhà văn hóa thôn 2']
    const b = book(words)
    expect(b.draft.narratives).toEqual({ achievements: '', difficulties: '', requests: 'Đề nghị huyện phân bổ vốn cho nhà văn hóa thôn 2' })
    expect(toReportRequest(b).narratives).toEqual(b.draft.narratives)
    expect('narratives' in toReportRequest(book(null))).toBe(false)
  })

  it('a renamed heading is named like a renamed column', () => {
    const words = narrativeGrid()
    words[narrativeHeadingRow('requests')] = ['3. Đề xuất']
    expect(book(words).missingColumns).toEqual([{ sheet: SHEETS.narratives, header: '3. Kiến nghị, đề xuất' }])
  })

  it('marks an over-long section on its first line and clears the mark once fixed', () => {
    const words = narrativeGrid()
    const line = narrativeHeadingRow('difficulties') + 1
    words[line] = ['x'.repeat(NARRATIVE_MAX_CHARS + 1)]
    const b = book(words)
    const issues = checkReport(CATALOG.catalog, 'btb', b.draft, { now: '2026-11-12T10:00:00+07:00' }).issues.filter((i) => i.path.indexOf('narratives') === 0)
    expect(issues.map((i) => i.code)).toEqual(['narrative_too_long'])
    expect(placeOfIssue(b, issues[0]!)).toEqual({ sheet: SHEETS.narratives, address: 'A' + (line + 1) })
    const marks = marksFor(b, issues)
    expect(marks.fills).toEqual([{ sheet: SHEETS.narratives, address: 'A' + (line + 1), color: '#F4B6B6' }])
    expect(marks.clear).toContainEqual({ sheet: SHEETS.narratives, address: 'A1:A' + (line + 1) })
  })
})
