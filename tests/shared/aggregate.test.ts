import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CommuneInput, aggregatePeriod } from '../../shared/aggregate'
import { catalogKey } from '../../shared/catalog'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { QD_51_2025 } from '../../shared/catalogs/qd-51-2025'
import { computeFundTotals, emptyTotals } from '../../shared/funds'
import { reportTimeliness } from '../../shared/calendar'

const Q318 = { id: QD_318_2022.id, version: QD_318_2022.version }
const Q51 = { id: QD_51_2025.id, version: QD_51_2025.version }
const CATALOGS = { [catalogKey(Q318)]: QD_318_2022, [catalogKey(Q51)]: QD_51_2025 }

const criteria = (met: number[]) => Object.fromEntries(Array.from({ length: 19 }, (_, i) => [String(i + 1), met.includes(i + 1)]))

const communes: CommuneInput[] = [
  { id: 'binh-son', name: 'Bình Sơn', latest: {
    revision: 2, receivedAt: '2026-11-16T10:00:00+07:00', firstReceivedAt: '2026-11-14T09:00:00+07:00', achieved: 9, total: 19, criteria: criteria([1, 4, 6, 7, 8, 12, 16, 18, 19]),
    funds: computeFundTotals([{ source: 'central', amount: 100 }, { source: 'people', amount: 50 }]),
    narratives: { achievements: 'Làm xong đường thôn 3', difficulties: '', requests: 'Đề nghị hỗ trợ vốn' }, catalog: Q318,
  }, expected: Q318 },
  { id: 'tho-son', name: 'Thọ Sơn', latest: {
    revision: 1, receivedAt: '2026-11-16T08:00:00+07:00', firstReceivedAt: '2026-11-16T08:00:00+07:00', achieved: 12, total: 19, criteria: criteria([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    funds: computeFundTotals([{ source: 'central', amount: 200 }]),
    narratives: { achievements: '', difficulties: '', requests: '' }, catalog: Q318,
  }, expected: Q318 },
  { id: 'dan-ly', name: 'Dân Lý', latest: null, expected: Q318 },
]

describe('aggregatePeriod', () => {
  const result = aggregatePeriod(CATALOGS, '2026-11-14', communes, '2026-11-20T00:00:00+07:00')

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

  it('counts communes meeting each criterion of their catalogue', () => {
    expect(result.catalogs).toHaveLength(1)
    const tally = result.catalogs[0]!
    expect(tally).toMatchObject({ id: 'qd-318-2022', version: '2022.1', title: 'QĐ 318/QĐ-TTg', total: 19, communes: 3, reported: 2 })
    expect(tally.criteriaMet).toHaveLength(19)
    expect(tally.criteriaMet[0]).toEqual({ no: 1, name: 'Quy hoạch', communes: 2 })
    expect(tally.criteriaMet[1]?.communes).toBe(1)
    expect(tally.criteriaMet[12]?.communes).toBe(0)
    expect(result.communes[2]).toMatchObject({ total: 19, catalog: Q318 })
  })

  it('counts communes judged by different catalogues each against its own N, tallied per catalogue', () => {
    const tenCriteria = (met: number[]) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), met.includes(i + 1)]))
    const mixed = aggregatePeriod(CATALOGS, '2026-11-14', [
      communes[0]!,
      { id: 'tho-son', name: 'Thọ Sơn', latest: {
        revision: 1, receivedAt: '2026-11-13T08:00:00+07:00', firstReceivedAt: '2026-11-13T08:00:00+07:00', achieved: 4, total: 10,
        criteria: tenCriteria([1, 2, 3, 5]), funds: computeFundTotals([]), narratives: { achievements: '', difficulties: '', requests: '' }, catalog: Q51,
      }, expected: Q51 },
      { id: 'hop-ly', name: 'Hợp Lý', latest: null, expected: Q51 },
      { id: 'lac', name: 'Lạc', latest: null, expected: null },
    ], '2026-11-20T00:00:00+07:00')
    expect(mixed.communes.map((c) => [c.unit.id, c.achieved, c.total, c.catalog?.id ?? null])).toEqual([
      ['binh-son', 9, 19, 'qd-318-2022'], ['tho-son', 4, 10, 'qd-51-2025'], ['hop-ly', null, 10, 'qd-51-2025'], ['lac', null, 0, null],
    ])
    expect(mixed.catalogs.map((t) => [t.id, t.total, t.communes, t.reported])).toEqual([['qd-51-2025', 10, 2, 1], ['qd-318-2022', 19, 1, 1]])
    expect(mixed.catalogs[0]!.criteriaMet[0]).toEqual({ no: 1, name: 'Quy hoạch', communes: 1 })
    expect(mixed.catalogs[1]!.criteriaMet[3]).toEqual({ no: 4, name: 'Điện', communes: 1 })
    expect(mixed.completeness).toMatchObject({ expected: 4, received: 2 })
  })

  it('adds funds by source across communes', () => {
    expect(result.funds.total).toBe(350)
    expect(result.funds.bySource.central).toBe(300)
    expect(result.funds.peopleShare).toBeCloseTo(50 / 350)
  })

  it('is open for everyone before the deadline and empty for no communes', () => {
    const early = aggregatePeriod(CATALOGS, '2026-11-28', [{ id: 'x', name: 'X', latest: null, expected: Q318 }], '2026-11-20T00:00:00+07:00')
    expect(early.communes[0]?.timeliness).toEqual({ status: 'open', days: 8 })
    const none = aggregatePeriod(CATALOGS, '2026-11-14', [], 0)
    expect(none.completeness).toEqual({ expected: 0, received: 0, receivedOnTime: 0, rate: 0, onTimeRate: 0 })
  })
})

