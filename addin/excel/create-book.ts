// Creates the report workbook's sheets from plans: sync 1 learns which sheets and table names exist, sync 2
// adds the missing sheets with their formats, values and tables. Sheets already present are left untouched (nothing a user typed
// is overwritten). Column widths, frozen headers, drop-down lists and the flag column's conditional colours are
// added only where supported.
import { a1Block, fillBlock } from '../../shared/workbook/grid'
import type { SheetPlan } from '../../shared/workbook/report-book'
import { hasSheet, supports } from './features'

export type CreateResult = { created: string[]; kept: string[] }

export function createBook(plans: readonly SheetPlan[]): Promise<CreateResult> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name')
    const tables = ctx.workbook.tables.load('items/name')
    await ctx.sync()
    const existing = sheets.items.map((s) => s.name)
    // Table names are unique in a workbook (case ignored): a sheet renamed by hand keeps its table's name,
    // and reusing it would fail the whole batch half way.
    const tableNames = tables.items.map((t) => t.name.toLowerCase())
    const freeTableName = (wanted: string): string => {
      let name = wanted
      for (let n = 2; tableNames.indexOf(name.toLowerCase()) >= 0; n++) name = wanted + n
      tableNames.push(name.toLowerCase())
      return name
    }
    const created: string[] = []
    const kept: string[] = []
    const widths = supports('columnWidths')
    const freeze = supports('freezePanes')
    const lists = supports('dataValidation')
    const conditional = supports('conditionalFormats')
    let first: Excel.Worksheet | null = null
    for (const plan of plans) {
      if (hasSheet(existing, plan.name)) {
        kept.push(plan.name)
        continue
      }
      created.push(plan.name)
      const sheet = sheets.add(plan.name)
      const rows = plan.values.length
      const cols = (plan.values[0] || []).length
      const block = sheet.getRange(a1Block(0, 0, rows, cols))
      // Text columns first, so "1.1" or "2026-11-14" stay as typed.
      for (const c of plan.textColumns || []) sheet.getRange(a1Block(0, c, rows, 1)).numberFormat = fillBlock(rows, 1, '@')
      const formatted = Math.max(rows - 1, plan.formatRows || 0)
      plan.columns.forEach((spec, c) => {
        if (spec.format && formatted > 0) sheet.getRange(a1Block(1, c, formatted, 1)).numberFormat = fillBlock(formatted, 1, spec.format)
      })
      block.values = plan.values
      // Range.values reads a value starting with "=" as a formula (ExcelApi 1.1), as typing would.
      for (const f of plan.formulas || []) sheet.getRange(f.address).values = [[f.formula]]
      if (plan.table) {
        const table = sheet.tables.add(a1Block(0, 0, rows, cols), true)
        table.name = freeTableName(plan.table)
      } else {
        sheet.getRange('A1').format.font.bold = true
      }
      for (const r of plan.headings || []) sheet.getRange(a1Block(r, 0, 1, cols)).format.font.bold = true
      for (const f of plan.fills || []) sheet.getRange(f.address).format.fill.color = f.color
      if (plan.wrap) {
        // Wrapping and alignment are ExcelApi 1.1; the row heights then follow the text.
        block.format.wrapText = true
        block.format.verticalAlignment = 'Top'
      }
      if (widths) {
        plan.columns.forEach((spec, c) => {
          if (spec.width) sheet.getRange(a1Block(0, c, 1, 1)).format.columnWidth = spec.width
        })
        if (plan.widths) plan.widths.forEach((w, c) => { sheet.getRange(a1Block(0, c, 1, 1)).format.columnWidth = w })
        else if (plan.columns.length === 0) sheet.getRange(a1Block(0, 0, 1, cols)).format.columnWidth = 160
      }
      if (freeze && plan.table) sheet.freezePanes.freezeRows(1)
      if (lists && rows > 1) {
        plan.columns.forEach((spec, c) => {
          // A list rule's source is comma-separated with no escape: an item such as "Doanh nghiệp, hợp tác xã"
          // would split into two wrong choices, so such a column gets no drop-down.
          if (!spec.list || spec.list.some((item) => item.indexOf(',') >= 0)) return
          sheet.getRange(a1Block(1, c, rows - 1, 1)).dataValidation.rule = {
            list: { inCellDropDown: true, source: spec.list.join(',') },
          }
        })
      }
      if (conditional) {
        for (const rule of plan.conditionalFills || []) {
          const format = sheet.getRange(rule.address).conditionalFormats.add('ContainsText' as Excel.ConditionalFormatType)
          format.textComparison.format.fill.color = rule.color
          format.textComparison.rule = { operator: 'Contains' as Excel.ConditionalTextOperator, text: rule.contains }
        }
      }
      if (!first && plan.table) first = sheet
    }
    if (first) first.activate()
    await ctx.sync()
    return { created, kept }
  })
}
