// What a file is, from its bytes: never from its name or the Content-Type the client sent. DOCX and XLSX
// are zip archives, told apart by the main part their [Content_Types].xml declares; only that one small part
// is unpacked, through the bounded zip reader, and only after its declared size is checked.
import type { EvidenceFileType } from '../../shared/evidence'
import { type ZipLimits, type ZipReader, openZip } from '../xlsx/zip-parts'

/** Why a file was refused: `legacy_office` and `heic` get their own advice. */
export type SniffRefusal = 'unknown' | 'legacy_office' | 'heic' | 'bad_zip' | 'other_zip' | 'macro_office'
export type Sniffed = { ok: true; type: EvidenceFileType } | { ok: false; reason: SniffRefusal }

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const JPEG = [0xff, 0xd8, 0xff]
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const PNG_IHDR = [0x49, 0x48, 0x44, 0x52] // the first chunk, at byte 12
const ZIP = [0x50, 0x4b, 0x03, 0x04] // PK\3\4
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] // .doc/.xls, and password-protected .docx/.xlsx
const FTYP = [0x66, 0x74, 0x79, 0x70] // ISO media "ftyp" at byte 4

/** [Content_Types].xml is a few KB; more is not an Office document we accept. */
const CONTENT_TYPES_MAX_BYTES = 256 * 1024
// Only [Content_Types].xml is unpacked, so the declared sum bounds nothing in memory here; the part count
// and the ratio still refuse archives built to make a reader loop or a bomb. Photos in a DOCX pack ~1:1.
const OFFICE_ZIP_LIMITS: ZipLimits = { parts: 5000, totalBytes: 512 * 1024 * 1024, ratio: 200, ratioFloor: 256 * 1024 }

const MAIN_PART: Array<{ type: EvidenceFileType; contentType: string }> = [
  { type: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' },
  { type: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' },
]
// Macro-enabled documents and templates: refused, so a dossier never carries code.
const MACRO_OR_TEMPLATE = /application\/vnd\.(ms-word\.document\.macroEnabled|ms-excel\.sheet\.macroEnabled|ms-word\.template|ms-excel\.template|openxmlformats-officedocument\.(wordprocessingml|spreadsheetml)\.template)[^"']*main\+xml/i

const OVERRIDE_RE = /<(?:\w+:)?Override\b[^>]*>/g
const attr = (tag: string, name: string): string | null => {
  const m = new RegExp('\\s' + name + '\\s*=\\s*(?:"([^"]*)"|\'([^\']*)\')').exec(tag)
  return m ? (m[1] ?? m[2] ?? '') : null
}

const partName = (text: string): string => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function sniffOfficeZip(bytes: Uint8Array): Sniffed {
  let zip: ZipReader
  let contentTypes: Uint8Array | null
  try {
    zip = openZip(bytes, OFFICE_ZIP_LIMITS)
    const size = zip.sizeOf('[Content_Types].xml')
    if (size === null || size > CONTENT_TYPES_MAX_BYTES) return { ok: false, reason: 'other_zip' }
    contentTypes = zip.read('[Content_Types].xml')
  } catch {
    return { ok: false, reason: 'bad_zip' }
  }
  if (!contentTypes) return { ok: false, reason: 'other_zip' }
  const names: { [name: string]: boolean } = {}
  for (const name of zip.names) names[name] = true
  const xml = new TextDecoder().decode(contentTypes)
  const found: EvidenceFileType[] = []
  let macro = false
  for (const tag of xml.match(OVERRIDE_RE) ?? []) {
    const type = attr(tag, 'ContentType') ?? ''
    const part = (attr(tag, 'PartName') ?? '').replace(/^\//, '')
    if (MACRO_OR_TEMPLATE.test(type)) macro = true
    const main = MAIN_PART.find((m) => m.contentType === type.trim().toLowerCase())
    // The declared main part must be in the archive: a bare [Content_Types].xml is not a document.
    if (main && names[partName(part)] && found.indexOf(main.type) < 0) found.push(main.type)
  }
  if (macro) return { ok: false, reason: 'macro_office' }
  return found.length === 1 ? { ok: true, type: found[0] as EvidenceFileType } : { ok: false, reason: 'other_zip' }
}

export function sniffFileType(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, PDF)) return { ok: true, type: 'pdf' }
  if (startsWith(bytes, JPEG)) return { ok: true, type: 'jpeg' }
  if (startsWith(bytes, PNG) && startsWith(bytes, PNG_IHDR, 12)) return { ok: true, type: 'png' }
  if (startsWith(bytes, ZIP)) return sniffOfficeZip(bytes)
  if (startsWith(bytes, CFB)) return { ok: false, reason: 'legacy_office' }
  if (startsWith(bytes, FTYP, 4) && /^(hei[cmsx]|hev[cmsx]|mif1|msf1)$/.test(String.fromCharCode(...bytes.subarray(8, 12)))) {
    return { ok: false, reason: 'heic' }
  }
  return { ok: false, reason: 'unknown' }
}
