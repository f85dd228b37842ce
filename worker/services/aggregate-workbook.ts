// The aggregate as a workbook for leaders: the same sheets the task pane writes into Excel
// (shared/workbook/aggregate-sheets.ts), turned into .xlsx specs for worker/xlsx.
import type { AggregateResponse } from '../../shared/api'
import { type SheetOutput, MATRIX_FIRST_COL, aggregateSheet, overdueSheet } from '../../shared/workbook/aggregate-sheets'
import { narrativesSheet } from '../../shared/workbook/narratives-summary'
import type { SheetSpec } from '../xlsx/write-workbook'

function toSpec(sheet: SheetOutput, widths: number[], frozenRows?: number): SheetSpec {
  const spec: SheetSpec = {
    name: sheet.name,
    values: sheet.values,
    fills: sheet.fills,
    formats: sheet.formats.map((f) => ({ address: f.address, format: f.format })),
    bold: sheet.bold,
    widths,
  }
  if (sheet.wrap) spec.wrap = sheet.wrap
  if (frozenRows !== undefined) spec.frozenRows = frozenRows
  return spec
}

export function aggregateSheets(a: AggregateResponse): SheetSpec[] {
  const summary = aggregateSheet(a)
  const matrixWidths = [14, 24, 14, 12, 28, 9, ...a.criteriaMet.map(() => 9)].slice(0, Math.max(MATRIX_FIRST_COL, summary.values[0]?.length ?? 0))
  const words = narrativesSheet(a)
  return [toSpec(summary, matrixWidths), toSpec(overdueSheet(a), [22, 60, 14, 26, 12, 14], 1), toSpec(words, words.widths ?? [], 3)]
}

/** `tong-hop-trieu-son-2026-11-14.xlsx`, and the Vietnamese name for `filename*`. */
export function workbookNames(a: AggregateResponse): { ascii: string; utf8: string } {
  return {
    ascii: 'tong-hop-' + a.unit.id + '-' + a.period + '.xlsx',
    utf8: 'Tổng hợp NTM ' + a.unit.name + ' kỳ ' + a.period + '.xlsx',
  }
}
