import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Measure, type Threshold, formatThreshold, meetsThreshold, parseThreshold } from '../../shared/threshold'

const PERCENT: Measure = { kind: 'percent', unit: '%' }
const INCOME: Measure = { kind: 'number', unit: 'triệu đồng/người/năm' }
const COUNT: Measure = { kind: 'number', unit: 'trạm' }
const AREA: Measure = { kind: 'number', unit: 'm²/người' }
const YESNO: Measure = { kind: 'yesno', unit: 'Đạt/Không đạt' }
const TEXT: Measure = { kind: 'text', unit: '' }

const read = (raw: unknown, m: Measure) => parseThreshold(raw, m)
const ok = (threshold: Threshold | null) => ({ ok: true, threshold })
const problem = (p: string) => ({ ok: false, problem: p })

describe('parseThreshold: every form of the decisions', () => {
  it('reads "≥ 80%", "100%", "≤ 13%"', () => {
    expect(read('≥ 80%', PERCENT)).toEqual(ok({ min: 80 }))
    expect(read('100%', PERCENT)).toEqual(ok({ min: 100 }))
    expect(read('≤ 13%', PERCENT)).toEqual(ok({ max: 13 }))
  })

  it('reads "Đạt", "Có", "Không" for yes/no indicators, with or without diacritics', () => {
    expect(read('Đạt', YESNO)).toEqual(ok({ expect: true }))
    expect(read('đạt', YESNO)).toEqual(ok({ expect: true }))
    expect(read('Dat', YESNO)).toEqual(ok({ expect: true }))
    expect(read('Có', YESNO)).toEqual(ok({ expect: true }))
    expect(read('Không', YESNO)).toEqual(ok({ expect: false }))
    expect(read('không có', YESNO)).toEqual(ok({ expect: false }))
    expect(read(true, YESNO)).toEqual(ok({ expect: true }))
  })

  it('reads "≥ 45 triệu đồng/người" against a unit it begins, and "≥ 2"', () => {
    expect(read('≥ 45 triệu đồng/người', INCOME)).toEqual(ok({ min: 45 }))
    expect(read('≥ 45 triệu đồng/người/năm', INCOME)).toEqual(ok({ min: 45 }))
    expect(read('≥ 45,5 trieu dong', INCOME)).toEqual(ok({ min: 45.5 }))
    expect(read('≥ 2', COUNT)).toEqual(ok({ min: 2 }))
    expect(read('≥ 2 trạm', COUNT)).toEqual(ok({ min: 2 }))
  })

  it('takes ASCII and word operators, strict bounds and equality', () => {
    expect(read('>=80%', PERCENT)).toEqual(ok({ min: 80 }))
    expect(read('=> 80 %', PERCENT)).toEqual(ok({ min: 80 }))
    expect(read('<= 13%', PERCENT)).toEqual(ok({ max: 13 }))
    expect(read('tối thiểu 90%', PERCENT)).toEqual(ok({ min: 90 }))
    expect(read('Tối đa 5%', PERCENT)).toEqual(ok({ max: 5 }))
    expect(read('> 50%', PERCENT)).toEqual(ok({ min: 50, minExclusive: true }))
    expect(read('dưới 5%', PERCENT)).toEqual(ok({ max: 5, maxExclusive: true }))
    expect(read('= 2', COUNT)).toEqual(ok({ min: 2, max: 2 }))
  })

  it('reads a bare number as a level to reach, a bare 0 as "= 0"', () => {
    expect(read('90', PERCENT)).toEqual(ok({ min: 90 }))
    expect(read(90, PERCENT)).toEqual(ok({ min: 90 }))
    expect(read(2, COUNT)).toEqual(ok({ min: 2 }))
    expect(read('0', COUNT)).toEqual(ok({ min: 0, max: 0 }))
    expect(read('0%', PERCENT)).toEqual(ok({ min: 0, max: 0 }))
  })

  it('reads ranges of one lower and one upper bound', () => {
    expect(read('≥ 1 m²/người, ≤ 5 m²/người', AREA)).toEqual(ok({ min: 1, max: 5 }))
    expect(read('≥ 1; ≤ 5', AREA)).toEqual(ok({ min: 1, max: 5 }))
    expect(read('≥ 1 và < 5', AREA)).toEqual(ok({ min: 1, max: 5, maxExclusive: true }))
    expect(read('≤ 5, ≥ 1', AREA)).toEqual(ok({ min: 1, max: 5 }))
  })

  it('reads blank, "-" and "xã tự đánh giá" as no threshold (the commune declares)', () => {
    for (const raw of [null, undefined, '', '   ', '-', '—', 'xã tự đánh giá', 'Tự đánh giá']) expect(read(raw, PERCENT)).toEqual(ok(null))
    expect(read('', TEXT)).toEqual(ok(null))
  })
})

