import { describe, expect, it } from 'vitest'
import { AGG_COLORS } from '../../../shared/workbook/aggregate-sheets'
import { EVIDENCE_SHEET, evidenceSheet, hyperlinkFormula } from '../../../shared/workbook/evidence-sheet'
import { asText } from '../../../shared/workbook/grid'
import { toExcelSerial } from '../../../shared/dates'
import { evidenceListFixture } from '../fixtures'

const facts = { origin: 'https://ntm.example.org/', writtenAt: '09:00 26/11/2026' }

function rowOf(values: ReadonlyArray<ReadonlyArray<unknown>>, first: string, from = 0): number {
  for (let r = from; r < values.length; r++) if (values[r]?.[0] === first) return r
  return -1
}

describe('evidenceSheet', () => {
  const sheet = evidenceSheet(evidenceListFixture(), facts)

  it('heads the sheet with the commune, the catalogue, the report period and when it was written', () => {
    expect(sheet.name).toBe(EVIDENCE_SHEET)
    expect(sheet.values[0]?.[0]).toBe('Hồ sơ minh chứng - Xã Bình Sơn')
    expect(sheet.values[1]?.[0]).toBe('Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025 (QĐ 318/QĐ-TTg) · kết quả theo báo cáo kỳ 14/11/2026 · ghi lúc 09:00 26/11/2026')
    expect(sheet.values.every((r) => r.length === 10)).toBe(true)
  })

  it('puts each criterion’s verdict beside its dossier, red where met but incomplete, and names the gaps', () => {
    const r1 = rowOf(sheet.values, 'TC1')
    expect(sheet.values[r1]?.slice(0, 5)).toEqual(['TC1', 'Quy hoạch', 'đạt', 'đủ', ''])
    const r4 = rowOf(sheet.values, 'TC4')
    expect(sheet.values[r4]?.slice(0, 5)).toEqual(['TC4', 'Điện', 'đạt', 'thiếu 1', 'Ít nhất một tài liệu minh chứng'])
    const r2 = rowOf(sheet.values, 'TC2')
    expect(sheet.fills).toContainEqual({ address: 'D' + (r1 + 1), color: AGG_COLORS.met })
    expect(sheet.fills).toContainEqual({ address: 'D' + (r4 + 1), color: AGG_COLORS.notMet })
    expect(sheet.fills).toContainEqual({ address: 'D' + (r2 + 1), color: AGG_COLORS.late })
    expect(sheet.values[r4 + 1]?.[0]).toBe('Đạt nhưng thiếu hồ sơ: TC4')
  })

  it('lists every item with its state, real dates and a link to the portal page of its file', () => {
    const header = rowOf(sheet.values, 'Tiêu chí', 5)
    const [old, current, paper] = [sheet.values[header + 1], sheet.values[header + 2], sheet.values[header + 3]]
    expect(old?.[8]).toBe('Đã thay thế')
    expect(current).toEqual([
      'TC1', '', 'Quyết định', '125/QĐ-UBND', toExcelSerial('2024-03-15'), 'UBND huyện Triệu Sơn', 'QĐ phê duyệt quy hoạch chung xây dựng xã',
      'QĐ 125.pdf (1,5 MB)', 'Hiện hành', '=HYPERLINK("https://ntm.example.org/#minh-chung/binh-son/evd_new","Tải tệp")',
    ])
    expect(paper?.[8]).toBe('Hiện hành, chưa có tệp')
    expect(paper?.[9]).toBe('')
    expect(sheet.fills).toContainEqual({ address: 'A' + (header + 2) + ':J' + (header + 2), color: AGG_COLORS.none })
    expect(sheet.formats).toEqual([{ address: 'E' + (header + 2) + ':E' + (header + 4), rows: 3, cols: 1, format: 'dd/mm/yyyy' }])
  })

  it('never lets typed text become a formula', () => {
    const header = rowOf(sheet.values, 'Tiêu chí', 5)
    const paper = sheet.values[header + 3]
    expect(paper?.[3]).toBe("'=1+1")
    expect(paper?.[6]).toBe('\'=HYPERLINK("http://evil","x")')
  })

  it('says so when the dossier is empty', () => {
    const empty = evidenceSheet({ ...evidenceListFixture(), items: [] }, facts)
    expect(empty.values[empty.values.length - 1]?.[0]).toBe('Chưa có tài liệu nào trong hồ sơ.')
  })
})

describe('asText and hyperlinkFormula', () => {
  it('prefixes what Excel would read as a formula', () => {
    expect(asText('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(asText('+84 912')).toBe("'+84 912")
    expect(asText('-5')).toBe("'-5")
    expect(asText('@x')).toBe("'@x")
    expect(asText('Quyết định')).toBe('Quyết định')
  })

  it('doubles quotes inside the formula', () => {
    expect(hyperlinkFormula('https://x/"y"', 'Tải "tệp"')).toBe('=HYPERLINK("https://x/""y""","Tải ""tệp""")')
  })
})
