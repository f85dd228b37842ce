// A commune's dossier: its items and, per criterion of its catalogue, what is there and what is missing,
// beside the verdict of its latest report (so "đạt nhưng thiếu hồ sơ" shows on the commune's own page).
import type { EvidenceDossierRow, EvidenceListResponse } from '../../shared/api'
import { type DossierItem, computeDossier } from '../../shared/evidence'
import { findLatestVerdicts, listEvidence } from '../db/evidence'
import type { UnitContext } from '../scope'
import { loadCurrentCatalog } from './judge'
import { publicItem } from './add-evidence'

export async function listUnitEvidence(db: D1Database, target: UnitContext, criterion: number | null, now: Date): Promise<EvidenceListResponse> {
  const [catalog, stored, verdicts] = await Promise.all([
    loadCurrentCatalog(db, target, now),
    listEvidence(db, target.unit.id, criterion),
    findLatestVerdicts(db, target.unit.id),
  ])
  // Items filed under another catalogue (a 2021–2025 dossier under the 2026 set) are listed but do not count.
  const facts: DossierItem[] = stored
    .filter((i) => i.catalog === catalog.id)
    .map((i) => ({ criterion: i.criterion, kind: i.kind, requirement: i.requirement, hasFile: i.file !== null, current: i.supersededBy === null }))
  const judged = verdicts && verdicts.catalogId === catalog.id ? verdicts : null
  const dossiers: EvidenceDossierRow[] = catalog.criteria
    .filter((c) => criterion === null || c.no === criterion)
    .map((c) => {
      const met = judged ? judged.criteria[String(c.no)] : undefined
      return { ...computeDossier(c.no, c.evidence ?? [], facts), name: c.name, met: met === undefined ? null : met }
    })
  const { id, name, level } = target.unit
  return {
    unit: { id, name, level },
    catalog: { id: catalog.id, version: catalog.version, name: catalog.name },
    period: judged ? judged.period : null,
    items: stored.map(publicItem),
    dossiers,
  }
}
