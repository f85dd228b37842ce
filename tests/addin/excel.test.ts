// The Excel layer against the fake Excel (tests/addin/fake-excel.ts): what is loaded, what is written,
// how many context.sync() calls each function costs, and that the ExcelApi 1.1 host gets only 1.1 calls.
import { beforeEach, describe, expect, it } from 'vitest'
import { FakeExcel, installOffice } from './fake-excel'
import { createBook } from '../../addin/excel/create-book'
import { readSheets } from '../../addin/excel/read-sheets'
import { writeCells } from '../../addin/excel/write-cells'
import { writeOutputSheets } from '../../addin/excel/write-output-sheets'
import { clearPendingSubmit, readPendingSubmit, writePendingSubmit } from '../../addin/excel/book-settings'
import { SHEETS, reportBookPlan } from '../../shared/workbook/report-book'
import { aggregateSheet, overdueSheet } from '../../shared/workbook/aggregate-sheets'
import { NARRATIVES_SUMMARY_SHEET, narrativesSheet } from '../../shared/workbook/narratives-summary'
import type { AggregateResponse } from '../../shared/api'
import { CATALOG, INDICATOR_CODES, TASKS } from './fixtures'

const FACTS = { unitName: 'Xã Bình Sơn', unit: 'binh-son', period: '2026-11-14', due: '14/11/2026', catalog: 'QĐ 318/QĐ-TTg (phiên bản 2022.1)', classification: 'Bắc Trung Bộ' }
const g = globalThis as unknown as { Excel: unknown; Office: unknown }

function setup(apiVersion: string, sheets?: { [name: string]: Array<Array<string | number | boolean>> }) {
  const fake = new FakeExcel({ apiVersion, sheets })
  return installOffice(g, fake)
}

