// Writes generated sheets (the district's aggregate and overdue tasks), replacing earlier copies:
// sync 1 learns which exist; sync 2 adds each under a temporary name, deletes the old one, renames the new
// one (so the workbook is never left without a sheet) and writes formats, values, fills and the chart.
import { type Grid, asText, a1Block, blockOf, fillBlock } from '../../shared/workbook/grid'
import type { SheetOutput } from '../../shared/workbook/aggregate-sheets'
import { hasSheet, supports } from './features'

// Widths come in characters (as the .xlsx writer takes them); Excel sets them in points.
const POINTS_PER_CHAR = 7

/** The values with every string inside `out.text` kept as text (no "=…" formula from someone's words). */
function textSafe(out: SheetOutput): Grid {
  if (!out.text || out.text.length === 0) return out.values
  const values = out.values.map((r) => r.slice())
  for (const address of out.text) {
    const b = blockOf(address)
    for (let r = b.row; r < b.row + b.rows; r++) {
      const line = values[r]
      if (!line) continue
      for (let c = b.col; c < b.col + b.cols; c++) {
        const v = line[c]
        if (typeof v === 'string') line[c] = asText(v)
      }
    }
  }
  return values
}

export function writeOutputSheets(outputs: readonly SheetOutput[]): Promise<void> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name')
    await ctx.sync()
    const existing = sheets.items.map((s) => s.name)
    const widths = supports('columnWidths')
    let first: Excel.Worksheet | null = null
    for (const out of outputs) {
      let name = out.name
      const replace = hasSheet(existing, out.name)
      if (replace) {
        name = out.name.slice(0, 26) + ' (mới)'
        let n = 2
        while (hasSheet(existing, name)) name = out.name.slice(0, 24) + ' (mới ' + n++ + ')'
      }
      const sheet = sheets.add(name)
      if (replace) {
        sheets.getItem(out.name).delete()
        sheet.name = out.name
      }
      const rows = out.values.length
      const cols = (out.values[0] || []).length
      // Formats first: Excel reads a string written to a cell as typed input, unless the cell is text.
      for (const f of out.formats) sheet.getRange(f.address).numberFormat = fillBlock(f.rows, f.cols, f.format)
      sheet.getRange(a1Block(0, 0, rows, cols)).values = textSafe(out)
      for (const f of out.fills) sheet.getRange(f.address).format.fill.color = f.color
      for (const b of out.bold) sheet.getRange(b).format.font.bold = true
      for (const w of out.wrap || []) {
        const range = sheet.getRange(w)
        range.format.wrapText = true
        range.format.verticalAlignment = 'Top'
      }
      if (widths && out.widths) out.widths.forEach((chars, c) => { sheet.getRange(a1Block(0, c, 1, 1)).format.columnWidth = chars * POINTS_PER_CHAR })
      else if (widths) sheet.getRange(a1Block(0, 1, 1, 1)).format.columnWidth = 160
      if (out.chart) {
        const chart = sheet.charts.add('ColumnClustered', sheet.getRange(out.chart.source), 'Columns')
        chart.title.text = out.chart.title
        chart.setPosition(out.chart.from, out.chart.to)
      }
      if (!first) first = sheet
    }
    if (first) first.activate()
    await ctx.sync()
  })
}
