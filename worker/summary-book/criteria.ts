// The criteria by number and name, with how many communes meet each: the key to the TC columns.
import type { AggregateResponse } from '../../shared/api'
import { a1Block } from '../../shared/workbook/grid'
import { periodText } from '../../shared/words'
import type { SheetSpec } from '../xlsx/write-workbook'
import { COLORS, TITLE_SIZE } from './style'

export const CRITERIA_SHEET = 'Tiêu chí'

export function criteriaSheet(a: AggregateResponse): SheetSpec {
  const received = a.completeness.received
  const values: Array<Array<string | number>> = [
    ['Số xã đạt từng tiêu chí ' + periodText(a.period) + ' — ' + a.unit.name, '', '', ''],
    ['Tiêu chí', 'Tên tiêu chí', 'Số xã đạt', 'Trên số xã đã nộp'],
  ]
  for (const k of a.criteriaMet) values.push(['TC' + k.no, k.name, k.communes, k.communes + '/' + received])
  return {
    name: CRITERIA_SHEET,
    values,
    bold: ['A1', 'A2:D2'],
    fonts: [{ address: 'A1', size: TITLE_SIZE, color: COLORS.title }],
    fills: [{ address: 'A2:D2', color: COLORS.header }],
    wrap: a.criteriaMet.length > 0 ? [a1Block(2, 1, a.criteriaMet.length, 1)] : [],
    widths: [10, 60, 11, 18],
    frozenRows: 2,
    print: { titleRows: 2 },
  }
}
