// The district's aggregate as sheets: a communes × criteria matrix with scores and timeliness, completeness
// and timeliness rates, how many communes meet each criterion, funds by source, and overdue tasks.
// Pure: the server's AggregateResponse in, grids, fills and number formats out (written by excel/write-aggregate.ts).
import type { AggregateCommuneRow, AggregateResponse } from '../api'
import type { CatalogTally } from '../aggregate'
import type { Timeliness } from '../calendar'
import { type FollowUp, followUps } from '../aggregate'
import { FUND_SOURCES } from '../funds'
import { sameCatalog } from '../summary-lines'
import { formatDateVi, formatTimeVi, toExcelSerial } from '../dates'
import { timelinessText } from '../words'
import { type Cell, type Grid, a1, a1Block, rectangular } from './grid'
import { DATE_FORMAT, MONEY_FORMAT, SHEETS, TEXT_FORMAT } from './report-book'

export { timelinessText }

export const AGG_COLORS = { met: '#C6EFCE', notMet: '#F4B6B6', none: '#EDEDED', late: '#FFE699', header: '#DDEBF7' } as const

export type Fill = { address: string; color: string }
export type Format = { address: string; rows: number; cols: number; format: string }
export type SheetOutput = {
  name: string
  values: Grid
  fills: Fill[]
  formats: Format[]
  bold: string[]
  /** Ranges holding people's text: the pane writes them so that nothing there becomes a formula. */
  text?: string[]
  /** Ranges whose long text wraps (aligned to the top). */
  wrap?: string[]
  /** Column widths in characters, from column A. */
  widths?: number[]
  /** Chart of criteria met per commune: its source block, title and where it goes. */
  chart?: { source: string; title: string; from: string; to: string }
}

function timelinessColor(t: Timeliness): string | null {
  return t.status === 'on_time' ? AGG_COLORS.met : t.status === 'late' ? AGG_COLORS.late : t.status === 'missing' ? AGG_COLORS.notMet : null
}

/** Runs of equal colours along a row become one fill each (fewer commands in the batch). */
export function rowFills(row: number, col: number, colors: Array<string | null>, out: Fill[]): void {
  let start = 0
  for (let i = 1; i <= colors.length; i++) {
    if (i === colors.length || colors[i] !== colors[start]) {
      const color = colors[start]
      if (color) out.push({ address: a1Block(row, col + start, 1, i - start), color })
      start = i
    }
  }
}

export const MATRIX_FIRST_COL = 6

/** Columns of the block left of the chart (labels, figures, funds); the chart starts one column later. */
const LEFT_WIDTH = 4
/** Rows the chart spans beside that block: tall enough to read 20 communes' bars. */
const CHART_ROWS = 20

function names(list: readonly FollowUp[], days: (f: FollowUp) => string): string {
  return list.length === 0 ? 'không có' : list.map((f) => f.name + days(f)).join('; ')
}

/** The communes judged by one catalogue version (or by none, `tally` null), in the aggregate's order. */
type Block = { tally: CatalogTally | null; rows: AggregateCommuneRow[] }

function blocksOf(agg: AggregateResponse): Block[] {
  const blocks: Block[] = agg.catalogs.map((tally) => ({
    tally,
    rows: agg.communes.filter((r) => sameCatalog(r, tally)),
  }))
  const none = agg.communes.filter((r) => r.catalog === null)
  if (none.length > 0) blocks.push({ tally: null, rows: none })
  return blocks
}

/** Widest criteria matrix among the catalogues of the aggregate. */
export function matrixWidth(agg: AggregateResponse): number {
  let most = 0
  for (const t of agg.catalogs) if (t.total > most) most = t.total
  return MATRIX_FIRST_COL + most
}

/**
 * The summary sheet. Everything a reader needs first is in view when the sheet opens: the figures, who is
 * missing or late, the funds with the people's share, and the chart beside them; the communes × criteria
 * matrix starts below, at the row after the chart: one block per catalogue judging the period (each commune
 * counted against its own catalogue's N, "số xã đạt" per catalogue, never across sets).
 */
