// The aggregate as a workbook for leaders: summary, criteria by commune, overdue tasks, funds.
// Pure: aggregate in, sheet specs out (worker/xlsx turns them into bytes).
import type { AggregateResponse } from '../../shared/api'
import type { Timeliness } from '../../shared/calendar'
import { formatDateVi } from '../../shared/dates'
import { FUND_SOURCES } from '../../shared/funds'
import { cellName } from '../xlsx/a1'
import type { SheetSpec } from '../xlsx/write-workbook'

const HEADER_FILL = '#DDEBF7'
const LATE_FILL = '#FCE4D6'
const MISSING_FILL = '#F4B6B6'
const MET_FILL = '#C6EFCE'

function statusText(t: Timeliness): string {
  switch (t.status) {
    case 'on_time':
      return 'Đúng hạn'
    case 'late':
      return 'Trễ ' + t.days + ' ngày'
    case 'missing':
      return 'Chưa nộp (quá hạn ' + t.days + ' ngày)'
    case 'open':
      return 'Chưa đến hạn (còn ' + t.days + ' ngày)'
  }
}

const vnTime = (iso: string | null): string => {
  if (!iso) return ''
  const d = new Date(Date.parse(iso) + 7 * 3600_000)
  const p = (n: number) => (n < 10 ? '0' : '') + n
  return p(d.getUTCDate()) + '/' + p(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear() + ' ' + p(d.getUTCHours()) + ':' + p(d.getUTCMinutes())
}

const pct = (x: number): number => Math.round(x * 1000) / 10

export function aggregateSheets(a: AggregateResponse): SheetSpec[] {
  const title = 'Tổng hợp báo cáo xây dựng NTM kỳ ' + formatDateVi(a.period) + ' — ' + a.unit.name
  const head = ['STT', 'Mã xã', 'Xã', 'Lần gửi', 'Nhận lúc', 'Tình trạng', 'Số tiêu chí đạt', 'Tổng số tiêu chí']
  const first = 6
  const summary: SheetSpec = {
    name: 'Tổng hợp',
    values: [
      [title, null, null, null, null, null, null, null],
      ['Lập lúc ' + vnTime(a.generatedAt) + (a.locked ? ' — kỳ đã khóa sổ' : ''), null, null, null, null, null, null, null],
      ['Số xã phải báo cáo', a.completeness.expected, 'Đã nhận', a.completeness.received, 'Đúng hạn', a.completeness.receivedOnTime, null, null],
      ['Tỷ lệ báo cáo (%)', pct(a.completeness.rate), 'Tỷ lệ đúng hạn (%)', pct(a.completeness.onTimeRate), null, null, null, null],
      [null, null, null, null, null, null, null, null],
      head,
      ...a.communes.map((r, i) => [
        i + 1, r.unit.id, r.unit.name, r.revision, vnTime(r.receivedAt), statusText(r.timeliness), r.achieved, r.total,
      ]),
    ],
    bold: ['A1', 'A' + first + ':H' + first],
    fills: [
      { address: 'A' + first + ':H' + first, color: HEADER_FILL },
      ...a.communes.flatMap((r, i) => {
        const color = r.timeliness.status === 'late' ? LATE_FILL : r.timeliness.status === 'missing' ? MISSING_FILL : null
        return color ? [{ address: 'F' + (first + 1 + i), color }] : []
      }),
    ],
    widths: [6, 14, 24, 8, 18, 30, 14, 14],
    frozenRows: first,
  }

  const lastCol = cellName(0, 2 + a.communes.length).replace(/\d+$/, '')
  const criteria: SheetSpec = {
    name: 'Tiêu chí',
    values: [
      ['TT', 'Tiêu chí', 'Số xã đạt', ...a.communes.map((r) => r.unit.name)],
      ...a.criteriaMet.map((c) => [
        c.no, c.name, c.communes,
        ...a.communes.map((r) => (r.criteria === null ? null : r.criteria[String(c.no)] ? 'Đạt' : 'Chưa đạt')),
      ]),
    ],
    bold: ['A1:' + lastCol + '1'],
    fills: [
      { address: 'A1:' + lastCol + '1', color: HEADER_FILL },
      ...a.criteriaMet.flatMap((c, i) =>
        a.communes.flatMap((r, j) => (r.criteria?.[String(c.no)] ? [{ address: cellName(i + 1, 3 + j), color: MET_FILL }] : [])),
      ),
    ],
    widths: [5, 40, 10, ...a.communes.map(() => 14)],
    frozenRows: 1,
  }

  const tasks: SheetSpec = {
    name: 'Việc quá hạn',
    values: [
      ['Mã', 'Nội dung', 'Đơn vị chủ trì', 'Sổ nhiệm vụ', 'Hạn', 'Số ngày quá hạn'],
      ...a.overdueTasks.map((t) => [t.id, t.title, t.lead, t.owner, formatDateVi(t.occurrence), t.days]),
    ],
    bold: ['A1:F1'],
    fills: [{ address: 'A1:F1', color: HEADER_FILL }],
    widths: [22, 60, 26, 14, 12, 14],
    frozenRows: 1,
  }

  const funds: SheetSpec = {
    name: 'Nguồn vốn',
    values: [
      ['Nguồn vốn', 'Số tiền (đồng)'],
      ...FUND_SOURCES.map((s) => [s.name, a.funds.bySource[s.id]]),
      ['Tổng cộng', a.funds.total],
      ['Tỷ lệ nhân dân đóng góp (%)', pct(a.funds.peopleShare)],
    ],
    bold: ['A1:B1', 'A' + (FUND_SOURCES.length + 2) + ':B' + (FUND_SOURCES.length + 2)],
    fills: [{ address: 'A1:B1', color: HEADER_FILL }],
    formats: [{ address: 'B2:B' + (FUND_SOURCES.length + 2), format: '#,##0' }],
    widths: [36, 20],
  }
  return [summary, criteria, tasks, funds]
}

/** `tong-hop-trieu-son-2026-11-14.xlsx`, and the Vietnamese name for `filename*`. */
export function workbookNames(a: AggregateResponse): { ascii: string; utf8: string } {
  return {
    ascii: 'tong-hop-' + a.unit.id + '-' + a.period + '.xlsx',
    utf8: 'Tổng hợp NTM ' + a.unit.name + ' kỳ ' + a.period + '.xlsx',
  }
}
