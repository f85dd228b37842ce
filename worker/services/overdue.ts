// Overdue tasks under a unit on a day, counted and paged in SQL from the flag inputs stored with each task
// (next_due < today), longest overdue first; a keyset cursor (next deadline, owner, id) gives the next page.
import type { OverdueTask } from '../../shared/api'
import { daysBetween } from '../../shared/dates'
import { taskFlag } from '../../shared/tasks'
import {
  type OverdueRow, type OverdueScope, type ScopedRow, countOverdueStatement, listUnscheduledStatement, pageOverdueStatement,
  scopedRowTask, toOverdueRow,
} from '../db/tasks'
import { listUnitNames } from '../db/units'
import { ApiError } from '../errors'

export const OVERDUE_PAGE = 100
export const OVERDUE_PAGE_MAX = 1000

export type OverduePage = { total: number; tasks: OverdueTask[]; next: string | null }
type Key = [string, string, string]

const keyOf = (r: OverdueRow): Key => [r.nextDue, r.owner, r.id]
const before = (a: Key, b: Key): boolean => a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2]

function encodeCursor(key: Key): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(JSON.stringify(key))) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const badCursor = (): ApiError =>
  new ApiError(400, 'bad_request', ['Con trỏ trang "cursor" không hợp lệ.', 'The page cursor "cursor" is invalid.'])

function decodeCursor(cursor: string): Key {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    const key = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as unknown
    if (Array.isArray(key) && key.length === 3 && key.every((k) => typeof k === 'string')) return key as Key
  } catch {
    // falls through
  }
  throw badCursor()
}

/** One batch (one consistent read): the count, one page past the cursor, and any rows stored without flag inputs. */
export async function overduePage(
  db: D1Database, scope: OverdueScope, today: string, cursor: string | null, limit: number,
): Promise<OverduePage> {
  const after = cursor === null ? null : decodeCursor(cursor)
  const [count, page, unscheduled] = await db.batch<unknown>([
    countOverdueStatement(db, scope, today),
    pageOverdueStatement(db, scope, today, after, limit + 1),
    listUnscheduledStatement(db, scope),
  ])
  let total = Number((count?.results[0] as { n: number } | undefined)?.n ?? 0)
  const rows = (page?.results as ScopedRow[]).map(toOverdueRow)
  // Rows stored before flag inputs existed (normally none) are flagged from the task itself.
  for (const r of unscheduled?.results as ScopedRow[]) {
    const f = taskFlag(scopedRowTask(r), today)
    if (f.flag !== 'overdue') continue
    total++
    const row = toOverdueRow({ ...r, next_due: f.occurrence })
    if (after === null || before(after, keyOf(row))) rows.push(row)
  }
  rows.sort((a, b) => (before(keyOf(a), keyOf(b)) ? -1 : before(keyOf(b), keyOf(a)) ? 1 : 0))
  const shown = rows.slice(0, limit)
  const last = shown[shown.length - 1]
  return {
    total,
    tasks: shown.map((r) => ({
      id: r.id, title: r.title, owner: r.owner, lead: r.lead, collaborators: r.collaborators, occurrence: r.nextDue, days: daysBetween(r.nextDue, today),
    })),
    next: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  }
}

/**
 * `known` (the subtree's and chain's names) with the names of the leads and collaborators of `tasks` outside
 * it (a provincial department); free text that names no unit stays as is.
 */
export async function nameOverdueUnits(
  db: D1Database, tasks: readonly OverdueTask[], known: { [id: string]: string },
): Promise<{ [id: string]: string }> {
  const unnamed = tasks.flatMap((t) => [t.lead].concat(t.collaborators)).filter((id) => !known[id])
  const found = await listUnitNames(db, unnamed)
  // Usually every name is known already: no copy of the province's few hundred names then.
  return Object.keys(found).length === 0 ? known : { ...known, ...found }
}

/** The first `limit` of an aggregate's overdue tasks, with the cursor that continues after them. */
export function firstOverduePage<A extends { overdueTasks: OverdueTask[]; overdueNext: string | null }>(a: A, limit = OVERDUE_PAGE): A {
  if (a.overdueTasks.length <= limit) return a
  const shown = a.overdueTasks.slice(0, limit)
  const last = shown[shown.length - 1] as OverdueTask
  return { ...a, overdueTasks: shown, overdueNext: encodeCursor([last.occurrence, last.owner, last.id]) }
}
