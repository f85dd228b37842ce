// A criteria catalogue is data: the national set of a period, or a province's own thresholds.
// Nothing here knows a particular set; see catalogs/ for the shipped ones.
import type { EvidenceRequirement } from './evidence'

export type ValueKind = 'number' | 'percent' | 'yesno' | 'text'

/** A numeric bound (inclusive) or, for yes/no indicators, the answer that meets it. */
export type Threshold = { min?: number; max?: number } | { expect: boolean }

/** Where a fact comes from: V confirmed in a cited source, M commonly quoted, U unverified. */
export type Provenance = 'V' | 'M' | 'U'

export type Indicator = {
  code: string
  name: string
  nameEn?: string
  /** Unit shown to users: "%", "Đạt/Không đạt", "m²/người". */
  unit: string
  kind: ValueKind
  /** Threshold by region or commune-group id; a region missing here means the commune declares đạt / chưa đạt. */
  thresholds: { [region: string]: Threshold }
  /** Human wording of the target where the rule is richer than a number (shown, never evaluated). */
  targetNote?: string
  /** An indicator whose place in the set is unverified: it counts only when the commune fills it. */
  optional?: boolean
  provenance: Provenance
  source?: string
}

export type Criterion = {
  no: number
  name: string
  nameEn: string
  group: string
  indicators: Indicator[]
  guidance?: string
  /** The documents the appraisal expects in the criterion's dossier; none listed: at least one document. */
  evidence?: EvidenceRequirement[]
}

export type CriteriaGroup = { id: string; name: string }
export type Region = { id: string; name: string; nameEn: string }

export type Catalog = {
  /** Stable id, e.g. `qd-318-2022`. */
  id: string
  version: string
  name: string
  /** First day the set applies (YYYY-MM-DD); the active set for a date is the latest that has begun. */
  validFrom: string
  validTo?: string
  regions: Region[]
  groups: CriteriaGroup[]
  criteria: Criterion[]
}

export function indicatorsOf(catalog: Catalog): Indicator[] {
  const out: Indicator[] = []
  for (const c of catalog.criteria) for (const i of c.indicators) out.push(i)
  return out
}

/** Indicator code → indicator and the number of its criterion. */
export function indexIndicators(catalog: Catalog): { [code: string]: { indicator: Indicator; criterion: number } } {
  const index: { [code: string]: { indicator: Indicator; criterion: number } } = {}
  for (const c of catalog.criteria) for (const i of c.indicators) index[i.code] = { indicator: i, criterion: c.no }
  return index
}

export function thresholdFor(indicator: Indicator, region: string): Threshold | undefined {
  return Object.prototype.hasOwnProperty.call(indicator.thresholds, region) ? indicator.thresholds[region] : undefined
}

/** Whether a parsed value meets a threshold; undefined when the value is of the wrong shape. */
export function meetsThreshold(threshold: Threshold, value: number | boolean | string): boolean | undefined {
  if ('expect' in threshold) return typeof value === 'boolean' ? value === threshold.expect : undefined
  if (typeof value !== 'number') return undefined
  if (threshold.min !== undefined && value < threshold.min) return false
  if (threshold.max !== undefined && value > threshold.max) return false
  return true
}

/** "≥ 80 %", "≤ 10 %", "đạt", "không" — the target as a commune sees it. */
export function describeThreshold(threshold: Threshold | undefined, unit: string): string {
  if (!threshold) return 'xã tự đánh giá'
  if ('expect' in threshold) return threshold.expect ? 'Đạt' : 'Không'
  const u = unit === '%' ? '%' : ' ' + unit
  const parts: string[] = []
  if (threshold.min !== undefined) parts.push('≥ ' + threshold.min + u)
  if (threshold.max !== undefined) parts.push('≤ ' + threshold.max + u)
  return parts.join(', ')
}

/** The catalogue in force on a date among several (the latest `validFrom` not after it). */
export function activeCatalog(catalogs: readonly Catalog[], date: string): Catalog | undefined {
  let best: Catalog | undefined
  for (const c of catalogs) {
    if (c.validFrom > date) continue
    if (c.validTo !== undefined && c.validTo < date) continue
    if (!best || c.validFrom > best.validFrom) best = c
  }
  return best
}
