// Which catalogue judges a unit's report for a period, and the unit's class in it. Both are data set by
// the NTM office on units and inherited from the nearest ancestor that has one:
//  - an assignment says "catalogue C, version V, from date D": it judges every period whose commune
//    deadline (the period id) falls on or after D. On one unit the latest `from` not after the deadline
//    wins; a later entry for the same `from` replaces an earlier one (entries are only ever added).
//  - a class is set per catalogue id (a region of QĐ 318, a group of QĐ 51/2025), so a new version of
//    a catalogue keeps its communes' classes.
import type { CatalogRef } from './catalog'
import { periodOf } from './calendar'

export type Assignment = {
  unit: string
  catalog: CatalogRef
  /** YYYY-MM-DD: the first commune deadline this assignment judges. */
  from: string
  /** Order of entry: among equal `from` dates the later entry wins. */
  seq: number
}

export type ClassAssignment = { unit: string; catalogId: string; classId: string; seq: number }

/** The assignment in force for a period: the nearest unit of `chain` (nearest first) that has one. */
export function assignmentFor(chain: readonly string[], assignments: readonly Assignment[], period: string): Assignment | null {
  const p = periodOf(period)
  if (!p) return null
  for (const unit of chain) {
    let best: Assignment | null = null
    for (const a of assignments) {
      if (a.unit !== unit || a.from > p.communeDue) continue
      if (!best || a.from > best.from || (a.from === best.from && a.seq > best.seq)) best = a
    }
    if (best) return best
  }
  return null
}

/** The unit's class in a catalogue: set on the unit or inherited from the nearest ancestor; latest entry wins. */
export function classFor(chain: readonly string[], classes: readonly ClassAssignment[], catalogId: string): string | null {
  for (const unit of chain) {
    let best: ClassAssignment | null = null
    for (const c of classes) if (c.unit === unit && c.catalogId === catalogId && (!best || c.seq > best.seq)) best = c
    if (best) return best.classId
  }
  return null
}
