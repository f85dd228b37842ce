// The communes × criteria dossier matrix (shared/workbook) beside "Tổng hợp", with the leaders' workbook's
// title style, the lines above the matrix wrapped across its width, the head and the lists of criteria wrapped
// in their columns, frozen head and print setup.
import type { AggregateResponse } from '../../shared/api'
import { DOSSIER_HEAD_ROWS, dossierMatrixSheet } from '../../shared/workbook/dossier-matrix-sheet'
import { a1Block } from '../../shared/workbook/grid'
import type { SheetSpec } from '../xlsx/write-workbook'
import { COLORS, TITLE_SIZE, wrappedLineHeight } from './style'

/** The lines under the title, as tall as their text needs across the matrix's width. */
const LINES = [1, 2, 3]

export function dossiersSheet(a: AggregateResponse): SheetSpec {
  const s = dossierMatrixSheet(a)
  const width = s.values[0]?.length ?? 1
  const across = (s.widths || []).reduce((sum, w) => sum + w, 0)
  const matrixHead = DOSSIER_HEAD_ROWS + ((a.dossiers || []).length > 1 ? 1 : 0)
  return {
    name: s.name,
    values: s.values,
    fills: s.fills,
    formats: s.formats,
    bold: s.bold,
    fonts: [{ address: 'A1', size: TITLE_SIZE, color: COLORS.title }, { address: 'A2:A3', italic: true, color: COLORS.muted }],
    // Below the lines, the head and the communes' first three columns wrap: "Đạt nhưng thiếu hồ sơ" lists
    // criteria ("TC2, TC3, …") that would otherwise be cut off by the matrix beside them.
    wrap: LINES.map((row) => a1Block(row, 0, 1, 1)).concat(s.values.length > DOSSIER_HEAD_ROWS ? [a1Block(DOSSIER_HEAD_ROWS, 0, s.values.length - DOSSIER_HEAD_ROWS, 3)] : []),
    merges: [0].concat(LINES).map((row) => a1Block(row, 0, 1, width)),
    heights: [{ row: 0, points: 20 }].concat(LINES.map((row) => ({ row, points: wrappedLineHeight(s.values[row]?.[0], across) }))),
    widths: s.widths,
    frozenRows: matrixHead + 1,
    frozenColumns: 1,
    print: { titleRows: matrixHead + 1 },
  }
}
