// The parts of an uploaded .zip (an .xlsx is one), bounded before anything is inflated: the central
// directory is read first, and the archive is refused when the parts it DECLARES are too many or too large
// in sum (every part counts, read or not), when a part claims to unpack to far more than its packed size,
// or when its entries do not agree with themselves. Only then are the wanted parts inflated, in small
// steps, and a part that unpacks to more than it declared is stopped at that point: nothing ever holds more
// than the declared sizes that were checked. (APPNOTE.TXT 4.3.12 central directory, 4.3.7 local header.)
import { Inflate } from 'fflate'

export type ZipLimits = { parts: number; totalBytes: number; ratio: number; ratioFloor: number }

export const ZIP_LIMITS: ZipLimits = {
  /** Entries in the central directory; an .xlsx written by Excel or LibreOffice has 10 to 40. */
  parts: 500,
  /** Declared unpacked size of ALL parts together. A commune's report book unpacks to about 150 KB. */
  totalBytes: 8 * 1024 * 1024,
  /** A part larger than `ratioFloor` may unpack to at most `ratio` times its packed size (XML packs 5–30×). */
  ratio: 200,
  ratioFloor: 256 * 1024,
}

/** Why an archive is refused: beyond ZIP_LIMITS (`too_large`), not a zip at all, or entries that contradict themselves. */
export type ZipRefusal = 'too_large' | 'not_zip' | 'inconsistent'

export class ZipRefused extends Error {
  constructor(readonly reason: ZipRefusal, detail: string) {
    super(detail)
  }
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
// Inflating this much packed data at a time bounds what one step can produce (deflate's best ratio is ~1032:1).
const STEP = 8 * 1024

export type ZipEntry = { name: string; method: number; packed: number; size: number; localOffset: number }

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8)
const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0

function endOfCentralDirectory(bytes: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes at the very end.
  const stop = Math.max(0, bytes.length - 22 - 65535)
  for (let at = bytes.length - 22; at >= stop; at--) if (u32(bytes, at) === EOCD) return at
  throw new ZipRefused('not_zip', 'no end of central directory')
}

/** The central directory's entries, checked against ZIP_LIMITS; nothing is inflated. */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  if (bytes.length < 22) throw new ZipRefused('not_zip', 'too short')
  const end = endOfCentralDirectory(bytes)
  const count = u16(bytes, end + 10)
  const dirSize = u32(bytes, end + 12)
  const dirOffset = u32(bytes, end + 16)
  // ZIP64 (sizes or counts of all ones) never fits a request body we accept.
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipRefused('too_large', 'zip64 archive')
  if (count > limits.parts) throw new ZipRefused('too_large', count + ' parts')
  if (dirOffset + dirSize > end) throw new ZipRefused('inconsistent', 'central directory outside the file')
  const entries: ZipEntry[] = []
  const names: { [name: string]: true } = Object.create(null)
  let total = 0
  let at = dirOffset
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL) throw new ZipRefused('inconsistent', 'central directory entry ' + i)
    const flags = u16(bytes, at + 8)
    const method = u16(bytes, at + 10)
    const packed = u32(bytes, at + 20)
    const size = u32(bytes, at + 24)
    const nameLength = u16(bytes, at + 28)
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32)
    const localOffset = u32(bytes, at + 42)
    if (next > end) throw new ZipRefused('inconsistent', 'central directory entry ' + i)
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
    if (packed === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipRefused('too_large', 'zip64 part ' + name)
    total += size
    if (total > limits.totalBytes) throw new ZipRefused('too_large', 'parts declare ' + total + ' bytes')
    if (size > limits.ratioFloor && size > packed * limits.ratio) throw new ZipRefused('too_large', name + ' declares ' + size + ' bytes from ' + packed)
    if (flags & 1) throw new ZipRefused('inconsistent', name + ' is encrypted')
    if (method !== 0 && method !== 8) throw new ZipRefused('inconsistent', name + ' uses compression method ' + method)
    if (method === 0 && packed !== size) throw new ZipRefused('inconsistent', name + ' is stored with two sizes')
    if (names[name]) throw new ZipRefused('inconsistent', name + ' appears twice')
    names[name] = true
    entries.push({ name, method, packed, size, localOffset })
    at = next
  }
  return entries
}

function packedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) throw new ZipRefused('inconsistent', entry.name + ': no local header')
  const nameLength = u16(bytes, at + 26)
  const localName = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength))
  if (localName !== entry.name) throw new ZipRefused('inconsistent', entry.name + ': local header names ' + localName)
  const start = at + 30 + nameLength + u16(bytes, at + 28)
  if (start + entry.packed > bytes.length) throw new ZipRefused('inconsistent', entry.name + ': data beyond the file')
  return bytes.subarray(start, start + entry.packed)
}

/** Inflates one part into exactly its declared size; more or less than declared is refused. */
function inflatePart(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const packed = packedData(bytes, entry)
  if (entry.method === 0) return packed.slice()
  const out = new Uint8Array(entry.size)
  let filled = 0
  let ended = false
  const inflater = new Inflate((chunk: Uint8Array, final: boolean) => {
    if (filled + chunk.length > entry.size) throw new ZipRefused('inconsistent', entry.name + ' unpacks to more than it declares')
    out.set(chunk, filled)
    filled += chunk.length
    if (final) ended = true
  })
  try {
    for (let at = 0; at < packed.length; at += STEP) inflater.push(packed.subarray(at, Math.min(at + STEP, packed.length)), false)
    inflater.push(new Uint8Array(0), true)
  } catch (err) {
    if (err instanceof ZipRefused) throw err
    throw new ZipRefused('inconsistent', entry.name + ' is not valid deflate data')
  }
  if (!ended || filled !== entry.size) throw new ZipRefused('inconsistent', entry.name + ' unpacks to ' + filled + ' bytes, not ' + entry.size)
  return out
}

export type ZipReader = { names: string[]; sizeOf(name: string): number | null; read(name: string): Uint8Array | null }

/**
 * Opens an archive: its central directory is bounded at once (listZipEntries), each part is inflated only
 * when read. Throws ZipRefused.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipReader {
  const entries = listZipEntries(bytes, limits)
  const byName: { [name: string]: ZipEntry } = Object.create(null)
  for (const e of entries) byName[e.name] = e
  return {
    names: entries.map((e) => e.name),
    sizeOf: (name) => (byName[name] ? byName[name].size : null),
    read: (name) => (byName[name] ? inflatePart(bytes, byName[name]) : null),
  }
}
