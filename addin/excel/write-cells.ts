// Writes prepared cells in one batch (one sync): clears fills, writes 2-D blocks, colours cells, selects one.
// Used for check marks, receipts and flags. Everything here is ExcelApi 1.1.
import { fillBlock } from '../../shared/workbook/grid'
import type { CellWrite, Place } from '../../shared/workbook/report-book'

export type CellBatch = {
  clear?: Place[]
  writes?: CellWrite[]
  fills?: Array<Place & { color: string }>
  select?: Place
}

export function writeCells(batch: CellBatch): Promise<void> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets
    for (const c of batch.clear || []) sheets.getItem(c.sheet).getRange(c.address).format.fill.clear()
    for (const w of batch.writes || []) {
      const range = sheets.getItem(w.sheet).getRange(w.address)
      if (w.numberFormat) range.numberFormat = fillBlock(w.values.length, (w.values[0] || []).length, w.numberFormat)
      range.values = w.values
    }
    for (const f of batch.fills || []) sheets.getItem(f.sheet).getRange(f.address).format.fill.color = f.color
    if (batch.select) {
      const sheet = sheets.getItem(batch.select.sheet)
      sheet.activate()
      sheet.getRange(batch.select.address).select()
    }
    await ctx.sync()
  })
}

/** Activates a sheet and selects a cell (clicking an issue in the pane). */
export function selectCell(place: Place): Promise<void> {
  return writeCells({ select: place })
}