describe('parseThreshold: garbage gets a clear reason', () => {
  it('refuses what it cannot read', () => {
    for (const raw of ['≥ 8O%', 'tám mươi', '≥', '%', '≥ 80% ≤ 90%', '≥ 1, ≤ 5, ≤ 6', '≥ 1, ≥ 2', '80%%', 'abc', {}, []]) {
      expect(read(raw, PERCENT)).toEqual(problem('unreadable'))
    }
    expect(read('đạtt', YESNO)).toEqual(problem('unreadable'))
  })

  it('refuses a threshold of the wrong kind', () => {
    expect(read('≥ 80%', YESNO)).toEqual(problem('kind_mismatch'))
    expect(read('Đạt', PERCENT)).toEqual(problem('kind_mismatch'))
    expect(read(true, COUNT)).toEqual(problem('kind_mismatch'))
    expect(read('có', TEXT)).toEqual(problem('kind_mismatch'))
    expect(read('≥ 2', TEXT)).toEqual(problem('kind_mismatch'))
  })

  it('refuses a unit that is not the indicator\'s', () => {
    expect(read('≥ 80 hộ', PERCENT)).toEqual(problem('unit_mismatch'))
    expect(read('≥ 80%', COUNT)).toEqual(problem('unit_mismatch'))
    expect(read('≥ 45 nghìn đồng', INCOME)).toEqual(problem('unit_mismatch'))
  })

  it('refuses percentages over 100 and empty ranges', () => {
    expect(read('≥ 120%', PERCENT)).toEqual(problem('out_of_range'))
    expect(read('≥ 5, ≤ 1', AREA)).toEqual(problem('empty_range'))
    expect(read('> 5, < 5', AREA)).toEqual(problem('empty_range'))
  })

  it('refuses what could mean two things: thousands separators, a fraction in a percent column', () => {
    expect(read('≥ 1.000', COUNT)).toEqual(problem('ambiguous'))
    expect(read('≥ 2,500 m²/người', AREA)).toEqual(problem('ambiguous'))
    expect(read(0.8, PERCENT)).toEqual(problem('ambiguous'))
    expect(read('0,8%', PERCENT)).toEqual(ok({ min: 0.8 }))
    expect(read('≥ 0,125', AREA)).toEqual(ok({ min: 0.125 }))
  })
})

describe('meetsThreshold', () => {
  it('decides: with ≥ 80%, 85 is đạt and 79 chưa đạt', () => {
    expect(meetsThreshold({ min: 80 }, 85)).toBe(true)
    expect(meetsThreshold({ min: 80 }, 80)).toBe(true)
    expect(meetsThreshold({ min: 80 }, 79)).toBe(false)
  })
  it('honours strict bounds, ranges and yes/no', () => {
    expect(meetsThreshold({ min: 50, minExclusive: true }, 50)).toBe(false)
    expect(meetsThreshold({ max: 5, maxExclusive: true }, 4.9)).toBe(true)
    expect(meetsThreshold({ max: 13 }, 13)).toBe(true)
    expect(meetsThreshold({ min: 1, max: 5 }, 6)).toBe(false)
    expect(meetsThreshold({ expect: false }, false)).toBe(true)
    expect(meetsThreshold({ expect: true }, 1)).toBeUndefined()
    expect(meetsThreshold({ min: 1 }, true)).toBeUndefined()
  })
})

describe('formatThreshold', () => {
  it('writes the notation the decisions use', () => {
    expect(formatThreshold({ min: 80 }, PERCENT)).toBe('≥ 80%')
    expect(formatThreshold({ min: 100 }, PERCENT)).toBe('100%')
    expect(formatThreshold({ max: 13 }, PERCENT)).toBe('≤ 13%')
    expect(formatThreshold({ min: 45.5 }, INCOME)).toBe('≥ 45,5 triệu đồng/người/năm')
    expect(formatThreshold({ min: 1, max: 5 }, AREA)).toBe('≥ 1 m²/người, ≤ 5 m²/người')
    expect(formatThreshold({ min: 0, max: 0 }, COUNT)).toBe('= 0 trạm')
    expect(formatThreshold({ expect: true }, YESNO)).toBe('Đạt')
    expect(formatThreshold({ expect: false }, YESNO)).toBe('Không')
    expect(formatThreshold(undefined, PERCENT)).toBe('xã tự đánh giá')
  })

  it('is read back to the same threshold, whatever the bounds', () => {
    const value = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000)
    const bound = fc.record({ v: value, strict: fc.boolean() })
    const measures = fc.constantFrom(PERCENT, INCOME, AREA, COUNT)
    fc.assert(
      fc.property(measures, fc.option(bound, { nil: undefined }), fc.option(bound, { nil: undefined }), (m, lo, hi) => {
        if (!lo && !hi) return
        const t: Threshold = {}
        if (lo) { t.min = lo.v; if (lo.strict) t.minExclusive = true }
        if (hi) { t.max = hi.v; if (hi.strict) t.maxExclusive = true }
        const back = parseThreshold(formatThreshold(t, m), m)
        // Only an empty range may be refused, and only as such.
        const empty = !!lo && !!hi && (lo.v > hi.v || (lo.v === hi.v && (lo.strict || hi.strict)))
        expect(back.ok).toBe(!empty)
        if (!back.ok) {
          expect(back.problem).toBe('empty_range')
          return
        }
        expect(back.threshold).toEqual(t)
      }),
      { numRuns: 300 },
    )
  })
})
