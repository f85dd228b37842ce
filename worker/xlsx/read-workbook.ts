// THE reader of every workbook a user uploads (report books, catalogue workbooks): .xlsx bytes → sheets of
// cells, each with its value AND its number format, because a typed "85%" is stored as 0.85 with a percent
// format and a typed date as a serial number with a date format (shared/workbook/cell-meaning.ts reads them).
// Our own small reader on fflate (zip-parts.ts, bounded before inflating) and saxen (SAX XML, no DTD or
// entity expansion): read-excel-file 9.3.17 exposes no number formats and would unpack the archive again.
import { type Decode, Parser } from 'saxen'
import { formatKind } from '../../shared/workbook/cell-meaning'
import { ZipRefused, openZip } from './zip-parts'

export type ReadCell = string | number | boolean | null
/**
 * A sheet as a grid: `rows[r][c]` is the cell at row r + 1, column c + 1 (A1 is rows[0][0]), null where
 * empty; `formats[r][c]` its number format code ('General' when none). Strings are as stored, booleans for
 * TRUE/FALSE, error cells as their text (`#N/A`), formula cells as their last computed value, dates as
 * their serial number (1900 date system) with a date format.
 */
export type ReadSheet = { name: string; rows: ReadCell[][]; formats: string[][] }

/**
 * Beyond the archive's own bounds (zip-parts.ts): the grid the sheets make. A cell at `ZZZ20000` in a 10 KB
 * file would otherwise make a grid of hundreds of millions of cells; the report book needs a few hundred
 * rows of about fifteen columns.
 */
export const WORKBOOK_LIMITS = { columns: 200, cells: 500_000 } as const

/** `too_large`: beyond ZIP_LIMITS or WORKBOOK_LIMITS; `unreadable`: not an .xlsx workbook; `inconsistent`: a zip that contradicts itself. */
export type WorkbookRefusal = 'too_large' | 'unreadable' | 'inconsistent'

export class WorkbookRefused extends Error {
  constructor(readonly reason: WorkbookRefusal, detail: string) {
    super(detail)
  }
}

const unreadable = (detail: string): WorkbookRefused => new WorkbookRefused('unreadable', detail)

const NAMESPACES: { [uri: string]: string } = {
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': 'x',
  'http://purl.oclc.org/ooxml/spreadsheetml/main': 'x',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'p',
}

type Handlers = {
  open?: (name: string, attrs: { [name: string]: string }) => void
  close?: (name: string) => void
  text?: (text: string) => void
}

function parseXml(bytes: Uint8Array, part: string, on: Handlers): void {
  const parser = new Parser()
  parser.ns(NAMESPACES)
  let failure: Error | null = null
  parser.on('error', (err) => { failure = failure || err })
  if (on.open) {
    const open = on.open
    parser.on('openTag', (name, attrs, decode: Decode) => {
      const raw = attrs()
      const decoded: { [name: string]: string } = {}
      for (const k of Object.keys(raw)) decoded[k] = decode(raw[k] as string)
      open(name, decoded)
    })
  }
  if (on.close) parser.on('closeTag', on.close)
  if (on.text) {
    const text = on.text
    parser.on('text', (t, decode) => text(decode(t)))
    parser.on('cdata', text)
  }
  parser.parse(new TextDecoder().decode(bytes))
  if (failure) throw unreadable(part + ': ' + (failure as Error).message)
}

/** `a/b/../c.xml` → `a/c.xml`; a target relative to `from`'s folder unless it starts with `/`. */
function resolvePath(from: string, target: string): string {
  const base = target.charAt(0) === '/' ? [] : from.split('/').slice(0, -1)
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') base.pop()
    else base.push(seg)
  }
  return base.join('/')
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/')
  return part.slice(0, slash + 1) + '_rels/' + part.slice(slash + 1) + '.rels'
}

/** Relationship id → { target part, type }. */
function readRels(zip: ReturnType<typeof openZip>, part: string): { [id: string]: { target: string; type: string } } {
  const out: { [id: string]: { target: string; type: string } } = Object.create(null)
  const bytes = zip.read(relsOf(part))
  if (!bytes) return out
  parseXml(bytes, relsOf(part), {
    open: (name, a) => {
      if (name !== 'p:Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return
      out[a.Id] = { target: resolvePath(part, a.Target), type: a.Type || '' }
    },
  })
  return out
}

// Excel's built-in number formats (ECMA-376 Part 1, 18.8.30), as Office.js reports them.
const BUILT_IN_FORMATS: { [id: number]: string } = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'm/d/yyyy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yyyy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
}

