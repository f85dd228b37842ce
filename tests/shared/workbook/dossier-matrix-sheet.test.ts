import { describe, expect, it } from 'vitest'
import type { AggregateResponse } from '../../../shared/api'
import { computeDossierMatrix } from '../../../shared/dossier-matrix'
import { AGG_COLORS } from '../../../shared/workbook/aggregate-sheets'
import { DOSSIER_MATRIX_SHEET, dossierMatrixSheet } from '../../../shared/workbook/dossier-matrix-sheet'

const CATALOG = { id: 'set-a', version: '2', title: 'Bộ A', criteria: [{ no: 1, name: 'Quy hoạch' }, { no: 2, name: 'Giao thông' }, { no: 3, name: 'Thủy lợi' }] }
const communes = [
  { unit: { id: 'binh-son', name: 'Xã Bình Sơn' }, criteria: { 1: true, 2: true, 3: false } },
  { unit: { id: 'tho-binh', name: 'Xã Thọ Bình' }, criteria: null },
]
const file = (unit: string, criterion: number) => ({ unit, catalog: 'set-a', criterion, kind: 'quyet_dinh' as const, requirement: null, hasFile: true, current: true })

function aggregate(dossiers: AggregateResponse['dossiers']): AggregateResponse {
  return {
    period: '2026-11-14', unit: { id: 'trieu-son', name: 'Huyện Triệu Sơn', level: 'district' }, locked: false, lockedAt: null,
    generatedAt: '2026-11-26T02:00:00.000Z', communes: [], completeness: { expected: 2, received: 1, receivedOnTime: 1, rate: 0.5, onTimeRate: 0.5 },
    catalogs: [], funds: { bySource: {} as never, total: 0, peopleShare: 0 }, overdueTasks: [], overdueTotal: 0, overdueNext: null,
    change: { previousPeriod: '2026-10-28', byCommune: {}, compared: 0, change: 0 }, unitNames: {}, peopleShareLimit: 0.3, dossiers,
  }
}

describe('dossierMatrixSheet', () => {
  const sheet = dossierMatrixSheet(aggregate([computeDossierMatrix(CATALOG, communes, [file('binh-son', 1), file('tho-binh', 3)])]))

  it('heads the sheet with the period, when the dossiers were counted, the legend and who reports met without documents', () => {
    expect(sheet.name).toBe(DOSSIER_MATRIX_SHEET)
    expect(sheet.values.slice(0, 4).map((r) => r[0])).toEqual([
      'Hồ sơ minh chứng các xã - kỳ 14/11/2026 - Huyện Triệu Sơn',
      'Hồ sơ tính đến 09:00 26/11/2026 (giờ Việt Nam); kết quả đạt theo lần gửi mới nhất của kỳ.',
      'Mỗi ô: "đủ" hoặc "thiếu N" tài liệu (chỉ tính tài liệu hiện hành có tệp). Đỏ: báo cáo đạt nhưng thiếu hồ sơ; vàng: thiếu hồ sơ; xanh: đủ.',
      'Đạt nhưng thiếu hồ sơ: 1 tiêu chí ở 1 xã (Xã Bình Sơn 1)',
    ])
    expect(sheet.values.every((r) => r.length === 6)).toBe(true)
  })

  it('writes the communes × criteria matrix: red where met without its dossier, green where complete, amber otherwise', () => {
    expect(sheet.values[5]).toEqual(['Xã', 'Tiêu chí đủ hồ sơ', 'Đạt nhưng thiếu hồ sơ', 'TC1', 'TC2', 'TC3'])
    expect(sheet.values[6]).toEqual(['Xã Bình Sơn', '1/3', 'TC2', 'đủ', 'thiếu 1', 'thiếu 1'])
    expect(sheet.values[7]).toEqual(['Xã Thọ Bình', '1/3', '', 'thiếu 1', 'thiếu 1', 'đủ'])
    expect(sheet.fills).toEqual(expect.arrayContaining([
      { address: 'D7', color: AGG_COLORS.met },
      { address: 'E7', color: AGG_COLORS.notMet },
      { address: 'F7', color: AGG_COLORS.late },
      { address: 'C7', color: AGG_COLORS.notMet },
      // Runs of one colour are one fill: Thọ Bình's two amber cells.
      { address: 'D8:E8', color: AGG_COLORS.late },
      { address: 'F8', color: AGG_COLORS.met },
    ]))
    expect(sheet.fills.some((f) => f.address === 'C8')).toBe(false)
    expect(sheet.values[8]).toEqual(['Số xã đủ hồ sơ', '', '', 1, 0, 1])
    expect(sheet.values[9]).toEqual(['Số xã đạt nhưng thiếu hồ sơ', '', '', 0, 1, 0])
  })

  it('makes the count column text before it is written, so "1/3" is never a date', () => {
    expect(sheet.formats).toEqual([{ address: 'B7:B8', rows: 2, cols: 1, format: '@' }])
  })

  it('stacks one matrix per catalogue under its name when communes are judged by several', () => {
    const other = { id: 'set-b', version: '1', title: 'Bộ B', criteria: [{ no: 1, name: 'Quy hoạch' }] }
    const s = dossierMatrixSheet(aggregate([
      computeDossierMatrix(CATALOG, communes.slice(0, 1), []),
      computeDossierMatrix(other, communes.slice(1), []),
    ]))
    const titles = s.values.filter((r) => typeof r[0] === 'string' && r[0].startsWith('Bộ tiêu chí')).map((r) => r[0])
    expect(titles).toEqual(['Bộ tiêu chí Bộ A (phiên bản 2): 1 xã', 'Bộ tiêu chí Bộ B (phiên bản 1): 1 xã'])
    expect(s.values.filter((r) => r[0] === 'Xã').map((r) => r.filter((c) => c !== '').length)).toEqual([6, 4])
  })

  it('says so for a snapshot locked before dossiers were counted, and writes no matrix', () => {
    const s = dossierMatrixSheet(aggregate(undefined))
    expect(s.values[1]?.[0]).toBe('Bản chốt sổ này được lập trước khi có hồ sơ minh chứng: không có số liệu hồ sơ.')
    expect(s.values[3]?.[0]).toBe('')
    expect(s.values.some((r) => r[0] === 'Xã')).toBe(false)
  })
})
