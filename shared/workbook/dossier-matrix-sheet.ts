// The district's "Hồ sơ minh chứng" sheet, beside the criteria-met matrix in the pane's aggregate and the
// leaders' workbook: communes × criteria, each cell "đủ" or "thiếu N" documents, red where the commune reports
// the criterion met but its dossier is incomplete — what the appraisal refuses.
// Pure: the server's AggregateResponse in, a grid with fills out.
import type { AggregateResponse } from '../api'
import { formatTimeVi, formatDateVi } from '../dates'
import { type DossierMatrix, metWithoutDossierText } from '../dossier-matrix'
import { missingText } from '../evidence'
import { AGG_COLORS, type Fill, type Format, type SheetOutput, rowFills } from './aggregate-sheets'
import { type Cell, a1, a1Block, rectangular } from './grid'
import { TEXT_FORMAT } from './report-book'

export const DOSSIER_MATRIX_SHEET = 'Hồ sơ minh chứng'

const HEAD = ['Xã', 'Tiêu chí đủ hồ sơ', 'Đạt nhưng thiếu hồ sơ']
export const DOSSIER_FIRST_CRITERION_COL = HEAD.length

/** Title, when the dossiers were counted, the legend, who lacks what, blank: the first matrix starts below. */
export const DOSSIER_HEAD_ROWS = 5

/** Met but incomplete: red; complete: green; incomplete and not met (or not reported): amber. */
function cellColor(row: DossierMatrix['communes'][number], no: number): string {
  if (row.missing[String(no)] === 0) return AGG_COLORS.met
  return row.metWithoutDossier.indexOf(no) >= 0 ? AGG_COLORS.notMet : AGG_COLORS.late
}

export function dossierMatrixSheet(agg: AggregateResponse): SheetOutput {
  const matrices = agg.dossiers || []
  const widest = matrices.reduce((w, m) => Math.max(w, m.criteria.length), 0)
  const width = DOSSIER_FIRST_CRITERION_COL + widest
  const rows: Cell[][] = [
    ['Hồ sơ minh chứng các xã - kỳ ' + formatDateVi(agg.period) + ' - ' + agg.unit.name],
    [agg.dossiers
      ? 'Hồ sơ tính đến ' + formatTimeVi(agg.generatedAt) + ' (giờ Việt Nam); kết quả đạt theo lần gửi mới nhất của kỳ.'
      : 'Bản chốt sổ này được lập trước khi có hồ sơ minh chứng: không có số liệu hồ sơ.'],
    ['Mỗi ô: "đủ" hoặc "thiếu N" tài liệu (chỉ tính tài liệu hiện hành có tệp). Đỏ: báo cáo đạt nhưng thiếu hồ sơ; vàng: thiếu hồ sơ; xanh: đủ.'],
    [agg.dossiers ? 'Đạt nhưng thiếu hồ sơ: ' + metWithoutDossierText(matrices) : ''],
    [],
  ]
  const fills: Fill[] = []
  const formats: Format[] = []
  const bold: string[] = ['A1', 'A4']
  for (const m of matrices) {
    if (matrices.length > 1) {
      bold.push(a1(rows.length, 0))
      rows.push(['Bộ tiêu chí ' + m.catalog.title + ' (phiên bản ' + m.catalog.version + '): ' + m.communes.length + ' xã'])
    }
    const header = rows.length
    const span = DOSSIER_FIRST_CRITERION_COL + m.criteria.length
    rows.push(HEAD.concat(m.criteria.map((k) => 'TC' + k.no)))
    fills.push({ address: a1Block(header, 0, 1, span), color: AGG_COLORS.header })
    bold.push(a1Block(header, 0, 1, span))
    // "5/19" is a date to an en-US Excel: the count column is text, formatted before it is written.
    if (m.communes.length > 0) formats.push({ address: a1Block(header + 1, 1, m.communes.length, 1), rows: m.communes.length, cols: 1, format: TEXT_FORMAT })
    for (const c of m.communes) {
      const r = rows.length
      const complete = m.criteria.filter((k) => c.missing[String(k.no)] === 0).length
      const line: Cell[] = [c.unit.name, complete + '/' + m.criteria.length, c.metWithoutDossier.map((n) => 'TC' + n).join(', ')]
      for (const k of m.criteria) line.push(missingText(c.missing[String(k.no)] || 0))
      rows.push(line)
      rowFills(r, DOSSIER_FIRST_CRITERION_COL, m.criteria.map((k) => cellColor(c, k.no)), fills)
      if (c.metWithoutDossier.length > 0) fills.push({ address: a1(r, 2), color: AGG_COLORS.notMet })
    }
    bold.push(a1Block(rows.length, 0, 2, span))
    rows.push((['Số xã đủ hồ sơ', '', ''] as Cell[]).concat(m.totals.map((t) => t.complete)))
    rows.push((['Số xã đạt nhưng thiếu hồ sơ', '', ''] as Cell[]).concat(m.totals.map((t) => t.metWithoutDossier)))
    rows.push([])
  }
  return {
    name: DOSSIER_MATRIX_SHEET,
    values: rectangular(rows, Math.max(width, 1)),
    fills,
    formats,
    bold,
    widths: [24, 10, 18].concat(matrices.length > 0 ? criterionWidths(widest) : []),
  }
}

function criterionWidths(n: number): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(7)
  return out
}
