// A criteria catalogue is data: a national set of a period, or a province's own, loaded from a workbook.
// Nothing here knows a particular set; see catalogs/ for the shipped ones and catalog-check.ts for loading.
import type { EvidenceRequirement } from './evidence'
import type { Threshold, ValueKind } from './threshold'

export type { Threshold, ValueKind } from './threshold'

/** Where a fact comes from: V confirmed in a cited source, M commonly quoted, U unverified. */
export type Provenance = 'V' | 'M' | 'U'

export type Indicator = {
  code: string
  name: string
  nameEn?: string
  /** Unit shown to users: "%", "Đạt/Không đạt", "m²/người". */
  unit: string
  kind: ValueKind
  /** Threshold by class id; a class missing here means the commune declares đạt / chưa đạt. */
  thresholds: { [classId: string]: Threshold }
  /** Human wording of the target where the rule is richer than a number (shown, never evaluated). */
  targetNote?: string
  /** An indicator whose place in the set is unverified: it counts only when the commune fills it. */
  optional?: boolean
  provenance?: Provenance
  source?: string
}

export type Criterion = {
  no: number
  name: string
  nameEn?: string
  /** Id of a group in `Catalog.groups`, when the set groups its criteria. */
  group?: string
  indicators: Indicator[]
  guidance?: string
  /** The documents the appraisal expects in the criterion's dossier; none listed: at least one document. */
  evidence?: EvidenceRequirement[]
}

export type CriteriaGroup = { id: string; name: string }

/** One class of a classification: a region of QĐ 318, a commune group of QĐ 51/2025, a province's own zone. */
export type CatalogClass = { id: string; name: string; nameEn?: string; description?: string }

/** What the thresholds are keyed by, and what a commune must be assigned to be judged. */
export type Classification = {
  /** "Vùng", "Nhóm xã": what a class is called in this set. */
  label: string
  classes: CatalogClass[]
}

export type Catalog = {
  /** Stable id, e.g. `qd-318-2022`. */
  id: string
  /** A loaded version is never changed: a changed table is a new version. */
  version: string
  /** Short title people recognise: "QĐ 51/2025/QĐ-TTg". */
  title: string
  name: string
  /** First day the set may judge a period (YYYY-MM-DD): a period whose commune deadline is on or after it. */
  effectiveFrom: string
  note?: string
  classification: Classification
  groups: CriteriaGroup[]
  criteria: Criterion[]
}

export type CatalogRef = { id: string; version: string }

/** `qd-318-2022@2022.1`: one key per stored version. */
export function catalogKey(ref: CatalogRef): string {
  return ref.id + '@' + ref.version
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

export function thresholdFor(indicator: Indicator, classId: string | null): Threshold | undefined {
  if (classId === null) return undefined
  return Object.prototype.hasOwnProperty.call(indicator.thresholds, classId) ? indicator.thresholds[classId] : undefined
}

/** The class with this id in the catalogue's classification. */
export function classOf(catalog: Catalog, classId: string | null): CatalogClass | undefined {
  if (classId === null) return undefined
  for (const c of catalog.classification.classes) if (c.id === classId) return c
  return undefined
}