describe('the fake itself', () => {
  // Each behaviour below is Excel's, documented where cited; tests elsewhere rely on them.
  const typed = (locale: 'vi-VN' | 'en-US', text: string, format?: string) => {
    const fake = new FakeExcel({ apiVersion: '1.1', locale, sheets: { S: [] } })
    if (format) fake.sheet('S').formats['0,0'] = format
    fake.setValues('S', 'A1', [[text]])
    return { value: fake.value('S', 'A1'), format: fake.format('S', 'A1'), formula: fake.formula('S', 'A1') }
  }

  it('reads typed text as Excel does under vi-VN: percent, day-first dates, dot thousands, comma decimals', () => {
    expect(typed('vi-VN', '85%')).toMatchObject({ value: 0.85, format: '0%' })
    expect(typed('vi-VN', '85,5%')).toMatchObject({ value: 0.855, format: '0.00%' })
    expect(typed('vi-VN', '14/11/2026')).toMatchObject({ value: 46340, format: 'dd/mm/yyyy' })
    expect(typed('vi-VN', '05/11/2026').value).toBe(46331) // 5 November
    expect(typed('vi-VN', '1.200.000.000')).toMatchObject({ value: 1200000000, format: '#,##0' })
    expect(typed('vi-VN', '85,5').value).toBe(85.5)
    expect(typed('vi-VN', '85.5').value).toBe('85.5') // not a number in this locale: stays text
    expect(typed('vi-VN', '2026-11-14').value).toBe(46340)
    expect(typed('vi-VN', 'TRUE').value).toBe(true)
    expect(typed('vi-VN', 'đạt').value).toBe('đạt')
  })

  it('reads the same text differently under en-US: month-first dates, comma thousands', () => {
    expect(typed('en-US', '85%')).toMatchObject({ value: 0.85, format: '0%' })
    expect(typed('en-US', '14/11/2026')).toMatchObject({ value: '14/11/2026', format: undefined }) // no 14th month: text
    expect(typed('en-US', '05/11/2026').value).toBe(46153) // 11 May, not 5 November
    expect(typed('en-US', '1.200.000.000').value).toBe('1.200.000.000')
    expect(typed('en-US', '1,200,000,000').value).toBe(1200000000)
    expect(typed('en-US', '85,5').value).toBe('85,5')
    expect(typed('en-US', '85.5').value).toBe(85.5)
    expect(typed('en-US', '9/19').format).toBe('m/d/yyyy') // a day of this year, as "9/19" written into a cell
  })

  it('keeps text as typed after an apostrophe or in a text-formatted cell; "=" starts a formula', () => {
    expect(typed('vi-VN', "'85%").value).toBe('85%')
    expect(typed('en-US', '05/11/2026', '@')).toMatchObject({ value: '05/11/2026', format: '@' })
    const fake = new FakeExcel({ apiVersion: '1.1', sheets: { S: [[42]] } })
    fake.setValues('S', 'B1', [['=A1']])
    expect(fake.value('S', 'B1')).toBe(42)
    expect(fake.formula('S', 'B1')).toBe('=A1')
  })

  it('applies automatic percent entry in percent-formatted cells (Microsoft KB 215203)', () => {
    expect(typed('en-US', '85', '0%').value).toBe(0.85)
    expect(typed('en-US', '.5', '0%').value).toBe(0.5)
    expect(typed('en-US', '0.5', '0%').value).toBe(0.005)
    expect(typed('vi-VN', '85%', '0.00%')).toMatchObject({ value: 0.85, format: '0.00%' })
  })

  it('reads strings written to Range.values as typed input, in queue order (a text format set first keeps text)', async () => {
    const { fake } = setup('1.1')
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1')
      sheet.getRange('A1:C1').values = [['85%', '14/11/2026', '=A1']]
      sheet.getRange('A2').numberFormat = [['@']]
      sheet.getRange('A2').values = [['14/11/2026']]
      sheet.getRange('B2').values = [[0.5]]
      await ctx.sync()
    })
    expect([fake.value('Sheet1', 'A1'), fake.value('Sheet1', 'B1'), fake.value('Sheet1', 'C1')]).toEqual([0.85, 46340, 0.85])
    expect(fake.format('Sheet1', 'A1')).toBe('0%')
    expect(fake.value('Sheet1', 'A2')).toBe('14/11/2026')
    expect(fake.value('Sheet1', 'B2')).toBe(0.5)
    const read = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C1').load(['values', 'numberFormat', 'formulas'])
      await ctx.sync()
      return { values: r.values, numberFormat: r.numberFormat, formulas: r.formulas }
    })
    expect(read).toEqual({ values: [[0.85, 46340, 0.85]], numberFormat: [['0%', 'dd/mm/yyyy', 'General']], formulas: [[0.85, 46340, '=A1']] })
  })

  it('throws PropertyNotLoaded for a property read before it is loaded and synced', async () => {
    const { fake } = setup('1.1', { Sheet1: [['x']] })
    const code = (p: Promise<unknown>) => p.then(() => 'read', (e: { code?: string }) => e.code)
    expect(await code(fake.run(async (ctx) => ctx.workbook.worksheets.items))).toBe('PropertyNotLoaded')
    expect(await code(fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1')
      await ctx.sync()
      return r.values
    }))).toBe('PropertyNotLoaded')
    expect(await code(fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values')
      const early = r.values // loaded but not yet synced
      await ctx.sync()
      return early
    }))).toBe('PropertyNotLoaded')
    expect(await code(fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values')
      await ctx.sync()
      return r.numberFormat // loaded values only
    }))).toBe('PropertyNotLoaded')
    expect(await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values')
      await ctx.sync()
      return r.values
    })).toEqual([['x']])
  })

  it('applies queued operations in order at sync: a fill then a clear ends cleared, a clear then a fill ends filled', async () => {
    const { fake } = setup('1.1', { Sheet1: [['a', 'b']] })
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1')
      sheet.getRange('A1').format.fill.color = '#FF0000'
      sheet.getRange('A1').format.fill.clear()
      sheet.getRange('B1').format.fill.clear()
      sheet.getRange('B1').format.fill.color = '#00FF00'
      sheet.getRange('A1').values = [['x']]
      sheet.getRange('A1').clear()
      await ctx.sync()
    })
    expect(fake.fill('Sheet1', 'A1')).toBeUndefined()
    expect(fake.fill('Sheet1', 'B1')).toBe('#00FF00')
    expect(fake.value('Sheet1', 'A1')).toBe('')
  })

  it('keeps the operations before a failing one when a batch fails, and drops the rest', async () => {
    const { fake } = setup('1.1', { Sheet1: [] })
    await expect(fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets
      sheets.getItem('Sheet1').getRange('A1').values = [['trước']]
      sheets.add('Mới')
      sheets.getItem('Không có').getRange('A1').values = [['x']]
      sheets.getItem('Sheet1').getRange('A2').values = [['sau']]
      await ctx.sync()
    })).rejects.toMatchObject({ code: 'ItemNotFound' })
    expect(fake.value('Sheet1', 'A1')).toBe('trước')
    expect(fake.names()).toEqual(['Sheet1', 'Mới'])
    expect(fake.value('Sheet1', 'A2')).toBe('')
    await expect(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[1]]
      await ctx.sync()
    })).rejects.toMatchObject({ code: 'InvalidArgument' })
  })

  // Range.values: "If the value … starts with '=' it is interpreted as a formula"; a leading apostrophe makes
  // the rest text, as when typing (the apostrophe is a prefix, not part of the value).
  it('keeps a written "=…" as a formula and drops a leading apostrophe, as Excel does', async () => {
    const { fake } = setup('1.1')
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C1').values = [['=HYPERLINK("https://x","y")', "'=1+1", 'text']]
      await ctx.sync()
    })
    expect(fake.sheet('Sheet1').formulas).toEqual({ '0,0': '=HYPERLINK("https://x","y")' })
    expect(fake.value('Sheet1', 'B1')).toBe('=1+1')
    expect(fake.value('Sheet1', 'C1')).toBe('text')
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['plain']]
      await ctx.sync()
    })
    expect(fake.sheet('Sheet1').formulas).toEqual({})
  })

  it('refuses a table name already used anywhere in the workbook (case ignored)', async () => {
    const { fake } = setup('1.1', { A: [['h'], ['1']], B: [['h'], ['2']] })
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').tables.add('A1:A2', true).name = 'NtmChiTieu'
      await ctx.sync()
    })
    await expect(fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('B')
      sheet.getRange('C1').values = [['trước']]
      sheet.tables.add('A1:A2', true).name = 'ntmchitieu'
      await ctx.sync()
    })).rejects.toMatchObject({ code: 'InvalidArgument' })
    expect(fake.value('B', 'C1')).toBe('trước')
    // The table itself was added (under Excel's default name) before the rename failed.
    const defaultName = fake.sheet('B').tables[0]!.name
    expect(defaultName).toMatch(/^Table\d+$/)
    const names = await fake.run(async (ctx) => {
      const tables = ctx.workbook.tables.load('items/name')
      await ctx.sync()
      return tables.items.map((t: { name: string }) => t.name)
    })
    expect(names).toEqual(['NtmChiTieu', defaultName])
  })

  it('on ExcelApi 1.1 the used range covers formatted cells too, not only values', async () => {
    const { fake } = setup('1.1', { Sheet1: [['a', 'b']] })
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1')
      sheet.getRange('D5').format.fill.color = '#FFFF00'
      sheet.getRange('A7').numberFormat = [['0%']]
      await ctx.sync()
    })
    const address = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getUsedRange().load('address')
      await ctx.sync()
      return r.address
    })
    expect(address).toBe('Sheet1!A1:D7')
  })

  it('rejects calls above ExcelApi 1.1 on a 1.1 host (column widths 1.2, conditional formats 1.6, freeze panes 1.7, validation 1.8)', async () => {
    const { fake } = setup('1.1')
    await expect(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.columnWidth = 100
      await ctx.sync()
    })).rejects.toMatchObject({ code: 'ApiNotFound' })
    await expect(fake.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A9').conditionalFormats.add('ContainsText' as Excel.ConditionalFormatType)
      cf.textComparison.rule = { operator: 'Contains' as Excel.ConditionalTextOperator, text: 'x' }
      await ctx.sync()
    })).rejects.toMatchObject({ code: 'ApiNotFound' })
    expect(fake.sheet('Sheet1').conditionalFormats).toEqual([])
    await expect(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').freezePanes.freezeRows(1)
      await ctx.sync()
    })).rejects.toThrow(TypeError)
    await expect(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule = {}
      await ctx.sync()
    })).rejects.toThrow(TypeError)
  })

  it('refuses work queued and never synced', async () => {
    const { fake } = setup('1.1')
    await expect(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]]
    })).rejects.toThrow(/never synced/)
  })
})

