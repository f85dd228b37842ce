// The catalogue workbook: how a province's NTM office loads a criteria set from the table it already has.
// Sheets "Thông tin" (id, version, title, effective date, the classes), "Tiêu chí" (criteria), "Chỉ tiêu"
// (indicators, one threshold column per class), "Cách ghi ngưỡng" (the notation, in Vietnamese) and "Hồ sơ minh
// chứng" (the documents the appraisal expects per criterion; optional on import, so older templates still load).
// Pure: a Catalog → grids to write; grids read back → the JSON form checkCatalog takes, with the cell of
// every JSON path so each problem names its sheet and cell. Columns are found by header text and rows by
// content, so a person may reorder columns or insert rows.
import type { Catalog } from '../catalog'
import { type CatalogIssue, atCell, catalogIssue } from '../catalog-issues'
import { type CatalogCheck, KIND_NAMES, checkCatalog } from '../catalog-check'
import { formatDateVi } from '../dates'
import { EVIDENCE_KINDS, evidenceKindName } from '../evidence'
import { foldText, isBlank } from '../text'
import { formatThreshold } from '../threshold'
import { gridMeaning } from './cell-meaning'
import { type Cell, type Grid, a1, a1Block, mapColumns, qualified, rectangular } from './grid'

export const CATALOG_SHEETS = { info: 'Thông tin', criteria: 'Tiêu chí', indicators: 'Chỉ tiêu', notation: 'Cách ghi ngưỡng', evidence: 'Hồ sơ minh chứng' } as const

/** A sheet to write: values, the header row (bold, filled, frozen), columns kept as text, widths in characters. */
export type CatalogSheet = { name: string; values: Grid; header: number; textColumns: number[]; textCells: string[]; widths: number[] }

const INFO_FIELDS: Array<{ key: string; label: string; hint: string }> = [
  { key: 'id', label: 'Mã bộ tiêu chí', hint: 'Chữ thường không dấu, chữ số, gạch ngang. Giữ nguyên mã để nạp phiên bản mới của cùng bộ.' },
  { key: 'version', label: 'Phiên bản', hint: 'Đổi số phiên bản mỗi khi sửa bảng (vd. 2026.2): bộ đã nạp không bao giờ bị sửa, báo cáo cũ giữ kết quả cũ.' },
  { key: 'title', label: 'Tên ngắn', hint: 'Tên người dùng nhận ra, vd. QĐ 51/2025/QĐ-TTg.' },
  { key: 'name', label: 'Tên đầy đủ', hint: '' },
  { key: 'effectiveFrom', label: 'Áp dụng từ ngày', hint: 'dd/mm/yyyy: kỳ báo cáo có hạn nộp của xã từ ngày này trở đi mới được chấm theo bộ này.' },
  { key: 'label', label: 'Cách phân loại xã', hint: 'Ngưỡng theo gì: Vùng, Nhóm xã…' },
  { key: 'note', label: 'Ghi chú', hint: '' },
]
const CLASS_HEADERS = ['Mã vùng / nhóm', 'Tên vùng / nhóm', 'Tên tiếng Anh', 'Mô tả']
const CLASS_KEYS = ['id', 'name', 'nameEn', 'description']

type Column = { key: string; header: string; width: number; text?: boolean; required?: boolean }

const CRITERION_COLUMNS: Column[] = [
  { key: 'no', header: 'Số TT', width: 7, required: true },
  { key: 'name', header: 'Tên tiêu chí', width: 40, required: true },
  { key: 'nameEn', header: 'Tên tiếng Anh', width: 30 },
  { key: 'group', header: 'Nhóm', width: 30 },
  { key: 'guidance', header: 'Hướng dẫn', width: 40 },
]

