import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Catalog } from '../../shared/catalog'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { QD_51_2025 } from '../../shared/catalogs/qd-51-2025'
import type { IssueCode } from '../../shared/issues'
import { type IndicatorEntry, type ReportDraft, checkReport } from '../../shared/report'
import { NOW, reportMeeting } from './fixtures'

const check = (draft: ReportDraft, region = 'btb', catalog: Catalog = QD_318_2022) => checkReport(catalog, region, draft, { now: NOW })
const codes = (draft: ReportDraft) => check(draft).issues.map((i) => i.code)

function withEntry(draft: ReportDraft, code: string, entry: Partial<IndicatorEntry>): ReportDraft {
  return { ...draft, indicators: draft.indicators.map((e) => (e.code === code ? { ...e, ...entry } : e)) }
}

describe('scoring', () => {
  it('scores Bình Sơn at 9 / 19, as its self-assessment in the notice', () => {
    const binhSon = reportMeeting([1, 4, 6, 7, 8, 12, 16, 18, 19])
    const result = check(binhSon)
    expect(result.issues).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.evaluation.achieved).toBe(9)
    expect(result.evaluation.total).toBe(19)
    expect(result.evaluation.criteria.filter((c) => c.achieved).map((c) => c.no)).toEqual([1, 4, 6, 7, 8, 12, 16, 18, 19])
  })

  it('scores any subset of criteria exactly', () => {
    fc.assert(
      fc.property(fc.subarray(Array.from({ length: 19 }, (_, i) => i + 1)), (met) => {
        const result = check(reportMeeting(met))
        expect(result.ok).toBe(true)
        expect(result.evaluation.achieved).toBe(met.length)
      }),
      { numRuns: 40 },
    )
  })

  it('meets a criterion only when every indicator is met', () => {
    const all = reportMeeting(Array.from({ length: 19 }, (_, i) => i + 1))
    expect(check(all).evaluation.achieved).toBe(19)
    const one = withEntry(all, '17.11', { status: 'chưa đạt' })
    const result = check(one)
    expect(result.evaluation.achieved).toBe(18)
    expect(result.evaluation.criteria.find((c) => c.no === 17)?.achieved).toBe(false)
  })

  it('decides by the threshold where the region has one, and by the declaration where it has none', () => {
    const all = reportMeeting(Array.from({ length: 19 }, (_, i) => i + 1))
    const low = withEntry(all, '3.1', { value: 79 })
    expect(check(low).evaluation.criteria[2]?.achieved).toBe(false)
    const row = check(low).evaluation.criteria[2]?.indicators[0]
    expect(row).toMatchObject({ code: '3.1', value: 79, basis: 'threshold', achieved: false })
    // In the Red River Delta the reference gives no threshold for 3.1: the commune declares it.
    const declared = withEntry(low, '3.1', { status: 'đạt' })
    expect(check(declared, 'dbsh').evaluation.criteria[2]?.indicators[0]).toMatchObject({ basis: 'declared', achieved: true })
  })

  it('counts the optional unverified indicator only when it is filled', () => {
    const all = reportMeeting(Array.from({ length: 19 }, (_, i) => i + 1))
    expect(check(all).evaluation.criteria[14]?.achieved).toBe(true)
    const filled = { ...all, indicators: [...all.indicators, { code: '15.4', value: 40, status: 'chưa đạt' }] }
    const result = check(filled)
    expect(result.ok).toBe(true)
    expect(result.evaluation.criteria[14]?.achieved).toBe(false)
  })

  it('reads a yes/no value in any accepted spelling, and "không" meets "no temporary houses"', () => {
    const all = reportMeeting(Array.from({ length: 19 }, (_, i) => i + 1))
    for (const spelling of ['dat', 'ĐẠT', 'x', 'Có', true, 1]) {
      expect(check(withEntry(all, '1.1', { value: spelling })).evaluation.criteria[0]?.achieved).toBe(true)
    }
    expect(check(withEntry(all, '9.1', { value: 'không' })).evaluation.criteria[8]?.achieved).toBe(true)
    expect(check(withEntry(all, '9.1', { value: 'có' })).evaluation.criteria[8]?.achieved).toBe(false)
  })
})

