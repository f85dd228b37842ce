// The API's rules on task rows beyond the shared ones, for every way tasks arrive (PUT /tasks, a report's
// tasks, an uploaded workbook): a named unit must exist and lie within the writer's reach, and dates must lie
// within the years the API supports. Names that are not unit ids (a person, an office outside the hierarchy)
// stay free text: they never match a unit, so they cannot put a task in anyone's flags or aggregates.
import { formatDateVi } from '../../shared/dates'
import { type Issue, makeIssue } from '../../shared/issues'
import { type TaskRow, looksLikeUnitId } from '../../shared/task-check'
import type { Task } from '../../shared/tasks'
import { SUPPORTED_YEARS, isSupportedDate } from '../calendar-range'
import { listChains } from '../db/units'
import type { Principal } from '../env'

export type RuleCheck = { issues: Issue[]; /** Positions in `tasks` refused by these rules. */ refused: Set<number> }

type Chain = Array<{ id: string; level: string }>

/**
 * Whom a writer may name: its own unit and those below it, the units above it, and the offices of those
 * (a district's departments, such as Phòng TN&MT, are the district's); admin any unit. Never a sibling
 * commune or a unit of another district.
 */
function withinReach(principal: Principal, own: Chain, named: Chain): boolean {
  if (principal.role === 'admin') return true
  const mine = principal.unit.id
  if (named.some((u) => u.id === mine)) return true
  const self = named[0]
  if (!self) return false
  if (own.some((u) => u.id === self.id)) return true
  const parent = named[1]
  return self.level === 'office' && parent !== undefined && own.some((u) => u.id === parent.id)
}

export async function checkTaskRules(
  db: D1Database, principal: Principal, tasks: readonly Task[], rows: readonly TaskRow[], path = 'tasks',
): Promise<RuleCheck> {
  const issues: Issue[] = []
  const refused = new Set<number>()
  const refuse = (k: number, issue: Issue): void => {
    issues.push(issue)
    refused.add(k)
  }

  tasks.forEach((t, k) => {
    const at = path + '[' + (rows[k] as TaskRow).index + ']'
    const dates: Array<[string, string | undefined]> = [['due', t.due], ['completedOn', t.completedOn], ['recurrence', t.recurrence?.until]]
    for (const [field, date] of dates) {
      if (date !== undefined && !isSupportedDate(date)) {
        refuse(k, makeIssue('task_date_out_of_range', at + '.' + field, { task: t.id, value: formatDateVi(date), limit: SUPPORTED_YEARS }))
      }
    }
  })

  const names = new Set<string>()
  for (const t of tasks) for (const n of [t.lead, ...t.collaborators]) names.add(n)
  if (names.size === 0) return { issues, refused }
  const chains = await listChains(db, [principal.unit.id, ...names])
  const own = chains.get(principal.unit.id) ?? []
  const allowed = (name: string): boolean => {
    const chain = chains.get(name)
    // An id that names no unit is refused like one out of reach: the answer does not tell which.
    return chain ? withinReach(principal, own, chain) : !looksLikeUnitId(name)
  }
  tasks.forEach((t, k) => {
    const at = path + '[' + (rows[k] as TaskRow).index + ']'
    if (!allowed(t.lead)) refuse(k, makeIssue('task_unit_not_allowed', at + '.lead', { task: t.id, value: t.lead }))
    for (const c of t.collaborators) {
      if (!allowed(c)) refuse(k, makeIssue('task_unit_not_allowed', at + '.collaborators', { task: t.id, value: c }))
    }
  })
  return { issues, refused }
}