const INDICATOR_COLUMNS_BEFORE: Column[] = [
  { key: 'code', header: 'Mã', width: 8, text: true, required: true },
  { key: 'criterion', header: 'Tiêu chí', width: 8, required: true },
  { key: 'name', header: 'Tên chỉ tiêu', width: 50, required: true },
  { key: 'unit', header: 'Đơn vị tính', width: 16, required: true },
  { key: 'kind', header: 'Kiểu', width: 14, required: true },
]
const INDICATOR_COLUMNS_AFTER: Column[] = [
  { key: 'targetNote', header: 'Ghi chú mục tiêu', width: 30 },
  { key: 'optional', header: 'Không bắt buộc', width: 10 },
  { key: 'source', header: 'Nguồn', width: 24 },
  { key: 'provenance', header: 'Mức tin cậy', width: 8 },
  { key: 'nameEn', header: 'Tên tiếng Anh', width: 30 },
]
const THRESHOLD_WIDTH = 16

const EVIDENCE_COLUMNS: Column[] = [
  { key: 'criterion', header: 'Tiêu chí', width: 8, required: true },
  { key: 'id', header: 'Mã tài liệu', width: 12, text: true, required: true },
  { key: 'title', header: 'Tài liệu cần có', width: 70, required: true },
  { key: 'kind', header: 'Loại tài liệu', width: 18 },
]
/** Rows below the listed documents whose id cells are text, for the documents a person adds. */
const EVIDENCE_BLANK_ROWS = 200
const EVIDENCE_NOTE =
  'Mỗi dòng một tài liệu mà hội đồng thẩm định cần trong hồ sơ minh chứng của tiêu chí; hồ sơ của xã là "đủ" khi có đủ các tài liệu này (có tệp), ' +
  'nếu không là "thiếu N". Tiêu chí không có dòng nào: cần ít nhất một tài liệu. Mã tài liệu không trùng trong một tiêu chí (vd. 1.a). ' +
  'Loại tài liệu (có thể để trống): ' + EVIDENCE_KINDS.map((k) => k.name).join(', ') + ' — tài liệu xã nộp không ghi mã được tính cho dòng cùng loại.'

const NOTATION: Grid = [
  ['Cách ghi ngưỡng trong trang "Chỉ tiêu" (mỗi cột vùng / nhóm xã một ngưỡng)', '', ''],
  ['Ghi trong ô', 'Nghĩa', 'Dùng cho chỉ tiêu kiểu'],
  ['≥ 80%', 'Tỷ lệ từ 80% trở lên là đạt.', 'tỷ lệ (%)'],
  ['100%', 'Phải đạt 100%.', 'tỷ lệ (%)'],
  ['≤ 13%', 'Không quá 13% (vd. tỷ lệ hộ nghèo).', 'tỷ lệ (%)'],
  ['> 50%   < 5%', 'Lớn hơn hẳn / nhỏ hơn hẳn (không tính bằng).', 'tỷ lệ (%), số'],
  ['≥ 2', 'Số từ 2 trở lên. Một số ghi trơn (2) cũng là "≥ 2"; riêng 0 ghi trơn là "= 0".', 'số'],
  ['= 0', 'Đúng bằng 0.', 'số, tỷ lệ (%)'],
  ['≥ 45 triệu đồng/người', 'Số kèm đơn vị: đơn vị phải là phần đầu của "Đơn vị tính" của chỉ tiêu (vd. triệu đồng/người/năm).', 'số'],
  ['≥ 1 m²/người, ≤ 5 m²/người', 'Một khoảng: một cận dưới và một cận trên, cách nhau bằng dấu phẩy, chấm phẩy hoặc chữ "và".', 'số, tỷ lệ (%)'],
  ['Đạt   (hoặc Có)', 'Chỉ tiêu phải đạt.', 'đạt / không đạt'],
  ['Không', 'Phải là "không" (vd. nhà tạm, dột nát).', 'đạt / không đạt'],
  ['(để trống)', 'Không có ngưỡng: xã tự đánh giá đạt / chưa đạt.', 'mọi kiểu; chỉ tiêu kiểu chữ luôn để trống'],
  ['', '', ''],
  ['Lưu ý', '', ''],
  ['Dấu', 'Viết ≥ hoặc >=, ≤ hoặc <=; cũng nhận "tối thiểu", "tối đa", "trên", "dưới".', ''],
  ['Số', 'Dấu thập phân là dấu phẩy hoặc dấu chấm (45,5). Không dùng dấu phân cách hàng nghìn: ghi 1000, không ghi 1.000.', ''],
  ['Văn bản', 'Các cột ngưỡng đã định dạng văn bản để Excel không đổi 80% thành 0,8. Nếu dán từ nơi khác, hãy giữ dạng văn bản.', ''],
  ['Kiểu', 'tỷ lệ (%), số, đạt / không đạt, chữ.', ''],
  ['Không bắt buộc', 'Ghi x: chỉ tiêu chỉ được tính khi xã có điền.', ''],
  ['Mức tin cậy', 'V: đã đối chiếu văn bản; M: theo nguồn thứ cấp; U: chưa kiểm chứng. Có thể để trống.', ''],
  ['Phiên bản', 'Bộ đã nạp không bao giờ bị sửa. Sửa bảng thì đổi số phiên bản; nạp lại đúng phiên bản cũ với nội dung khác sẽ bị từ chối.', ''],
]

