// The dossier matrices of the district's aggregate: the communes' current evidence items, judged per
// criterion against what their catalogue expects, beside the verdicts of their latest reports of the period.
// One matrix per catalogue version judging communes, in the order of the aggregate's tallies.
import type { PeriodAggregate } from '../../shared/aggregate'
import { type Catalog, catalogKey } from '../../shared/catalog'
import { type DossierMatrix, computeDossierMatrix } from '../../shared/dossier-matrix'
import type { EvidenceFact } from '../db/evidence'

/** `facts`: the current evidence items of the communes (the caller reads them with the reports). */
export function aggregateDossiers(
  facts: readonly EvidenceFact[], catalogs: { [key: string]: Catalog }, aggregate: Pick<PeriodAggregate, 'communes' | 'catalogs'>,
): DossierMatrix[] {
  const dossierFacts = facts.map((f) => ({
    unit: f.unitId, catalog: f.catalogId, criterion: f.criterion, kind: f.kind, requirement: f.requirement, hasFile: f.hasFile, current: true,
  }))
  const out: DossierMatrix[] = []
  for (const tally of aggregate.catalogs) {
    const key = catalogKey(tally)
    const catalog = catalogs[key]
    if (!catalog) continue
    const communes = aggregate.communes.filter((c) => c.catalog !== null && catalogKey(c.catalog) === key)
    out.push(computeDossierMatrix(catalog, communes, dossierFacts))
  }
  return out
}
