import { describe, expect, it } from 'vitest'
import { QD_51_2025 } from '../../../shared/catalogs/qd-51-2025'
import { checkReport } from '../../../shared/report'
import {
  FUND_COLUMNS, INDICATOR_COLUMNS, INFO_ROWS, MARK_COLORS, SHEETS, TASK_COLUMNS, flagWrites, fundGrid, indicatorGrid, infoFacts, infoGrid,
  marksFor, placeOfIssue, readBook, receiptWrite, taskGrid, toReportRequest, toTaskInputs,
} from '../../../shared/workbook/report-book'
import { type Grid, mapColumns } from '../../../shared/workbook/grid'
import { CATALOG, INDICATOR_CODES, TASKS, passingValue } from '../../addin/fixtures'

const NOW = Date.parse('2026-11-10T03:00:00Z')

function info(period = '2026-11-14'): Grid {
  return infoGrid({ unitName: 'Xã Bình Sơn', unit: 'binh-son', period, due: '14/11/2026', catalog: 'QĐ 318/QĐ-TTg (phiên bản 2022.1)', classification: 'Bắc Trung Bộ' })
}

function filledIndicators(): Grid {
  const grid = indicatorGrid(CATALOG.catalog, CATALOG.classId)
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r]!
    row[5] = passingValue(String(row[0]))
    row[6] = 'đạt'
  }
  return grid
}

function book(indicators: Grid, tasks: Grid = taskGrid(TASKS), funds: Grid = fundGrid(), infoValues: Grid = info()) {
  return readBook({
    info: { sheet: SHEETS.info, address: "'Thông tin'!A1:C14", values: infoValues },
    indicators: { sheet: SHEETS.indicators, address: "'Chỉ tiêu'!A1:I40", values: indicators },
    tasks: { sheet: SHEETS.tasks, address: "'Nhiệm vụ'!A1:K3", values: tasks },
    funds: { sheet: SHEETS.funds, address: "'Nguồn vốn'!A1:C9", values: funds },
  })
}

describe('building the report workbook', () => {
  it('lists every indicator of the catalogue with its target for the region', () => {
    const grid = indicatorGrid(CATALOG.catalog, 'btb')
    expect(grid[0]).toEqual(INDICATOR_COLUMNS.map((c) => c.header))
    expect(grid.slice(1).map((r) => r[0])).toEqual(INDICATOR_CODES)
    const irrigation = grid.filter((r) => r[0] === '3.1')[0]!
    expect(irrigation[4]).toBe('≥ 80%')
    const planning = grid.filter((r) => r[0] === '1.1')[0]!
    expect(planning[4]).toBe('Đạt')
    expect(String(grid.filter((r) => r[0] === '2.1')[0]![4])).toBe('xã tự đánh giá')
  })
  it('shows a target only for the commune\'s class, and says so when it has none yet', () => {
    const unclassed = indicatorGrid(CATALOG.catalog, null)
    expect(unclassed.filter((r) => r[0] === '3.1')[0]![4]).toBe('chưa xếp vùng')
    expect(unclassed.filter((r) => r[0] === '2.1')[0]![4]).toBe('xã tự đánh giá')
    expect(indicatorGrid(CATALOG.catalog, 'dbsh').filter((r) => r[0] === '3.1')[0]![4]).toBe('xã tự đánh giá')
    const facts = infoFacts({ id: 'binh-son', name: 'Xã Bình Sơn' }, '2026-11-14', QD_51_2025, 'nhom-2', false)
    expect(facts).toMatchObject({ catalog: 'QĐ 51/2025/QĐ-TTg (cấp tiêu chí — nạp bảng chỉ tiêu từ phụ lục Quyết định để chấm tự động) (phiên bản 2025.1)', classification: 'Xã nhóm 2' })
    expect(infoFacts({ id: 'x', name: 'X' }, '2026-11-14', QD_51_2025, null, false).classification).toBe('chưa xếp')
    expect(indicatorGrid(QD_51_2025, 'nhom-2').slice(1).map((r) => r[0] + ' ' + r[4])).toEqual(QD_51_2025.criteria.map((c) => c.no + ' xã tự đánh giá'))
  })
  it('writes tasks with dd/mm/yyyy dates in text columns, Vietnamese status and recurrence wording', () => {
    const grid = taskGrid(TASKS)
    expect(grid[0]).toEqual(TASK_COLUMNS.map((c) => c.header))
    expect(grid[1]![4]).toBe('30/11/2020') // typed dates in these columns stay text in any regional format
    expect(TASK_COLUMNS.filter((c) => c.key === 'due' || c.key === 'completedOn').map((c) => c.format)).toEqual(['@', '@'])
    expect(grid[2]![5]).toBe('Tháng 12, 3, 5')
    expect(grid[2]![6]).toBe('Đang làm')
    expect(taskGrid([])).toHaveLength(2)
  })
  it('labels the info sheet', () => {
    const grid = info()
    expect(grid[INFO_ROWS.period]).toEqual(['Kỳ báo cáo', '2026-11-14', ''])
    expect(grid[INFO_ROWS.unit]![1]).toBe('binh-son')
  })
})

