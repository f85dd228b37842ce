// A sheet of the report book as the pane plans it (shared/workbook) → a sheet for the .xlsx writer:
// header row bold on a fill and frozen, column widths and number formats from the column specs.
import { a1Block } from '../../shared/workbook/grid'
import type { SheetPlan } from '../../shared/workbook/report-book'
import type { SheetSpec } from './write-workbook'

const HEADER_FILL = '#DDEBF7'
// The pane sizes columns in points; an Arial 10 character is about 7 of them.
const POINTS_PER_CHAR = 7
const toChars = (points: number): number => Math.max(6, Math.round(points / POINTS_PER_CHAR))

export function planSheet(plan: SheetPlan): SheetSpec {
  const width = plan.values[0]?.length ?? 0
  if (plan.columns.length === 0 || width === 0) {
    const spec: SheetSpec = {
      name: plan.name,
      values: plan.values,
      bold: ['A1'].concat((plan.headings || []).map((r) => a1Block(r, 0, 1, Math.max(1, width)))),
      widths: plan.widths ? plan.widths.map(toChars) : [26, 40, 16],
    }
    if (plan.wrap && width > 0) spec.wrap = [a1Block(0, 0, plan.values.length, width)]
    return spec
  }
  const header = a1Block(0, 0, 1, width)
  const dataRows = Math.max(plan.values.length - 1, plan.formatRows || 0)
  const formats: SheetSpec['formats'] = []
  plan.columns.forEach((c, i) => {
    if (c.format && dataRows > 0) formats.push({ address: a1Block(1, i, dataRows, 1), format: c.format })
  })
  const spec: SheetSpec = {
    name: plan.name,
    values: plan.values,
    fills: [{ address: header, color: HEADER_FILL }],
    bold: [header],
    formats,
    widths: plan.columns.map((c) => toChars(c.width ?? 70)),
    frozenRows: 1,
  }
  if (plan.formulas) spec.formulas = plan.formulas
  return spec
}