function classColumnsOf(catalog: Catalog): Column[] {
  return catalog.classification.classes.map((c) => ({ key: 'class:' + c.id, header: c.name, width: THRESHOLD_WIDTH, text: true }))
}

function groupText(catalog: Catalog, id: string | undefined): string {
  if (!id) return ''
  for (const g of catalog.groups) if (g.id === id) return g.id + '. ' + g.name
  return id
}

/** The catalogue as the workbook a province fills in: exporting and importing again gives the same catalogue. */
export function catalogBook(catalog: Catalog): CatalogSheet[] {
  const values = (key: string): Cell => {
    if (key === 'effectiveFrom') return formatDateVi(catalog.effectiveFrom)
    if (key === 'label') return catalog.classification.label
    const v = (catalog as unknown as { [k: string]: unknown })[key]
    return typeof v === 'string' ? v : ''
  }
  const info: Cell[][] = [['Bộ tiêu chí nông thôn mới — mẫu nạp vào hệ thống báo cáo NTM', '', '', '']]
  for (const f of INFO_FIELDS) info.push([f.label, values(f.key), f.hint, ''])
  info.push(['', '', '', ''])
  const classHeader = info.length
  info.push(CLASS_HEADERS.slice())
  for (const c of catalog.classification.classes) info.push([c.id, c.name, c.nameEn || '', c.description || ''])

  const criteria: Cell[][] = [CRITERION_COLUMNS.map((c) => c.header)]
  for (const c of catalog.criteria) criteria.push([c.no, c.name, c.nameEn || '', groupText(catalog, c.group), c.guidance || ''])

  const classColumns = classColumnsOf(catalog)
  const columns = INDICATOR_COLUMNS_BEFORE.concat(classColumns, INDICATOR_COLUMNS_AFTER)
  const indicators: Cell[][] = [columns.map((c) => c.header)]
  for (const c of catalog.criteria) {
    for (const i of c.indicators) {
      const row: Cell[] = [i.code, c.no, i.name, i.unit, KIND_NAMES[i.kind]]
      for (const cls of catalog.classification.classes) {
        const t = i.thresholds[cls.id]
        row.push(t ? formatThreshold(t, i) : '')
      }
      row.push(i.targetNote || '', i.optional ? 'x' : '', i.source || '', i.provenance || '', i.nameEn || '')
      indicators.push(row)
    }
  }
  const evidence: Cell[][] = [[EVIDENCE_NOTE, '', '', ''], EVIDENCE_COLUMNS.map((c) => c.header)]
  for (const c of catalog.criteria) for (const r of c.evidence || []) evidence.push([c.no, r.id, r.title, r.kind ? evidenceKindName(r.kind) : ''])
  const textColumns = (cols: Column[]): number[] => cols.map((c, n) => (c.text ? n : -1)).filter((n) => n >= 0)
  return [
    {
      name: CATALOG_SHEETS.info, values: rectangular(info), header: classHeader, textColumns: [],
      // Id, version and date stay as typed (a version 2026.10 must not become the number 2026.1).
      textCells: ['B2', 'B3', 'B6'].concat(catalog.classification.classes.map((_, n) => a1(classHeader + 1 + n, 0))),
      widths: [22, 48, 60, 40],
    },
    { name: CATALOG_SHEETS.criteria, values: criteria, header: 0, textColumns: [], textCells: [], widths: CRITERION_COLUMNS.map((c) => c.width) },
    { name: CATALOG_SHEETS.indicators, values: indicators, header: 0, textColumns: textColumns(columns), textCells: [], widths: columns.map((c) => c.width) },
    { name: CATALOG_SHEETS.notation, values: NOTATION, header: 1, textColumns: [], textCells: [], widths: [28, 90, 30] },
    {
      name: CATALOG_SHEETS.evidence, values: evidence, header: 1, textColumns: textColumns(EVIDENCE_COLUMNS),
      // The rows a person adds below stay text in the id column too: "1.10" typed there must not become 1.1.
      textCells: [a1Block(evidence.length, 1, EVIDENCE_BLANK_ROWS, 1)], widths: EVIDENCE_COLUMNS.map((c) => c.width),
    },
  ]
}