export function aggregateSheet(agg: AggregateResponse): SheetOutput {
  const c = agg.completeness
  const rows: Cell[][] = []
  const fills: Fill[] = []
  const formats: Format[] = []
  const bold: string[] = []
  const wrap: string[] = []
  const width = matrixWidth(agg)
  rows.push(['Tổng hợp báo cáo kỳ ' + formatDateVi(agg.period) + ' - ' + agg.unit.name])
  bold.push('A1')
  rows.push(['Số xã phải báo cáo', c.expected])
  rows.push(['Đã nộp', c.received, 'Tỷ lệ đầy đủ', c.rate])
  rows.push(['Nộp đúng hạn', c.receivedOnTime, 'Tỷ lệ đúng hạn', c.onTimeRate])
  rows.push(['Kỳ báo cáo', agg.locked ? 'Đã khóa' : 'Đang mở', 'Lập lúc', formatTimeVi(agg.generatedAt)])
  formats.push({ address: 'D3:D4', rows: 2, cols: 1, format: '0.0%' })
  const chase = followUps(agg.communes)
  const namesRow = rows.length
  rows.push(['Chưa nộp', names(chase.missing, (f) => ' (quá hạn ' + f.days + ' ngày)')])
  rows.push(['Nộp trễ', names(chase.late, (f) => ' ' + f.days + ' ngày')])
  rows.push(['Chưa nộp, còn hạn', names(chase.open, () => '')])
  bold.push(a1Block(namesRow, 0, 3, 1))
  if (chase.missing.length > 0) fills.push({ address: a1(namesRow, 1), color: AGG_COLORS.notMet })
  if (chase.late.length > 0) fills.push({ address: a1(namesRow + 1, 1), color: AGG_COLORS.late })
  wrap.push(a1Block(namesRow, 1, 3, 1))
  rows.push([])
  const fundRow = rows.length
  rows.push(['Nguồn vốn', 'Số tiền (đồng)'])
  bold.push(a1Block(fundRow, 0, 1, 2))
  for (const s of FUND_SOURCES) rows.push([s.name, agg.funds.bySource[s.id] || 0])
  rows.push(['Tổng cộng', agg.funds.total])
  bold.push(a1Block(rows.length - 1, 0, 1, 2))
  formats.push({ address: a1Block(fundRow + 1, 1, FUND_SOURCES.length + 1, 1), rows: FUND_SOURCES.length + 1, cols: 1, format: MONEY_FORMAT })
  const shareRow = rows.length
  rows.push(['Tỷ lệ vốn nhân dân', agg.funds.peopleShare])
  formats.push({ address: a1(shareRow, 1), rows: 1, cols: 1, format: '0.0%' })
  if (agg.funds.peopleShare > agg.peopleShareLimit) {
    // The people's row and its share, not the table's header, carry the warning.
    const peopleRow = fundRow + 1 + FUND_SOURCES.map((s) => s.id).indexOf('people')
    fills.push({ address: a1Block(peopleRow, 0, 1, 2), color: AGG_COLORS.notMet })
    fills.push({ address: a1Block(shareRow, 0, 1, 2), color: AGG_COLORS.notMet })
  }
  while (rows.length < CHART_ROWS) rows.push([])
  const blocks = blocksOf(agg)
  const titleOf = (block: Block): string => {
    const t = block.tally
    return t
      ? 'Bộ tiêu chí: ' + t.title + ' (phiên bản ' + t.version + ') — ' + t.total + ' tiêu chí, ' + t.communes + ' xã'
      : 'Chưa được gán bộ tiêu chí cho kỳ này: ' + block.rows.length + ' xã'
  }
  // One block (the usual case): its title takes the spare row above the matrix. Several: a note there, and a title over each.
  const single = blocks.length === 1
  if (agg.catalogs.length > 1) {
    rows.push(['Lưu ý: các xã được chấm theo ' + agg.catalogs.length + ' bộ tiêu chí khác nhau; mỗi xã tính trên tổng số tiêu chí của bộ mình, số xã đạt tính riêng từng bộ, không cộng gộp.'])
    fills.push({ address: a1Block(rows.length - 1, 0, 1, 1), color: AGG_COLORS.late })
  } else {
    rows.push(single ? [titleOf(blocks[0] as Block)] : [])
  }
  if (single) bold.push(a1(rows.length - 1, 0))
  let chart: SheetOutput['chart']
  for (const block of blocks) {
    const t = block.tally
    const criteria = t ? t.criteriaMet : []
    if (!single) {
      bold.push(a1(rows.length, 0))
      rows.push([titleOf(block)])
    }
    const headerRow = rows.length
    const blockWidth = MATRIX_FIRST_COL + criteria.length
    rows.push(['Mã xã', 'Xã', 'Số tiêu chí đạt', 'Đạt / tổng', 'Tình trạng nộp', 'Lần gửi'].concat(criteria.map((k) => 'TC' + k.no)))
    fills.push({ address: a1Block(headerRow, 0, 1, blockWidth), color: AGG_COLORS.header })
    bold.push(a1Block(headerRow, 0, 1, blockWidth))
    for (const row of block.rows) {
      const r = rows.length
      const line: Cell[] = [
        row.unit.id, row.unit.name, row.achieved === null ? '' : row.achieved,
        row.achieved === null ? '' : row.achieved + '/' + row.total, timelinessText(row.timeliness), row.revision === null ? '' : row.revision,
      ]
      const colors: Array<string | null> = []
      for (const k of criteria) {
        const met = row.criteria ? row.criteria[String(k.no)] : undefined
        line.push(met === undefined ? '' : met ? 'đạt' : 'chưa đạt')
        colors.push(met === undefined ? AGG_COLORS.none : met ? AGG_COLORS.met : AGG_COLORS.notMet)
      }
      rows.push(line)
      rowFills(r, MATRIX_FIRST_COL, colors, fills)
      const tc = timelinessColor(row.timeliness)
      if (tc) fills.push({ address: a1(r, 4), color: tc })
    }
    const lastCommuneRow = rows.length - 1
    // "9/19" is a date to an en-US Excel (19 September): the score column is text, formatted before it is written.
    if (block.rows.length > 0) formats.push({ address: a1Block(headerRow + 1, 3, block.rows.length, 1), rows: block.rows.length, cols: 1, format: TEXT_FORMAT })
    if (t) {
      const countRow = rows.length
      rows.push((['', 'Số xã đạt', '', '', '', ''] as Cell[]).concat(criteria.map((k) => k.communes)))
      bold.push(a1Block(countRow, 0, 1, blockWidth))
    }
    // The chart compares scores, so it covers the first (largest) block only: scores out of different N differ.
    if (!chart && t && block.rows.length > 0) {
      chart = {
        source: a1Block(headerRow, 1, lastCommuneRow - headerRow + 1, 2),
        title: 'Số tiêu chí đạt theo xã - kỳ ' + formatDateVi(agg.period) + (agg.catalogs.length > 1 ? ' (' + t.title + ')' : ''),
        from: a1(0, LEFT_WIDTH + 1),
        to: a1(CHART_ROWS - 1, LEFT_WIDTH + 9),
      }
    }
    rows.push([])
  }
  for (const t of agg.catalogs) {
    rows.push([])
    rows.push(['Tên các tiêu chí' + (agg.catalogs.length > 1 ? ' — ' + t.title : '')])
    for (const k of t.criteriaMet) rows.push(['TC' + k.no, k.name, k.communes + '/' + t.communes + ' xã đạt'])
  }

  const widths = [24, 26, 14, 12, 24, 8]
  while (widths.length < width) widths.push(7)
  const out: SheetOutput = { name: SHEETS.aggregate, values: rectangular(rows, width), fills, formats, bold, wrap, widths }
  if (chart) out.chart = chart
  return out
}

