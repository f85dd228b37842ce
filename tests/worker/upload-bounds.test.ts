// Issue 10, finding 1: an uploaded workbook is bounded by the sizes its zip DECLARES for every part before
// anything is inflated, and nothing inflates past what was declared. Each archive here is built by hand so
// that its declared sizes lie. Before the fix the first case took 39 s and ~4 GB on `wrangler dev` (27 s here,
// then answered 422 as if nothing were wrong): read-excel-file's unzip ignored its own filter and inflated every part.
import { env } from 'cloudflare:workers'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../worker/index'
import { ZIP_LIMITS, ZipRefused, listZipEntries, openZip } from '../../worker/xlsx/zip-parts'
import { DEMO_NOW, TOKENS, countRevisions, seedDemo } from './helpers'

const app = createApp({ now: () => DEMO_NOW })

beforeAll(seedDemo)

async function upload(bytes: Uint8Array) {
  const res = await app.request('/api/v1/reports/upload', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + TOKENS.binhSon, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: bytes,
  }, env)
  return { status: res.status, body: (await res.json()) as any }
}

async function templateParts(): Promise<{ [name: string]: Uint8Array }> {
  const res = await app.request('/api/v1/reports/template.xlsx', { headers: { Authorization: 'Bearer ' + TOKENS.binhSon } }, env)
  return unzipSync(new Uint8Array(await res.arrayBuffer()))
}

const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0
const setU32 = (b: Uint8Array, at: number, v: number): void => {
  b[at] = v & 0xff; b[at + 1] = (v >>> 8) & 0xff; b[at + 2] = (v >>> 16) & 0xff; b[at + 3] = (v >>> 24) & 0xff
}

/**
 * Rewrites the unpacked size that `name`'s local header and central directory entry declare (APPNOTE 4.3.7,
 * 4.3.12): the bytes stay as they are, only the claim changes.
 */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice()
  const want = strToU8(name)
  const nameAt = (at: number, offset: number) => want.every((byte, i) => out[at + offset + i] === byte)
  let patched = 0
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = u32(out, at)
    if (sig === 0x04034b50 && nameAt(at, 30) && out[at + 26] === want.length) { setU32(out, at + 22, size); patched++ }
    if (sig === 0x02014b50 && nameAt(at, 46) && out[at + 28] === want.length) { setU32(out, at + 24, size); patched++ }
  }
  if (patched !== 2) throw new Error('expected one local header and one directory entry for ' + name)
  return out
}

/** ~1 KB of bytes that do not compress (a picture's worth). */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length)
  let x = 2463534242
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

