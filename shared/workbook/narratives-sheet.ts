// The report workbook's words sheet: three headed sections (kết quả đạt được, khó khăn vướng mắc, kiến nghị
// đề xuất) with lines to type under each. Read back by heading, not by row number, so people may add lines,
// write one long cell or many short ones; every non-blank row under a heading is a line of that section.
import { type NarrativeKey, type NarrativesInput, NARRATIVE_KEYS, NARRATIVE_MAX_CHARS, NARRATIVE_TITLES, normalizeNarrative } from '../narratives'
import { formatNumber } from '../format'
import { foldText, isBlank } from '../text'
import { type Cell, type Grid, a1, a1Block, topLeftOf } from './grid'
import type { Place, SheetGrid, SheetPlan } from './report-book'

export const NARRATIVE_SHEET = 'Kết quả, kiến nghị'

/** Blank lines under each heading in a new workbook (more can be inserted). */
export const NARRATIVE_LINES = 6

const HEADING_PREFIX: { [k in NarrativeKey]: string } = { achievements: '1. ', difficulties: '2. ', requests: '3. ' }

export function narrativeHeading(key: NarrativeKey): string {
  return HEADING_PREFIX[key] + NARRATIVE_TITLES[key].vi
}

/** Row (0-based) of each heading in a new workbook. */
export function narrativeHeadingRow(key: NarrativeKey): number {
  return 2 + NARRATIVE_KEYS.indexOf(key) * (NARRATIVE_LINES + 1)
}

export function narrativeGrid(): Grid {
  const rows: Cell[][] = [
    ['Kết quả, khó khăn và kiến nghị trong kỳ'],
    ['Ghi mỗi ý một dòng dưới tiêu đề của mục (thêm dòng khi cần); mỗi mục tối đa ' + formatNumber(NARRATIVE_MAX_CHARS) + ' ký tự. Đừng sửa các dòng tiêu đề.'],
  ]
  for (const key of NARRATIVE_KEYS) {
    rows.push([narrativeHeading(key)])
    for (let i = 0; i < NARRATIVE_LINES; i++) rows.push([''])
  }
  return rows
}

export function narrativePlan(): SheetPlan {
  return {
    name: NARRATIVE_SHEET,
    values: narrativeGrid(),
    columns: [],
    textColumns: [0],
    widths: [620],
    headings: NARRATIVE_KEYS.map(narrativeHeadingRow),
    wrap: true,
  }
}

// "1. Kết quả đạt được", "I - KẾT QUẢ ĐẠT ĐƯỢC:", "Khó khăn vướng mắc" all name a section; a line that only
// starts with those words ("Kết quả đạt được ở thôn 3: …") does not.
const NUMBERING = /^(\d+|[ivx]+|[a-z])\s*[.)/-]\s*/

function headingKey(value: Cell): NarrativeKey | null {
  if (typeof value !== 'string') return null
  const words = foldText(value).replace(NUMBERING, '').replace(/[^a-z0-9]+/g, ' ').trim()
  for (const key of NARRATIVE_KEYS) {
    if (words === foldText(NARRATIVE_TITLES[key].vi).replace(/[^a-z0-9]+/g, ' ').trim()) return key
  }
  return null
}

function lineText(row: readonly Cell[]): string {
  const parts: string[] = []
  for (const v of row) {
    if (isBlank(v) || typeof v === 'boolean') continue
    parts.push(String(v).trim())
  }
  return parts.join(' ')
}

export type NarrativeSection = { heading: number; lines: Array<{ row: number; text: string }> }

export type NarrativeRows = {
  sheet: string
  /** Sheet rows (0-based) of each section found, with its non-blank lines. */
  sections: { [k in NarrativeKey]?: NarrativeSection }
  /** Headings not found: their text cannot be told apart from the section above. */
  missing: NarrativeKey[]
  input: NarrativesInput
}

export function readNarratives(grid: SheetGrid): NarrativeRows {
  const origin = topLeftOf(grid.address)
  const sections: NarrativeRows['sections'] = {}
  let current: NarrativeSection | null = null
  grid.values.forEach((row, r) => {
    const key = headingKey(row[0] === undefined ? '' : (row[0] as Cell))
    if (key && !sections[key]) {
      current = { heading: origin.row + r, lines: [] }
      sections[key] = current
      return
    }
    const text = lineText(row)
    if (current && text !== '') current.lines.push({ row: origin.row + r, text })
  })
  const input: NarrativesInput = {}
  const missing: NarrativeKey[] = []
  for (const key of NARRATIVE_KEYS) {
    const s = sections[key]
    if (!s) missing.push(key)
    else input[key] = normalizeNarrative(s.lines.map((l) => l.text).join('\n'))
  }
  return { sheet: grid.sheet, sections, missing, input }
}

/** Where an issue on `narratives.<key>` points: its first line, or its heading when it has none. */
export function placeOfNarrative(rows: NarrativeRows, path: string): Place | null {
  const m = /^narratives\.(\w+)$/.exec(path)
  if (!m) return null
  const section = rows.sections[m[1] as NarrativeKey]
  if (!section) return null
  const first = section.lines[0]
  return { sheet: rows.sheet, address: a1(first ? first.row : section.heading, 0) }
}

/** Column A down to the last line, for clearing old marks (headings are bold, not filled); null if no lines. */
export function narrativeLineBlock(rows: NarrativeRows): string | null {
  let last = -1
  for (const key of NARRATIVE_KEYS) {
    const s = rows.sections[key]
    if (s && s.lines.length > 0) last = Math.max(last, (s.lines[s.lines.length - 1] as { row: number }).row)
  }
  return last < 0 ? null : a1Block(0, 0, last + 1, 1)
}
