import { describe, expect, it } from 'vitest'
import type { AggregateResponse } from '../../../shared/api'
import { aggregatePeriod, followUps, shortUnitName } from '../../../shared/aggregate'
import { catalogKey } from '../../../shared/catalog'
import { QD_318_2022 } from '../../../shared/catalogs/qd-318-2022'
import { computeFundTotals, emptyTotals } from '../../../shared/funds'
import { aggregateSheet, communeRows } from '../../../shared/workbook/aggregate-sheets'

const SET = { id: QD_318_2022.id, version: QD_318_2022.version }
const sent = (receivedAt: string, funds = emptyTotals()) => ({
  revision: 1, receivedAt, firstReceivedAt: receivedAt, achieved: 9, total: 19, criteria: {}, funds,
  narratives: { achievements: '', difficulties: '', requests: '' }, catalog: SET,
})

function aggregate(peopleAmount: number, peopleShareLimit = 0.3): AggregateResponse {
  const funds = computeFundTotals([{ source: 'provincial', amount: 700 }, { source: 'people', amount: peopleAmount }])
  const base = aggregatePeriod({ [catalogKey(SET)]: QD_318_2022 }, '2026-11-14', [
    { id: 'binh-son', name: 'Xã Bình Sơn', latest: sent('2026-11-14T08:00:00+07:00', funds), expected: SET },
    { id: 'hop-ly', name: 'Xã Hợp Lý', latest: sent('2026-11-17T09:00:00+07:00'), expected: SET },
    { id: 'tho-binh', name: 'Xã Thọ Bình', latest: null, expected: SET },
    { id: 'dan-luc', name: 'Thị trấn Dân Lực', latest: sent('2026-11-16T09:00:00+07:00'), expected: SET },
  ], '2026-11-26T09:00:00+07:00')
  return {
    ...base, unit: { id: 'trieu-son', name: 'Huyện Triệu Sơn', level: 'district' }, locked: true, lockedAt: '2026-11-26T01:00:00Z',
    generatedAt: '2026-11-26T01:15:00Z', overdueTasks: [], overdueTotal: 0, overdueNext: null, change: { previousPeriod: '2026-10-28', byCommune: {}, compared: 0, change: 0 },
    unitNames: {}, peopleShareLimit,
  }
}

const cell = (values: unknown[][], label: string): unknown[] => values.find((r) => r[0] === label) ?? []

describe('the summary sheet', () => {
  it('names the communes to chase, shortly, in the order of the rows', () => {
    const agg = aggregate(100)
    expect(shortUnitName('Xã Thọ Bình')).toBe('Thọ Bình')
    expect(shortUnitName('Thị trấn Dân Lực')).toBe('Dân Lực')
    expect(followUps(agg.communes)).toEqual({
      missing: [{ id: 'tho-binh', name: 'Thọ Bình', days: 12 }],
      late: [{ id: 'hop-ly', name: 'Hợp Lý', days: 3 }, { id: 'dan-luc', name: 'Dân Lực', days: 2 }],
      open: [],
    })
    const sheet = aggregateSheet(agg)
    expect(cell(sheet.values, 'Chưa nộp')[1]).toBe('Thọ Bình (quá hạn 12 ngày)')
    expect(cell(sheet.values, 'Nộp trễ')[1]).toBe('Hợp Lý 3 ngày; Dân Lực 2 ngày')
    expect(cell(sheet.values, 'Chưa nộp, còn hạn')[1]).toBe('không có')
  })

  it('reads in words: the period as a date, the time in Vietnam, the lock', () => {
    const sheet = aggregateSheet(aggregate(100))
    expect(sheet.values[0]![0]).toBe('Tổng hợp báo cáo kỳ 14/11/2026 - Huyện Triệu Sơn')
    expect(cell(sheet.values, 'Kỳ báo cáo')).toEqual(['Kỳ báo cáo', 'Đã khóa', 'Lập lúc', '08:15 26/11/2026', ...Array(21).fill('')])
    expect(sheet.chart!.title).toBe('Số tiêu chí đạt theo xã - kỳ 14/11/2026')
  })

  it('puts the chart beside the figures, in view, and the matrix below it', () => {
    const sheet = aggregateSheet(aggregate(100))
    expect(sheet.chart).toMatchObject({ from: 'F1', to: 'N20' })
    const rows = communeRows(sheet, ['binh-son', 'tho-binh', 'nowhere'])
    expect(rows['binh-son']).toBeGreaterThanOrEqual(20)
    expect(sheet.values[rows['tho-binh']!]![1]).toBe('Xã Thọ Bình')
    expect(rows.nowhere).toBeUndefined()
  })

  it('totals the funds, gives the people’s share, and marks the people’s row (not the header) when it is too high', () => {
    const low = aggregateSheet(aggregate(100))
    expect(cell(low.values, 'Tổng cộng')[1]).toBe(800)
    expect(cell(low.values, 'Tỷ lệ vốn nhân dân')[1]).toBe(0.125)
    const peopleRow = low.values.findIndex((r) => r[0] === 'Nhân dân đóng góp')
    expect(low.fills.filter((f) => f.address.indexOf(String(peopleRow + 1)) > 0 && f.address.charAt(0) === 'A')).toEqual([])
    const high = aggregateSheet(aggregate(700))
    expect(high.fills).toContainEqual({ address: 'A' + (peopleRow + 1) + ':B' + (peopleRow + 1), color: '#F4B6B6' })
    const headerRow = high.values.findIndex((r) => r[0] === 'Nguồn vốn')
    expect(high.fills.some((f) => f.address.indexOf('A' + (headerRow + 1)) === 0)).toBe(false)
    // a district's own, stricter cap
    expect(aggregateSheet(aggregate(100, 0.1)).fills).toContainEqual({ address: 'A' + (peopleRow + 1) + ':B' + (peopleRow + 1), color: '#F4B6B6' })
  })
})
