// The dossier matrix of the district's aggregate: the communes' current evidence items, judged per criterion
// against what the catalogue expects, beside the verdicts of the communes' latest reports of the period.
import type { CommuneRow } from '../../shared/aggregate'
import type { Catalog } from '../../shared/catalog'
import { type DossierMatrix, computeDossierMatrix } from '../../shared/dossier-matrix'
import { listCurrentEvidenceFacts } from '../db/evidence'

export async function aggregateDossiers(db: D1Database, catalog: Catalog, communes: readonly CommuneRow[]): Promise<DossierMatrix[]> {
  const facts = await listCurrentEvidenceFacts(db, communes.map((c) => c.unit.id))
  const dossierFacts = facts.map((f) => ({
    unit: f.unitId, catalog: f.catalogId, criterion: f.criterion, kind: f.kind, requirement: f.requirement, hasFile: f.hasFile, current: true,
  }))
  return [computeDossierMatrix(catalog, communes, dossierFacts)]
}
