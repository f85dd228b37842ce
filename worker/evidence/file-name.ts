// Names of uploaded files, made safe to store and to offer for download: no path, no control or
// direction-override characters (`ảnh\u202Egpj.exe`), none of the characters Windows refuses, and an extension
// that matches what the bytes are, whatever the uploader called the file.
import { EVIDENCE_FILE_TYPES, type EvidenceFileType } from '../../shared/evidence'

const EXTENSIONS: { [t in EvidenceFileType]: string[] } = {
  pdf: ['pdf'],
  jpeg: ['jpg', 'jpeg', 'jpe'],
  png: ['png'],
  docx: ['docx'],
  xlsx: ['xlsx'],
}

const MAX_BASE_CHARS = 100
// C0/C1 controls, bidirectional overrides and isolates, zero-width characters, byte-order mark.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g
const WINDOWS_RESERVED = /[<>:"/\\|?*]/g

function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(WINDOWS_RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : chars.slice(0, max).join('').replace(/[\s.]+$/, '')
}

/** The name to store and offer: `Quyết định 125.pdf` stays, `C:\\scan\\x.exe` holding a PDF becomes `x.pdf`. */
export function safeFileName(original: string, type: EvidenceFileType, fallback: string): string {
  // Browsers escape these three in multipart file names (HTML's form-data encoding); the parser leaves them.
  const sent = original.replace(/%22/g, '"').replace(/%0[AD]/gi, ' ')
  const lastPart = sent.slice(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1)
  let base = clean(lastPart)
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(base)
  const wanted = EXTENSIONS[type]
  let extension = EVIDENCE_FILE_TYPES[type].ext
  if (ext) {
    base = base.slice(0, -ext[0].length).replace(/[\s.]+$/, '')
    const typed = (ext[1] as string).toLowerCase()
    if (wanted.indexOf(typed) >= 0) extension = typed
  }
  // `báo cáo.pdf.exe` holding a PDF: the extension left on the base already says what it is.
  const inner = /\.([A-Za-z0-9]{1,8})$/.exec(base)
  if (inner && wanted.indexOf((inner[1] as string).toLowerCase()) >= 0) {
    extension = (inner[1] as string).toLowerCase()
    base = base.slice(0, -inner[0].length)
  }
  base = truncate(base, MAX_BASE_CHARS)
  if (base === '') base = truncate(clean(fallback), MAX_BASE_CHARS) || 'minh-chung'
  return base + '.' + extension
}

/** The same name in plain ASCII for clients that ignore `filename*`: `Quyet-dinh-125.pdf`. */
export function asciiFileName(name: string): string {
  const dot = name.lastIndexOf('.')
  const base = dot > 0 ? name.slice(0, dot) : name
  const extension = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : ''
  const ascii = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  return (ascii || 'minh-chung') + extension
}
