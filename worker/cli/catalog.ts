// The parts of `npm run catalog` (worker/scripts/catalog.mjs) that need the product's TypeScript, bundled for Node: a
// catalogue file read and checked exactly as POST /api/v1/catalogs reads it, and a stored one written as
// the catalogue workbook.
import type { Catalog } from '../../shared/catalog'
import { canonicalCatalog } from '../../shared/catalog-check'
import type { CatalogIssue } from '../../shared/catalog-issues'
import { toCatalog } from '../db/catalogs'
import { ApiError } from '../errors'
import { readCatalogUpload, writeCatalogFile } from '../xlsx/catalog-file'

export type FromFile = { catalog: Catalog; body: string; versionCell?: string } | { issues: Array<{ cell?: string; path: string; message: string; message_en: string }> }

function problems(issues: readonly CatalogIssue[]): FromFile {
  return { issues: issues.map((i) => ({ cell: i.cell, path: i.path, message: i.message, message_en: i.message_en })) }
}

/** An .xlsx (the filled catalogue workbook) or a .json file → the checked catalogue, or every problem. */
export async function catalogFromFile(bytes: ArrayBuffer): Promise<FromFile> {
  let read
  try {
    read = await readCatalogUpload(bytes)
  } catch (err) {
    if (err instanceof ApiError) return { issues: [{ path: '(file)', message: err.vi, message_en: err.en }] }
    throw err
  }
  if ('issues' in read) return problems(read.issues)
  return { ...read, body: JSON.stringify(read.catalog) }
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