describe('createBook', () => {
  beforeEach(() => undefined)

  it('creates info, indicators, tasks and funds sheets as tables in 2 syncs on ExcelApi 1.1', async () => {
    const { fake } = setup('1.1')
    const result = await createBook(reportBookPlan(FACTS, CATALOG.catalog, 'btb', TASKS))
    expect(fake.syncCount).toBe(2)
    expect(result).toEqual({ created: [SHEETS.info, SHEETS.indicators, SHEETS.tasks, SHEETS.funds, SHEETS.narratives], kept: [] })
    expect(fake.names()).toEqual(['Sheet1', SHEETS.info, SHEETS.indicators, SHEETS.tasks, SHEETS.funds, SHEETS.narratives])
    expect(fake.value(SHEETS.info, 'B4')).toBe('2026-11-14')
    expect(fake.format(SHEETS.info, 'B4')).toBe('@')
    expect(fake.value(SHEETS.indicators, 'A2')).toBe('1.1')
    expect(fake.format(SHEETS.indicators, 'A2')).toBe('@')
    expect(fake.grid(SHEETS.indicators)).toHaveLength(INDICATOR_CODES.length + 1)
    expect(fake.sheet(SHEETS.indicators).tables).toEqual([{ name: 'NtmChiTieu', address: 'A1:I' + (INDICATOR_CODES.length + 1), hasHeaders: true }])
    expect(fake.value(SHEETS.tasks, 'A3')).toBe('TB-4')
    // Date columns are text, down to 200 rows ready for typing: a typed date stays as typed in any locale.
    expect(fake.format(SHEETS.tasks, 'E2')).toBe('@')
    expect(fake.format(SHEETS.tasks, 'I201')).toBe('@')
    expect(fake.value(SHEETS.tasks, 'E2')).toBe('30/11/2020')
    expect(fake.format(SHEETS.funds, 'B2')).toBe('#,##0')
    expect(fake.active).toBe(SHEETS.indicators)
    // 1.1: no frozen panes, lists or widths
    expect(fake.sheet(SHEETS.indicators).frozenRows).toBe(0)
    expect(fake.sheet(SHEETS.indicators).validations).toEqual([])
    expect(fake.sheet(SHEETS.indicators).widths).toEqual({})
    expect(fake.sheet(SHEETS.info).widths).toEqual({})
    expect(fake.sheet(SHEETS.tasks).conditionalFormats).toEqual([])
  })

  it('adds frozen headers, drop-down lists and widths where the host supports them', async () => {
    const { fake } = setup('1.12')
    await createBook(reportBookPlan(FACTS, CATALOG.catalog, 'btb', TASKS))
    expect(fake.syncCount).toBe(2)
    const sheet = fake.sheet(SHEETS.indicators)
    expect(sheet.frozenRows).toBe(1)
    expect(sheet.validations).toEqual([{ address: 'G2:G' + (INDICATOR_CODES.length + 1), rule: { list: { inCellDropDown: true, source: 'đạt,chưa đạt' } } }])
    expect(sheet.widths[2]).toBe(320)
    expect(fake.sheet(SHEETS.tasks).validations[0]!.rule).toEqual({ list: { inCellDropDown: true, source: 'Chưa làm,Đang làm,Hoàn thành,Hủy' } })
    // fund sources such as "Doanh nghiệp, hợp tác xã" contain commas, which a list source cannot hold
    expect(fake.sheet(SHEETS.funds).validations).toEqual([])
    // The flag column is coloured by its words, down the rows made ready for typing.
    expect(fake.sheet(SHEETS.tasks).conditionalFormats).toEqual([
      { address: 'K2:K201', type: 'ContainsText', operator: 'Contains', text: 'Quá hạn', color: '#F4B6B6' },
      { address: 'K2:K201', type: 'ContainsText', operator: 'Contains', text: 'Sắp đến hạn', color: '#FFE699' },
      { address: 'K2:K201', type: 'ContainsText', operator: 'Contains', text: 'Hoàn thành trễ', color: '#C9C9C9' },
    ])
  })

  it('leaves existing sheets (and what users typed in them) alone', async () => {
    const { fake } = setup('1.1', { [SHEETS.indicators]: [['Mã', 'Giá trị'], ['1.1', 'đạt']] })
    const result = await createBook(reportBookPlan(FACTS, CATALOG.catalog, 'btb', []))
    expect(result.kept).toEqual([SHEETS.indicators])
    expect(fake.grid(SHEETS.indicators)).toEqual([['Mã', 'Giá trị'], ['1.1', 'đạt']])
    expect(fake.syncCount).toBe(2)
  })

  it('treats sheet names without regard to case, as Excel does (no ItemAlreadyExists for "thông tin")', async () => {
    const { fake } = setup('1.1', { 'thông tin': [['Đơn vị', 'Xã Bình Sơn']] })
    const result = await createBook(reportBookPlan(FACTS, CATALOG.catalog, 'btb', []))
    expect(result.kept).toEqual([SHEETS.info])
    expect(fake.grid('thông tin')).toEqual([['Đơn vị', 'Xã Bình Sơn']])
    const read = await readSheets([SHEETS.info])
    expect(read.present).toEqual([SHEETS.info])
    expect(read.grids[SHEETS.info]!.values).toEqual([['Đơn vị', 'Xã Bình Sơn']])
  })

  it('the funds sheet ends with a live SUM of the amounts; the words sheet has its headings in bold', async () => {
    const { fake } = setup('1.1')
    await createBook(reportBookPlan(FACTS, CATALOG.catalog, 'btb', TASKS))
    expect(fake.value(SHEETS.funds, 'A10')).toBe('Tổng cộng')
    expect(fake.sheet(SHEETS.funds).formulas).toEqual({ '9,1': '=SUM(B2:B9)' })
    expect(fake.value(SHEETS.narratives, 'A3')).toBe('1. Kết quả đạt được')
    expect(fake.sheet(SHEETS.narratives).bold['2,0']).toBe(true)
    expect(fake.format(SHEETS.narratives, 'A4')).toBe('@')
  })

  it('a district book has info and tasks only', async () => {
    const { fake } = setup('1.1')
    await createBook(reportBookPlan(FACTS, null, null, []))
    expect(fake.names()).toEqual(['Sheet1', SHEETS.info, SHEETS.tasks])
  })
})

