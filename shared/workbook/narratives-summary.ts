// The communes' words for a period on one sheet of the aggregate (the pane's and the leaders' workbook):
// a row per commune with what it did, its difficulties and its requests, so the NTM office can answer
// requests without phoning. Communes with requests come first; a commune that sent nothing says so.
import type { AggregateResponse } from '../api'
import { formatDateVi, formatTimeVi } from '../dates'
import { NARRATIVE_KEYS, NARRATIVE_TITLES, hasNarratives } from '../narratives'
import { type Cell, a1Block } from './grid'
import { AGG_COLORS, type Fill, type SheetOutput } from './aggregate-sheets'

export const NARRATIVES_SUMMARY_SHEET = 'Kiến nghị các xã'

const HEADER_ROW = 2
const REQUEST_FILL = '#FFF2CC'

/** Column widths in characters (the pane turns them into points). */
export const NARRATIVES_SUMMARY_WIDTHS = [22, 20, 48, 48, 48]

type Row = AggregateResponse['communes'][number]

function sent(row: Row): string {
  if (row.revision === null) return 'Chưa nộp'
  return 'Lần ' + row.revision + (row.receivedAt ? ', ' + formatTimeVi(row.receivedAt) : '')
}

export function narrativesSheet(agg: AggregateResponse): SheetOutput {
  const values: Cell[][] = [
    ['Kết quả, khó khăn và kiến nghị của các xã - kỳ ' + formatDateVi(agg.period) + ' - ' + agg.unit.name, '', '', '', ''],
    ['Theo lần gửi mới nhất của mỗi xã; xã có kiến nghị xếp trước.', '', '', '', ''],
    ['Xã', 'Lần gửi', NARRATIVE_TITLES.achievements.vi, NARRATIVE_TITLES.difficulties.vi, NARRATIVE_TITLES.requests.vi],
  ]
  const fills: Fill[] = [{ address: a1Block(HEADER_ROW, 0, 1, 5), color: AGG_COLORS.header }]
  const withRequests = agg.communes.filter((c) => c.narratives !== null && c.narratives.requests !== '')
  const others = agg.communes.filter((c) => withRequests.indexOf(c) < 0)
  for (const row of withRequests.concat(others)) {
    const r = values.length
    const words = row.narratives
    const line: Cell[] = [row.unit.name, sent(row)]
    for (const key of NARRATIVE_KEYS) line.push(words ? words[key] : '')
    if (row.revision !== null && !hasNarratives(words)) line[2] = '(không ghi)'
    values.push(line)
    if (words && words.requests !== '') fills.push({ address: a1Block(r, 4, 1, 1), color: REQUEST_FILL })
    if (row.revision === null) fills.push({ address: a1Block(r, 1, 1, 1), color: AGG_COLORS.notMet })
  }
  const last = values.length - 1
  return {
    name: NARRATIVES_SUMMARY_SHEET,
    values,
    fills,
    formats: [],
    bold: ['A1', a1Block(HEADER_ROW, 0, 1, 5)],
    wrap: last > HEADER_ROW ? [a1Block(HEADER_ROW + 1, 0, last - HEADER_ROW, 5)] : [],
    text: last > HEADER_ROW ? [a1Block(HEADER_ROW + 1, 2, last - HEADER_ROW, 3)] : [],
    widths: NARRATIVES_SUMMARY_WIDTHS,
  }
}