describe('an uploaded workbook is bounded before it is inflated', () => {
  it("refuses the issue's case — a template plus xl/media/image1.bin, ~1 KB packed, 4 GB declared — with 413, storing nothing", async () => {
    const parts = await templateParts()
    const before = await countRevisions('binh-son', '2026-11-28')
    for (const level of [6, 0] as const) {
      const honest = zipSync({ ...parts, 'xl/media/image1.bin': [noise(1024), { level }] })
      const bomb = declareSize(honest, 'xl/media/image1.bin', 0xfffffff0)
      // The bomb is the template plus about 1 KB.
      expect(bomb.length - zipSync(parts).length).toBeLessThan(1024 + 256)
      const res = await upload(bomb)
      expect(res.status).toBe(413)
      expect(res.body).toMatchObject({ error: 'payload_too_large', issues: [] })
      expect(res.body.message).toContain('quá lớn')
      expect(res.body.message_en).toContain('too large')
    }
    expect(await countRevisions('binh-son', '2026-11-28')).toBe(before)
  }, 20_000)

  it('stops a part that unpacks to more than it declares (422), before holding more than the declared size', async () => {
    const parts = await templateParts()
    const sheet = 'xl/worksheets/sheet2.xml'
    const padded = strToU8(new TextDecoder().decode(parts[sheet]).replace('</worksheet>', ' '.repeat(3 * 1024 * 1024) + '</worksheet>'))
    const zip = zipSync({ ...parts, [sheet]: padded })
    const lying = declareSize(zip, sheet, 4096)
    const res = await upload(lying)
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ error: 'workbook_inconsistent', issues: [] })
    expect(res.body.message).toContain('bị hỏng')
    // The reader itself: the refusal comes from the inflater that holds at most the 4096 declared bytes.
    expect(() => openZip(lying).read(sheet)).toThrow(/more than it declares/)
    // Declaring more than it holds is refused too.
    const short = declareSize(zipSync(parts), sheet, parts[sheet]!.length + 10)
    expect(() => openZip(short).read(sheet)).toThrow(/not \d+/)
  }, 20_000)

  it('counts the parts and the packing ratio from the central directory alone', async () => {
    const many: { [name: string]: Uint8Array } = {}
    for (let i = 0; i <= ZIP_LIMITS.parts; i++) many['xl/media/p' + i + '.bin'] = new Uint8Array(1)
    expect(() => listZipEntries(zipSync(many))).toThrow(ZipRefused)
    expect((await upload(zipSync(many))).status).toBe(413)

    // 2 MB of spaces packs about 1000:1: more than any real sheet, refused before inflating.
    const parts = await templateParts()
    const dense = zipSync({ ...parts, 'xl/worksheets/sheet2.xml': strToU8(' '.repeat(2 * 1024 * 1024)) })
    const refusal = (() => { try { listZipEntries(dense) } catch (e) { return e } return null })()
    expect(refusal).toBeInstanceOf(ZipRefused)
    expect((refusal as ZipRefused).reason).toBe('too_large')
    expect((await upload(dense)).status).toBe(413)

    // What a real workbook declares passes: the template itself.
    const entries = listZipEntries(zipSync(parts))
    expect(entries.length).toBeGreaterThan(5)
    expect(entries.reduce((n, e) => n + e.size, 0)).toBeLessThan(ZIP_LIMITS.totalBytes / 10)
  })

  it('refuses entries that contradict themselves: a stored part with two sizes, a name the local header does not repeat, two parts of one name', async () => {
    const parts = await templateParts()
    const stored = zipSync({ ...parts, 'xl/media/a.bin': [noise(100), { level: 0 }] })
    const reason = (bytes: Uint8Array): string => {
      try { openZip(bytes).read('xl/worksheets/sheet2.xml'); return 'read' } catch (e) { return e instanceof ZipRefused ? e.reason : 'other' }
    }
    expect(reason(declareSize(stored, 'xl/media/a.bin', 200))).toBe('inconsistent')

    const zip = zipSync(parts)
    const renamed = zip.slice()
    // Change the sheet's name in its local header only.
    const name = strToU8('xl/worksheets/sheet2.xml')
    for (let at = 0; at + 30 < renamed.length; at++) {
      if (u32(renamed, at) === 0x04034b50 && name.every((b, i) => renamed[at + 30 + i] === b)) { renamed[at + 30 + name.length - 5] = 0x33; break }
    }
    expect(reason(renamed)).toBe('inconsistent')

    const twice = zipSync({ ...parts, 'xl/a.xml': strToU8('<x/>'), 'xl/b.xml': strToU8('<x/>') })
    const dup = twice.slice()
    // Rename every occurrence of xl/b.xml to xl/a.xml (local header and directory alike).
    for (let at = 0; at + 8 < dup.length; at++) {
      if (dup[at] === 0x78 && dup[at + 1] === 0x6c && dup[at + 2] === 0x2f && dup[at + 3] === 0x62 && dup[at + 4] === 0x2e && dup[at + 5] === 0x78) dup[at + 3] = 0x61
    }
    expect(reason(dup)).toBe('inconsistent')
    expect(reason(new Uint8Array([0x50, 0x4b, 1, 2, 3]))).toBe('not_zip')
  })
})