/** Style index (the `s` of a cell) → number format code. */
function readStyles(zip: ReturnType<typeof openZip>, part: string | undefined): string[] {
  const bytes = part ? zip.read(part) : null
  if (!part || !bytes) return []
  const custom: { [id: string]: string } = Object.create(null)
  const styles: string[] = []
  let inCellXfs = false
  parseXml(bytes, part, {
    open: (name, a) => {
      if (name === 'x:numFmt' && a.numFmtId !== undefined) custom[a.numFmtId] = a.formatCode || 'General'
      else if (name === 'x:cellXfs') inCellXfs = true
      else if (name === 'x:xf' && inCellXfs) {
        const id = a.numFmtId || '0'
        styles.push(custom[id] || BUILT_IN_FORMATS[Number(id)] || 'General')
      }
    },
    close: (name) => { if (name === 'x:cellXfs') inCellXfs = false },
  })
  return styles
}

// Text runs of a shared or inline string, without phonetic guides (<rPh>); `_x000D_` escapes undone.
function unescapeText(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

function readSharedStrings(zip: ReturnType<typeof openZip>, part: string | undefined): string[] {
  const bytes = part ? zip.read(part) : null
  if (!part || !bytes) return []
  const strings: string[] = []
  let current: string | null = null
  let inText = false
  let phonetic = 0
  parseXml(bytes, part, {
    open: (name) => {
      if (name === 'x:si') current = ''
      else if (name === 'x:rPh') phonetic++
      else if (name === 'x:t') inText = true
    },
    close: (name) => {
      if (name === 'x:si') { strings.push(unescapeText(current || '')); current = null }
      else if (name === 'x:rPh') phonetic--
      else if (name === 'x:t') inText = false
    },
    text: (t) => { if (inText && phonetic === 0 && current !== null) current += t },
  })
  return strings
}

const REF_RE = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/

function columnOf(letters: string): number {
  let n = 0
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64)
  return n - 1
}

type SparseSheet = { name: string; cells: Array<{ row: number; col: number; value: ReadCell; format: string }>; rows: number; cols: number }

type SheetContext = { strings: string[]; styles: string[]; date1904: boolean }

function readSheet(bytes: Uint8Array, part: string, name: string, ctx: SheetContext): SparseSheet {
  const sheet: SparseSheet = { name, cells: [], rows: 0, cols: 0 }
  let row = -1
  let col = -1
  let cell: { type: string; style: string; text: string | null; inline: string | null } | null = null
  let inValue = false
  let inInline = false
  let inText = false
  let phonetic = 0
  const finish = (): void => {
    const c = cell as NonNullable<typeof cell>
    cell = null
    let value: ReadCell = null
    const text = c.text
    switch (c.type) {
      case 's': {
        const s = ctx.strings[Number(text)]
        if (text === null || s === undefined) throw unreadable(part + ': shared string ' + text)
        value = s
        break
      }
      case 'inlineStr': value = c.inline === null ? null : unescapeText(c.inline); break
      case 'str': case 'e': case 'd': value = text === null || text === '' ? null : unescapeText(text); break
      case 'b': value = text === null ? null : text === '1' || text === 'true'; break
      case 'n': case '': {
        if (text === null || text.trim() === '') break
        const n = Number(text)
        if (!isFinite(n)) throw unreadable(part + ': number ' + text)
        value = n
        break
      }
      default: throw unreadable(part + ': cell type ' + c.type)
    }
    if (value === null) return
    const format = ctx.styles[Number(c.style || '0')] || 'General'
    // The 1904 date system counts from 1904-01-01: move dates onto the 1900 system every reader uses.
    if (typeof value === 'number' && ctx.date1904 && formatKind(format) === 'date') value += 1462
    sheet.cells.push({ row, col, value, format })
    if (row + 1 > sheet.rows) sheet.rows = row + 1
    if (col + 1 > sheet.cols) sheet.cols = col + 1
    if (sheet.cols > WORKBOOK_LIMITS.columns) throw new WorkbookRefused('too_large', part + ': ' + sheet.cols + ' columns')
    if (sheet.rows * sheet.cols > WORKBOOK_LIMITS.cells) throw new WorkbookRefused('too_large', part + ': ' + sheet.rows + ' rows')
  }
  const address = (r: string | undefined): { row: number; col: number } | null => {
    if (r === undefined) return null
    const m = REF_RE.exec(r)
    if (!m) throw unreadable(part + ': cell address ' + r)
    return { row: Number(m[2]) - 1, col: columnOf(m[1] as string) }
  }
  parseXml(bytes, part, {
    open: (tag, a) => {
      switch (tag) {
        case 'x:row': {
          // Rows and cells without an address follow the previous one.
          if (a.r !== undefined && !/^[1-9][0-9]{0,6}$/.test(a.r)) throw unreadable(part + ': row ' + a.r)
          row = a.r !== undefined ? Number(a.r) - 1 : row + 1
          col = -1
          break
        }
        case 'x:c': {
          const at = address(a.r)
          if (at) { row = at.row; col = at.col } else col++
          cell = { type: a.t || '', style: a.s || '', text: null, inline: null }
          break
        }
        case 'x:v': inValue = true; break
        case 'x:is': inInline = true; if (cell) cell.inline = ''; break
        case 'x:rPh': phonetic++; break
        case 'x:t': inText = true; break
      }
    },
    close: (tag) => {
      switch (tag) {
        case 'x:c': if (cell) finish(); break
        case 'x:v': inValue = false; break
        case 'x:is': inInline = false; break
        case 'x:rPh': phonetic--; break
        case 'x:t': inText = false; break
      }
    },
    text: (t) => {
      if (!cell) return
      if (inValue) cell.text = (cell.text || '') + t
      else if (inInline && inText && phonetic === 0) cell.inline = (cell.inline || '') + t
    },
  })
  return sheet
}

