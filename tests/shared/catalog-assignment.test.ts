import { describe, expect, it } from 'vitest'
import { type Assignment, type ClassAssignment, assignmentFor, classFor } from '../../shared/catalog-assignment'

// The demo province: QĐ 318 from its own effective date, QĐ 51/2025 from 15/02/2026; one commune moves to
// the province's own set later.
const ASSIGNMENTS: Assignment[] = [
  { unit: 'thanh-hoa', catalog: { id: 'qd-318-2022', version: '2022.1' }, from: '2022-03-08', seq: 1 },
  { unit: 'thanh-hoa', catalog: { id: 'qd-51-2025', version: '2025.1' }, from: '2026-02-15', seq: 2 },
  { unit: 'tho-son', catalog: { id: 'nang-cao', version: '2026.1' }, from: '2026-10-15', seq: 3 },
]
const BINH_SON = ['binh-son', 'trieu-son', 'thanh-hoa']
const THO_SON = ['tho-son', 'trieu-son', 'thanh-hoa']
const judge = (chain: string[], period: string) => assignmentFor(chain, ASSIGNMENTS, period)?.catalog.id ?? null

describe('which catalogue judges a period', () => {
  it('uses 318 up to the 2026-02-14 period and 51/2025 from the 2026-02-28 period on (deadline vs effective date)', () => {
    expect(judge(BINH_SON, '2026-01-28')).toBe('qd-318-2022')
    expect(judge(BINH_SON, '2026-02-14')).toBe('qd-318-2022')
    expect(judge(BINH_SON, '2026-02-28')).toBe('qd-51-2025')
    expect(judge(BINH_SON, '2026-11-14')).toBe('qd-51-2025')
  })

  it('takes a deadline on the effective date itself', () => {
    const onTheDay: Assignment[] = [{ unit: 'x', catalog: { id: 'a', version: '1' }, from: '2026-03-14', seq: 1 }]
    expect(assignmentFor(['x'], onTheDay, '2026-03-14')?.catalog.id).toBe('a')
    expect(assignmentFor(['x'], onTheDay, '2026-02-28')).toBeNull()
  })

  it('has nothing before the first assignment, and nothing for an invalid period', () => {
    expect(judge(BINH_SON, '2021-11-28')).toBeNull()
    expect(judge(BINH_SON, '2026-11-15')).toBeNull()
  })

  it('prefers the nearest unit that has an assignment in force, else inherits', () => {
    expect(judge(THO_SON, '2026-10-14')).toBe('qd-51-2025')
    expect(judge(THO_SON, '2026-10-28')).toBe('nang-cao')
    expect(judge(THO_SON, '2026-02-14')).toBe('qd-318-2022')
  })

  it('lets a later entry for the same date replace an earlier one (entries are only added)', () => {
    const again = ASSIGNMENTS.concat([{ unit: 'thanh-hoa', catalog: { id: 'qd-51-2025', version: '2026.1' }, from: '2026-02-15', seq: 9 }])
    expect(assignmentFor(BINH_SON, again, '2026-11-14')?.catalog).toEqual({ id: 'qd-51-2025', version: '2026.1' })
    expect(assignmentFor(BINH_SON, again, '2026-01-14')?.catalog).toEqual({ id: 'qd-318-2022', version: '2022.1' })
  })
})

describe("a unit's class in a catalogue", () => {
  const CLASSES: ClassAssignment[] = [
    { unit: 'thanh-hoa', catalogId: 'qd-318-2022', classId: 'btb', seq: 1 },
    { unit: 'binh-son', catalogId: 'qd-51-2025', classId: 'nhom-2', seq: 2 },
    { unit: 'binh-son', catalogId: 'qd-51-2025', classId: 'nhom-3', seq: 5 },
    { unit: 'tho-son', catalogId: 'qd-51-2025', classId: 'nhom-1', seq: 3 },
  ]
  it('is set per catalogue, on the unit or an ancestor, the latest entry winning', () => {
    expect(classFor(BINH_SON, CLASSES, 'qd-318-2022')).toBe('btb')
    expect(classFor(BINH_SON, CLASSES, 'qd-51-2025')).toBe('nhom-3')
    expect(classFor(THO_SON, CLASSES, 'qd-51-2025')).toBe('nhom-1')
  })
  it('is null when nobody set one: no silent default', () => {
    expect(classFor(['hop-ly', 'trieu-son', 'thanh-hoa'], CLASSES, 'qd-51-2025')).toBeNull()
    expect(classFor(BINH_SON, CLASSES, 'nang-cao')).toBeNull()
  })
})
