// The leaders' summary workbook opened by LibreOffice: its words and figures, A4 landscape fitted to one page
// wide with the title rows repeated (LibreOffice's own reading of the file, and its PDF export), frozen
// panes and drop-down-free, ISO-free cells.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { AggregateResponse } from '../../shared/api'
import { aggregatePeriod } from '../../shared/aggregate'
import { catalogKey } from '../../shared/catalog'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'

const Q318 = { id: QD_318_2022.id, version: QD_318_2022.version }
import { computeFundTotals } from '../../shared/funds'
import { comparePeriods } from '../../shared/period-change'
import { computeDossierMatrix } from '../../shared/dossier-matrix'
import { blockOf } from '../../shared/workbook/grid'
import { summarySheets, writeSummaryWorkbook } from '../../worker/summary-book'
import { type SheetSpec, writeWorkbook } from '../../worker/xlsx/write-workbook'
import { convert, flatOds, pageLayouts, pdfPages, sheetsAsCsv } from './libreoffice'

const dir = mkdtempSync(join(tmpdir(), 'xlsx-summary-'))
const save = (name: string, bytes: Uint8Array): string => {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  return file
}

const criteria = (n: number) => Object.fromEntries(Array.from({ length: 19 }, (_, i) => [String(i + 1), i < n]))

/** A district of `count` communes: every seventh missing, every fifth late, people's share over 30%. */
function district(count: number): AggregateResponse {
  const funds = computeFundTotals([{ source: 'central', amount: 1_000_000_000 }, { source: 'people', amount: 600_000_000 }])
  const communes = Array.from({ length: count }, (_, i) => ({
    id: 'xa-' + i, name: 'Xã Thử Nghiệm ' + (i + 1),
    latest: i % 7 === 3 ? null : {
      revision: 1, receivedAt: '2026-11-14T09:00:00+07:00', firstReceivedAt: i % 5 === 1 ? '2026-11-16T09:00:00+07:00' : '2026-11-14T09:00:00+07:00',
      achieved: (i * 7) % 20, total: 19, criteria: criteria((i * 7) % 20), funds,
      narratives: { achievements: '', difficulties: '', requests: i === 2 ? 'Đề nghị hỗ trợ vốn làm đường' : '' }, catalog: Q318,
    },
    expected: Q318,
  }))
  const base = aggregatePeriod({ [catalogKey(Q318)]: QD_318_2022 }, '2026-11-14', communes, '2026-11-20T09:00:00+07:00')
  return {
    ...base,
    unit: { id: 'trieu-son', name: 'Huyện Triệu Sơn', level: 'district' },
    locked: true,
    lockedAt: '2026-11-16T01:00:00.000Z',
    generatedAt: '2026-11-20T02:00:00.000Z',
    overdueTasks: [{ id: 'TB-4', title: 'Tổng dọn vệ sinh môi trường đường làng, ngõ xóm', owner: 'trieu-son', lead: 'xa-1', collaborators: ['trieu-son-tnmt', 'Đ/c Lê Phú Quốc'], occurrence: '2026-11-15', days: 5 }],
    overdueTotal: 1,
    overdueNext: null,
    change: comparePeriods('2026-10-28', base.communes, communes.map((c, i) => ({ unitId: c.id, achieved: Math.max(0, ((i * 7) % 20) - (i % 3)), total: 19 }))),
    unitNames: { 'trieu-son': 'Huyện Triệu Sơn', 'xa-1': 'Xã Thử Nghiệm 2', 'trieu-son-tnmt': 'Phòng Tài nguyên và Môi trường' },
    peopleShareLimit: 0.3,
    // Every commune has filed criterion 1's dossier; the third also criterion 2's.
    dossiers: [computeDossierMatrix(QD_318_2022, base.communes, base.communes.flatMap((c, i) => [1].concat(i === 2 ? [2] : []).map((criterion) => ({
      unit: c.unit.id, catalog: QD_318_2022.id, criterion, kind: 'quyet_dinh' as const, requirement: null, hasFile: true, current: true,
    }))))],
  }
}

/** Each cell of `ranges` (A1 blocks) as "row,col". */
function cellsOf(ranges: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const range of ranges) {
    const b = blockOf(range)
    for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) out.add(r + ',' + c)
  }
  return out
}

/** How many characters a cell shows: text as is, numbers as their format writes them. */
function shownLength(sheet: SheetSpec, r: number, c: number, value: string | number | boolean): number {
  if (typeof value !== 'number') return String(value).length
  const format = (sheet.formats || []).find((f) => cellsOf([f.address]).has(r + ',' + c))?.format ?? ''
  if (format.includes('%')) return (value * 100).toFixed(1).length + 1
  if (format.includes('yyyy')) return 10
  return Math.round(value).toLocaleString('en-US').length + (value < 0 || format.startsWith('+') ? 1 : 0)
}

