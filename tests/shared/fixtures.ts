// Report drafts built from the shipped catalogue, for tests.
import { type Catalog, indicatorsOf, thresholdFor } from '../../shared/catalog'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import type { EvidenceListResponse } from '../../shared/api'
import type { IndicatorEntry, ReportDraft } from '../../shared/report'

/** A value that meets (or, with `met` false, misses) the indicator in the region, as a commune would type it. */
export function entryFor(catalog: Catalog, code: string, region: string, met: boolean): IndicatorEntry {
  const indicator = indicatorsOf(catalog).find((i) => i.code === code)
  if (!indicator) throw new Error('no indicator ' + code)
  const threshold = thresholdFor(indicator, region)
  if (!threshold) {
    const value = indicator.kind === 'yesno' ? undefined : indicator.kind === 'text' ? 'ghi chú' : 50
    return { code, value, status: met ? 'đạt' : 'chưa đạt' }
  }
  if ('expect' in threshold) return { code, value: threshold.expect === met ? 'Đạt' : 'Chưa đạt' }
  const min = threshold.min ?? 0
  const max = threshold.max ?? 100
  return { code, value: met ? (min + max) / 2 : min > 0 ? min - 1 : max + 1 }
}

/** A complete report in which exactly the criteria listed in `met` are achieved. */
export function reportMeeting(met: readonly number[], options: { region?: string; catalog?: Catalog; period?: string; unit?: string } = {}): ReportDraft {
  const catalog = options.catalog ?? QD_318_2022
  const region = options.region ?? 'btb'
  const indicators: IndicatorEntry[] = []
  for (const c of catalog.criteria) {
    c.indicators.forEach((i, n) => {
      if (i.optional) return
      // One missed indicator is enough to miss the criterion.
      indicators.push(entryFor(catalog, i.code, region, met.includes(c.no) || n > 0))
    })
  }
  return { unit: options.unit ?? 'binh-son', period: options.period ?? '2026-11-14', indicators }
}

export const NOW = '2026-11-20T10:00:00+07:00'

/**
 * Bình Sơn's dossier as the server lists it: criterion 1 met with its decision (replaced once), criterion 4 met
 * with only a paper reference, criterion 2 not met; one title typed to look like a formula.
 */
export function evidenceListFixture(): EvidenceListResponse {
  const file = (name: string, size: number) => ({ type: 'pdf' as const, mime: 'application/pdf', size, name, sha256: 'ab'.repeat(32) })
  const base = { unit: 'binh-son', catalog: 'qd-318-2022', indicator: null, requirement: null, issuer: 'UBND huyện Triệu Sơn', createdBy: 'Xã Bình Sơn' }
  return {
    unit: { id: 'binh-son', name: 'Xã Bình Sơn', level: 'commune' },
    catalog: { id: 'qd-318-2022', version: '2022.1', name: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025 (QĐ 318/QĐ-TTg)' },
    period: '2026-11-14',
    items: [
      { ...base, id: 'evd_old', criterion: 1, kind: 'quyet_dinh', number: '12/QĐ', date: '2024-03-01', title: 'QĐ phê duyệt quy hoạch (bản nháp)', file: file('qd.pdf', 2048), fileUrl: '/api/v1/evidence/evd_old/file', supersedes: null, supersededBy: 'evd_new', createdAt: '2026-10-01T01:00:00.000Z' },
      { ...base, id: 'evd_new', criterion: 1, kind: 'quyet_dinh', number: '125/QĐ-UBND', date: '2024-03-15', title: 'QĐ phê duyệt quy hoạch chung xây dựng xã', file: file('QĐ 125.pdf', 1536000), fileUrl: '/api/v1/evidence/evd_new/file', supersedes: 'evd_old', supersededBy: null, createdAt: '2026-10-02T01:00:00.000Z' },
      { ...base, id: 'evd_paper', criterion: 4, kind: 'ke_hoach', number: '=1+1', date: null, issuer: null, title: '=HYPERLINK("http://evil","x")', file: null, fileUrl: null, supersedes: null, supersededBy: null, createdAt: '2026-10-03T01:00:00.000Z' },
    ],
    dossiers: [
      { criterion: 1, name: 'Quy hoạch', met: true, expected: 1, present: 1, missing: [], complete: true, items: 1 },
      { criterion: 2, name: 'Giao thông', met: false, expected: 1, present: 0, missing: [{ requirement: null, title: 'Ít nhất một tài liệu minh chứng' }], complete: false, items: 0 },
      { criterion: 4, name: 'Điện', met: true, expected: 1, present: 0, missing: [{ requirement: null, title: 'Ít nhất một tài liệu minh chứng' }], complete: false, items: 1 },
    ],
  }
}
