// The type of a file from its bytes, and the name it is stored and offered under.
import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { asciiFileName, safeFileName } from '../../worker/evidence/file-name'
import { sniffFileType } from '../../worker/evidence/sniff'
import { FILES, ascii } from './evidence-helpers'

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'

/** A [Content_Types].xml; `padding` before the overrides makes it as large as wanted. */
function contentTypes(overrides: Array<[part: string, type: string]>, padding = ''): Uint8Array {
  return ascii('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' + padding +
    overrides.map(([p, t]) => '<Override PartName="' + p + '" ContentType="' + t + '"/>').join('') + '</Types>')
}

/** The real .docx with its [Content_Types].xml replaced. */
function docxWith(types: Uint8Array): Uint8Array {
  const parts = unzipSync(FILES.docx)
  parts['[Content_Types].xml'] = types as Uint8Array<ArrayBuffer>
  return zipSync(parts)
}

/** An XML comment of `n` pseudo-random letters: it packs about 1.6:1, nothing like a bomb. */
function noise(n: number): string {
  let x = 12345
  let out = '<!--'
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    out += String.fromCharCode(97 + (x % 26))
  }
  return out + '-->'
}

/** Sets the uncompressed size of every entry in a zip's headers (local and central) to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true)
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true)
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true)
  }
  return out
}

describe('sniffFileType', () => {
  it('knows the real files', () => {
    expect(sniffFileType(FILES.pdf)).toEqual({ ok: true, type: 'pdf' })
    expect(sniffFileType(FILES.jpeg)).toEqual({ ok: true, type: 'jpeg' })
    expect(sniffFileType(FILES.png)).toEqual({ ok: true, type: 'png' })
    expect(sniffFileType(FILES.docx)).toEqual({ ok: true, type: 'docx' })
    expect(sniffFileType(FILES.xlsx)).toEqual({ ok: true, type: 'xlsx' })
  })

  it('refuses an old .doc (and a password-protected Office file) as legacy Office', () => {
    expect(sniffFileType(FILES.doc)).toEqual({ ok: false, reason: 'legacy_office' })
  })

  it('refuses an iPhone HEIC photo with its own reason', () => {
    const heic = new Uint8Array(64)
    heic.set([0, 0, 0, 0x18], 0)
    heic.set(ascii('ftypheic'), 4)
    expect(sniffFileType(heic)).toEqual({ ok: false, reason: 'heic' })
  })

  it('refuses text, programs, a PNG signature without its header chunk, and the empty file', () => {
    expect(sniffFileType(ascii('hello'))).toEqual({ ok: false, reason: 'unknown' })
    expect(sniffFileType(ascii('MZ\x90\x00'))).toEqual({ ok: false, reason: 'unknown' })
    expect(sniffFileType(FILES.png.slice(0, 8))).toEqual({ ok: false, reason: 'unknown' })
    expect(sniffFileType(new Uint8Array(0))).toEqual({ ok: false, reason: 'unknown' })
  })

  it('refuses macro-enabled documents and templates', () => {
    expect(sniffFileType(docxWith(contentTypes([['/word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml']])))).toEqual({ ok: false, reason: 'macro_office' })
    expect(sniffFileType(docxWith(contentTypes([['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml']])))).toEqual({ ok: false, reason: 'macro_office' })
  })

  it('refuses a zip that is not a Word or Excel document', () => {
    expect(sniffFileType(zipSync({ 'a.txt': ascii('x') }))).toEqual({ ok: false, reason: 'other_zip' })
    // A main part declared but absent from the archive.
    expect(sniffFileType(zipSync({ '[Content_Types].xml': contentTypes([['/word/document.xml', DOCX_MAIN]]) }))).toEqual({ ok: false, reason: 'other_zip' })
    // Both a document and a workbook: not one thing.
    expect(sniffFileType(docxWith(contentTypes([['/word/document.xml', DOCX_MAIN], ['/word/styles.xml', XLSX_MAIN]])))).toEqual({ ok: false, reason: 'other_zip' })
  })

  it('refuses a damaged zip', () => {
    const broken = FILES.docx.slice(0, FILES.docx.length - 30)
    expect(sniffFileType(broken)).toEqual({ ok: false, reason: 'bad_zip' })
  })

  it('does not unpack a [Content_Types].xml declared over 256 KB, even one that packs honestly', () => {
    expect(sniffFileType(docxWith(contentTypes([['/word/document.xml', DOCX_MAIN]], noise(260 * 1024))))).toEqual({ ok: false, reason: 'other_zip' })
    expect(sniffFileType(docxWith(contentTypes([['/word/document.xml', DOCX_MAIN]], noise(200 * 1024))))).toEqual({ ok: true, type: 'docx' })
  })

  it('refuses a zip bomb without unpacking it', () => {
    const bomb = docxWith(contentTypes([['/word/document.xml', DOCX_MAIN]], ' '.repeat(8 * 1024 * 1024)))
    expect(bomb.length).toBeLessThan(64 * 1024)
    expect(sniffFileType(bomb)).toEqual({ ok: false, reason: 'bad_zip' })
  })

  it('unpacks no more than the archive states, even when the real part is larger', () => {
    // Every part claims 200 bytes: fflate fills a 200-byte buffer and stops, before the declaration of the main part.
    const liar = lieAboutSizes(docxWith(contentTypes([['/word/document.xml', DOCX_MAIN]], noise(100 * 1024))), 200)
    expect(sniffFileType(liar).ok).toBe(false)
  })
})

describe('safeFileName', () => {
  it('keeps a plain Vietnamese name and a matching extension', () => {
    expect(safeFileName('Quyết định 125.pdf', 'pdf', '')).toBe('Quyết định 125.pdf')
    expect(safeFileName('photo.JPEG', 'jpeg', '')).toBe('photo.jpeg')
  })

  it('drops the path and gives the extension the bytes call for', () => {
    expect(safeFileName('C:\\scan\\x.exe', 'pdf', '')).toBe('x.pdf')
    expect(safeFileName('../../etc/passwd', 'pdf', '')).toBe('passwd.pdf')
    expect(safeFileName('IMG_0001', 'jpeg', '')).toBe('IMG_0001.jpg')
    expect(safeFileName('báo cáo.pdf.exe', 'pdf', '')).toBe('báo cáo.pdf')
  })

  it('removes control and direction-override characters, and the characters Windows refuses', () => {
    expect(safeFileName('ảnh\u202Egpj.exe', 'jpeg', '')).toBe('ảnhgpj.jpg')
    expect(safeFileName('a\u0000b\r\nc.pdf', 'pdf', '')).toBe('abc.pdf')
    expect(safeFileName('a<b>:c|d?*.pdf', 'pdf', '')).toBe('a_b__c_d__.pdf')
    expect(safeFileName('trích %22yếu%22.pdf', 'pdf', '')).toBe('trích _yếu_.pdf')
  })

  it('composes decomposed Vietnamese (Unikey "tổ hợp") and shortens long names', () => {
    expect(safeFileName('Bie\u0302n ba\u0309n.docx', 'docx', '')).toBe('Biên bản.docx')
    expect(Array.from(safeFileName('ả'.repeat(300) + '.pdf', 'pdf', '')).length).toBe(104)
  })

  it('falls back to the title, then to "minh-chung", for a name with nothing left', () => {
    expect(safeFileName('...', 'pdf', 'QĐ 125/QĐ-UBND')).toBe('QĐ 125_QĐ-UBND.pdf')
    expect(safeFileName('', 'png', '')).toBe('minh-chung.png')
  })
})

describe('asciiFileName', () => {
  it('folds Vietnamese to ASCII for old clients', () => {
    expect(asciiFileName('Quyết định số 125.pdf')).toBe('Quyet-dinh-so-125.pdf')
    expect(asciiFileName('Đường thôn 3.jpg')).toBe('Duong-thon-3.jpg')
    expect(asciiFileName('資料.pdf')).toBe('minh-chung.pdf')
  })
})