describe('readSheets', () => {
  it('reads whole used ranges of the sheets present in 2 syncs, whatever the row count', async () => {
    const big: Array<Array<string | number>> = [['Mã', 'Giá trị']]
    for (let i = 0; i < 2000; i++) big.push(['X' + i, i])
    const { fake } = setup('1.1', { [SHEETS.indicators]: big, Other: [['x']] })
    const read = await readSheets([SHEETS.info, SHEETS.indicators])
    expect(fake.syncCount).toBe(2)
    expect(read.present).toEqual([SHEETS.indicators])
    expect(read.grids[SHEETS.indicators]!.values).toHaveLength(2001)
    expect(read.grids[SHEETS.indicators]!.address).toBe("'Chỉ tiêu'!A1:B2001")
  })

  it('costs one sync when none of the sheets exist', async () => {
    const { fake } = setup('1.1')
    const read = await readSheets([SHEETS.info])
    expect(read.present).toEqual([])
    expect(fake.syncCount).toBe(1)
  })
})

describe('writeCells', () => {
  it('clears, writes, colours and selects in one sync', async () => {
    const { fake } = setup('1.1', { A: [['a', 'b'], ['c', 'd']] })
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').getRange('A1:B2').format.fill.color = '#123456'
      await ctx.sync()
    })
    fake.syncCount = 0
    await writeCells({
      clear: [{ sheet: 'A', address: 'A1:A2' }],
      writes: [{ sheet: 'A', address: 'C1:C2', values: [[1], [2]], numberFormat: '0.0' }],
      fills: [{ sheet: 'A', address: 'B2', color: '#F4B6B6' }],
      select: { sheet: 'A', address: 'B2' },
    })
    expect(fake.syncCount).toBe(1)
    expect(fake.fill('A', 'A1')).toBeUndefined()
    expect(fake.fill('A', 'B1')).toBe('#123456')
    expect(fake.fill('A', 'B2')).toBe('#F4B6B6')
    expect(fake.value('A', 'C2')).toBe(2)
    expect(fake.format('A', 'C1')).toBe('0.0')
    expect(fake.selected).toEqual({ sheet: 'A', address: 'B2' })
    expect(fake.active).toBe('A')
  })

  it('fails with the Excel error when a sheet is gone; what came before it stays written (Excel does not roll back)', async () => {
    const { fake } = setup('1.1', { A: [['a']] })
    await expect(writeCells({ writes: [{ sheet: 'A', address: 'A1', values: [['x']] }, { sheet: 'Gone', address: 'A1', values: [['y']] }] }))
      .rejects.toMatchObject({ code: 'ItemNotFound' })
    expect(fake.value('A', 'A1')).toBe('x')
  })
})

