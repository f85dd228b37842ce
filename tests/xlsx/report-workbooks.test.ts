// The report template the Worker hands out, opened in LibreOffice; and a template saved by LibreOffice Calc
// (as a commune without Excel would) read back by the upload path. The leaders' workbook: summary-workbook.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { infoFacts } from '../../shared/workbook/report-book'
import { checkReport } from '../../shared/report'
import { formatKind } from '../../shared/workbook/cell-meaning'
import { type ReadSheet, readWorkbook } from '../../worker/xlsx/read-workbook'
import { readReportFile, writeReportFile } from '../../worker/xlsx/report-file'
import { type Typed, convert, sheetsAsCsv, typeInto } from './libreoffice'

const dir = mkdtempSync(join(tmpdir(), 'xlsx-books-'))
const save = (name: string, bytes: Uint8Array): string => {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  return file
}
const arrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer

describe('the report template', () => {
  const facts = infoFacts({ id: 'binh-son', name: 'Xã Bình Sơn' }, '2026-11-14', QD_318_2022, 'btb', false)
  const tasks = [{
    id: 'TB-4', title: 'Tổng dọn vệ sinh môi trường', lead: 'binh-son', collaborators: ['phong-tnmt'], due: '2020-12-31',
    recurrence: { kind: 'months' as const, months: [12, 3, 5] }, status: 'doing' as const, progress: 30, owner: 'binh-son', updatedAt: '2020-11-17T00:00:00Z', version: 1,
  }]

  it('opens in LibreOffice with its guide and five sheets, Vietnamese intact', async () => {
    const csv = sheetsAsCsv(save('mau.xlsx', await writeReportFile(facts, QD_318_2022, 'btb', tasks)))
    expect(Object.keys(csv).sort()).toEqual(['Chỉ tiêu', 'Hướng dẫn', 'Kết quả, kiến nghị', 'Nguồn vốn', 'Nhiệm vụ', 'Thông tin'])
    expect(csv['Chỉ tiêu']!.split('\n')[0]).toBe('Mã,Tiêu chí,Chỉ tiêu,Đơn vị tính,Mục tiêu,Giá trị,Đánh giá,Minh chứng,Ghi chú')
    expect(csv['Chỉ tiêu']).toContain('3.1,"3. Thủy lợi và phòng, chống thiên tai"')
    expect(csv['Thông tin']).toContain('Vùng / nhóm xã,Bắc Trung Bộ')
    expect(csv['Nhiệm vụ']).toContain('TB-4,Tổng dọn vệ sinh môi trường,binh-son,phong-tnmt')
    expect(csv['Nguồn vốn']).toContain('Nhân dân đóng góp')
  })

  it('saved again by LibreOffice Calc, still uploads: unit, period, every indicator and the task', async () => {
    const file = save('mau-calc.xlsx', await writeReportFile(facts, QD_318_2022, 'btb', tasks))
    const [resaved] = convert(file, 'xlsx:Calc MS Excel 2007 XML')
    const uploaded = await readReportFile(arrayBuffer(readFileSync(resaved!)))
    expect(uploaded.request.unit).toBe('binh-son')
    expect(uploaded.request.period).toBe('2026-11-14')
    expect(uploaded.request.indicators.map((i) => i.code)).toHaveLength(55)
    expect(uploaded.request.tasks).toMatchObject([{ id: 'TB-4', lead: 'binh-son', due: '2020-12-31', recurrence: 'Tháng 12, 3, 5' }])
  })
})

