// Funds mobilised in the period by source, from each commune's latest revision, with the people's share
// flagged when it passes the ceiling (the notice: do not mobilise beyond what people can afford).
import type { AggregateResponse } from '../../shared/api'
import { DEFAULT_PEOPLE_SHARE_LIMIT, FUND_SOURCES } from '../../shared/funds'
import { a1Block } from '../../shared/workbook/grid'
import { MONEY_FORMAT } from '../../shared/workbook/report-book'
import { periodText } from '../../shared/words'
import type { SheetSpec } from '../xlsx/write-workbook'
import type { Fill } from '../../shared/workbook/aggregate-sheets'
import { COLORS, TITLE_SIZE, percentText } from './style'

export const FUNDS_SHEET = 'Nguồn vốn'

export function fundsSheet(a: AggregateResponse): SheetSpec {
  const f = a.funds
  // Snapshots taken before the setting existed carry no limit: the product default applies.
  const limit = typeof a.peopleShareLimit === 'number' ? a.peopleShareLimit : DEFAULT_PEOPLE_SHARE_LIMIT
  const high = f.peopleShare > limit
  const values: Array<Array<string | number>> = [
    ['Nguồn vốn huy động ' + periodText(a.period) + ' — ' + a.unit.name, '', '', ''],
    ['Nguồn vốn', 'Số tiền (đồng)', 'Tỷ lệ', 'Ghi chú'],
  ]
  let peopleRow = -1
  for (const s of FUND_SOURCES) {
    const amount = f.bySource[s.id] || 0
    if (s.id === 'people') peopleRow = values.length
    values.push([s.name, amount, f.total > 0 ? amount / f.total : 0, s.id === 'people' && high ? 'Vượt mức ' + percentText(limit) + ': không huy động quá sức dân' : ''])
  }
  const totalRow = values.length
  values.push(['Tổng cộng', f.total, f.total > 0 ? 1 : 0, ''])
  values.push(['', '', '', ''])
  values.push([
    'Vốn nhân dân đóng góp chiếm ' + percentText(f.peopleShare) + ' tổng vốn (mức cảnh báo ' + percentText(limit) + ')' + (high ? ': VƯỢT MỨC.' : '.'),
    '', '', '',
  ])
  const n = FUND_SOURCES.length + 1
  const fills: Fill[] = [{ address: 'A2:D2', color: COLORS.header }]
  if (high) fills.push({ address: a1Block(peopleRow, 0, 1, 4), color: COLORS.notMet }, { address: a1Block(values.length - 1, 0, 1, 1), color: COLORS.notMet })
  return {
    name: FUNDS_SHEET,
    values,
    bold: ['A1', 'A2:D2', a1Block(totalRow, 0, 1, 4)].concat(high ? [a1Block(values.length - 1, 0, 1, 1)] : []),
    fonts: [{ address: 'A1', size: TITLE_SIZE, color: COLORS.title }],
    fills,
    formats: [{ address: a1Block(2, 1, n, 1), format: MONEY_FORMAT }, { address: a1Block(2, 2, n, 1), format: '0.0%' }],
    widths: [34, 20, 10, 44],
    frozenRows: 2,
    print: { titleRows: 2 },
  }
}
