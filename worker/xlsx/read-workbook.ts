// .xlsx bytes → sheets of plain cell values (rows and columns kept where they are, so a value's position
// is its cell address). Dates become `YYYY-MM-DD`.
import { unzipSync } from 'fflate'
import readXlsxFile from 'read-excel-file/universal'

export type ReadCell = string | number | boolean | null
export type ReadSheet = { name: string; rows: ReadCell[][] }

/**
 * What an uploaded workbook may hold. read-excel-file fills every gap up to a cell's address, so one cell
 * at `ZZZ20000` in a 10 KB file would make a grid of hundreds of millions of cells and exhaust the
 * Worker's memory; the report book needs a few hundred rows of about fifteen columns.
 */
export const WORKBOOK_LIMITS = { xmlBytes: 8 * 1024 * 1024, columns: 200, cells: 500_000 } as const

/** The workbook is readable but larger than WORKBOOK_LIMITS allow. */
export class WorkbookTooLarge extends Error {}

// An attribute whose local name is `r` (read-excel-file drops any prefix but `xmlns:`), and a row tag.
const R_ATTR_RE = /(?:^|[^\w.:-])(?:([^\s=<>"'/:]+):)?r\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const ROW_TAG_RE = /<(?:[^\s<>/:]+:)?row(?=[\s/>])/g
const REF_RE = /^([A-Z]{0,3})([0-9]{1,7})$/

const columnNumber = (letters: string): number => {
  let n = 0
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64)
  return n
}

/**
 * Checks, before read-excel-file expands them, the unpacked size of the XML parts and the grid every part
 * would make (rows × columns, from the `r` addresses of rows and cells). Throws WorkbookTooLarge, or an
 * Error for addresses read-excel-file would misread (the caller treats that as an unreadable file).
 */
export function checkWorkbookSize(bytes: ArrayBuffer): void {
  let xmlBytes = 0
  const parts = unzipSync(new Uint8Array(bytes), {
    // The same parts read-excel-file unpacks; the sizes are the archive's own, and fflate never writes more
    // than the stated size, so their sum bounds what is unpacked.
    filter: (file) => {
      if (!file.name.endsWith('.xml') && !file.name.endsWith('.xml.rels')) return false
      xmlBytes += file.originalSize
      if (xmlBytes > WORKBOOK_LIMITS.xmlBytes) throw new WorkbookTooLarge('xml parts too large')
      return true
    },
  })
  let cells = 0
  const decoder = new TextDecoder()
  for (const name of Object.keys(parts)) {
    const xml = decoder.decode(parts[name])
    let maxRow = 0
    let maxCol = 1
    for (const m of xml.matchAll(R_ATTR_RE)) {
      if (m[1] === 'xmlns') continue
      const ref = REF_RE.exec(m[2] ?? m[3] ?? '')
      if (!ref) throw new Error('unexpected cell address')
      maxRow = Math.max(maxRow, Number(ref[2]))
      maxCol = Math.max(maxCol, columnNumber(ref[1] as string))
    }
    if (maxCol > WORKBOOK_LIMITS.columns) throw new WorkbookTooLarge('too many columns')
    // Rows without an address follow the previous one, so each row tag may add one more row.
    const rows = maxRow + (xml.match(ROW_TAG_RE)?.length ?? 0)
    cells += rows * maxCol
    if (cells > WORKBOOK_LIMITS.cells) throw new WorkbookTooLarge('too many cells')
  }
}

function plain(value: unknown): ReadCell {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return String(value)
}

/**
 * Throws WorkbookTooLarge beyond WORKBOOK_LIMITS, or another error when the bytes are not a readable .xlsx
 * workbook; the caller turns that into a 400.
 */
export async function readWorkbook(bytes: ArrayBuffer): Promise<ReadSheet[]> {
  checkWorkbookSize(bytes)
  const sheets = await readXlsxFile(bytes, { trim: false })
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(plain)) }))
}
