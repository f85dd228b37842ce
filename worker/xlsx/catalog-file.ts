// The catalogue workbook as an .xlsx file: written from shared/workbook/catalog-book.ts (header rows bold on
// a fill and frozen, threshold and code columns as text so "80%" typed there stays "80%"), and read back
// through the one bounded workbook reader into the sheets that catalog-book reads.
import type { CatalogSheetInput, CatalogSheet } from '../../shared/workbook/catalog-book'
import { catalogBook, cellOfPath, loadCatalogBook } from '../../shared/workbook/catalog-book'
import type { Catalog } from '../../shared/catalog'
import { checkCatalog } from '../../shared/catalog-check'
import type { CatalogIssue } from '../../shared/catalog-issues'
import { a1Block } from '../../shared/workbook/grid'
import { ApiError } from '../errors'
import { readUploadedWorkbook } from './uploaded-workbook'
import { type SheetSpec, writeWorkbook } from './write-workbook'

const HEADER_FILL = '#DDEBF7'
const TEXT = '@'

function toSpec(sheet: CatalogSheet): SheetSpec {
  const width = sheet.values[sheet.header]?.length ?? 0
  const header = a1Block(sheet.header, 0, 1, Math.max(1, width))
  const formats: SheetSpec['formats'] = sheet.textCells.map((address) => ({ address, format: TEXT }))
  const dataRows = sheet.values.length - sheet.header - 1
  if (dataRows > 0) for (const col of sheet.textColumns) formats.push({ address: a1Block(sheet.header + 1, col, dataRows, 1), format: TEXT })
  return {
    name: sheet.name,
    values: sheet.values,
    fills: [{ address: header, color: HEADER_FILL }],
    bold: ['A1', header],
    formats,
    widths: sheet.widths,
    frozenRows: sheet.header + 1,
  }
}

export function writeCatalogFile(catalog: Catalog): Promise<Uint8Array> {
  return writeWorkbook(catalogBook(catalog).map(toSpec))
}

/** A body that is neither an .xlsx workbook nor JSON. */
const unreadableCatalogFile = (): ApiError =>
  new ApiError(400, 'bad_request', [
    'Tệp gửi lên không phải sổ Excel (.xlsx) đọc được, cũng không phải JSON. Hãy lưu bảng dưới dạng "Excel Workbook (.xlsx)" rồi gửi lại.',
    'The uploaded file is neither a readable Excel workbook (.xlsx) nor JSON. Save the table as "Excel Workbook (.xlsx)" and upload again.',
  ])

/**
 * The bytes of a filled catalogue workbook → its sheets with their number formats, through the one bounded
 * reader of uploads (a refused file answers as a refused report book does: 400, 413 or 422).
 */
export async function readCatalogFile(bytes: ArrayBuffer): Promise<CatalogSheetInput[]> {
  const sheets = await readUploadedWorkbook(bytes)
  return sheets.map((s) => ({ name: s.name, rows: s.rows, formats: s.formats }))
}

/** An .xlsx (a zip archive) starts with "PK\x03\x04". */
function looksLikeXlsx(bytes: ArrayBuffer): boolean {
  const b = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength))
  return b.length === 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
}

export type CatalogUpload = { catalog: Catalog; versionCell?: string } | { issues: CatalogIssue[] }

/**
 * An uploaded catalogue — the filled workbook, or the same table as JSON — checked: the catalogue (with the
 * workbook's version cell), or every problem located. A file that is neither throws the ApiError a refused
 * upload gets (400, 413 or 422), for the API route to answer and the CLI to print.
 */
export async function readCatalogUpload(bytes: ArrayBuffer): Promise<CatalogUpload> {
  if (looksLikeXlsx(bytes)) {
    const loaded = loadCatalogBook(await readCatalogFile(bytes))
    return loaded.catalog ? { catalog: loaded.catalog, versionCell: cellOfPath(loaded.cells, 'version') } : { issues: loaded.issues }
  }
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes))
  } catch {
    throw unreadableCatalogFile()
  }
  const checked = checkCatalog(data)
  return checked.catalog ? { catalog: checked.catalog } : { issues: checked.issues }
}
