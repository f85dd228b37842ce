// Sheets (values plus fills, number formats and bold ranges in A1 form) → .xlsx bytes, with
// write-excel-file. Every cell gets a named font and size: LibreOffice falls back to a serif font otherwise.
// Printing, drop-down lists and protection are added by the sheet-extras feature.
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/universal'
import { blockOf } from '../../shared/workbook/grid'
import { INPUT_FILL, type SheetExtras, type WorkbookName, sheetExtras } from './sheet-extras'

export type SheetSpec = {
  name: string
  values: Array<Array<string | number | boolean | null>>
  fills?: Array<{ address: string; color: string }>
  formats?: Array<{ address: string; format: string }>
  bold?: string[]
  /** Font size, colour or italics by range. */
  fonts?: Array<{ address: string; size?: number; color?: string; italic?: boolean }>
  /** Single cells holding a formula (`=SUM(B2:B9)`), in place of their value. */
  formulas?: Array<{ address: string; formula: string }>
  /** Ranges whose text wraps, aligned to the top of the cell. */
  wrap?: string[]
  /** One-row ranges shown as one cell (the value is the first cell's). */
  merges?: string[]
  /** Row heights in points, for rows whose wrapped text spans lines (Excel does not fit merged rows). */
  heights?: Array<{ row: number; points: number }>
  /** Column widths in characters. */
  widths?: number[]
  frozenRows?: number
  frozenColumns?: number
  /** Cells people fill in: highlighted (INPUT_FILL) and left unlocked when the sheet is protected. */
  inputs?: string[]
} & SheetExtras

export type BookOptions = { names?: WorkbookName[] }

const FONT = { fontFamily: 'Arial', fontSize: 10 }
type Style = {
  backgroundColor?: string; format?: string; fontWeight?: 'bold'; fontSize?: number; textColor?: string; fontStyle?: 'italic'
  wrap?: boolean; alignVertical?: 'top'; columnSpan?: number; height?: number
}

function styleGrid(spec: SheetSpec, values: SheetSpec['values']): Style[][] {
  const styles: Style[][] = values.map((row) => row.map(() => ({})))
  const apply = (address: string, set: (s: Style) => void) => {
    const b = blockOf(address)
    for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) {
      const row = styles[r]
      if (row && row[c]) set(row[c] as Style)
    }
  }
  for (const a of spec.inputs || []) apply(a, (s) => { s.backgroundColor = INPUT_FILL })
  for (const f of spec.fills || []) apply(f.address, (s) => { s.backgroundColor = f.color })
  for (const f of spec.formats || []) apply(f.address, (s) => { s.format = f.format })
  for (const a of spec.bold || []) apply(a, (s) => { s.fontWeight = 'bold' })
  for (const f of spec.fonts || []) {
    apply(f.address, (s) => {
      if (f.size) s.fontSize = f.size
      if (f.color) s.textColor = f.color
      if (f.italic) s.fontStyle = 'italic'
    })
  }
  for (const a of spec.wrap || []) apply(a, (s) => { s.wrap = true; s.alignVertical = 'top' })
  for (const m of spec.merges || []) {
    const b = blockOf(m)
    const first = styles[b.row]?.[b.col]
    if (first && b.cols > 1) first.columnSpan = b.cols
  }
  for (const h of spec.heights || []) {
    const first = styles[h.row]?.[0]
    if (first) first.height = h.points
  }
  return styles
}

/** The values, with empty rows added down to the last row a fill, format or input reaches (ready for typing). */
function paddedValues(spec: SheetSpec): SheetSpec['values'] {
  const width = spec.values[0]?.length ?? 0
  let last = spec.values.length
  const addresses = (spec.fills || []).map((f) => f.address).concat((spec.formats || []).map((f) => f.address), spec.inputs || [])
  for (const address of addresses) {
    const b = blockOf(address)
    last = Math.max(last, b.row + b.rows)
  }
  const values = spec.values.slice()
  while (values.length < last) values.push(new Array(width).fill(null))
  return values
}

/** The cells a merge hides (all but its first). */
function coveredCells(merges: string[]): { [rc: string]: true } {
  const out: { [rc: string]: true } = {}
  for (const m of merges) {
    const b = blockOf(m)
    for (let c = b.col + 1; c < b.col + b.cols; c++) out[b.row + ':' + c] = true
  }
  return out
}

function toSheet(spec: SheetSpec): Sheet<never> {
  const values = paddedValues(spec)
  const styles = styleGrid(spec, values)
  const covered = coveredCells(spec.merges || [])
  const data = values.map((row, r) => row.map((value, c): Cell => {
    if (covered[r + ':' + c]) return null
    const style = styles[r]?.[c] ?? {}
    if (value === null || value === '') {
      // An empty cell can carry a fill, and a text format (so that what is typed there stays text); a number
      // format needs a number (write-excel-file refuses it on an empty string).
      const empty: Style = { ...style }
      if (empty.format !== '@') delete empty.format
      return empty.backgroundColor || empty.format || empty.columnSpan || empty.height ? { value: '', type: String, ...FONT, ...empty } : null
    }
    const type = typeof value === 'number' ? Number : typeof value === 'boolean' ? Boolean : String
    return { value, type, ...FONT, ...style } as Cell
  }))
  for (const f of spec.formulas || []) {
    const at = blockOf(f.address)
    const row = data[at.row]
    // Only our own formulas get here: text from people is always written as a string, never as a formula.
    if (row) row[at.col] = { type: 'Formula', value: f.formula.replace(/^=/, ''), ...FONT, ...styles[at.row]?.[at.col] } as Cell
  }
  const sheet: Sheet<never> & { extras?: SheetExtras } = { data, sheet: spec.name }
  if (spec.widths) sheet.columns = spec.widths.map((width) => ({ width }))
  if (spec.frozenRows) sheet.stickyRowsCount = spec.frozenRows
  if (spec.frozenColumns) sheet.stickyColumnsCount = spec.frozenColumns
  if (spec.print || spec.lists || spec.protect) sheet.extras = { print: spec.print, lists: spec.lists, protect: spec.protect }
  return sheet
}

export async function writeWorkbook(sheets: SheetSpec[], options: BookOptions = {}): Promise<Uint8Array> {
  const blob = await writeXlsxFile(sheets.map(toSheet), { ...FONT, features: [sheetExtras(options.names || [])] }).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}