const AGG: AggregateResponse = {
  period: '2026-11-14',
  unit: { id: 'trieu-son', name: 'Huyện Triệu Sơn', level: 'district' },
  locked: false,
  generatedAt: '2026-11-15T02:00:00Z',
  communes: [
    { unit: { id: 'binh-son', name: 'Xã Bình Sơn' }, revision: 2, receivedAt: '2026-11-14T03:00:00Z', firstReceivedAt: '2026-11-13T03:00:00Z', achieved: 9, total: 19, criteria: { '1': true, '2': false }, timeliness: { status: 'on_time', days: 0 }, narratives: { achievements: 'Làm xong 1,2 km đường', difficulties: '', requests: 'Đề nghị hỗ trợ vốn' }, catalog: { id: 'qd-318-2022', version: '2022.1' } },
    { unit: { id: 'dan-ly', name: 'Xã Dân Lý' }, revision: null, receivedAt: null, firstReceivedAt: null, achieved: null, total: 19, criteria: null, timeliness: { status: 'missing', days: 1 }, narratives: null, catalog: { id: 'qd-318-2022', version: '2022.1' } },
  ],
  completeness: { expected: 2, received: 1, receivedOnTime: 1, rate: 0.5, onTimeRate: 0.5 },
  catalogs: [{
    id: 'qd-318-2022', version: '2022.1', title: 'QĐ 318/QĐ-TTg', total: 19, communes: 2, reported: 1,
    criteriaMet: CATALOG.catalog.criteria.map((c) => ({ no: c.no, name: c.name, communes: c.no === 1 ? 1 : 0 })),
  }],
  funds: { bySource: { central: 0, provincial: 0, district: 0, commune: 5, integrated: 0, credit: 0, enterprise: 0, people: 1 }, total: 6, peopleShare: 1 / 6 },
  overdueTasks: [{ id: 'TB-2', title: 'Báo cáo tiến độ', owner: 'binh-son', lead: 'binh-son', collaborators: [], occurrence: '2026-11-10', days: 5 }],
  lockedAt: null,
  change: { previousPeriod: '2026-10-28', byCommune: {}, compared: 0, change: 0 },
  unitNames: { 'binh-son': 'Xã Bình Sơn' },
  peopleShareLimit: 0.3,
  overdueTotal: 1,
  overdueNext: null,
}