describe('aggregatePeriod against the plain reading of its rules', () => {
  const arbCommune = fc.record({
    met: fc.option(fc.dictionary(fc.integer({ min: 1, max: 21 }).map(String), fc.boolean())),
    set: fc.constantFrom(Q318, Q51),
    hour: fc.integer({ min: -200, max: 200 }),
  })

  it('counts per criterion, completeness and timeliness as a commune-by-commune count does', () => {
    fc.assert(
      fc.property(fc.array(arbCommune, { maxLength: 25 }), fc.integer({ min: -200, max: 200 }), (drawn, nowHour) => {
        const now = Date.parse('2026-11-14T12:00:00+07:00') + nowHour * 3_600_000
        const inputs: CommuneInput[] = drawn.map((d, i) => ({
          id: 'x' + i, name: 'Xã ' + i, expected: d.set,
          latest: d.met === null ? null : {
            revision: 1, receivedAt: '2026-11-20T00:00:00Z', firstReceivedAt: new Date(Date.parse('2026-11-14T12:00:00+07:00') + d.hour * 3_600_000).toISOString(),
            achieved: 0, total: 19, criteria: d.met, funds: emptyTotals(), narratives: { achievements: '', difficulties: '', requests: '' }, catalog: d.set,
          },
        }))
        const result = aggregatePeriod(CATALOGS, '2026-11-14', inputs, now)
        const expectedTimeliness = inputs.map((c) => reportTimeliness('2026-11-14', c.latest ? c.latest.firstReceivedAt : null, now))
        expect(result.communes.map((r) => r.timeliness)).toEqual(expectedTimeliness)
        expect(result.completeness.received).toBe(inputs.filter((c) => c.latest).length)
        expect(result.completeness.receivedOnTime).toBe(expectedTimeliness.filter((t) => t.status === 'on_time').length)
        for (const tally of result.catalogs) {
          const members = inputs.filter((c) => c.expected!.id === tally.id)
          expect(tally.communes).toBe(members.length)
          expect(tally.reported).toBe(members.filter((c) => c.latest).length)
          expect(tally.criteriaMet.map((k) => k.communes)).toEqual(tally.criteriaMet.map((k) =>
            members.filter((c) => c.latest !== null && c.latest.criteria[String(k.no)] === true).length))
        }
      }),
      { numRuns: 300 },
    )
  })
})

