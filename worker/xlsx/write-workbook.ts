// Sheets (values plus fills, number formats and bold ranges in A1 form) → .xlsx bytes, with
// write-excel-file. Every cell gets a named font and size: LibreOffice falls back to a serif font otherwise.
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/universal'
import { blockOf } from '../../shared/workbook/grid'

export type SheetSpec = {
  name: string
  values: Array<Array<string | number | boolean | null>>
  fills?: Array<{ address: string; color: string }>
  formats?: Array<{ address: string; format: string }>
  bold?: string[]
  /** Ranges whose text wraps, aligned to the top of the cell. */
  wrap?: string[]
  /** Column widths in characters. */
  widths?: number[]
  frozenRows?: number
}

const FONT = { fontFamily: 'Arial', fontSize: 10 }
type Style = { backgroundColor?: string; format?: string; fontWeight?: 'bold'; wrap?: boolean; alignVertical?: 'top' }

function styleGrid(spec: SheetSpec, values: SheetSpec['values']): Style[][] {
  const styles: Style[][] = values.map((row) => row.map(() => ({})))
  const apply = (address: string, set: (s: Style) => void) => {
    const b = blockOf(address)
    for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) {
      const row = styles[r]
      if (row && row[c]) set(row[c] as Style)
    }
  }
  for (const f of spec.fills || []) apply(f.address, (s) => { s.backgroundColor = f.color })
  for (const f of spec.formats || []) apply(f.address, (s) => { s.format = f.format })
  for (const a of spec.bold || []) apply(a, (s) => { s.fontWeight = 'bold' })
  for (const a of spec.wrap || []) apply(a, (s) => { s.wrap = true; s.alignVertical = 'top' })
  return styles
}

/** The values, with empty rows added down to the last row a fill or format reaches (formats ready for typing). */
function paddedValues(spec: SheetSpec): SheetSpec['values'] {
  const width = spec.values[0]?.length ?? 0
  let last = spec.values.length
  const addresses = (spec.fills || []).map((f) => f.address).concat((spec.formats || []).map((f) => f.address))
  for (const address of addresses) {
    const b = blockOf(address)
    last = Math.max(last, b.row + b.rows)
  }
  const values = spec.values.slice()
  while (values.length < last) values.push(new Array(width).fill(null))
  return values
}

function toSheet(spec: SheetSpec): Sheet<never> {
  const values = paddedValues(spec)
  const styles = styleGrid(spec, values)
  const data = values.map((row, r) => row.map((value, c): Cell => {
    const style = styles[r]?.[c]
    if (value === null || value === '') {
      // An empty cell can carry a fill, and a text format (so that what is typed there stays text); a number
      // format needs a number (write-excel-file refuses it on an empty string).
      const empty: Style = { ...style }
      if (empty.format !== '@') delete empty.format
      return empty.backgroundColor || empty.format ? { value: '', type: String, ...FONT, ...empty } : null
    }
    const type = typeof value === 'number' ? Number : typeof value === 'boolean' ? Boolean : String
    return { value, type, ...FONT, ...styles[r]?.[c] } as Cell
  }))
  const sheet: Sheet<never> = { data, sheet: spec.name }
  if (spec.widths) sheet.columns = spec.widths.map((width) => ({ width }))
  if (spec.frozenRows) sheet.stickyRowsCount = spec.frozenRows
  return sheet
}

export async function writeWorkbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const blob = await writeXlsxFile(sheets.map(toSheet), FONT).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}