describe('writeOutputSheets', () => {
  it('writes the aggregate matrix, colours and chart in 2 syncs, and replaces it the next time', async () => {
    const { fake } = setup('1.1')
    await writeOutputSheets([aggregateSheet(AGG), overdueSheet(AGG)])
    expect(fake.syncCount).toBe(2)
    // The figures, the communes to chase and the funds first, the chart beside them; the matrix below.
    expect(fake.value(SHEETS.aggregate, 'A1')).toBe('Tổng hợp báo cáo kỳ 14/11/2026 - Huyện Triệu Sơn')
    expect(fake.value(SHEETS.aggregate, 'D5')).toBe('09:00 15/11/2026')
    expect(fake.value(SHEETS.aggregate, 'A6')).toBe('Chưa nộp')
    expect(fake.value(SHEETS.aggregate, 'B6')).toBe('Dân Lý (quá hạn 1 ngày)')
    expect(fake.fill(SHEETS.aggregate, 'B6')).toBe('#F4B6B6')
    expect(fake.value(SHEETS.aggregate, 'B7')).toBe('không có')
    const header = fake.rowOf(SHEETS.aggregate, 0, 'Mã xã')
    expect(header).toBe(21)
    const row = (n: number): number => header + 1 + n // sheet row of the n-th line below the header
    expect(fake.value(SHEETS.aggregate, 'B' + row(1))).toBe('Xã Bình Sơn')
    expect(fake.value(SHEETS.aggregate, 'C' + row(1))).toBe(9)
    expect(fake.value(SHEETS.aggregate, 'E' + row(2))).toBe('Chưa nộp (quá hạn 1 ngày)')
    expect(fake.value(SHEETS.aggregate, 'G' + row(1))).toBe('đạt')
    expect(fake.fill(SHEETS.aggregate, 'G' + row(1))).toBe('#C6EFCE')
    expect(fake.value(SHEETS.aggregate, 'H' + row(1))).toBe('chưa đạt')
    expect(fake.fill(SHEETS.aggregate, 'H' + row(1))).toBe('#F4B6B6')
    expect(fake.fill(SHEETS.aggregate, 'G' + row(2))).toBe('#EDEDED')
    expect(fake.value(SHEETS.aggregate, 'G' + row(3))).toBe(1)
    expect(fake.format(SHEETS.aggregate, 'D3')).toBe('0.0%')
    expect(fake.sheet(SHEETS.aggregate).charts).toEqual([
      { type: 'ColumnClustered', source: "'Tổng hợp'!B22:C24", seriesBy: 'Columns', title: 'Số tiêu chí đạt theo xã - kỳ 14/11/2026', from: 'F1', to: 'N20' },
    ])
    expect(fake.sheet(SHEETS.aggregate).widths).toEqual({}) // ExcelApi 1.1: no column widths
    expect(fake.value(SHEETS.overdue, 'A2')).toBe('TB-2')
    expect(fake.format(SHEETS.overdue, 'E2')).toBe('dd/mm/yyyy')

    fake.syncCount = 0
    const oneCommune = aggregateSheet({ ...AGG, communes: AGG.communes.slice(0, 1) })
    const before = fake.grid(SHEETS.aggregate).length
    await writeOutputSheets([oneCommune, overdueSheet(AGG)])
    expect(fake.syncCount).toBe(2)
    expect(fake.names().filter((n) => n === SHEETS.aggregate)).toHaveLength(1)
    // Replaced, not overwritten in place: the old sheet's extra row is gone.
    expect(fake.grid(SHEETS.aggregate)).toHaveLength(oneCommune.values.length)
    expect(before).toBeGreaterThan(oneCommune.values.length)
    expect(fake.value(SHEETS.aggregate, 'B24')).not.toBe('Xã Dân Lý')
    expect(fake.sheet(SHEETS.aggregate).charts).toHaveLength(1)

    fake.sheet(SHEETS.aggregate).name = 'tổng hợp' // renamed by hand: still the same sheet to Excel
    await writeOutputSheets([aggregateSheet(AGG)])
    expect(fake.names().filter((n) => n.toLowerCase() === 'tổng hợp')).toEqual([SHEETS.aggregate])
  })
})