describe('invalid values of every kind', () => {
  const base = reportMeeting([1, 2, 3])
  const cases: Array<[string, string, Partial<IndicatorEntry>, IssueCode, string]> = [
    ['percent above 100', '2.1', { value: 101 }, 'percent_out_of_range', 'indicators[2].value'],
    ['negative percent', '2.1', { value: -1 }, 'value_negative', 'indicators[2].value'],
    ['percent as words', '3.1', { value: 'tám mươi' }, 'value_not_number', 'indicators[6].value'],
    ['non-finite number', '10', { value: Infinity }, 'value_not_number', 'indicators[21].value'],
    ['negative number', '17.4', { value: '-2' }, 'value_negative', 'indicators[38].value'],
    ['number as a boolean', '10', { value: true }, 'value_not_number', 'indicators[21].value'],
    ['yes/no nonsense', '1.1', { value: 'gần đạt' }, 'value_not_yes_no', 'indicators[0].value'],
    ['yes/no as 2', '1.2', { value: 2 }, 'value_not_yes_no', 'indicators[1].value'],
    ['threshold value missing', '3.1', { value: '' }, 'value_required', 'indicators[6].value'],
    ['yes/no value missing', '8.1', { value: null }, 'value_required', 'indicators[15].value'],
    ['declared status missing', '2.1', { status: '' }, 'status_required', 'indicators[2].status'],
    ['status nonsense', '2.1', { status: 'tốt' }, 'status_invalid', 'indicators[2].status'],
  ]
  it.each(cases)('%s → %s', (_label, code, entry, issue, path) => {
    const result = check(withEntry(base, code, entry))
    expect(result.ok).toBe(false)
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ code: issue, path, indicator: code, severity: 'error' })
    expect(result.issues[0]?.message).toContain(code)
    expect(result.issues[0]?.message_en).toContain(code)
  })

  it('accepts "85%" and "85,5" for a percentage', () => {
    expect(check(withEntry(base, '2.1', { value: '85%' })).ok).toBe(true)
    expect(check(withEntry(base, '2.1', { value: '85,5' })).evaluation.criteria[1]?.indicators[0]?.value).toBe(85.5)
  })

  it('refuses a text value that is not text', () => {
    const textCatalog: Catalog = {
      ...QD_318_2022,
      criteria: [{ no: 1, name: 'Thử', nameEn: 'Test', group: 'I', indicators: [
        { code: 'T', name: 'Ghi chú', unit: '', kind: 'text', thresholds: {}, provenance: 'U' },
      ] }],
    }
    const draft: ReportDraft = { unit: 'x', period: '2026-11-14', indicators: [{ code: 'T', value: true, status: 'đạt' }] }
    expect(check(draft, 'btb', textCatalog).issues.map((i) => i.code)).toEqual(['value_not_text'])
    expect(check({ ...draft, indicators: [{ code: 'T', value: 'xong', status: 'đạt' }] }, 'btb', textCatalog).evaluation.achieved).toBe(1)
  })
})

