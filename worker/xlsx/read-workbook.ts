// .xlsx bytes → sheets of plain cell values (rows and columns kept where they are, so a value's position
// is its cell address). Dates become `YYYY-MM-DD`.
import readXlsxFile from 'read-excel-file/universal'

export type ReadCell = string | number | boolean | null
export type ReadSheet = { name: string; rows: ReadCell[][] }

function plain(value: unknown): ReadCell {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return String(value)
}

/** Throws when the bytes are not a readable .xlsx workbook; the caller turns that into a 400/422. */
export async function readWorkbook(bytes: ArrayBuffer): Promise<ReadSheet[]> {
  const sheets = await readXlsxFile(bytes, { trim: false })
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(plain)) }))
}
