// The catalogue workbook with an independent program on both sides: LibreOffice opens what the Worker
// exports, and a province office filling the exported table in LibreOffice Calc gets a file that loads and
// whose thresholds then decide statuses.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { canonicalCatalog } from '../../shared/catalog-check'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { QD_51_2025 } from '../../shared/catalogs/qd-51-2025'
import { checkReport } from '../../shared/report'
import { loadCatalogBook } from '../../shared/workbook/catalog-book'
import { readCatalogFile, writeCatalogFile } from '../../worker/xlsx/catalog-file'
import { fillWithCalc } from './calc-macro'
import { convert, sheetsAsCsv } from './libreoffice'

const dir = mkdtempSync(join(tmpdir(), 'xlsx-catalogs-'))
const save = async (name: string, bytes: Promise<Uint8Array>): Promise<string> => {
  const file = join(dir, name)
  writeFileSync(file, await bytes)
  return file
}
const arrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
const load = async (file: string) => loadCatalogBook(await readCatalogFile(arrayBuffer(readFileSync(file))))

describe('the exported catalogue workbook', () => {
  it('opens in LibreOffice with its five sheets, the thresholds as written', async () => {
    const csv = sheetsAsCsv(await save('qd-318.xlsx', writeCatalogFile(QD_318_2022)))
    expect(Object.keys(csv).sort()).toEqual(['Chỉ tiêu', 'Cách ghi ngưỡng', 'Hồ sơ minh chứng', 'Thông tin', 'Tiêu chí'])
    expect(csv['Hồ sơ minh chứng']!.split('\n')[1]).toBe('Tiêu chí,Mã tài liệu,Tài liệu cần có,Loại tài liệu')
    expect(csv['Thông tin']).toContain('Phiên bản,2022.1')
    expect(csv['Thông tin']).toContain('btb,Bắc Trung Bộ,North Central')
    expect(csv['Chỉ tiêu']!.split('\n')[0]).toMatch(/^Mã,Tiêu chí,Tên chỉ tiêu,Đơn vị tính,Kiểu,Trung du và miền núi phía Bắc,/)
    expect(csv['Chỉ tiêu']).toContain(',%,tỷ lệ (%),,,≥ 80%,')
    expect(csv['Tiêu chí']).toContain('3,"Thủy lợi và phòng, chống thiên tai"')
    expect(csv['Cách ghi ngưỡng']).toContain('≥ 45 triệu đồng/người')
  })

  it('saved again by LibreOffice Calc, imports as the same catalogue', async () => {
    for (const shipped of [QD_318_2022, QD_51_2025]) {
      const [resaved] = convert(await save(shipped.id + '-calc-in.xlsx', writeCatalogFile(shipped)), 'xlsx:Calc MS Excel 2007 XML')
      const loaded = await load(resaved!)
      expect(loaded.issues).toEqual([])
      expect(canonicalCatalog(loaded.catalog!)).toBe(canonicalCatalog(shipped))
    }
  })
})

