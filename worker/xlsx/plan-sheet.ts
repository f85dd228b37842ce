// A sheet of the report book as the pane plans it (shared/workbook) → a sheet for the .xlsx writer:
// header row bold on a fill and frozen, column widths and number formats from the column specs.
import { a1Block } from '../../shared/workbook/grid'
import type { SheetPlan } from '../../shared/workbook/report-book'
import type { SheetSpec } from './write-workbook'

const HEADER_FILL = '#DDEBF7'
// The pane sizes columns in points; an Arial 10 character is about 7 of them.
const POINTS_PER_CHAR = 7

export function planSheet(plan: SheetPlan): SheetSpec {
  const width = plan.values[0]?.length ?? 0
  if (plan.columns.length === 0 || width === 0) return { name: plan.name, values: plan.values, bold: ['A1'], widths: [26, 40, 16] }
  const header = a1Block(0, 0, 1, width)
  const dataRows = plan.values.length - 1
  const formats: SheetSpec['formats'] = []
  plan.columns.forEach((c, i) => {
    if (c.format && dataRows > 0) formats.push({ address: a1Block(1, i, dataRows, 1), format: c.format })
  })
  return {
    name: plan.name,
    values: plan.values,
    fills: [{ address: header, color: HEADER_FILL }],
    bold: [header],
    formats,
    widths: plan.columns.map((c) => Math.max(6, Math.round((c.width ?? 70) / POINTS_PER_CHAR))),
    frozenRows: 1,
  }
}
