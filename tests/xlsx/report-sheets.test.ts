// The words and the funds of a report through files LibreOffice reads and writes: words typed under the
// headings of the template (one line per row, and a cell with line breaks), saved by Calc, uploaded; the
// leaders' workbook shows each commune's words, wrapped; the funds sheet's total is a live SUM.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { AggregateResponse } from '../../shared/api'
import { aggregatePeriod } from '../../shared/aggregate'
import { catalogKey } from '../../shared/catalog'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { emptyTotals } from '../../shared/funds'
import { SHEETS, infoFacts, reportBookPlan } from '../../shared/workbook/report-book'
import { narrativeHeadingRow } from '../../shared/workbook/narratives-sheet'
import { comparePeriods } from '../../shared/period-change'
import { writeSummaryWorkbook } from '../../worker/summary-book'
import { planSheet } from '../../worker/xlsx/plan-sheet'
import { readReportFile } from '../../worker/xlsx/report-file'
import { writeWorkbook } from '../../worker/xlsx/write-workbook'
import { convert, sheetsAsCsv } from './libreoffice'

const dir = mkdtempSync(join(tmpdir(), 'xlsx-words-'))
const save = (name: string, bytes: Uint8Array): string => {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  return file
}
const arrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer

describe('the words sheet of the template', () => {
  it('typed under the headings and saved by LibreOffice Calc, arrives as the three sections', async () => {
    const plans = reportBookPlan(infoFacts({ id: 'binh-son', name: 'Xã Bình Sơn' }, '2026-11-14', QD_318_2022, 'btb', false), QD_318_2022, 'btb', [])
    const words = plans.find((p) => p.name === SHEETS.narratives)!
    words.values[narrativeHeadingRow('achievements') + 1] = ['- Bê tông hóa 1,2 km đường trục thôn 3']
    words.values[narrativeHeadingRow('achievements') + 2] = ['- Tổng dọn vệ sinh ngày 08/11/2026']
    words.values[narrativeHeadingRow('requests') + 1] = ['Đề nghị huyện phân bổ vốn:\nnhà văn hóa thôn 2; đường thôn 4']
    const file = save('mau-loi.xlsx', await writeWorkbook(plans.map(planSheet)))
    const [resaved] = convert(file, 'xlsx:Calc MS Excel 2007 XML')
    const uploaded = await readReportFile(arrayBuffer(readFileSync(resaved!)))
    expect(uploaded.request.narratives).toEqual({
      achievements: '- Bê tông hóa 1,2 km đường trục thôn 3\n- Tổng dọn vệ sinh ngày 08/11/2026',
      difficulties: '',
      requests: 'Đề nghị huyện phân bổ vốn:\nnhà văn hóa thôn 2; đường thôn 4',
    })
    const csv = sheetsAsCsv(resaved!)
    expect(csv[SHEETS.narratives]).toContain('2. Khó khăn, vướng mắc')
  })
})

describe("the leaders' workbook", () => {
  it('has a sheet of every commune’s words, wrapped, that LibreOffice reads', async () => {
    const q318 = { id: QD_318_2022.id, version: QD_318_2022.version }
    const base = aggregatePeriod({ [catalogKey(q318)]: QD_318_2022 }, '2026-11-14', [
      { id: 'binh-son', name: 'Xã Bình Sơn', expected: q318, latest: {
        revision: 2, receivedAt: '2026-11-14T08:20:00Z', firstReceivedAt: '2026-11-14T08:20:00Z', achieved: 9, total: 19, criteria: {}, funds: emptyTotals(),
        narratives: { achievements: 'Làm xong đường', difficulties: 'Thiếu 350 triệu đồng', requests: 'Đề nghị hỗ trợ vốn nhà văn hóa thôn 2' }, catalog: q318,
      } },
      { id: 'tho-binh', name: 'Xã Thọ Bình', latest: null, expected: q318 },
    ], '2026-11-20T09:00:00+07:00')
    const aggregate: AggregateResponse = {
      ...base, unit: { id: 'trieu-son', name: 'Huyện Triệu Sơn', level: 'district' }, locked: false, lockedAt: null, generatedAt: '2026-11-20T02:00:00Z', overdueTasks: [], overdueTotal: 0, overdueNext: null,
      change: comparePeriods('2026-10-28', base.communes, []), unitNames: {}, peopleShareLimit: 0.3,
    }
    const bytes = await writeSummaryWorkbook(aggregate)
    const csv = sheetsAsCsv(save('tong-hop-loi.xlsx', bytes))
    const words = csv['Kiến nghị các xã']!
    expect(words).toContain('Xã Bình Sơn,"Lần 2, 15:20 14/11/2026",Làm xong đường,Thiếu 350 triệu đồng,Đề nghị hỗ trợ vốn nhà văn hóa thôn 2')
    expect(words).toContain('Xã Thọ Bình,Chưa nộp')
    const styles = strFromU8(unzipSync(bytes)['xl/styles.xml']!)
    expect(styles).toMatch(/wrapText="1"/)
  })
})

describe('the funds sheet of the template', () => {
  it('totals what is typed: LibreOffice computes the SUM, the upload skips the total row', async () => {
    const plans = reportBookPlan(infoFacts({ id: 'binh-son', name: 'Xã Bình Sơn' }, '2026-11-14', QD_318_2022, 'btb', false), QD_318_2022, 'btb', [])
    const funds = plans.find((p) => p.name === SHEETS.funds)!
    funds.values[2]![1] = 1_200_000_000
    funds.values[8]![1] = 150_000_000
    const file = save('mau-von.xlsx', await writeWorkbook(plans.map(planSheet)))
    const [resaved] = convert(file, 'xlsx:Calc MS Excel 2007 XML')
    const csv = sheetsAsCsv(resaved!)
    expect(csv[SHEETS.funds]!.split('\n').find((l) => l.indexOf('Tổng cộng') === 0)).toMatch(/^Tổng cộng,"?1[.,]?350[.,]?000[.,]?000"?/)
    const uploaded = await readReportFile(arrayBuffer(readFileSync(resaved!)))
    expect(uploaded.request.funds).toEqual([{ source: 'Ngân sách tỉnh', amount: 1_200_000_000 }, { source: 'Nhân dân đóng góp', amount: 150_000_000 }])
  })
})
