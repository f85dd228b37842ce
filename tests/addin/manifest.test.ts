import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  DEV_ORIGIN, MANIFEST_PATH, SCHEMA_DIR, manifestForOrigin, schemasAvailable, validateManifestOffline,
} from '../../addin/scripts/manifest-lib.mjs'

const xml = readFileSync(MANIFEST_PATH, 'utf8')
// The XSDs live outside the repo (../shared/schemas). In CI they must be there; elsewhere a missing copy
// skips the schema tests with a reason instead of failing the whole suite.
const haveSchemas = schemasAvailable()
if (!haveSchemas && process.env.CI) throw new Error('manifest XSDs missing in CI: ' + SCHEMA_DIR)
const schemaIt = haveSchemas ? it : it.skip

describe('manifest.xml', () => {
  schemaIt('is valid against the Office add-in manifest XSD (offline)', async () => {
    const result = await validateManifestOffline(xml)
    expect(result.errors).toEqual([])
    expect(result.valid).toBe(true)
  })

  schemaIt('fails validation when an element is out of place', async () => {
    const broken = xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>DoAnything</Permissions>')
    expect(broken).not.toBe(xml)
    const result = await validateManifestOffline(broken)
    expect(result.valid).toBe(false)
    expect(result.errors.join('\n')).toMatch(/Permissions/)
  })

  schemaIt('fails validation when a required element is missing', async () => {
    const broken = xml.replace(/<Id>[^<]*<\/Id>/, '')
    const result = await validateManifestOffline(broken)
    expect(result.valid).toBe(false)
  })

  schemaIt('fails validation on malformed XML', async () => {
    const result = await validateManifestOffline(xml.replace('</OfficeApp>', ''))
    expect(result.valid).toBe(false)
  })

  it('is a Workbook task pane with ExcelApi 1.1 as its minimum and a ShowTaskpane ribbon button', () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/)
    expect(xml).toMatch(/<Host Name="Workbook" \/>/)
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.1" \/>/)
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/)
    expect(xml).toContain('<SourceLocation DefaultValue="' + DEV_ORIGIN + '/taskpane.html" />')
  })

  it('names icons that exist in addin/public/assets', () => {
    const icons = Array.from(xml.matchAll(/\/assets\/(icon-\d+\.png)/g), (m) => m[1])
    expect(icons.length).toBeGreaterThan(0)
    for (const icon of new Set(icons)) {
      const bytes = readFileSync(new URL('../../addin/public/assets/' + icon, import.meta.url))
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')
      const size = Number(/icon-(\d+)/.exec(icon as string)?.[1])
      expect(bytes.readUInt32BE(16)).toBe(size)
    }
  })

  it('rewrites every dev URL for a deployed origin and stays valid', async () => {
    const deployed = manifestForOrigin(xml, 'https://ntm.example.org/')
    expect(deployed).not.toContain('localhost')
    expect(deployed).toContain('<SourceLocation DefaultValue="https://ntm.example.org/taskpane.html" />')
    expect(deployed).toContain('<AppDomain>https://ntm.example.org</AppDomain>')
    if (haveSchemas) expect((await validateManifestOffline(deployed)).valid).toBe(true)
  })

  it('refuses a non-https origin', () => {
    expect(() => manifestForOrigin(xml, 'http://ntm.example.org')).toThrow(/https/)
    expect(() => manifestForOrigin(xml, 'not a url')).toThrow()
  })
})
