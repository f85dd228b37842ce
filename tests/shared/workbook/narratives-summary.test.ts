import { describe, expect, it } from 'vitest'
import type { AggregateResponse } from '../../../shared/api'
import { aggregatePeriod } from '../../../shared/aggregate'
import { catalogKey } from '../../../shared/catalog'
import { QD_318_2022 } from '../../../shared/catalogs/qd-318-2022'
import { emptyTotals } from '../../../shared/funds'
import { NARRATIVES_SUMMARY_SHEET, narrativesSheet } from '../../../shared/workbook/narratives-summary'

const Q318 = { id: QD_318_2022.id, version: QD_318_2022.version }
const latest = (revision: number, receivedAt: string, narratives: { achievements: string; difficulties: string; requests: string }) => ({
  revision, receivedAt, firstReceivedAt: receivedAt, achieved: 9, total: 19, criteria: {}, funds: emptyTotals(), narratives, catalog: Q318,
})

function aggregate(): AggregateResponse {
  const base = aggregatePeriod({ [catalogKey(Q318)]: QD_318_2022 }, '2026-11-14', [
    { id: 'dan-luc', name: 'Xã Dân Lực', latest: latest(1, '2026-11-13T04:00:00Z', { achievements: 'Khởi công chợ', difficulties: '', requests: '' }), expected: Q318 },
    { id: 'binh-son', name: 'Xã Bình Sơn', latest: latest(2, '2026-11-14T08:20:00Z', { achievements: 'Làm xong 1,2 km đường\nHọp dân thôn 3', difficulties: 'Thiếu vốn', requests: 'Đề nghị hỗ trợ vốn' }), expected: Q318 },
    { id: 'hop-ly', name: 'Xã Hợp Lý', latest: latest(1, '2026-11-17T02:00:00Z', { achievements: '', difficulties: '', requests: '' }), expected: Q318 },
    { id: 'tho-binh', name: 'Xã Thọ Bình', latest: null, expected: Q318 },
  ], '2026-11-26T09:00:00+07:00')
  return {
    ...base, unit: { id: 'trieu-son', name: 'Huyện Triệu Sơn', level: 'district' }, locked: false, lockedAt: null, generatedAt: '2026-11-26T02:00:00Z', overdueTasks: [], overdueTotal: 0, overdueNext: null,
    change: { previousPeriod: '2026-10-28', byCommune: {}, compared: 0, change: 0 }, unitNames: {}, peopleShareLimit: 0.3,
  }
}

describe('the communes’ words in the aggregate', () => {
  const sheet = narrativesSheet(aggregate())

  it('titles the period in words and heads the three sections', () => {
    expect(sheet.name).toBe(NARRATIVES_SUMMARY_SHEET)
    expect(sheet.values[0]![0]).toBe('Kết quả, khó khăn và kiến nghị của các xã - kỳ 14/11/2026 - Huyện Triệu Sơn')
    expect(sheet.values[2]).toEqual(['Xã', 'Lần gửi', 'Kết quả đạt được', 'Khó khăn, vướng mắc', 'Kiến nghị, đề xuất'])
  })

  it('puts communes with requests first, with the revision and its Vietnam time; says who sent nothing', () => {
    expect(sheet.values.slice(3)).toEqual([
      ['Xã Bình Sơn', 'Lần 2, 15:20 14/11/2026', 'Làm xong 1,2 km đường\nHọp dân thôn 3', 'Thiếu vốn', 'Đề nghị hỗ trợ vốn'],
      ['Xã Dân Lực', 'Lần 1, 11:00 13/11/2026', 'Khởi công chợ', '', ''],
      ['Xã Hợp Lý', 'Lần 1, 09:00 17/11/2026', '(không ghi)', '', ''],
      ['Xã Thọ Bình', 'Chưa nộp', '', '', ''],
    ])
  })

  it('highlights each request, marks the missing commune, wraps the text', () => {
    expect(sheet.fills).toContainEqual({ address: 'E4', color: '#FFF2CC' })
    expect(sheet.fills.filter((f) => f.color === '#FFF2CC')).toHaveLength(1)
    expect(sheet.fills).toContainEqual({ address: 'B7', color: '#F4B6B6' })
    expect(sheet.wrap).toEqual(['A4:E7'])
    expect(sheet.widths).toHaveLength(5)
  })
})