/**
 * Text that does not fit its column: cut off where the cell to its right holds something, or running past the
 * sheet's last column where it may spill. Wrapped and merged cells fit by construction. Widths count characters
 * of the 10-point font; larger text counts in proportion.
 */
function unfitted(sheet: SheetSpec): string[] {
  const widths = sheet.widths || []
  const width = (c: number): number => widths[c] ?? 8.43
  const columns = Math.max(...sheet.values.map((row) => row.length))
  const toEnd = (c: number): number => Array.from({ length: columns - c }, (_, i) => width(c + i)).reduce((sum, w) => sum + w, 0)
  const fitted = cellsOf((sheet.wrap || []).concat(sheet.merges || []))
  const sizes = (sheet.fonts || []).filter((f) => f.size)
  const out: string[] = []
  sheet.values.forEach((row, r) => row.forEach((value, c) => {
    if (value === null || value === '' || fitted.has(r + ',' + c)) return
    const size = sizes.find((f) => cellsOf([f.address]).has(r + ',' + c))?.size ?? 10
    const needs = shownLength(sheet, r, c, value) * size / 10
    const next = row[c + 1]
    const room = next === undefined || next === null || next === '' ? toEnd(c) : width(c)
    if (needs > room) out.push(sheet.name + '!' + r + ',' + c + ' "' + String(value) + '" needs ' + needs.toFixed(1) + ', has ' + room)
  }))
  return out
}

function part(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes)
  return strFromU8(files[name] as Uint8Array)
}

