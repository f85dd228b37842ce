// The parts of `npm run catalog` (worker/scripts/catalog.mjs) that need the product's TypeScript, bundled for Node: a
// catalogue file read and checked exactly as POST /api/v1/catalogs reads it, and a stored one written as
// the catalogue workbook.
import type { Catalog } from '../../shared/catalog'
import { canonicalCatalog, checkCatalog } from '../../shared/catalog-check'
import type { CatalogIssue } from '../../shared/catalog-issues'
import { loadCatalogBook } from '../../shared/workbook/catalog-book'
import { toCatalog } from '../db/catalogs'
import { ApiError } from '../errors'
import { looksLikeXlsx, readCatalogFile, writeCatalogFile } from '../xlsx/catalog-file'

export type FromFile = { catalog: Catalog; body: string; versionCell?: string } | { issues: Array<{ cell?: string; path: string; message: string; message_en: string }> }

function problems(issues: readonly CatalogIssue[]): FromFile {
  return { issues: issues.map((i) => ({ cell: i.cell, path: i.path, message: i.message, message_en: i.message_en })) }
}

/** An .xlsx (the filled catalogue workbook) or a .json file → the checked catalogue, or every problem. */
export async function catalogFromFile(bytes: ArrayBuffer): Promise<FromFile> {
  if (looksLikeXlsx(bytes)) {
    let sheets
    try {
      sheets = await readCatalogFile(bytes)
    } catch (err) {
      if (err instanceof ApiError) return { issues: [{ path: '(file)', message: err.vi, message_en: err.en }] }
      throw err
    }
    const loaded = loadCatalogBook(sheets)
    if (!loaded.catalog) return problems(loaded.issues)
    return { catalog: loaded.catalog, body: JSON.stringify(loaded.catalog), versionCell: loaded.cells.version }
  }
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes))
  } catch {
    return { issues: [{ path: '(file)', message: 'Tệp không phải sổ Excel (.xlsx) hay JSON đọc được.', message_en: 'The file is neither a readable .xlsx workbook nor JSON.' }] }
  }
  const checked = checkCatalog(data)
  return checked.catalog ? { catalog: checked.catalog, body: JSON.stringify(checked.catalog) } : problems(checked.issues)
}

/** Whether a stored body holds the same catalogue (key order aside). */
export function sameCatalog(storedBody: string, catalog: Catalog): boolean {
  return canonicalCatalog(toCatalog(storedBody)) === canonicalCatalog(catalog)
}

/** A stored body → the catalogue workbook's bytes. */
export function catalogWorkbook(storedBody: string): Promise<Uint8Array> {
  return writeCatalogFile(toCatalog(storedBody))
}

export function titleOf(storedBody: string): string {
  return toCatalog(storedBody).title
}