describe('writeOutputSheets under an English-language Excel', () => {
  it('keeps "9/19" as the score it is, not 19 September: the column is made text before it is written', async () => {
    const fake = new FakeExcel({ apiVersion: '1.1', locale: 'en-US' })
    installOffice(g, fake)
    await writeOutputSheets([aggregateSheet(AGG), overdueSheet(AGG)])
    const row = fake.rowOf(SHEETS.aggregate, 0, 'binh-son') + 1
    expect(fake.value(SHEETS.aggregate, 'D' + row)).toBe('9/19')
    expect(fake.format(SHEETS.aggregate, 'D' + row)).toBe('@')
    expect(fake.value(SHEETS.overdue, 'E2')).toBe(46336) // 10/11/2026, a real date
  })
})

describe('createBook beside a table whose name is taken', () => {
  it('picks a free table name instead of failing half way (a sheet renamed by hand keeps its table)', async () => {
    const { fake } = setup('1.1')
    await createBook(reportBookPlan(FACTS, CATALOG.catalog, 'btb', []))
    fake.sheet(SHEETS.indicators).name = 'Chỉ tiêu kỳ trước'
    fake.syncCount = 0
    const result = await createBook(reportBookPlan(FACTS, CATALOG.catalog, 'btb', []))
    expect(result.created).toEqual([SHEETS.indicators])
    expect(fake.syncCount).toBe(2)
    expect(fake.sheet(SHEETS.indicators).tables.map((t) => t.name)).toEqual(['NtmChiTieu2'])
    expect(fake.sheet('Chỉ tiêu kỳ trước').tables.map((t) => t.name)).toEqual(['NtmChiTieu'])
  })
})

