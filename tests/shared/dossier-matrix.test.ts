import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type DossierCommune, type DossierFact, type DossierMatrixRow, computeDossierMatrix, metWithoutDossierText } from '../../shared/dossier-matrix'
import { type EvidenceRequirement, EVIDENCE_KINDS, computeDossier } from '../../shared/evidence'

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

describe('computeDossierMatrix, communes without evidence', () => {
  // Each commune judged criterion by criterion from its own items, as the rule reads (no shortcut).
  const plainRow = (catalog: typeof CATALOG, c: DossierCommune, facts: readonly DossierFact[]): DossierMatrixRow => {
    const items = facts.filter((f) => f.catalog === catalog.id && f.unit === c.unit.id)
    const missing: { [no: string]: number } = {}
    const metWithoutDossier: number[] = []
    for (const k of catalog.criteria) {
      const d = computeDossier(k.no, k.evidence || [], items)
      missing[String(k.no)] = d.missing.length
      if (!d.complete && c.criteria !== null && c.criteria[String(k.no)] === true) metWithoutDossier.push(k.no)
    }
    return { unit: c.unit, missing, reported: c.criteria !== null, metWithoutDossier }
  }
  const units = ['a', 'b', 'c', 'd', 'e']
  const arbFact = fc.record({
    unit: fc.constantFrom(...units), catalog: fc.constantFrom('set-a', 'set-b'), criterion: fc.integer({ min: 1, max: 4 }),
    kind: fc.constantFrom(...EVIDENCE_KINDS.map((k) => k.id)), requirement: fc.constantFrom(null, '1.a', '1.b', '1.c', 'x'),
    hasFile: fc.boolean(), current: fc.boolean(),
  })
  const arbCommune = (id: string) => fc.option(fc.dictionary(fc.constantFrom('1', '2', '3', '4'), fc.boolean())).map((criteria) => commune(id, criteria))

  it('gives a commune that filed nothing the row its criteria give one by one: every document missing', () => {
    const m = computeDossierMatrix(CATALOG, [commune('a', { 1: true, 3: true }), commune('b', null)], [])
    expect(m.communes).toEqual([
      { unit: { id: 'a', name: 'Xã a' }, missing: { 1: 3, 2: 1, 3: 1 }, reported: true, metWithoutDossier: [1, 3] },
      { unit: { id: 'b', name: 'Xã b' }, missing: { 1: 3, 2: 1, 3: 1 }, reported: false, metWithoutDossier: [] },
    ])
    // Rows are the commune's own: changing one does not change another's.
    ;(m.communes[0] as DossierMatrixRow).missing['1'] = 0
    expect(m.communes[1]?.missing['1']).toBe(3)
  })

  it('agrees with judging every commune from its own items, with or without evidence', () => {
    fc.assert(
      fc.property(fc.tuple(...units.map(arbCommune)), fc.array(arbFact, { maxLength: 12 }), (communes, facts) => {
        const m = computeDossierMatrix(CATALOG, communes, facts)
        const rows = communes.map((c) => plainRow(CATALOG, c, facts))
        expect(m.communes).toEqual(rows)
        expect(m.totals).toEqual(CATALOG.criteria.map((k) => ({
          no: k.no,
          complete: rows.filter((r) => r.missing[String(k.no)] === 0).length,
          metWithoutDossier: rows.filter((r) => r.metWithoutDossier.indexOf(k.no) >= 0).length,
        })))
      }),
      { numRuns: 500 },
    )
  })
})

