import { Hono } from 'hono'
import type { CatalogListResponse } from '../../shared/api'
import type { Catalog } from '../../shared/catalog'
import { findCatalogVersion, listCatalogSummaries } from '../db/catalogs'
import { xlsxDownload } from '../download'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { assertMayLoad, invalidCatalog, storeCatalog } from '../services/catalogs'
import { readCatalogUpload, writeCatalogFile } from '../xlsx/catalog-file'

const notFound = (id: string, version: string): ApiError =>
  new ApiError(404, 'not_found', [
    'Không có bộ tiêu chí "' + id + '" phiên bản "' + version + '"; xem danh sách ở GET /api/v1/catalogs.',
    'No catalogue "' + id + '" version "' + version + '"; see GET /api/v1/catalogs.',
  ])

async function stored(db: D1Database, id: string, version: string): Promise<Catalog> {
  const catalog = await findCatalogVersion(db, { id, version })
  if (!catalog) throw notFound(id, version)
  return catalog
}

/** The body as a catalogue: the filled workbook, or the same table as JSON. Throws with every problem located. */
async function catalogFromBody(bytes: ArrayBuffer): Promise<{ catalog: Catalog; versionCell?: string }> {
  const read = await readCatalogUpload(bytes)
  if ('issues' in read) throw invalidCatalog(read.issues)
  return read
}

/**
 * Mounted at /catalogs. Every role may list and download catalogues (they are public rules); loading one is
 * for the province's NTM office and administrators.
 */
export const catalogs = new Hono<AppEnv>()
  .get('/', async (c) => c.json<CatalogListResponse>({ catalogs: await listCatalogSummaries(c.env.DB) }))
  // GET /catalogs/{id}/{version}.xlsx: the catalogue workbook, to fill in and load back as a new version.
  .get('/:id/:file{[^/]+\\.xlsx}', async (c) => {
    const id = c.req.param('id')
    const version = c.req.param('file').slice(0, -'.xlsx'.length)
    const catalog = await stored(c.env.DB, id, version)
    return xlsxDownload(c, await writeCatalogFile(catalog), {
      ascii: 'bo-tieu-chi-' + id + '-' + version + '.xlsx',
      utf8: 'Bộ tiêu chí ' + catalog.title + ' phiên bản ' + version + '.xlsx',
    })
  })
  .get('/:id/:version', async (c) => c.json<Catalog>(await stored(c.env.DB, c.req.param('id'), c.req.param('version'))))
  // POST /catalogs: the filled workbook (or the same as JSON) → a new stored version.
  .post('/', async (c) => {
    const principal = c.get('principal')
    assertMayLoad(principal)
    const { catalog, versionCell } = await catalogFromBody(await c.req.arrayBuffer())
    const result = await storeCatalog(c.env.DB, principal, catalog, c.get('now')(), versionCell)
    return c.json(result.body, result.status)
  })