describe('report-level rules', () => {
  const base = reportMeeting([])

  it('warns (does not block) when a declared status contradicts the threshold', () => {
    const result = check(withEntry(base, '3.1', { value: 70, status: 'Đạt' }))
    expect(result.ok).toBe(true)
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ code: 'status_contradicts_threshold', severity: 'warning', path: 'indicators[6].status' })
    expect(result.issues[0]?.message).toBe('Chỉ tiêu 3.1: tự đánh giá "đạt" nhưng theo ngưỡng (≥ 80%) là "chưa đạt".')
  })

  it('flags unknown, duplicated, code-less and missing indicators', () => {
    const extra = { ...base, indicators: [...base.indicators, { code: '20.1', value: 1 }, { code: '2.1', value: 5, status: 'đạt' }, { code: ' ', value: 1 }] }
    const found = check(extra).issues
    expect(found.map((i) => [i.code, i.path])).toEqual([
      ['indicator_unknown', 'indicators[54].code'],
      ['indicator_duplicate', 'indicators[55].code'],
      ['indicator_code_required', 'indicators[56].code'],
    ])
    const missing = { ...base, indicators: base.indicators.filter((e) => e.code !== '19.2') }
    expect(check(missing).issues).toMatchObject([{ code: 'indicator_missing', indicator: '19.2', path: 'indicators' }])
    expect(check(missing).evaluation.criteria[18]?.achieved).toBe(false)
  })

  it('accepts numeric codes as typed in a cell', () => {
    const numeric = { ...base, indicators: base.indicators.map((e) => (e.code === '10' ? { ...e, code: 10 } : e)) }
    expect(check(numeric).issues).toEqual([])
  })

  it('requires a unit and a well-formed period that has started', () => {
    expect(codes({ ...base, unit: '' })).toEqual(['unit_required'])
    expect(codes({ ...base, unit: 42 })).toEqual(['unit_required'])
    for (const period of ['2026-11-15', '2026/11/14', '', null, 20261114]) {
      expect(codes({ ...base, period })).toEqual(['period_invalid'])
    }
    // NOW is 20/11/2026: the period of 28/11 has started, that of 14/12 has not.
    expect(codes({ ...base, period: '2026-11-28' })).toEqual([])
    expect(codes({ ...base, period: '2026-12-14' })).toEqual(['period_in_future'])
  })

  it('gathers task and fund issues into the same list', () => {
    const draft: ReportDraft = {
      ...base,
      tasks: [{ id: 'T1', title: 'Tổng dọn vệ sinh', lead: 'binh-son, tho-son', due: '2020-12-31' }],
      funds: [{ source: 'Nhân dân đóng góp', amount: -5 }],
    }
    const result = check(draft)
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['task_lead_multiple', 'tasks[0].lead'],
      ['fund_amount_invalid', 'funds[0].amount'],
    ])
    expect(result.ok).toBe(false)
  })

  it('is total: never throws on arbitrary cell values', () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object())
    fc.assert(
      fc.property(fc.array(fc.record({ code: fc.oneof(cell, fc.constantFrom('1.1', '3.1', '10')), value: cell, status: cell })), cell, (indicators, period) => {
        const result = check({ unit: 'x', period, indicators })
        expect(result.evaluation.total).toBe(19)
        for (const i of result.issues) expect(i.message.length).toBeGreaterThan(0)
      }),
      { numRuns: 200 },
    )
  })
})

describe('a percent indicator given a fraction', () => {
  const at = (draft: ReportDraft, code: string) => check(draft).evaluation.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!
  it('reads 0.85 as 0.85 % and warns that 85 may have been meant, without guessing', () => {
    const draft = withEntry(reportMeeting([3]), '3.1', { value: 0.85, status: null })
    const result = check(draft)
    expect(at(draft, '3.1').value).toBe(0.85)
    const issue = result.issues.find((i) => i.code === 'percent_looks_fractional')!
    expect(issue).toMatchObject({ severity: 'warning', path: expect.stringMatching(/\.value$/), indicator: '3.1' })
    expect(issue.message).toBe('Chỉ tiêu 3.1: giá trị 0,85 được hiểu là 0,85%. Nếu ý là 85%, hãy nhập 85 hoặc 85%.')
    expect(issue.message_en).toBe('Indicator 3.1: 0.85 is read as 0.85%. If you meant 85%, enter 85 or 85%.')
  })
  it('does not ask when the percent sign says so (a percent-formatted cell arrives as "0.85%" or "85%")', () => {
    expect(codes(withEntry(reportMeeting([3]), '3.1', { value: '0.85%', status: null }))).not.toContain('percent_looks_fractional')
    const draft = withEntry(reportMeeting([3]), '3.1', { value: '85%' })
    expect(at(draft, '3.1')).toMatchObject({ value: 85, achieved: true })
    expect(codes(withEntry(reportMeeting([3]), '3.1', { value: 0 }))).not.toContain('percent_looks_fractional')
  })
})

