// The criteria by number and name, with how many communes meet each: the key to the TC columns. Several
// catalogues judging the period: a section each, its communes counted against its own criteria.
import type { AggregateResponse } from '../../shared/api'
import { setPrefix } from '../../shared/summary-lines'
import { a1Block } from '../../shared/workbook/grid'
import { periodText } from '../../shared/words'
import type { SheetSpec } from '../xlsx/write-workbook'
import { COLORS, TITLE_SIZE } from './style'

export const CRITERIA_SHEET = 'Tiêu chí'

export function criteriaSheet(a: AggregateResponse): SheetSpec {
  const values: Array<Array<string | number>> = [
    ['Số xã đạt từng tiêu chí ' + periodText(a.period) + ' — ' + a.unit.name, '', '', ''],
    ['Tiêu chí', 'Tên tiêu chí', 'Số xã đạt', 'Trên số xã đã nộp'],
  ]
  const bold = ['A1', 'A2:D2']
  const several = a.catalogs.length > 1
  a.catalogs.forEach((t, i) => {
    const prefix = setPrefix(i)
    if (several) {
      bold.push(a1Block(values.length, 0, 1, 4))
      values.push([prefix + 'TC…', t.title + ' (phiên bản ' + t.version + '): ' + t.communes + ' xã, ' + t.total + ' tiêu chí', '', ''])
    }
    for (const k of t.criteriaMet) values.push([prefix + 'TC' + k.no, k.name, k.communes, k.communes + '/' + t.reported])
  })
  const rows = values.length - 2
  return {
    name: CRITERIA_SHEET,
    values,
    bold,
    fonts: [{ address: 'A1', size: TITLE_SIZE, color: COLORS.title }],
    fills: [{ address: 'A2:D2', color: COLORS.header }],
    wrap: rows > 0 ? [a1Block(2, 1, rows, 1)] : [],
    widths: [10, 60, 11, 18],
    frozenRows: 2,
    print: { titleRows: 2 },
  }
}