/** The sheet row (0-based) of each commune in the summary sheet, found by its id in column A. */
export function communeRows(sheet: SheetOutput, ids: readonly string[]): { [id: string]: number } {
  const out: { [id: string]: number } = {}
  let header = 0
  while (header < sheet.values.length && sheet.values[header]![0] !== 'Mã xã') header++
  for (let r = header + 1; r < sheet.values.length; r++) {
    const id = sheet.values[r]![0]
    if (typeof id === 'string' && ids.indexOf(id) >= 0 && out[id] === undefined) out[id] = r
  }
  return out
}

export function overdueSheet(agg: AggregateResponse): SheetOutput {
  const rows: Cell[][] = [['Mã', 'Nội dung', 'Đơn vị', 'Chủ trì', 'Hạn', 'Quá hạn (ngày)']]
  // Units by name (a lead that is not a unit id — a person, an office outside the list — is its own name).
  const name = (id: string): string => agg.unitNames[id] || id
  for (const t of agg.overdueTasks) rows.push([t.id, t.title, name(t.owner), name(t.lead), toExcelSerial(t.occurrence), t.days])
  const formats: Format[] = []
  if (agg.overdueTasks.length > 0) formats.push({ address: a1Block(1, 4, agg.overdueTasks.length, 1), rows: agg.overdueTasks.length, cols: 1, format: DATE_FORMAT })
  const fills: Fill[] = [{ address: 'A1:F1', color: AGG_COLORS.header }]
  if (agg.overdueTasks.length > 0) fills.push({ address: a1Block(1, 5, agg.overdueTasks.length, 1), color: AGG_COLORS.notMet })
  const more = agg.overdueTotal - agg.overdueTasks.length
  if (more > 0) {
    rows.push(['', 'Còn ' + more + ' nhiệm vụ quá hạn khác (trong tổng số ' + agg.overdueTotal + '); ở đây là ' + agg.overdueTasks.length + ' nhiệm vụ quá hạn lâu nhất.', '', '', '', ''])
  }
  return { name: SHEETS.overdue, values: rows, fills, formats, bold: ['A1:F1'] }
}
