// Whose row is it? A unit's task sheet holds its own tasks and, written by "Cập nhật cờ nhiệm vụ", the tasks
// other units assigned it (a district's task led by a commune, or one it helps with). The "Đơn vị giao" cell
// says which: blank (or the unit itself) for its own, the owner's name otherwise. ExcelApi 1.1 has no sheet
// protection, so an assigned row is read-only by agreement, shown grey, and by the server: only its lead's
// status, progress and completion date are sent (POST task-progress), never its title, due date or units;
// the next flag refresh writes the owner's values back over anything typed there.
import type { TaskProgressDraft } from '../task-progress'
import { foldText, isBlank } from '../text'
import type { Cell } from './grid'

/** Own: the unit's own task. Lead: assigned by another unit, led by this one. Other: assigned, this one helps. */
export type RowKind = 'own' | 'lead' | 'other'

/** The grey of cells the unit may not change (an assigned row's title, due date, units…). */
export const ASSIGNED_FILL = '#EDEDED'

/** Columns of an assigned row that only its owner changes. */
export const OWNER_KEYS = ['id', 'title', 'lead', 'collaborators', 'due', 'recurrence', 'note', 'owner'] as const
/** Columns the lead of an assigned row reports back. */
export const LEAD_KEYS = ['status', 'progress', 'completedOn'] as const

export type OwnUnit = { id: string; name: string }

function text(value: Cell | undefined): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : ''
}

function names(value: Cell | undefined, unit: OwnUnit): boolean {
  const f = foldText(text(value))
  return f !== '' && (f === foldText(unit.id) || f === foldText(unit.name))
}

export function rowKind(cells: { [key: string]: Cell }, unit: OwnUnit): RowKind {
  if (isBlank(cells.owner) || names(cells.owner, unit)) return 'own'
  return names(cells.lead, unit) ? 'lead' : 'other'
}

/** The lead's report from an assigned row; `owner` is the cell's text (a name), resolved by the caller. */
export function progressDraft(cells: { [key: string]: Cell }): TaskProgressDraft {
  return { owner: text(cells.owner), id: cells.id, status: cells.status, progress: cells.progress, completedOn: cells.completedOn, version: cells.version }
}

/**
 * The owner's id for an owner cell, given the units a flags answer names: the cell holds a name (or an id
 * typed by hand); '' when it names none of them.
 */
export function ownerIdOf(cell: Cell | undefined, known: { [id: string]: string }): string {
  const f = foldText(text(cell))
  for (const id of Object.keys(known)) if (foldText(id) === f || foldText(known[id] as string) === f) return id
  return ''
}

/** The key of a sheet row (owner id + task id) to match it with the server's tasks. */
export function rowKey(cells: { [key: string]: Cell }, unit: OwnUnit, known: { [id: string]: string }): string {
  const owner = rowKind(cells, unit) === 'own' ? unit.id : ownerIdOf(cells.owner, known) || text(cells.owner)
  return owner + '/' + text(cells.id)
}
