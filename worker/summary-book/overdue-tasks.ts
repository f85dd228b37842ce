// Overdue tasks in the unit's subtree: what, whose sheet, who leads, who helps, the missed date, days late.
import type { AggregateResponse } from '../../shared/api'
import { formatDateVi, toExcelSerial, vnDate } from '../../shared/dates'
import { a1Block } from '../../shared/workbook/grid'
import { DATE_FORMAT, SHEETS } from '../../shared/workbook/report-book'
import { periodText } from '../../shared/words'
import type { SheetSpec } from '../xlsx/write-workbook'
import type { Fill } from '../../shared/workbook/aggregate-sheets'
import { COLORS, TITLE_SIZE, nameOf } from './style'

const HEADER = ['Nội dung', 'Sổ nhiệm vụ của', 'Chủ trì', 'Phối hợp', 'Hạn', 'Quá hạn (ngày)']

export function overdueTasksSheet(a: AggregateResponse): SheetSpec {
  const names = a.unitNames
  const asOf = formatDateVi(vnDate(a.generatedAt))
  const values: Array<Array<string | number>> = [
    ['Việc quá hạn đến ngày ' + asOf + ' — ' + a.unit.name + ' (' + periodText(a.period) + ')', '', '', '', '', ''],
    HEADER,
  ]
  for (const t of a.overdueTasks) {
    values.push([
      t.title, nameOf(names, t.owner), nameOf(names, t.lead), (t.collaborators || []).map((c) => nameOf(names, c)).join(', '),
      toExcelSerial(t.occurrence), t.days,
    ])
  }
  if (a.overdueTasks.length === 0) values.push(['Không có việc quá hạn.', '', '', '', '', ''])
  const rows = a.overdueTasks.length
  // A province can have thousands: the sheet lists the longest overdue and says how many it leaves out.
  const more = a.overdueTotal - rows
  if (more > 0) {
    values.push(['Còn ' + more + ' việc quá hạn khác (trong tổng số ' + a.overdueTotal + '); ở đây là ' + rows + ' việc quá hạn lâu nhất.', '', '', '', '', ''])
  }
  return {
    name: SHEETS.overdue,
    values,
    bold: ['A1', 'A2:F2'],
    fonts: [{ address: 'A1', size: TITLE_SIZE, color: COLORS.title }],
    fills: ([{ address: 'A2:F2', color: COLORS.header }] as Fill[]).concat(rows > 0 ? [{ address: a1Block(2, 5, rows, 1), color: COLORS.notMet }] : []),
    formats: rows > 0 ? [{ address: a1Block(2, 4, rows, 1), format: DATE_FORMAT }] : [],
    wrap: ['A2:F2'].concat(rows > 0 ? [a1Block(2, 0, rows, 4)] : []),
    widths: [60, 24, 24, 32, 12, 10],
    frozenRows: 2,
    print: { titleRows: 2 },
  }
}