// ---------------------------------------------------------------------------------------------------------
// Reading a filled workbook

export type CatalogCell = string | number | boolean | null
/** A sheet as the workbook reader gives it; `formats` (when known) let a percent-formatted 0.8 read as 80% (cell-meaning.ts). */
export type CatalogSheetInput = { name: string; rows: CatalogCell[][]; formats?: Array<Array<string | null | undefined>> }

export type ReadCatalogBook = {
  /** The JSON form of the catalogue, for checkCatalog. */
  input: { [key: string]: unknown }
  /** JSON path → the cell it was read from (`'Chỉ tiêu'!E12`). */
  cells: { [path: string]: string }
  /** Problems of the workbook's shape (not the template, a column missing), already placed on cells. */
  issues: CatalogIssue[]
}

const same = (a: CatalogCell | undefined, b: string): boolean => typeof a === 'string' && foldText(a) === foldText(b)
const blank = (v: CatalogCell | undefined): boolean => v === undefined || isBlank(v)

function textCell(v: CatalogCell | undefined): CatalogCell {
  if (v === undefined || v === null) return null
  return typeof v === 'string' ? v.replace(/^\s+|\s+$/g, '') : v
}

/** The header row among the first rows: the one holding every required header. */
function findHeader(rows: CatalogCell[][], required: Column[]): number {
  const limit = Math.min(rows.length, 10)
  for (let r = 0; r < limit; r++) {
    const line = rows[r] || []
    if (required.every((c) => line.some((h) => same(h, c.header)))) return r
  }
  return -1
}

type Cells = ReadCatalogBook['cells']
type Row = { [key: string]: unknown }
const cellAt = (sheet: CatalogSheetInput, row: number, col: number): string => qualified(sheet.name, a1(row, col))

/** The header row and its columns, or (with an issue per required header) null when the sheet lacks them. */
function headerOf(sheet: CatalogSheetInput, columns: Column[], path: string, issues: CatalogIssue[]): { row: number; map: { [key: string]: number } } | null {
  const required = columns.filter((c) => c.required)
  const row = findHeader(sheet.rows, required)
  if (row >= 0) return { row, map: mapColumns(sheet.rows[row] || [], columns) }
  for (const c of required) issues.push(atCell(catalogIssue('catalog_column_missing', path, { sheet: sheet.name, value: c.header }), qualified(sheet.name, 'A1')))
  return null
}

/** One data row's mapped cells under `path`, each cell's address noted; the row's own address is its first column's. */
function readRow(sheet: CatalogSheetInput, r: number, columns: Column[], map: { [key: string]: number }, path: string, cells: Cells): Row {
  const line = sheet.rows[r] || []
  const item: Row = {}
  for (const c of columns) {
    const n = map[c.key]
    if (n === undefined) continue
    item[c.key] = textCell(line[n])
    cells[path + '.' + c.key] = cellAt(sheet, r, n)
  }
  cells[path] = cells[path + '.' + (columns[0] as Column).key] as string
  return item
}

