// Report drafts built from the shipped catalogue, for tests.
import { type Catalog, indicatorsOf, thresholdFor } from '../../shared/catalog'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
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
