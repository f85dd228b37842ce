// Which catalogue judges a unit's report for a period, and the unit's class in it (shared/catalog-assignment
// decides from the assignments and classes set on the unit and its ancestors).
import type { Catalog } from '../../shared/catalog'
import { type Assignment, assignmentFor, classFor } from '../../shared/catalog-assignment'
import { periodAt } from '../../shared/calendar'
import { formatDateVi } from '../../shared/dates'
import { makeIssue } from '../../shared/issues'
import { isSupportedPeriod } from '../calendar-range'
import { findCatalogVersion, listCatalogSettings } from '../db/catalogs'
import { ApiError } from '../errors'
import type { UnitContext } from '../scope'

export type Judge = { catalog: Catalog; assignment: Assignment; classId: string | null }

/** The period whose catalogue checks a draft: its own, or (when it is not a period we handle) the current one, so the other checks still run. */
export function periodToJudge(period: unknown, now: Date): string {
  return typeof period === 'string' && isSupportedPeriod(period) ? period : periodAt(now).id
}

function notAssigned(target: UnitContext, period: string, status: 404 | 422): ApiError {
  const issue = makeIssue('catalog_not_assigned', 'period', { value: formatDateVi(period), limit: target.unit.id })
  return new ApiError(status, status === 404 ? 'not_found' : 'validation_failed', [issue.message, issue.message_en], status === 422 ? [issue] : undefined)
}

/** Throws 404 (reading) or 422 with an issue on the period (judging a report) when nothing is assigned. */
export async function loadJudge(db: D1Database, target: UnitContext, period: string, status: 404 | 422 = 404): Promise<Judge> {
  const chain = target.chain.map((u) => u.id)
  const settings = await listCatalogSettings(db, chain)
  const assignment = assignmentFor(chain, settings.assignments, period)
  const catalog = assignment ? await findCatalogVersion(db, assignment.catalog) : null
  if (!assignment || !catalog) throw notAssigned(target, period, status)
  return { catalog, assignment, classId: classFor(chain, settings.classes, catalog.id) }
}

/** The catalogue in force for the unit today (the current period's): the criteria a dossier is filed under. */
export async function loadCurrentCatalog(db: D1Database, target: UnitContext, now: Date): Promise<Catalog> {
  return (await loadJudge(db, target, periodAt(now).id)).catalog
}
