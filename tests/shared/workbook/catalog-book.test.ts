import { describe, expect, it } from 'vitest'
import { canonicalCatalog } from '../../../shared/catalog-check'
import { QD_318_2022 } from '../../../shared/catalogs/qd-318-2022'
import { QD_51_2025 } from '../../../shared/catalogs/qd-51-2025'
import {
  CATALOG_SHEETS, type CatalogSheetInput, catalogBook, cellOfPath, loadCatalogBook,
} from '../../../shared/workbook/catalog-book'
import type { Catalog } from '../../../shared/catalog'

const asInput = (catalog: Catalog): CatalogSheetInput[] => catalogBook(catalog).map((s) => ({ name: s.name, rows: s.values.map((r) => r.slice()) }))

const load = loadCatalogBook

function sheet(sheets: CatalogSheetInput[], name: string): CatalogSheetInput {
  return sheets.filter((s) => s.name === name)[0]!
}

/** Row (0-based) and column of a header in the indicators sheet. */
function at(sheets: CatalogSheetInput[], code: string, header: string): [number, number] {
  const rows = sheet(sheets, CATALOG_SHEETS.indicators).rows
  return [rows.findIndex((r) => r[0] === code), rows[0]!.indexOf(header)]
}

describe('the catalogue workbook', () => {
  it('has the criteria, indicators (one threshold column per class), notation and dossier sheets, in Vietnamese', () => {
    const book = catalogBook(QD_318_2022)
    expect(book.map((s) => s.name)).toEqual(['Thông tin', 'Tiêu chí', 'Chỉ tiêu', 'Cách ghi ngưỡng', 'Hồ sơ minh chứng'])
    // No document listed in the national set: the dossier sheet is the explained, empty table to fill.
    expect(book[4]!.values.slice(1)).toEqual([['Tiêu chí', 'Mã tài liệu', 'Tài liệu cần có', 'Loại tài liệu']])
    expect(book[4]!.values[0]![0]).toMatch(/^Mỗi dòng một tài liệu .* Tiêu chí không có dòng nào: cần ít nhất một tài liệu/)
    const indicators = book[2]!.values
    expect(indicators[0]).toEqual([
      'Mã', 'Tiêu chí', 'Tên chỉ tiêu', 'Đơn vị tính', 'Kiểu', 'Trung du và miền núi phía Bắc', 'Đồng bằng sông Hồng', 'Bắc Trung Bộ',
      'Duyên hải Nam Trung Bộ', 'Tây Nguyên', 'Đông Nam Bộ', 'Đồng bằng sông Cửu Long', 'Ghi chú mục tiêu', 'Không bắt buộc', 'Nguồn', 'Mức tin cậy', 'Tên tiếng Anh',
    ])
    const irrigation = indicators.filter((r) => r[0] === '3.1')[0]!
    expect(irrigation.slice(0, 8)).toEqual(['3.1', 3, 'Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động', '%', 'tỷ lệ (%)', '', '', '≥ 80%'])
    expect(indicators.filter((r) => r[0] === '6.3')[0]![5]).toBe('100%')
    expect(indicators.filter((r) => r[0] === '9.1')[0]![7]).toBe('Không')
    // Thresholds and codes are text cells, so "80%" typed there is not turned into 0.8.
    expect(book[2]!.textColumns).toEqual([0, 5, 6, 7, 8, 9, 10, 11])
    expect(book[0]!.values[2]).toEqual(['Phiên bản', '2022.1', expect.any(String), ''])
    expect(book[3]!.values.map((r) => r[0])).toEqual(expect.arrayContaining(['≥ 80%', '100%', '≤ 13%', '≥ 45 triệu đồng/người', '≥ 2']))
  })

  it('exported and imported again is the same catalogue (318 with its regions, 51/2025 at criterion level)', () => {
    for (const shipped of [QD_318_2022, QD_51_2025]) {
      const { catalog, issues } = load(asInput(shipped))
      expect(issues).toEqual([])
      expect(canonicalCatalog(catalog!)).toBe(canonicalCatalog(shipped))
    }
  })

  it('carries the documents each criterion\'s dossier needs, one row each, back to the same catalogue', () => {
    const withDocs: Catalog = JSON.parse(JSON.stringify(QD_51_2025))
    withDocs.criteria[0]!.evidence = [{ id: '1.a', title: 'Quyết định phê duyệt quy hoạch chung xã', kind: 'quyet_dinh' }, { id: '1.b', title: 'Bản đồ quy hoạch' }]
    withDocs.criteria[2]!.evidence = [{ id: '3.a', title: 'Biên bản nghiệm thu công trình thủy lợi', kind: 'bien_ban' }]
    const book = catalogBook(withDocs)
    expect(book[4]!.values.slice(2)).toEqual([
      [1, '1.a', 'Quyết định phê duyệt quy hoạch chung xã', 'Quyết định'],
      [1, '1.b', 'Bản đồ quy hoạch', ''],
      [3, '3.a', 'Biên bản nghiệm thu công trình thủy lợi', 'Biên bản'],
    ])
    expect(book[4]!.textColumns).toEqual([1])
    const { catalog, issues } = load(asInput(withDocs))
    expect(issues).toEqual([])
    expect(canonicalCatalog(catalog!)).toBe(canonicalCatalog(withDocs))
    // A workbook from before the dossier sheet existed still loads, with no documents listed.
    const older = asInput(withDocs).filter((s) => s.name !== CATALOG_SHEETS.evidence)
    expect(load(older).catalog!.criteria.every((c) => c.evidence === undefined)).toBe(true)
  })

  it('names the cell of every problem on the dossier sheet', () => {
    const sheets = asInput(QD_51_2025)
    const docs = sheet(sheets, CATALOG_SHEETS.evidence)
    docs.rows.push(
      [1, '1.a', 'Quyết định phê duyệt quy hoạch', 'Quyết định'],
      [1, '1.a', 'Cùng mã', ''],
      [2, '2.a', '', 'Biên bản'],
      [3, '3.a', 'Công văn', 'Công văn'],
      [12, '12.a', 'Tiêu chí không có', ''],
    )
    const { catalog, issues } = load(sheets)
    expect(catalog).toBeNull()
    expect(issues.map((i) => i.cell + ' ' + i.code)).toEqual([
      "'Hồ sơ minh chứng'!B4 evidence_duplicate",
      "'Hồ sơ minh chứng'!C5 evidence_title_missing",
      "'Hồ sơ minh chứng'!D6 evidence_kind_unknown",
      "'Hồ sơ minh chứng'!A7 evidence_criterion_unknown",
    ])
    expect(issues[3]!.message).toBe("'Hồ sơ minh chứng'!A7: Tài liệu \"12.a\": tiêu chí \"12\" không có trong trang Tiêu chí.")
    // A dossier sheet without its columns is not guessed at.
    docs.rows[1] = ['Tiêu chí', 'Mã', 'Tài liệu cần có', 'Loại tài liệu']
    // (the header row is the one holding every required header: without it, each is named).
    expect(load(sheets).issues.map((i) => i.code + ' ' + i.message_en)).toEqual(['Tiêu chí', 'Mã tài liệu', 'Tài liệu cần có'].map((h) =>
      'catalog_column_missing \'Hồ sơ minh chứng\'!A1: Sheet "Hồ sơ minh chứng" lacks the column "' + h + '". Do not delete or rename the template\'s column headers.'))
  })

  it('reads thresholds a person typed, in any spelling of the notation, and a percent cell as a percentage', () => {
    const sheets = asInput(QD_51_2025)
    const rows = sheet(sheets, CATALOG_SHEETS.indicators).rows
    rows[1]![4] = 'Tỷ lệ %'
    rows[1]![3] = '%'
    rows[1]![5] = '>=80 %'
    rows[1]![6] = 0.85
    rows[1]![7] = 'tối thiểu 90%'
    const info = sheet(sheets, CATALOG_SHEETS.info)
    info.rows[2]![1] = '2026.1'
    const formats: Array<Array<string | null>> = rows.map(() => rows[0]!.map(() => null))
    formats[1]![6] = '0%'
    sheet(sheets, CATALOG_SHEETS.indicators).formats = formats
    const { catalog, issues } = load(sheets)
    expect(issues).toEqual([])
    expect(catalog!.version).toBe('2026.1')
    expect(catalog!.criteria[0]!.indicators[0]).toMatchObject({ kind: 'percent', thresholds: { 'nhom-1': { min: 80 }, 'nhom-2': { min: 85 }, 'nhom-3': { min: 90 } } })
  })

  it("places every problem on its sheet and cell: 'Chỉ tiêu'!F12: \"≥ 8O%\" không đọc được ngưỡng", () => {
    const sheets = asInput(QD_318_2022)
    const ind = sheet(sheets, CATALOG_SHEETS.indicators)
    const [r31, colBtb] = at(sheets, '3.1', 'Bắc Trung Bộ')
    ind.rows[r31]![colBtb] = '≥ 8O%'
    const [r41, colKind] = at(sheets, '4.1', 'Kiểu')
    ind.rows[r41]![colKind] = ''
    const [r11] = at(sheets, '11', 'Mã')
    ind.rows[r11]![0] = '10'
    const crit = sheet(sheets, CATALOG_SHEETS.criteria)
    crit.rows.push([20, 'Tiêu chí mới', '', '', ''])
    const { catalog, issues } = load(sheets)
    expect(catalog).toBeNull()
    expect(issues.map((i) => i.cell + ' ' + i.code).sort()).toEqual([
      "'Chỉ tiêu'!E" + (r41 + 1) + ' indicator_kind_missing',
      "'Chỉ tiêu'!A" + (r11 + 1) + ' indicator_code_duplicate',
      "'Chỉ tiêu'!H" + (r31 + 1) + ' threshold_unreadable',
      "'Tiêu chí'!A21 criterion_without_indicator",
    ].sort())
    const garbled = issues.filter((i) => i.code === 'threshold_unreadable')[0]!
    expect(garbled.message).toMatch(new RegExp("^'Chỉ tiêu'!H" + (r31 + 1) + ': "≥ 8O%" không đọc được ngưỡng'))
  })

  it('a threshold column for a class the classification does not have is named at its header', () => {
    const sheets = asInput(QD_51_2025)
    const ind = sheet(sheets, CATALOG_SHEETS.indicators)
    ind.rows[0]![6] = 'Xã nhóm 4'
    const { issues } = load(sheets)
    expect(issues.map((i) => i.cell + ' ' + i.code)).toEqual(["'Chỉ tiêu'!G1 class_unknown"])
    expect(issues[0]!.message).toContain('"Xã nhóm 4" không phải vùng / nhóm nào của bộ tiêu chí (Xã nhóm 1, Xã nhóm 2, Xã nhóm 3)')
  })

  it('a workbook that is not the catalogue template is refused for what it lacks', () => {
    const report = [{ name: 'Thông tin', rows: [['Thông tin báo cáo nông thôn mới']] }, { name: 'Chỉ tiêu', rows: [['Mã', 'Tiêu chí', 'Chỉ tiêu']] }]
    const { issues } = load(report)
    expect(issues.map((i) => i.code + ' ' + i.message)).toEqual([expect.stringMatching(/^catalog_not_template .*thiếu trang "Tiêu chí"/)])
    const noColumns = asInput(QD_51_2025)
    sheet(noColumns, CATALOG_SHEETS.indicators).rows[0]![4] = 'Loại'
    sheet(noColumns, CATALOG_SHEETS.info).rows[1]![0] = 'Mã'
    const second = load(noColumns).issues
    expect(second.map((i) => i.cell + ' ' + i.code + ' ' + i.message_en)).toEqual([
      expect.stringMatching(/^'Thông tin'!A1 catalog_column_missing .*"Mã bộ tiêu chí"/),
      expect.stringMatching(/^'Chỉ tiêu'!A1 catalog_column_missing .*"Mã"/),
      expect.stringMatching(/^'Chỉ tiêu'!A1 catalog_column_missing .*"Tiêu chí"/),
      expect.stringMatching(/^'Chỉ tiêu'!A1 catalog_column_missing .*"Tên chỉ tiêu"/),
      expect.stringMatching(/^'Chỉ tiêu'!A1 catalog_column_missing .*"Đơn vị tính"/),
      expect.stringMatching(/^'Chỉ tiêu'!A1 catalog_column_missing .*"Kiểu"/),
    ])
  })

  it('finds cells of parent paths', () => {
    const cells = { 'indicators[2]': "'Chỉ tiêu'!A4", 'indicators[2].kind': "'Chỉ tiêu'!E4" }
    expect(cellOfPath(cells, 'indicators[2].kind')).toBe("'Chỉ tiêu'!E4")
    expect(cellOfPath(cells, 'indicators[2].thresholds.x')).toBe("'Chỉ tiêu'!A4")
    expect(cellOfPath(cells, 'criteria[0].no')).toBeUndefined()
  })
})
