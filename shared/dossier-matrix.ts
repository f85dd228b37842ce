// The district's communes × criteria matrix of dossier completeness, beside its criteria-met matrix: per
// commune and criterion what the dossier lacks, and the criteria a commune reports as met whose dossier is
// incomplete ("đạt nhưng thiếu hồ sơ" — what the appraisal refuses). One matrix per catalogue judging the
// communes: criterion numbers mean nothing across sets.
import { type CriterionDossier, type DossierItem, type EvidenceRequirement, computeDossier } from './evidence'

export type DossierCriterion = { no: number; name: string; evidence?: readonly EvidenceRequirement[] }

export type DossierMatrixRow = {
  unit: { id: string; name: string }
  /** Criterion number → documents missing (0: "đủ"). */
  missing: { [no: string]: number }
  /** Whether the commune's report for the period was received: without one, nothing is "đạt". */
  reported: boolean
  /** Criteria its latest report of the period says are met whose dossier is incomplete. */
  metWithoutDossier: number[]
}

export type DossierMatrixTotal = {
  no: number
  /** Communes whose dossier of this criterion is complete. */
  complete: number
  metWithoutDossier: number
}

export type DossierMatrix = {
  catalog: { id: string; version: string; title: string }
  /** The criteria in the catalogue's order, with how many documents each expects. */
  criteria: Array<{ no: number; name: string; expected: number }>
  communes: DossierMatrixRow[]
  totals: DossierMatrixTotal[]
}

export type DossierCommune = {
  unit: { id: string; name: string }
  /** Criterion number → met, of the commune's latest report of the period (null: none received). */
  criteria: { [no: string]: boolean } | null
}

/** A current item of some commune under some catalogue, as the dossier rules need it. */
export type DossierFact = DossierItem & { unit: string; catalog: string }

/**
 * The matrix of the communes judged by one catalogue. Only items filed under that catalogue count: a
 * dossier kept for the 2021–2025 set does not prove a criterion of the 2026 set.
 */
export function computeDossierMatrix(
  catalog: { id: string; version: string; title: string; criteria: readonly DossierCriterion[] },
  communes: readonly DossierCommune[],
  facts: readonly DossierFact[],
): DossierMatrix {
  const byUnit: { [unit: string]: DossierItem[] } = {}
  for (const f of facts) if (f.catalog === catalog.id) (byUnit[f.unit] = byUnit[f.unit] || []).push(f)
  const totals: DossierMatrixTotal[] = catalog.criteria.map((k) => ({ no: k.no, complete: 0, metWithoutDossier: 0 }))
  const keys = catalog.criteria.map((k) => String(k.no))
  // Most communes have filed nothing under the catalogue: their dossiers are all the same, judged once, and
  // their rows start from a copy of the same counts (copying is far cheaper than setting 19 numbered keys).
  const empty = catalog.criteria.map((k) => computeDossier(k.no, k.evidence || [], []))
  const emptyMissing: { [no: string]: number } = {}
  empty.forEach((d, i) => (emptyMissing[keys[i] as string] = d.missing.length))
  const rows = communes.map((c): DossierMatrixRow => {
    const items = byUnit[c.unit.id]
    const missing: { [no: string]: number } = items ? {} : { ...emptyMissing }
    const metWithoutDossier: number[] = []
    for (let i = 0; i < keys.length; i++) {
      const k = catalog.criteria[i] as DossierCriterion
      const key = keys[i] as string
      const d = items ? computeDossier(k.no, k.evidence || [], items) : (empty[i] as CriterionDossier)
      const total = totals[i] as DossierMatrixTotal
      if (items) missing[key] = d.missing.length
      if (d.complete) total.complete++
      else if (c.criteria !== null && c.criteria[key] === true) {
        metWithoutDossier.push(k.no)
        total.metWithoutDossier++
      }
    }
    return { unit: { id: c.unit.id, name: c.unit.name }, missing, reported: c.criteria !== null, metWithoutDossier }
  })
  return {
    catalog: { id: catalog.id, version: catalog.version, title: catalog.title },
    criteria: catalog.criteria.map((k) => ({ no: k.no, name: k.name, expected: k.evidence && k.evidence.length > 0 ? k.evidence.length : 1 })),
    communes: rows,
    totals,
  }
}

/** Whether any commune has a criterion it reports met whose dossier is incomplete. */
export function hasDossierGaps(matrices: readonly DossierMatrix[]): boolean {
  return matrices.some((m) => m.communes.some((c) => c.metWithoutDossier.length > 0))
}

/**
 * "4 tiêu chí ở 1 xã (Xã Bình Sơn 4)": how many criteria are reported met without their dossier, and where, most
 * first (the criteria themselves are in each commune's row).
 */
export function metWithoutDossierText(matrices: readonly DossierMatrix[]): string {
  const rows = matrices.reduce((all: DossierMatrixRow[], m) => all.concat(m.communes.filter((r) => r.metWithoutDossier.length > 0)), [])
  if (rows.length === 0) return 'không có'
  rows.sort((a, b) => b.metWithoutDossier.length - a.metWithoutDossier.length || a.unit.name.localeCompare(b.unit.name, 'vi'))
  const criteria = rows.reduce((n, r) => n + r.metWithoutDossier.length, 0)
  return criteria + ' tiêu chí ở ' + rows.length + ' xã (' + rows.map((r) => r.unit.name + ' ' + r.metWithoutDossier.length).join(', ') + ')'
}
