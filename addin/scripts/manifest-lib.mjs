// Offline validation of the add-in manifest against Microsoft's published XSDs (with xmllint-wasm), and
// rewriting the manifest for a deployed origin. Used by the npm scripts and by tests/addin/manifest.test.ts.
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateXML } from 'xmllint-wasm'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const MANIFEST_PATH = join(REPO_ROOT, 'manifest.xml')
/** Where the team keeps Microsoft's XSDs (outside the repo; never copied into it). */
export const SCHEMA_DIR = process.env.OFFICE_MANIFEST_XSD_DIR || resolve(REPO_ROOT, '../shared/schemas/office-addin-manifest')
export const DEV_ORIGIN = 'https://localhost:8787'

const MAIN_XSD = 'OfficeAppManifestV1_1.xsd'
const IMPORTED_XSDS = [
  'OfficeAppBasicTypesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_1.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd',
  'ContentAppVersionOverridesV1_0.xsd',
]

export function schemasAvailable() {
  return existsSync(join(SCHEMA_DIR, MAIN_XSD))
}

/**
 * Validates manifest text against the XSDs. Resolves to { valid, errors: string[] }.
 * Rejects when the schemas are missing (callers fall back to `office-addin-manifest validate`).
 */
export async function validateManifestOffline(xml, fileName = 'manifest.xml') {
  if (!schemasAvailable()) throw new Error('manifest schemas not found in ' + SCHEMA_DIR)
  const read = (name) => readFile(join(SCHEMA_DIR, name), 'utf8')
  const schema = await read(MAIN_XSD)
  const preload = await Promise.all(IMPORTED_XSDS.map(async (name) => ({ fileName: name, contents: await read(name) })))
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [{ fileName: MAIN_XSD, contents: schema }], preload })
  const errors = result.errors.map((e) => e.rawMessage)
  return { valid: result.valid && errors.length === 0, errors }
}

/** The manifest with every dev-server URL replaced by `origin` (scheme + host [+ port], no trailing slash). */
export function manifestForOrigin(xml, origin) {
  let url
  try {
    url = new URL(origin)
  } catch {
    throw new Error('not a URL: ' + origin)
  }
  if (url.protocol !== 'https:') throw new Error('Office add-ins must be served over https: ' + origin)
  const base = url.origin + url.pathname.replace(/\/+$/, '')
  return xml.split(DEV_ORIGIN).join(base)
}
