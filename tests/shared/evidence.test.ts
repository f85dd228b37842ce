import { describe, expect, it } from 'vitest'
import { type DossierItem, type EvidenceRequirement, computeDossier, dossierText, dossierTextEn, formatFileSize, isEvidenceKind } from '../../shared/evidence'

const item = (over: Partial<DossierItem> = {}): DossierItem => ({ criterion: 1, kind: 'quyet_dinh', requirement: null, hasFile: true, current: true, ...over })

const REQUIRED: EvidenceRequirement[] = [
  { id: '1.a', title: 'Quyết định phê duyệt quy hoạch', kind: 'quyet_dinh' },
  { id: '1.b', title: 'Biên bản công bố quy hoạch', kind: 'bien_ban' },
  { id: '1.c', title: 'Ảnh bảng công khai quy hoạch' },
]

describe('computeDossier without a list in the catalogue', () => {
  it('needs one current document with a file', () => {
    expect(computeDossier(1, [], [])).toMatchObject({ expected: 1, present: 0, complete: false, items: 0, missing: [{ requirement: null }] })
    expect(computeDossier(1, [], [item()])).toEqual({ criterion: 1, expected: 1, present: 1, missing: [], complete: true, items: 1 })
  })

  it('does not count a paper without its file, a superseded item or another criterion', () => {
    expect(computeDossier(1, [], [item({ hasFile: false })])).toMatchObject({ complete: false, items: 1 })
    expect(computeDossier(1, [], [item({ current: false })])).toMatchObject({ complete: false, items: 0 })
    expect(computeDossier(1, [], [item({ criterion: 2 })])).toMatchObject({ complete: false, items: 0 })
  })
})

describe('computeDossier with the catalogue list', () => {
  it('counts what is missing by title', () => {
    const d = computeDossier(1, REQUIRED, [])
    expect(d).toMatchObject({ expected: 3, present: 0, complete: false })
    expect(d.missing.map((m) => m.requirement)).toEqual(['1.a', '1.b', '1.c'])
    expect(dossierText(d)).toBe('thiếu 3')
    expect(dossierTextEn(d)).toBe('3 missing')
  })

  it('lets an item meet the requirement it names', () => {
    const d = computeDossier(1, REQUIRED, [item({ requirement: '1.c', kind: 'anh_cong_trinh' })])
    expect(d.missing.map((m) => m.requirement)).toEqual(['1.a', '1.b'])
  })

  it('lets an unnamed item stand for one requirement of its kind, never for a requirement without a kind', () => {
    const d = computeDossier(1, REQUIRED, [item({ kind: 'bien_ban' }), item({ kind: 'anh_cong_trinh' })])
    expect(d.missing.map((m) => m.requirement)).toEqual(['1.a', '1.c'])
  })

  it('uses each unnamed item once', () => {
    const two: EvidenceRequirement[] = [{ id: 'x', title: 'QĐ 1', kind: 'quyet_dinh' }, { id: 'y', title: 'QĐ 2', kind: 'quyet_dinh' }]
    expect(computeDossier(1, two, [item()]).present).toBe(1)
    expect(computeDossier(1, two, [item(), item()]).complete).toBe(true)
  })

  it('ignores a named requirement that is not in the list; the item then counts by its kind', () => {
    const d = computeDossier(1, REQUIRED, [item({ requirement: 'zz' })])
    expect(d.missing.map((m) => m.requirement)).toEqual(['1.b', '1.c'])
  })

  it('is complete when every requirement is met', () => {
    const d = computeDossier(1, REQUIRED, [item(), item({ kind: 'bien_ban' }), item({ requirement: '1.c', kind: 'anh_cong_trinh' })])
    expect(d).toMatchObject({ expected: 3, present: 3, complete: true, missing: [] })
    expect(dossierText(d)).toBe('đủ')
  })
})

describe('helpers', () => {
  it('knows the kinds', () => {
    expect(isEvidenceKind('bien_ban')).toBe(true)
    expect(isEvidenceKind('Biên bản')).toBe(false)
  })

  it('writes sizes as people read them', () => {
    expect(formatFileSize(900)).toBe('900 B')
    expect(formatFileSize(850 * 1024)).toBe('850 KB')
    expect(formatFileSize(2.44 * 1024 * 1024)).toBe('2,4 MB')
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB')
  })
})
