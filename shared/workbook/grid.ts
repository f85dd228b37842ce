// A1 addresses from row/column numbers, and back: the core path addresses ranges in A1 form because
// getRangeByIndexes is ExcelApi 1.7 and volume-licensed Office 2016 has only 1.1. Rows and columns are 0-based.
// Also: which column of a header row holds each expected header, for every sheet read back.
import { foldText } from '../text'

export type Cell = string | number | boolean
export type Grid = Cell[][]

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(col: number): string {
  let n = col + 1
  let out = ''
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(65 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

export function columnIndex(letters: string): number {
  let n = 0
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64)
  return n - 1
}

/** The cell at (row, col): a1(0, 0) = "A1". */
export function a1(row: number, col: number): string {
  return columnLetter(col) + (row + 1)
}

/** A block of `rows` × `cols` cells whose top-left is (row, col): a1Block(0, 0, 40, 11) = "A1:K40". */
export function a1Block(row: number, col: number, rows: number, cols: number): string {
  if (rows < 1 || cols < 1) throw new RangeError('empty block')
  const start = a1(row, col)
  return rows === 1 && cols === 1 ? start : start + ':' + a1(row + rows - 1, col + cols - 1)
}

/** The top-left cell of an address such as "'Chỉ tiêu'!B2:K40" or "Sheet1!A1" → { row: 1, col: 1 }. */
export function topLeftOf(address: string): { row: number; col: number } {
  const bang = address.lastIndexOf('!')
  const local = bang >= 0 ? address.slice(bang + 1) : address
  const m = /^\$?([A-Za-z]+)\$?(\d+)/.exec(local)
  if (!m) throw new RangeError('not an A1 address: ' + address)
  return { row: Number(m[2]) - 1, col: columnIndex(m[1] as string) }
}

/** The block an address covers: "'Chỉ tiêu'!B2:D4" → { row: 1, col: 1, rows: 3, cols: 3 }. */
export function blockOf(address: string): { row: number; col: number; rows: number; cols: number } {
  const local = address.slice(address.lastIndexOf('!') + 1)
  const parts = local.split(':')
  const from = topLeftOf(parts[0] as string)
  const to = parts[1] ? topLeftOf(parts[1]) : from
  return { row: from.row, col: from.col, rows: to.row - from.row + 1, cols: to.col - from.col + 1 }
}

/** "Sheet 1" → "'Sheet 1'!A1", the form Excel shows and a user can type in the Name Box. */
export function qualified(sheet: string, address: string): string {
  return (/^[A-Za-z0-9_]+$/.test(sheet) ? sheet : "'" + sheet.replace(/'/g, "''") + "'") + '!' + address
}

/** A rows × cols block of one value, e.g. a number format for every cell of a range. */
export function fillBlock<T>(rows: number, cols: number, value: T): T[][] {
  const out: T[][] = []
  for (let r = 0; r < rows; r++) {
    const line: T[] = []
    for (let c = 0; c < cols; c++) line.push(value)
    out.push(line)
  }
  return out
}

/** Pads every row of a grid to the same width with empty strings (Excel wants rectangular arrays). */
export function rectangular(rows: Cell[][], width?: number): Grid {
  let w = width || 0
  for (const r of rows) if (r.length > w) w = r.length
  return rows.map((r) => {
    const out = r.slice(0, w)
    while (out.length < w) out.push('')
    return out
  })
}

/**
 * Text from people (a commune's words, a task title) written through Range.values, which reads "=…" as a
 * formula: a leading apostrophe keeps it text, as when typing (Excel shows the rest and keeps no apostrophe).
 * Only for the pane's writes; the .xlsx writer stores strings as strings.
 */
export function asText(text: string): string {
  return /^[=+\-@]/.test(text) ? "'" + text : text
}

export type ColumnMap = { [key: string]: number }

/** Which column holds each header (compared as folded text, the first match); missing headers are absent. */
export function mapColumns(header: readonly unknown[], specs: ReadonlyArray<{ key: string; header: string }>): ColumnMap {
  const map: ColumnMap = {}
  for (const spec of specs) {
    const want = foldText(spec.header)
    for (let c = 0; c < header.length; c++) {
      const h = header[c]
      if (typeof h === 'string' && foldText(h) === want) {
        map[spec.key] = c
        break
      }
    }
  }
  return map
}