const isBlankRow = (line: CatalogCell[], cols: number[]): boolean => cols.every((n) => blank(line[n]))

/** "Thông tin": label in column A, value in column B; the classes table under its header. */
function readInfoSheet(info: CatalogSheetInput, input: Row, cells: Cells, issues: CatalogIssue[]): Row[] {
  const found: { [key: string]: boolean } = {}
  const classification: Row = {}
  info.rows.forEach((line, r) => {
    for (const f of INFO_FIELDS) {
      if (found[f.key] || !same(line[0], f.label)) continue
      found[f.key] = true
      const path = f.key === 'label' ? 'classification.label' : f.key
      cells[path] = cellAt(info, r, 1)
      if (f.key === 'label') classification.label = textCell(line[1])
      else input[f.key] = textCell(line[1])
    }
  })
  for (const f of INFO_FIELDS) {
    if (found[f.key] || (f.key !== 'id' && f.key !== 'version' && f.key !== 'title' && f.key !== 'effectiveFrom')) continue
    issues.push(atCell(catalogIssue('catalog_column_missing', f.key, { sheet: info.name, value: f.label }), qualified(info.name, 'A1')))
  }
  let classRow = -1
  for (let r = 0; r < info.rows.length && classRow < 0; r++) if (same((info.rows[r] || [])[0], CLASS_HEADERS[0] as string)) classRow = r
  const classes: Row[] = []
  if (classRow < 0) {
    issues.push(atCell(catalogIssue('catalog_column_missing', 'classification.classes', { sheet: info.name, value: CLASS_HEADERS[0] }), qualified(info.name, 'A1')))
  } else {
    const columns = CLASS_KEYS.map((key, n): Column => ({ key, header: CLASS_HEADERS[n] as string, width: 0 }))
    const map: { [key: string]: number } = {}
    CLASS_KEYS.forEach((key, n) => { map[key] = n })
    for (let r = classRow + 1; r < info.rows.length && !isBlankRow(info.rows[r] || [], [0, 1]); r++) {
      classes.push(readRow(info, r, columns, map, 'classification.classes[' + classes.length + ']', cells))
    }
  }
  classification.classes = classes
  input.classification = classification
  cells['classification.classes'] = qualified(info.name, a1(Math.max(classRow, 0), 0))
  return classes
}

/** A sheet of one item per row under a header (the JSON list at `path`): "Tiêu chí", "Hồ sơ minh chứng". */
function readListSheet(sheet: CatalogSheetInput, columns: Column[], path: string, cells: Cells, issues: CatalogIssue[]): Row[] {
  const list: Row[] = []
  cells[path] = qualified(sheet.name, 'A1')
  const header = headerOf(sheet, columns, path, issues)
  if (!header) return list
  const mapped = columns.map((c) => header.map[c.key]).filter((n): n is number => n !== undefined)
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    if (isBlankRow(sheet.rows[r] || [], mapped)) continue
    list.push(readRow(sheet, r, columns, header.map, path + '[' + list.length + ']', cells))
  }
  return list
}

/** "Chỉ tiêu": the known columns, and every other headed column a class's thresholds. */
function readIndicatorsSheet(sheet: CatalogSheetInput, classes: Row[], cells: Cells, issues: CatalogIssue[]): Row[] {
  const list: Row[] = []
  cells.indicators = qualified(sheet.name, 'A1')
  const known = INDICATOR_COLUMNS_BEFORE.concat(INDICATOR_COLUMNS_AFTER)
  const header = headerOf(sheet, known, 'indicators', issues)
  if (!header) return list
  const taken: { [col: number]: boolean } = {}
  for (const key of Object.keys(header.map)) taken[header.map[key] as number] = true
  const classColumns: Array<{ col: number; id: string }> = []
  const names = classes.map((c) => String(c.name || c.id || '')).join(', ')
  ;(sheet.rows[header.row] || []).forEach((h, col) => {
    if (taken[col] || blank(h)) return
    const match = classes.filter((c) => same(h, String(c.id || '')) || same(h, String(c.name || '')))[0]
    if (match && typeof match.id === 'string' && match.id !== '') classColumns.push({ col, id: match.id })
    else issues.push(atCell(catalogIssue('class_unknown', 'thresholds.' + String(h), { value: String(h), expected: names }), cellAt(sheet, header.row, col)))
  })
  const mapped = Object.keys(header.map).map((k) => header.map[k] as number).concat(classColumns.map((c) => c.col))
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const line = sheet.rows[r] || []
    if (isBlankRow(line, mapped)) continue
    const path = 'indicators[' + list.length + ']'
    const item = readRow(sheet, r, known, header.map, path, cells)
    const thresholds: { [id: string]: CatalogCell } = {}
    for (const c of classColumns) {
      thresholds[c.id] = textCell(line[c.col])
      cells[path + '.thresholds.' + c.id] = cellAt(sheet, r, c.col)
    }
    item.thresholds = thresholds
    list.push(item)
  }
  return list
}