describe('reading the workbook back', () => {
  it('gives a draft the shared check accepts when everything is filled', () => {
    const b = book(filledIndicators())
    expect(b.unit).toBe('binh-son')
    expect(b.period).toBe('2026-11-14')
    expect(b.draft.indicators).toHaveLength(INDICATOR_CODES.length)
    const check = checkReport(CATALOG.catalog, 'btb', b.draft, { now: NOW })
    expect(check.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(check.evaluation.achieved).toBe(19)
  })

  it('finds columns by header whatever their order, case or diacritics', () => {
    const header = ['GHI CHU', 'ma', 'Giá trị', 'danh gia']
    expect(mapColumns(header, INDICATOR_COLUMNS)).toEqual({ note: 0, code: 1, value: 2, status: 3 })
  })

  it('keeps the mapping when rows are sorted and columns moved', () => {
    const grid = filledIndicators()
    const [header, ...rows] = grid
    rows.reverse()
    const moved = [header!, ...rows].map((r) => [r[5], r[6], r[0], r[1], r[2], r[3], r[4], r[7], r[8]])
    moved[5]![0] = 'abc' // a bad value on the row of the 5th code from the end
    const b = book(moved as Grid)
    const check = checkReport(CATALOG.catalog, 'btb', b.draft, { now: NOW })
    const bad = check.issues.filter((i) => i.code === 'value_not_number' || i.code === 'value_not_yes_no')
    expect(bad).toHaveLength(1)
    expect(placeOfIssue(b, bad[0]!)).toEqual({ sheet: SHEETS.indicators, address: 'A6' })
  })

  it('skips blank rows and reads dates typed as text or as Excel dates', () => {
    const tasks = taskGrid(TASKS)
    tasks.splice(2, 0, TASK_COLUMNS.map(() => ''))
    tasks[3]![4] = '31/12/2020'
    const b = book(filledIndicators(), tasks)
    expect(b.draft.tasks).toHaveLength(2)
    const inputs = toTaskInputs(b)
    expect(inputs.map((t) => t.due)).toEqual(['2020-11-30', '2020-12-31'])
    expect(inputs[1]!.collaborators).toEqual(['Phòng TN&MT'])
    expect(b.tasks!.rows.map((r) => r.row)).toEqual([1, 3])
  })

  it('reports a renamed required column', () => {
    const grid = filledIndicators()
    grid[0]![5] = 'Số liệu'
    expect(book(grid).missingColumns).toEqual([{ sheet: SHEETS.indicators, header: 'Giá trị' }])
  })

  it('reads a period that Excel turned into a date', () => {
    const grid = info()
    grid[INFO_ROWS.period]![1] = 46340 // 14/11/2026
    expect(book(filledIndicators(), taskGrid(TASKS), fundGrid(), grid).period).toBe('2026-11-14')
  })
})

describe('issues ↔ cells', () => {
  it('places indicator, task, fund, period issues on their cells', () => {
    const grid = filledIndicators()
    grid[3]![5] = 'nhiều' // third indicator (1.1 is row 2; 2.1 is row 4)
    const funds = fundGrid()
    funds[1]![1] = -5
    const tasks = taskGrid(TASKS)
    tasks[1]![2] = ''
    const b = book(grid, tasks, funds, info('2026-11-15'))
    const check = checkReport(CATALOG.catalog, 'btb', b.draft, { now: NOW })
    const where = check.issues.map((i) => [i.code, placeOfIssue(b, i)?.address, placeOfIssue(b, i)?.sheet])
    expect(where).toContainEqual(['period_invalid', 'B4', SHEETS.info])
    expect(where).toContainEqual(['fund_amount_invalid', 'B2', SHEETS.funds])
    expect(where).toContainEqual(['task_lead_required', 'C2', SHEETS.tasks])
    expect(where.filter((w) => w[1] === 'F4' && w[2] === SHEETS.indicators)).toHaveLength(1)
  })

  it('marks errors red and warnings yellow, clearing the input columns first', () => {
    const grid = filledIndicators()
    grid[2]![5] = 'sai'
    const b = book(grid)
    const check = checkReport(CATALOG.catalog, 'btb', b.draft, { now: NOW })
    const marks = marksFor(b, check.issues)
    expect(marks.fills).toContainEqual({ sheet: SHEETS.indicators, address: 'F3', color: MARK_COLORS.error })
    const cleared = marks.clear.filter((c) => c.sheet === SHEETS.indicators).map((c) => c.address)
    expect(cleared).toContain('F2:F' + grid.length)
    expect(marks.clear.some((c) => c.sheet === SHEETS.tasks && c.address.charAt(0) === 'K')).toBe(false) // flag column keeps its colours
    expect(marksFor(book(filledIndicators()), []).fills).toEqual([])
  })
})

describe('to the API and back', () => {
  it('builds the report request with trimmed text and blank values as null', () => {
    const grid = filledIndicators()
    grid[1]![5] = '  '
    grid[1]![8] = ' ghi chú '
    const funds = fundGrid()
    funds[4]![1] = 250000000
    const req = toReportRequest(book(grid, taskGrid(TASKS), funds))
    expect(req.unit).toBe('binh-son')
    expect(req.indicators[0]).toEqual({ code: '1.1', value: null, status: 'đạt', note: 'ghi chú' })
    expect(req.funds).toEqual([{ source: 'Ngân sách xã', amount: 250000000 }])
    expect(FUND_COLUMNS.map((c) => c.key)).toEqual(['source', 'amount', 'note'])
  })

  it('writes the receipt into the info sheet', () => {
    const w = receiptWrite({ revision: 2, receivedAt: '14/11/2026 09:30', timelinessText: 'Đúng hạn', resultText: 'Đạt 19/19 tiêu chí' })
    expect(w).toEqual({ sheet: SHEETS.info, address: 'B8:B11', values: [[2], ['14/11/2026 09:30'], ['Đúng hạn'], ['Đạt 19/19 tiêu chí']] })
  })

  it('turns flags into one column write with colours, and adds a row for a task the sheet lacks', () => {
    const b = book(filledIndicators())
    const flag = (id: string, flag: 'overdue' | 'ok', days: number) => ({ ...TASKS[0]!, id, role: 'lead' as const, flag, days, occurrence: '2020-11-30' })
    const fw = flagWrites(
      b.tasks!,
      { id: 'binh-son', name: 'Xã Bình Sơn' },
      { tasks: [flag('TB-2', 'overdue', 5), flag('TB-9', 'ok', 9)], reports: [{ period: '2020-11-28', status: 'late', days: 2 }], names: {} },
      '2020-12-05',
      (f) => f.flag + ' ' + f.days,
      (r) => r.status,
    )
    expect(fw.writes[0]).toEqual({ sheet: SHEETS.tasks, address: 'K2:K3', values: [['overdue 5'], ['']] })
    expect(fw.fills[0]).toEqual({ sheet: SHEETS.tasks, address: 'K2', color: '#F4B6B6' })
    expect(fw).toMatchObject({ written: 2, added: 1, unknown: [] })
    // TB-9 lands on row 4, a column at a time, its id and dates in text cells.
    expect(fw.writes.find((w) => w.address === 'A4')).toEqual({ sheet: SHEETS.tasks, address: 'A4', values: [['TB-9']], numberFormat: '@' })
    expect(fw.writes.find((w) => w.address === 'K4')!.values).toEqual([['ok 9']])
    const info = fw.writes.filter((w) => w.sheet === SHEETS.info)
    // Periods read dd/mm/yyyy, in a text column: written to a General cell they would become dates.
    expect(info[0]).toMatchObject({ address: 'A15:A26', numberFormat: '@' })
    expect(info[0]!.values[0]).toEqual(['28/11/2020'])
    expect(info[1]!.address).toBe('B15:C26')
    expect(info[1]!.values[0]).toEqual(['late', 2])
    expect(info[2]).toEqual({ sheet: SHEETS.info, address: 'B12', values: [['05/12/2020']] })
  })
})