describe('a province fills the 2026–2030 table in LibreOffice Calc', () => {
  it('loads as a new version whose thresholds decide: with ≥ 80%, 85 is đạt and 79 chưa đạt, nothing declared', async () => {
    const exported = await save('qd-51.xlsx', writeCatalogFile(QD_51_2025))
    const I = 'Chỉ tiêu'
    // Criterion 1 gets two real indicators in place of its declared line (row 2), typed as a person types them.
    const filled = fillWithCalc(exported, [
      { sheet: 'Thông tin', address: 'B3', text: '2026.1' },
      { sheet: 'Thông tin', address: 'B4', text: 'QĐ 51/2025/QĐ-TTg — bảng chỉ tiêu tỉnh nạp' },
      { sheet: I, address: 'A2', text: '1.1' },
      { sheet: I, address: 'C2', text: 'Tỷ lệ xã có quy hoạch chung được phê duyệt' },
      { sheet: I, address: 'D2', text: '%' },
      { sheet: I, address: 'E2', text: 'Tỷ lệ (%)' },
      { sheet: I, address: 'F2', text: '≥ 90%' },
      { sheet: I, address: 'G2', text: '≥ 80%' },
      { sheet: I, address: 'H2', text: '>=70%' },
      // A row added below the table by hand: plain cells, not the template's text cells.
      { sheet: I, address: 'A12', text: '1.2' },
      { sheet: I, address: 'B12', text: '1' },
      { sheet: I, address: 'C12', text: 'Quy chế quản lý quy hoạch được ban hành' },
      { sheet: I, address: 'D12', text: 'Đạt/Không đạt' },
      { sheet: I, address: 'E12', text: 'đạt / không đạt' },
      { sheet: I, address: 'F12', text: 'Đạt' },
      { sheet: I, address: 'G12', text: 'Đạt' },
      // "75%" typed into a plain cell: Calc stores 0.75 with a percent format, and it still means 75%.
      { sheet: I, address: 'A13', text: '2.1' },
      { sheet: I, address: 'B13', text: '2' },
      { sheet: I, address: 'C13', text: 'Tỷ lệ đường xã được cứng hóa' },
      { sheet: I, address: 'D13', text: '%' },
      { sheet: I, address: 'E13', text: 'tỷ lệ (%)' },
      { sheet: I, address: 'G13', text: '75%' },
      // The documents the appraisal expects, typed under the dossier sheet's header (a code like 1.10 stays text).
      { sheet: 'Hồ sơ minh chứng', address: 'A3', text: '1' },
      { sheet: 'Hồ sơ minh chứng', address: 'B3', text: '1.10' },
      { sheet: 'Hồ sơ minh chứng', address: 'C3', text: 'Quyết định phê duyệt quy hoạch chung xây dựng xã' },
      { sheet: 'Hồ sơ minh chứng', address: 'D3', text: 'quyết định' },
      { sheet: 'Hồ sơ minh chứng', address: 'A4', text: '2' },
      { sheet: 'Hồ sơ minh chứng', address: 'B4', text: '2.a' },
      { sheet: 'Hồ sơ minh chứng', address: 'C4', text: 'Biên bản nghiệm thu đường trục xã' },
    ])
    const loaded = await load(filled)
    expect(loaded.issues).toEqual([])
    const catalog = loaded.catalog!
    expect(catalog).toMatchObject({ id: 'qd-51-2025', version: '2026.1', title: 'QĐ 51/2025/QĐ-TTg — bảng chỉ tiêu tỉnh nạp', effectiveFrom: '2026-02-15' })
    expect(catalog.criteria).toHaveLength(10)
    expect(catalog.criteria[0]!.indicators).toEqual([
      { code: '1.1', name: 'Tỷ lệ xã có quy hoạch chung được phê duyệt', nameEn: expect.any(String), unit: '%', kind: 'percent',
        thresholds: { 'nhom-1': { min: 90 }, 'nhom-2': { min: 80 }, 'nhom-3': { min: 70 } }, provenance: 'M', source: expect.any(String) },
      { code: '1.2', name: 'Quy chế quản lý quy hoạch được ban hành', unit: 'Đạt/Không đạt', kind: 'yesno', thresholds: { 'nhom-1': { expect: true }, 'nhom-2': { expect: true } } },
    ])
    expect(catalog.criteria[1]!.indicators[1]).toMatchObject({ code: '2.1', kind: 'percent', thresholds: { 'nhom-2': { min: 75 } } })
    expect(catalog.criteria.slice(0, 3).map((c) => c.evidence)).toEqual([
      [{ id: '1.10', title: 'Quyết định phê duyệt quy hoạch chung xây dựng xã', kind: 'quyet_dinh' }],
      [{ id: '2.a', title: 'Biên bản nghiệm thu đường trục xã' }],
      undefined,
    ])

    // A commune of group 2 reports values only; the thresholds decide.
    const report = (value: number) => checkReport(catalog, 'nhom-2', {
      unit: 'binh-son', period: '2026-11-14',
      indicators: [
        { code: '1.1', value }, { code: '1.2', value: 'có' }, { code: '2.1', value: 90 },
        ...QD_51_2025.criteria.slice(1).map((c) => ({ code: String(c.no), value: 'đạt' })),
      ],
    }, { now: '2026-11-20T10:00:00+07:00' })
    const met = report(85)
    expect(met.issues).toEqual([])
    expect(met.evaluation.criteria[0]).toMatchObject({ achieved: true, indicators: [{ code: '1.1', basis: 'threshold', achieved: true, declared: null }, { code: '1.2', achieved: true }] })
    expect(met.evaluation).toMatchObject({ achieved: 10, total: 10 })
    const missed = report(79)
    expect(missed.issues).toEqual([])
    expect(missed.evaluation.criteria[0]!.indicators[0]).toMatchObject({ basis: 'threshold', achieved: false, declared: null })
    expect(missed.evaluation).toMatchObject({ achieved: 9, total: 10 })
  })

  it('a mistyped threshold in Calc is named by its sheet and cell, and nothing loads', async () => {
    const exported = await save('qd-51-bad.xlsx', writeCatalogFile(QD_51_2025))
    const filled = fillWithCalc(exported, [
      { sheet: 'Chỉ tiêu', address: 'E3', text: 'tỷ lệ (%)' },
      { sheet: 'Chỉ tiêu', address: 'D3', text: '%' },
      { sheet: 'Chỉ tiêu', address: 'G3', text: '≥ 8O%' },
      { sheet: 'Chỉ tiêu', address: 'E4', text: '' },
    ])
    const loaded = await load(filled)
    expect(loaded.catalog).toBeNull()
    expect(loaded.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^'Chỉ tiêu'!G3: "≥ 8O%" không đọc được ngưỡng/),
      expect.stringMatching(/^'Chỉ tiêu'!E4: Chỉ tiêu 3 chưa ghi kiểu/),
    ])
  })
})