export function readCatalogBook(given: readonly CatalogSheetInput[]): ReadCatalogBook {
  const cells: Cells = {}
  const issues: CatalogIssue[] = []
  // Cells as a person reads them: "80%" typed in a plain cell is 0.8 with a percent format, a date a serial.
  const sheets = given.map((s): CatalogSheetInput => ({ name: s.name, rows: gridMeaning(s.rows, s.formats) }))
  const find = (name: string): CatalogSheetInput | undefined => sheets.filter((s) => foldText(s.name) === foldText(name))[0]
  const info = find(CATALOG_SHEETS.info)
  const criteria = find(CATALOG_SHEETS.criteria)
  const indicators = find(CATALOG_SHEETS.indicators)
  for (const [name, sheet] of [[CATALOG_SHEETS.info, info], [CATALOG_SHEETS.criteria, criteria], [CATALOG_SHEETS.indicators, indicators]] as const) {
    if (!sheet) issues.push(catalogIssue('catalog_not_template', '(workbook)', { value: name }))
  }
  if (!info || !criteria || !indicators) return { input: {}, cells, issues }
  const input: Row = {}
  const classes = readInfoSheet(info, input, cells, issues)
  input.criteria = readListSheet(criteria, CRITERION_COLUMNS, 'criteria', cells, issues)
  input.indicators = readIndicatorsSheet(indicators, classes, cells, issues)
  // "Hồ sơ minh chứng": one document per row, naming its criterion (the flat `evidence[]` of the JSON form).
  const evidence = find(CATALOG_SHEETS.evidence)
  if (evidence) input.evidence = readListSheet(evidence, EVIDENCE_COLUMNS, 'evidence', cells, issues)
  return { input, cells, issues }
}

/** The cell of a JSON path, or of its nearest parent that has one. */
export function cellOfPath(cells: ReadCatalogBook['cells'], path: string): string | undefined {
  let p = path
  for (;;) {
    if (Object.prototype.hasOwnProperty.call(cells, p)) return cells[p]
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['))
    if (cut <= 0) return undefined
    p = p.slice(0, cut)
  }
}

/** Issues of checkCatalog placed on the workbook's cells. */
export function placeCatalogIssues(issues: readonly CatalogIssue[], cells: ReadCatalogBook['cells']): CatalogIssue[] {
  return issues.map((issue) => {
    if (issue.cell) return issue
    const where = cellOfPath(cells, issue.path)
    return where ? atCell(issue, where) : issue
  })
}

/**
 * A filled catalogue workbook → the catalogue, or every problem on its cell (shape problems first: then
 * nothing else is judged); `cells` places later problems too (a version that already exists).
 */
export function loadCatalogBook(sheets: readonly CatalogSheetInput[]): CatalogCheck & { cells: ReadCatalogBook['cells'] } {
  const read = readCatalogBook(sheets)
  if (read.issues.length > 0) return { catalog: null, issues: read.issues, cells: read.cells }
  const checked = checkCatalog(read.input)
  return { catalog: checked.catalog, issues: placeCatalogIssues(checked.issues, read.cells), cells: read.cells }
}