describe("the communes' words in the pane", () => {
  it('are written as text: a request that looks like a formula stays words', async () => {
    const { fake } = setup('1.1')
    const agg = { ...AGG, communes: [{ ...AGG.communes[0]!, narratives: { achievements: '+ 1,2 km đường', difficulties: '', requests: '=HYPERLINK("http://x","Bấm vào đây")' } }] }
    await writeOutputSheets([narrativesSheet(agg)])
    expect(fake.sheet(NARRATIVES_SUMMARY_SHEET).formulas).toEqual({})
    expect(fake.value(NARRATIVES_SUMMARY_SHEET, 'E4')).toBe('=HYPERLINK("http://x","Bấm vào đây")')
    expect(fake.value(NARRATIVES_SUMMARY_SHEET, 'C4')).toBe('+ 1,2 km đường')
    expect(fake.value(NARRATIVES_SUMMARY_SHEET, 'A4')).toBe('Xã Bình Sơn')
  })
})

describe('book settings (idempotency key)', () => {
  it('keeps the pending submission in the workbook until cleared', async () => {
    const { settings } = setup('1.1')
    expect(readPendingSubmit()).toBeNull()
    await writePendingSubmit({ key: 'k1', unit: 'binh-son', period: '2026-11-14', hash: 'h', startedAt: '2026-11-14T00:00:00Z' })
    expect(settings.state.saved['ntm.pendingSubmit']).toMatchObject({ key: 'k1' })
    expect(readPendingSubmit()!.key).toBe('k1')
    await clearPendingSubmit()
    expect(readPendingSubmit()).toBeNull()
    expect(settings.state.saved['ntm.pendingSubmit']).toBeUndefined()
  })
})
