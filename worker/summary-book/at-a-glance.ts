// The first sheet leaders read: title, when it was made and whether the period is locked, completeness,
// the names of late and missing communes, then the communes ranked by criteria met with a bar each,
// the change since the previous period, how each report stands and the communes × criteria matrix.
// Communes judged by different catalogues are ranked by their share of their own catalogue's criteria, and
// each catalogue has its own criteria columns (the second set's headed B·TC1 …), said in the line above.
import type { AggregateResponse } from '../../shared/api'
import { formatTimeVi, formatDateVi } from '../../shared/dates'
import { catalogsLine, criteriaColumns, lateNames, missingNames, rankCommunes, sameCatalog } from '../../shared/summary-lines'
import { a1, a1Block } from '../../shared/workbook/grid'
import { SHEETS } from '../../shared/workbook/report-book'
import { changeText, periodText, timelinessText } from '../../shared/words'
import type { SheetSpec } from '../xlsx/write-workbook'
import { COLORS, TITLE_SIZE, percentText, timelinessFill, wrappedLineHeight } from './style'

type Value = string | number
const HEADER = ['Xã', 'Tiêu chí đạt', 'Biểu đồ (mỗi ô một tiêu chí)', 'So với kỳ trước', 'Tình trạng nộp', 'Lần gửi']
const FIRST_CRITERION_COL = HEADER.length
/** Title, made-at, completeness, late, missing, blank: the header is the 7th row. */
const HEADER_ROW = 6
const BAR = '█'

export function lateLine(a: AggregateResponse): string {
  return 'Nộp trễ: ' + lateNames(a.communes)
}

export function missingLine(a: AggregateResponse): string {
  return 'Chưa nộp: ' + missingNames(a.communes)
}

export function statusLine(a: AggregateResponse): string {
  const made = 'Lập lúc ' + formatTimeVi(a.generatedAt) + ' (giờ Việt Nam). '
  if (a.locked) return made + 'Kỳ đã khóa sổ' + (a.lockedAt ? ' lúc ' + formatTimeVi(a.lockedAt) : '') + ': số liệu không thay đổi nữa.'
  return made + 'Kỳ đang mở: số liệu còn có thể thay đổi.'
}

export function completenessLine(a: AggregateResponse): string {
  const c = a.completeness
  let line = 'Đã nộp ' + c.received + '/' + c.expected + ' xã (' + percentText(c.rate) + '), đúng hạn ' + c.receivedOnTime + '/' + c.expected + ' (' + percentText(c.onTimeRate) + ').'
  if (a.change && a.change.compared > 0) {
    line += ' So với ' + periodText(a.change.previousPeriod) + ': ' + changeText(a.change.change) + ' (' + a.change.compared + ' xã có cả hai kỳ).'
  }
  return line
}

export function atAGlanceSheet(a: AggregateResponse): SheetSpec {
  const criteria = criteriaColumns(a)
  const width = FIRST_CRITERION_COL + criteria.length
  const maxTotal = Math.max(1, ...a.communes.map((c) => c.total))
  const values: Value[][] = [
    ['Tổng hợp kỳ báo cáo ' + formatDateVi(a.period) + ' — ' + a.unit.name],
    [statusLine(a)],
    [completenessLine(a)],
    [lateLine(a)],
    [missingLine(a)],
    [catalogsLine(a)],
    HEADER.concat(criteria.map((k) => k.header)),
  ]
  const spec: Required<Pick<SheetSpec, 'fills' | 'formats' | 'bold' | 'fonts' | 'wrap'>> = {
    fills: [{ address: a1Block(HEADER_ROW, 0, 1, width), color: COLORS.header }],
    formats: [],
    bold: ['A1', a1Block(HEADER_ROW, 0, 1, width)],
    fonts: [{ address: 'A1', size: TITLE_SIZE, color: COLORS.title }, { address: 'A2', italic: true, color: COLORS.muted }],
    wrap: ['A2:A6', a1Block(HEADER_ROW, 0, 1, FIRST_CRITERION_COL)],
  }
  if (a.communes.some((c) => c.timeliness.status === 'late')) spec.fonts.push({ address: 'A4', color: '#7F6000' })
  if (a.communes.some((c) => c.timeliness.status === 'missing')) spec.fonts.push({ address: 'A5', color: COLORS.down })
  if (a.catalogs.length > 1) spec.fonts.push({ address: 'A6', color: '#7F6000' })

  for (const row of rankCommunes(a.communes)) {
    const r = values.length
    const change = a.change ? a.change.byCommune[row.unit.id] : undefined
    const line: Value[] = [
      row.unit.name,
      row.achieved === null ? '' : row.achieved + '/' + row.total,
      row.achieved === null ? '' : repeat(BAR, row.achieved),
      change ? change.change : '',
      timelinessText(row.timeliness),
      row.revision === null ? '' : row.revision,
    ]
    criteria.forEach((k, i) => {
      // Another catalogue's columns stay empty and unfilled for this commune.
      if (!sameCatalog(row, k.tally)) return void line.push('')
      const met = row.criteria ? row.criteria[String(k.no)] : undefined
      line.push(met === undefined ? '' : met ? 'đạt' : 'chưa')
      spec.fills.push({ address: a1(r, FIRST_CRITERION_COL + i), color: met === undefined ? COLORS.none : met ? COLORS.met : COLORS.notMet })
    })
    values.push(line)
    spec.fonts.push({ address: a1(r, 2), size: 8, color: COLORS.bar })
    if (change) {
      spec.formats.push({ address: a1(r, 3), format: '+0;-0;0' })
      if (change.change !== 0) spec.fonts.push({ address: a1(r, 3), color: change.change > 0 ? COLORS.up : COLORS.down })
    }
    const fill = timelinessFill(row.timeliness)
    if (fill) spec.fills.push({ address: a1(r, 4), color: fill })
  }
  const countRow = values.length
  values.push((['Số xã đạt', '', '', '', '', ''] as Value[]).concat(criteria.map((k) => k.communes)))
  spec.bold.push(a1Block(countRow, 0, 1, width))

  // One block per criterion at 8 points is a little over one character wide.
  const widths = [24, 9, Math.ceil(maxTotal * 1.1) + 2, 9, 26, 6].concat(criteria.map(() => 5.5))
  // The lines above the table span its width and wrap; their rows are as tall as their text needs.
  const across = widths.reduce((sum, w) => sum + w, 0)
  const heights = [1, 2, 3, 4, 5].map((row) => ({ row, points: wrappedLineHeight(values[row]![0], across) }))
  return {
    name: SHEETS.aggregate,
    values: values.map((row) => pad(row, width)),
    ...spec,
    merges: [0, 1, 2, 3, 4, 5].map((row) => a1Block(row, 0, 1, width)),
    heights: [{ row: 0, points: 20 }].concat(heights),
    widths,
    frozenRows: HEADER_ROW + 1,
    frozenColumns: 1,
    print: { titleRows: HEADER_ROW + 1 },
  }
}

function repeat(text: string, n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) out += text
  return out
}

function pad(row: Value[], width: number): Value[] {
  const out = row.slice()
  while (out.length < width) out.push('')
  return out
}