function dense(sheet: SparseSheet): ReadSheet {
  const rows: ReadCell[][] = []
  const formats: string[][] = []
  for (let r = 0; r < sheet.rows; r++) {
    rows.push(new Array<ReadCell>(sheet.cols).fill(null))
    formats.push(new Array<string>(sheet.cols).fill('General'))
  }
  for (const c of sheet.cells) {
    ;(rows[c.row] as ReadCell[])[c.col] = c.value
    ;(formats[c.row] as string[])[c.col] = c.format
  }
  return { name: sheet.name, rows, formats }
}

function toBytes(input: ArrayBuffer | Uint8Array): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input)
}

/**
 * Every worksheet of an .xlsx workbook, in the workbook's order. Throws WorkbookRefused: `too_large` beyond
 * ZIP_LIMITS (zip-parts.ts) or WORKBOOK_LIMITS, `inconsistent` for an archive that contradicts itself,
 * `unreadable` for anything that is not an .xlsx workbook. Synchronous; the Promise is for callers' ease.
 */
export async function readWorkbook(input: ArrayBuffer | Uint8Array): Promise<ReadSheet[]> {
  return readWorkbookSync(toBytes(input))
}

export function readWorkbookSync(bytes: Uint8Array): ReadSheet[] {
  let zip: ReturnType<typeof openZip>
  try {
    zip = openZip(bytes)
    return readParts(zip)
  } catch (err) {
    if (err instanceof ZipRefused) throw new WorkbookRefused(err.reason === 'not_zip' ? 'unreadable' : err.reason, err.message)
    if (err instanceof WorkbookRefused) throw err
    throw unreadable(err instanceof Error ? err.message : String(err))
  }
}

function readParts(zip: ReturnType<typeof openZip>): ReadSheet[] {
  const root = readRels(zip, '')
  let workbookPart = 'xl/workbook.xml'
  for (const id of Object.keys(root)) if (/\/officeDocument$/.test(root[id]!.type)) workbookPart = root[id]!.target
  const workbook = zip.read(workbookPart)
  if (!workbook) throw unreadable('no workbook part')
  const rels = readRels(zip, workbookPart)
  const sheets: Array<{ name: string; id: string }> = []
  let date1904 = false
  parseXml(workbook, workbookPart, {
    open: (name, a) => {
      if (name === 'x:sheet' && a.name !== undefined && a['r:id']) sheets.push({ name: a.name, id: a['r:id'] })
      if (name === 'x:workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) date1904 = true
    },
  })
  const partOfType = (type: string): string | undefined => {
    for (const id of Object.keys(rels)) if (rels[id]!.type.slice(-type.length - 1) === '/' + type) return rels[id]!.target
    return undefined
  }
  const ctx: SheetContext = {
    strings: readSharedStrings(zip, partOfType('sharedStrings')),
    styles: readStyles(zip, partOfType('styles')),
    date1904,
  }
  const out: ReadSheet[] = []
  let cells = 0
  for (const s of sheets) {
    const rel = rels[s.id]
    if (!rel || !/\/worksheet$/.test(rel.type)) continue // chart sheets and dialogs hold no cells
    const bytes = zip.read(rel.target)
    if (!bytes) throw unreadable('missing sheet part ' + rel.target)
    const sheet = readSheet(bytes, rel.target, s.name, ctx)
    cells += sheet.rows * sheet.cols
    if (cells > WORKBOOK_LIMITS.cells) throw new WorkbookRefused('too_large', 'sheets together exceed ' + WORKBOOK_LIMITS.cells + ' cells')
    out.push(dense(sheet))
  }
  if (out.length === 0) throw unreadable('no worksheets')
  return out
}
