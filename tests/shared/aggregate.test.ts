import { describe, expect, it } from 'vitest'
import { type CommuneInput, aggregatePeriod } from '../../shared/aggregate'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { computeFundTotals } from '../../shared/funds'

const criteria = (met: number[]) => Object.fromEntries(Array.from({ length: 19 }, (_, i) => [String(i + 1), met.includes(i + 1)]))

const communes: CommuneInput[] = [
  { id: 'binh-son', name: 'Bình Sơn', latest: {
    revision: 2, receivedAt: '2026-11-16T10:00:00+07:00', firstReceivedAt: '2026-11-14T09:00:00+07:00', achieved: 9, total: 19, criteria: criteria([1, 4, 6, 7, 8, 12, 16, 18, 19]),
    funds: computeFundTotals([{ source: 'central', amount: 100 }, { source: 'people', amount: 50 }]),
    narratives: { achievements: 'Làm xong đường thôn 3', difficulties: '', requests: 'Đề nghị hỗ trợ vốn' },
  } },
  { id: 'tho-son', name: 'Thọ Sơn', latest: {
    revision: 1, receivedAt: '2026-11-16T08:00:00+07:00', firstReceivedAt: '2026-11-16T08:00:00+07:00', achieved: 12, total: 19, criteria: criteria([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    funds: computeFundTotals([{ source: 'central', amount: 200 }]),
    narratives: { achievements: '', difficulties: '', requests: '' },
  } },
  { id: 'dan-ly', name: 'Dân Lý', latest: null },
]

describe('aggregatePeriod', () => {
  const result = aggregatePeriod(QD_318_2022, '2026-11-14', communes, '2026-11-20T00:00:00+07:00')

  it('gives each commune its latest revision and score, and judges timeliness on the first arrival', () => {
    expect(result.communes.map((c) => [c.unit.id, c.revision, c.achieved, c.timeliness])).toEqual([
      ['binh-son', 2, 9, { status: 'on_time', days: 0 }],
      ['tho-son', 1, 12, { status: 'late', days: 2 }],
      ['dan-ly', null, null, { status: 'missing', days: 6 }],
    ])
    // Each commune's words come from its latest revision; nothing received, no words.
    expect(result.communes.map((c) => c.narratives && c.narratives.requests)).toEqual(['Đề nghị hỗ trợ vốn', '', null])
    // Bình Sơn's correction came late, but its first report was on time.
    expect(result.communes[0]).toMatchObject({ receivedAt: '2026-11-16T10:00:00+07:00', firstReceivedAt: '2026-11-14T09:00:00+07:00' })
  })

  it('computes completeness and timeliness rates', () => {
    expect(result.completeness).toEqual({ expected: 3, received: 2, receivedOnTime: 1, rate: 2 / 3, onTimeRate: 1 / 3 })
  })

  it('counts communes meeting each criterion', () => {
    expect(result.criteriaMet).toHaveLength(19)
    expect(result.criteriaMet[0]).toEqual({ no: 1, name: 'Quy hoạch', communes: 2 })
    expect(result.criteriaMet[1]?.communes).toBe(1)
    expect(result.criteriaMet[12]?.communes).toBe(0)
  })

  it('adds funds by source across communes', () => {
    expect(result.funds.total).toBe(350)
    expect(result.funds.bySource.central).toBe(300)
    expect(result.funds.peopleShare).toBeCloseTo(50 / 350)
  })

  it('is open for everyone before the deadline and empty for no communes', () => {
    const early = aggregatePeriod(QD_318_2022, '2026-11-28', [{ id: 'x', name: 'X', latest: null }], '2026-11-20T00:00:00+07:00')
    expect(early.communes[0]?.timeliness).toEqual({ status: 'open', days: 8 })
    const none = aggregatePeriod(QD_318_2022, '2026-11-14', [], 0)
    expect(none.completeness).toEqual({ expected: 0, received: 0, receivedOnTime: 0, rate: 0, onTimeRate: 0 })
  })
})
