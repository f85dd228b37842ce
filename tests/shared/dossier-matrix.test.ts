import { describe, expect, it } from 'vitest'
import { type DossierFact, computeDossierMatrix, metWithoutDossierText } from '../../shared/dossier-matrix'
import type { EvidenceRequirement } from '../../shared/evidence'

const REQUIRED: EvidenceRequirement[] = [
  { id: '1.a', title: 'Quyết định phê duyệt quy hoạch', kind: 'quyet_dinh' },
  { id: '1.b', title: 'Biên bản công bố quy hoạch', kind: 'bien_ban' },
  { id: '1.c', title: 'Ảnh bảng công khai quy hoạch' },
]
const CATALOG = {
  id: 'set-a',
  version: '1',
  title: 'Bộ A',
  criteria: [{ no: 1, name: 'Quy hoạch', evidence: REQUIRED }, { no: 2, name: 'Giao thông' }, { no: 3, name: 'Thủy lợi' }],
}
const fact = (unit: string, over: Partial<DossierFact> = {}): DossierFact => ({
  unit, catalog: 'set-a', criterion: 2, kind: 'quyet_dinh', requirement: null, hasFile: true, current: true, ...over,
})
const commune = (id: string, criteria: { [no: string]: boolean } | null) => ({ unit: { id, name: 'Xã ' + id }, criteria })

describe('computeDossierMatrix', () => {
  it('gives each commune what each criterion lacks and the criteria it reports met without their dossier', () => {
    const m = computeDossierMatrix(
      CATALOG,
      [commune('a', { 1: true, 2: true, 3: false }), commune('b', null)],
      [fact('a'), fact('a', { criterion: 1, kind: 'bien_ban' }), fact('b', { criterion: 3 })],
    )
    expect(m.catalog).toEqual({ id: 'set-a', version: '1', title: 'Bộ A' })
    expect(m.criteria).toEqual([{ no: 1, name: 'Quy hoạch', expected: 3 }, { no: 2, name: 'Giao thông', expected: 1 }, { no: 3, name: 'Thủy lợi', expected: 1 }])
    expect(m.communes).toEqual([
      { unit: { id: 'a', name: 'Xã a' }, missing: { 1: 2, 2: 0, 3: 1 }, reported: true, metWithoutDossier: [1] },
      // Without a report nothing is "đạt", so nothing is met without its dossier.
      { unit: { id: 'b', name: 'Xã b' }, missing: { 1: 3, 2: 1, 3: 0 }, reported: false, metWithoutDossier: [] },
    ])
    expect(m.totals).toEqual([
      { no: 1, complete: 0, metWithoutDossier: 1 },
      { no: 2, complete: 1, metWithoutDossier: 0 },
      { no: 3, complete: 1, metWithoutDossier: 0 },
    ])
  })

  it('does not let one commune’s items fill another’s dossier', () => {
    const m = computeDossierMatrix(CATALOG, [commune('a', { 2: true }), commune('b', { 2: true })], [fact('b')])
    expect(m.communes.map((r) => r.metWithoutDossier)).toEqual([[2], []])
  })

  it('counts only items filed under the same catalogue, current and with their file', () => {
    const m = computeDossierMatrix(CATALOG, [commune('a', { 2: true })], [
      fact('a', { catalog: 'set-b' }),
      fact('a', { current: false }),
      fact('a', { hasFile: false }),
    ])
    expect(m.communes[0]?.missing['2']).toBe(1)
    expect(m.communes[0]?.metWithoutDossier).toEqual([2])
  })

  it('counts the criteria met without their dossier and names the communes, most first, in one line', () => {
    const m = computeDossierMatrix(CATALOG, [commune('c', { 2: true }), commune('a', { 2: true, 3: true }), commune('b', { 2: true })], [fact('b')])
    expect(metWithoutDossierText([m])).toBe('3 tiêu chí ở 2 xã (Xã a 2, Xã c 1)')
    expect(metWithoutDossierText([computeDossierMatrix(CATALOG, [commune('b', { 2: true })], [fact('b')])])).toBe('không có')
    expect(metWithoutDossierText([])).toBe('không có')
  })
})
