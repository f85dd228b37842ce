// Reads whole sheets (their used ranges) in one batch: sync 1 learns which sheets exist (ExcelApi 1.1 has no
// getItemOrNullObject), sync 2 loads the address, values and number formats of each one present. The formats
// say what a value means (0.85 shown as 85%, a date serial): shared/workbook/cell-meaning.ts reads them.
import type { Grid } from '../../shared/workbook/grid'
import type { SheetGrid } from '../../shared/workbook/report-book'
import { hasSheet } from './features'

export type SheetsRead = { present: string[]; grids: { [name: string]: SheetGrid } }

export function readSheets(names: readonly string[]): Promise<SheetsRead> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name')
    await ctx.sync()
    const existing = sheets.items.map((s) => s.name)
    const present = names.filter((n) => hasSheet(existing, n))
    const ranges = present.map((n) => sheets.getItem(n).getUsedRange().load(['address', 'values', 'numberFormat']))
    if (ranges.length > 0) await ctx.sync()
    const grids: SheetsRead['grids'] = {}
    present.forEach((name, i) => {
      const r = ranges[i] as Excel.Range
      grids[name] = { sheet: name, address: r.address, values: r.values as Grid, formats: r.numberFormat as string[][] }
    })
    return { present, grids }
  })
}

/** The names of the workbook's sheets (one sync). */
export function listSheets(): Promise<string[]> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name')
    await ctx.sync()
    return sheets.items.map((s) => s.name)
  })
}