describe('a template filled by typing in LibreOffice Calc, then uploaded', () => {
  const facts = infoFacts({ id: 'binh-son', name: 'Xã Bình Sơn' }, '2026-11-14', QD_318_2022, 'btb', false)
  const NOW = '2026-11-12T03:00:00Z'

  async function typedTemplate(locale: string): Promise<{ raw: ReadSheet[]; uploaded: Awaited<ReturnType<typeof readReportFile>> }> {
    const file = save('mau-' + locale + '.xlsx', await writeReportFile(facts, QD_318_2022, 'btb', []))
    const template = await readWorkbook(arrayBuffer(readFileSync(file)))
    const rowOf = (sheet: string, key: string): number => template.find((s) => s.name === sheet)!.rows.findIndex((r) => r[0] === key) + 1
    const entries: Typed[] = [
      { sheet: 'Thông tin', cell: 'B4', text: '14/11/2026' },
      { sheet: 'Chỉ tiêu', cell: 'F' + rowOf('Chỉ tiêu', '3.1'), text: '85%' },
      { sheet: 'Chỉ tiêu', cell: 'G' + rowOf('Chỉ tiêu', '3.1'), text: 'đạt' },
      { sheet: 'Nguồn vốn', cell: 'B' + rowOf('Nguồn vốn', 'Ngân sách tỉnh'), text: '1.200.000.000' },
      { sheet: 'Nhiệm vụ', cell: 'A2', text: 'XA-1' },
      { sheet: 'Nhiệm vụ', cell: 'B2', text: 'Nạo vét kênh mương' },
      { sheet: 'Nhiệm vụ', cell: 'C2', text: 'binh-son' },
      { sheet: 'Nhiệm vụ', cell: 'E2', text: '05/12/2026' },
    ]
    const typed = typeInto(file, entries, locale)
    const bytes = arrayBuffer(readFileSync(typed))
    return { raw: await readWorkbook(bytes), uploaded: await readReportFile(bytes) }
  }

  const cell = (sheets: ReadSheet[], sheet: string, key: string, col: number) => {
    const s = sheets.find((x) => x.name === sheet)!
    const r = s.rows.findIndex((row) => row[0] === key)
    return { value: s.rows[r]![col], format: s.formats[r]![col] }
  }

  it('under vi-VN LibreOffice stores numbers with formats, and the upload reads 85, 1200000000 and the dates', async () => {
    const { raw, uploaded } = await typedTemplate('vi-VN')
    // What LibreOffice itself made of the keystrokes:
    expect(cell(raw, 'Chỉ tiêu', '3.1', 5)).toMatchObject({ value: 0.85 })
    expect(formatKind(cell(raw, 'Chỉ tiêu', '3.1', 5).format)).toBe('percent')
    expect(cell(raw, 'Nguồn vốn', 'Ngân sách tỉnh', 1).value).toBe(1200000000)
    expect(cell(raw, 'Thông tin', 'Kỳ báo cáo', 1).value).toBe(46340)
    expect(formatKind(cell(raw, 'Thông tin', 'Kỳ báo cáo', 1).format)).toBe('date')
    expect(cell(raw, 'Nhiệm vụ', 'XA-1', 4).value).toBe('05/12/2026') // the text column keeps it as typed
    // What the upload makes of them:
    expect(uploaded.request.period).toBe('2026-11-14')
    const check = checkReport(QD_318_2022, 'btb', uploaded.request, { now: NOW })
    const value = (code: string) => check.evaluation.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!.value
    expect(value('3.1')).toBe(85)
    expect(check.issues.filter((i) => i.path.startsWith('indicators') && i.indicator === '3.1')).toEqual([])
    expect(check.fundTotals.bySource.provincial).toBe(1200000000)
    expect(uploaded.request.tasks).toMatchObject([{ id: 'XA-1', due: '2026-12-05' }])
  })

  it('under en-US LibreOffice keeps some keystrokes as text, and the upload still reads the same report', async () => {
    const vi = await typedTemplate('vi-VN')
    const en = await typedTemplate('en-US')
    expect(cell(en.raw, 'Nguồn vốn', 'Ngân sách tỉnh', 1).value).toBe('1.200.000.000')
    expect(cell(en.raw, 'Thông tin', 'Kỳ báo cáo', 1).value).toBe('14/11/2026')
    const meaning = (u: typeof vi.uploaded) => {
      const check = checkReport(QD_318_2022, 'btb', u.request, { now: NOW })
      return { period: u.request.period, evaluation: check.evaluation, funds: check.funds, tasks: check.tasks }
    }
    expect(meaning(en.uploaded)).toEqual(meaning(vi.uploaded))
  })
})