describe('the catalogue and the class judge the report', () => {
  it('refuses, naming what the office must set, a commune without a class (no silent default)', () => {
    const draft = reportMeeting([1, 2])
    for (const classId of [null, 'nhom-2']) {
      const result = checkReport(QD_318_2022, classId, draft, { now: NOW })
      expect(result.ok).toBe(false)
      expect(result.issues.filter((i) => i.code === 'class_missing')).toEqual([expect.objectContaining({ path: 'unit', severity: 'error' })])
      const issue = result.issues.filter((i) => i.code === 'class_missing')[0]!
      expect(issue.message).toBe(
        'Đơn vị "binh-son" chưa được xếp vùng (Trung du và miền núi phía Bắc, Đồng bằng sông Hồng, Bắc Trung Bộ, Duyên hải Nam Trung Bộ, Tây Nguyên, Đông Nam Bộ, Đồng bằng sông Cửu Long) theo bộ tiêu chí QĐ 318/QĐ-TTg, nên chưa chấm được báo cáo. Văn phòng NTM cần xếp đơn vị này (PUT /api/v1/units/{đơn vị}/catalog, mục "classes") rồi gửi lại.',
      )
    }
  })

  it('decides by value where the loaded catalogue has a threshold: with ≥ 80%, 85 is đạt and 79 chưa đạt, nothing declared', () => {
    const province: Catalog = {
      id: 'tinh', version: '1', title: 'Bộ tỉnh', name: 'Bộ tỉnh', effectiveFrom: '2026-03-01', groups: [],
      classification: { label: 'Vùng', classes: [{ id: 'vung-1', name: 'Vùng 1' }, { id: 'vung-2', name: 'Vùng 2' }] },
      criteria: [{ no: 1, name: 'Giao thông', indicators: [{ code: '1.1', name: 'Đường', unit: '%', kind: 'percent', thresholds: { 'vung-1': { min: 80 } } }] }],
    }
    const at = (value: unknown, classId: string) => checkReport(province, classId, { unit: 'x', period: '2026-11-14', indicators: [{ code: '1.1', value }] }, { now: NOW })
    expect(at(85, 'vung-1')).toMatchObject({ ok: true, evaluation: { achieved: 1, total: 1 } })
    expect(at(85, 'vung-1').evaluation.criteria[0]!.indicators[0]).toMatchObject({ basis: 'threshold', achieved: true, declared: null })
    expect(at(79, 'vung-1')).toMatchObject({ ok: true, evaluation: { achieved: 0, total: 1 } })
    // Vùng 2 has no threshold: the commune must declare.
    expect(at(85, 'vung-2').issues.map((i) => i.code)).toEqual(['status_required'])
  })

  it('scores the 2026–2030 set at criterion level "đạt X / 10" from the declared lines', () => {
    const draft: ReportDraft = {
      unit: 'binh-son', period: '2026-11-14',
      indicators: QD_51_2025.criteria.map((c) => ({ code: String(c.no), value: c.no <= 4 ? 'đạt' : 'chưa đạt' })),
    }
    const result = checkReport(QD_51_2025, 'nhom-2', draft, { now: NOW })
    expect(result.issues).toEqual([])
    expect(result.evaluation).toMatchObject({ achieved: 4, total: 10 })
    expect(result.evaluation.criteria[0]!.indicators[0]).toMatchObject({ basis: 'declared', achieved: true })
  })
})
