// The communes' words — results, difficulties, requests (requests first) — from shared/workbook, with the
// leaders' workbook's print setup.
import type { AggregateResponse } from '../../shared/api'
import { narrativesSheet } from '../../shared/workbook/narratives-summary'
import type { SheetSpec } from '../xlsx/write-workbook'
import { COLORS, TITLE_SIZE } from './style'

/** Title, note and header: the rows kept in view and repeated on each printed page. */
const HEAD_ROWS = 3

export function narrativesSummarySheet(a: AggregateResponse): SheetSpec {
  const s = narrativesSheet(a)
  return {
    name: s.name, values: s.values, fills: s.fills, formats: s.formats, bold: s.bold, wrap: s.wrap, widths: s.widths,
    // The title and note look as on the other sheets of the leaders' workbook.
    fonts: [{ address: 'A1', size: TITLE_SIZE, color: COLORS.title }, { address: 'A2', italic: true, color: COLORS.muted }],
    frozenRows: HEAD_ROWS, print: { titleRows: HEAD_ROWS },
  }
}