describe("the leaders' summary workbook in LibreOffice", () => {
  it('reads in words: title, Vietnam time, lock, late and missing names, ranking, change, overdue tasks, funds', async () => {
    const csv = sheetsAsCsv(save('tong-hop.xlsx', await writeSummaryWorkbook(district(8))), { asShown: true })
    expect(Object.keys(csv).sort()).toEqual(['Hồ sơ minh chứng', 'Kiến nghị các xã', 'Nguồn vốn', 'Tiêu chí', 'Tổng hợp', 'Việc quá hạn'])
    const lines = csv['Tổng hợp']!.split('\n')
    expect(lines[0]).toMatch(/^Tổng hợp kỳ báo cáo 14\/11\/2026 — Huyện Triệu Sơn,/)
    expect(lines[1]).toMatch(/^Lập lúc 09:00 20\/11\/2026 \(giờ Việt Nam\)\. Kỳ đã khóa sổ lúc 08:00 16\/11\/2026: số liệu không thay đổi nữa\.,/)
    expect(lines[3]).toMatch(/^"Nộp trễ: Xã Thử Nghiệm 2 \(2 ngày\), Xã Thử Nghiệm 7 \(2 ngày\)",/)
    expect(lines[4]).toMatch(/^Chưa nộp: Xã Thử Nghiệm 4 \(quá hạn 6 ngày\),/)
    // Ranked: 15/19 (commune 6), 14/19 (commune 3) … 7/19 (commune 2, late) …; the missing commune last.
    expect(lines[7]).toMatch(/^Xã Thử Nghiệm 6,15\/19,█{15},\+2,Đúng hạn,1,đạt,/)
    expect(lines[8]).toMatch(/^Xã Thử Nghiệm 3,14\/19,█{14},\+2,Đúng hạn,1,đạt,/)
    expect(lines[11]).toMatch(/^Xã Thử Nghiệm 2,7\/19,█{7},\+1,Trễ 2 ngày,1,/)
    expect(lines[14]).toMatch(/^Xã Thử Nghiệm 4,,,,Chưa nộp \(quá hạn 6 ngày\),,,/)
    expect(csv['Việc quá hạn']).toContain('Tổng dọn vệ sinh môi trường đường làng, ngõ xóm",Huyện Triệu Sơn,Xã Thử Nghiệm 2,"Phòng Tài nguyên và Môi trường, Đ/c Lê Phú Quốc",15/11/2026,5')
    expect(csv['Nguồn vốn']).toContain('Nhân dân đóng góp,"4,200,000,000",37.5%,Vượt mức 30%: không huy động quá sức dân')
    expect(csv['Nguồn vốn']).toContain('Vốn nhân dân đóng góp chiếm 37,5% tổng vốn (mức cảnh báo 30%): VƯỢT MỨC.')
    // The dossier matrix: commune 3 meets 14 criteria and has filed two; "2/19" stays a count, not a date.
    const dossiers = csv['Hồ sơ minh chứng']!.split('\n')
    expect(dossiers[0]).toMatch(/^Hồ sơ minh chứng các xã - kỳ 14\/11\/2026 - Huyện Triệu Sơn,/)
    expect(dossiers[5]).toMatch(/^Xã,Tiêu chí đủ hồ sơ,Đạt nhưng thiếu hồ sơ,TC1,TC2,/)
    expect(dossiers.find((l) => l.startsWith('Xã Thử Nghiệm 3,'))).toMatch(/^Xã Thử Nghiệm 3,2\/19,"TC3, TC4, .*, TC14",đủ,đủ,thiếu 1,/)
  })

  it('says how many overdue tasks it leaves out when a province has more than it lists', async () => {
    const csv = sheetsAsCsv(save('nhieu-viec.xlsx', await writeSummaryWorkbook({ ...district(8), overdueTotal: 1201 })), { asShown: true })
    const lines = csv['Việc quá hạn']!.split('\n').filter((l) => l !== '')
    expect(lines[lines.length - 1]).toMatch(/^Còn 1200 việc quá hạn khác \(trong tổng số 1201\); ở đây là 1 việc quá hạn lâu nhất\.,/)
  })

  it('holds no ISO date or timestamp and no unit id in any cell', async () => {
    const csv = sheetsAsCsv(save('iso.xlsx', await writeSummaryWorkbook(district(20))), { asShown: true })
    expect(Object.keys(csv)).toHaveLength(6) // every sheet was read: an empty conversion would check nothing
    for (const [sheet, text] of Object.entries(csv)) {
      expect({ sheet, iso: text.match(/\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?/g) }).toEqual({ sheet, iso: null })
      expect({ sheet, ids: text.match(/\bxa-\d+|trieu-son\b/g) }).toEqual({ sheet, ids: null })
    }
  })

  it('prints on A4 landscape, one page wide, title rows repeated (as LibreOffice reads the file)', async () => {
    const fods = flatOds(save('in.xlsx', await writeSummaryWorkbook(district(8))))
    const layouts = pageLayouts(fods)
    expect(layouts.length).toBeGreaterThan(0)
    for (const l of layouts) expect(l).toEqual({ orientation: 'landscape', widthMm: 297, pagesWide: 1 })
    // Each sheet's title rows are print titles (header rows), repeated on every page.
    expect(fods.match(/<table:table-header-rows>/g)).toHaveLength(6)
  })

  it('exports to PDF one page wide: each short sheet on one landscape A4 page; a long one grows in height only', async () => {
    const short = convert(save('pdf.xlsx', await writeSummaryWorkbook(district(8))), 'pdf')[0]!
    const pages = pdfPages(short)
    expect(pages).toHaveLength(6)
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595])
    // 60 communes: the first sheet and the dossier matrix take two pages down each, still one across.
    expect(pdfPages(convert(save('pdf-long.xlsx', await writeSummaryWorkbook(district(60))), 'pdf')[0]!)).toHaveLength(8)
    // The check is real: the same sheets without the print setup spill onto a second page across.
    const unfitted = summarySheets(district(8)).map((s) => ({ ...s, print: undefined }))
    expect(pdfPages(convert(save('pdf-unfitted.xlsx', await writeWorkbook(unfitted)), 'pdf')[0]!).length).toBeGreaterThan(6)
  })

  it('gives every column a width its Vietnamese text fits: nothing cut off, no line past the last column', () => {
    const sheets = summarySheets(district(20))
    expect(sheets.flatMap(unfitted)).toEqual([])
    // The check is real: the same sheets with default widths cut the names and statuses off.
    const narrow = sheets.map((s) => ({ ...s, widths: undefined })).flatMap(unfitted)
    expect(narrow.length).toBeGreaterThan(20)
  })

  it('titles every sheet alike: a 14-point title in A1, header rows frozen and repeated in print', () => {
    const sheets = summarySheets(district(8))
    expect(sheets.map((s) => [s.name, s.fonts?.find((f) => f.address === 'A1')?.size, s.frozenRows === s.print?.titleRows])).toEqual(
      sheets.map((s) => [s.name, 14, true]))
  })

  it('freezes the header rows and the commune column; sets widths for the Vietnamese labels', async () => {
    // LibreOffice headless keeps no view settings, so the panes are checked in the file itself.
    const bytes = await writeSummaryWorkbook(district(8))
    const first = part(bytes, 'xl/worksheets/sheet1.xml')
    expect(first).toContain('<pane ySplit="7" xSplit="1" topLeftCell="B8" activePane="bottomRight" state="frozen"/>')
    expect(first).toMatch(/<col min="1" max="1" width="24"/)
    expect(part(bytes, 'xl/worksheets/sheet2.xml')).toContain('<pane ySplit="6" xSplit="1" topLeftCell="B7" activePane="bottomRight" state="frozen"/>')
    expect(part(bytes, 'xl/worksheets/sheet3.xml')).toContain('<pane ySplit="2" xSplit="0" topLeftCell="A3" activePane="bottomRight" state="frozen"/>')
    expect(first).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>')
    expect(part(bytes, 'xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">\'Tổng hợp\'!$1:$7</definedName>')
  })
})
