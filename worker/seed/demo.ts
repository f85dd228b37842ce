// Turns the demo data into D1 statements through the same worker/db functions the API uses; every report
// goes through the shared checkReport, so the demo can only hold reports the API would accept.
import { reportTimeliness } from '../../shared/calendar'
import { type Catalog, catalogKey, thresholdFor } from '../../shared/catalog'
import { assignmentFor, classFor } from '../../shared/catalog-assignment'
import type { IndicatorInput } from '../../shared/api'
import { checkReport } from '../../shared/report'
import { checkTasks } from '../../shared/task-check'
import { insertAssignmentIfAbsentStatement, insertCatalogStatement, insertClassIfAbsentStatement } from '../db/catalogs'
import { insertRevisionIfAbsentStatement } from '../db/reports'
import { insertTaskIfAbsentStatement } from '../db/tasks'
import { insertTokenStatement } from '../db/tokens'
import { insertUnitStatement } from '../db/units'
import { sha256Hex } from '../hash'
import { demoEvidenceStatements } from './demo-evidence'
import {
  DEMO_ASSIGNMENTS, DEMO_CATALOGS, DEMO_CLASSES, DEMO_CREATED_AT, DEMO_REPORTS, DEMO_TASK_OWNER, DEMO_TASKS, DEMO_TASKS_AT, DEMO_TODAY,
  DEMO_TOKENS, DEMO_UNITS, type DemoReport,
} from './demo-data'

/** A number that meets (or misses) numeric bounds: inside them, or just outside the tighter one. */
function numberFor(threshold: { min?: number; max?: number }, ok: boolean, percent: boolean): number {
  const top = percent ? 100 : 1000
  const min = threshold.min ?? 0
  const max = threshold.max ?? top
  if (ok) return threshold.max === undefined ? Math.max(min, Math.min(90, top)) : (min + max) / 2
  return threshold.min !== undefined && threshold.min > 0 ? Math.max(0, min - 15) : Math.min(top, max + 1)
}

/** Indicator rows that meet exactly the criteria listed in `met` (the first indicator of the others fails). */
export function demoIndicators(catalog: Catalog, classId: string | null, met: readonly number[]): IndicatorInput[] {
  const rows: IndicatorInput[] = []
  for (const c of catalog.criteria) {
    const meets = met.indexOf(c.no) >= 0
    c.indicators.forEach((ind, i) => {
      if (ind.optional) return
      const ok = meets || i > 0
      const threshold = thresholdFor(ind, classId)
      const row: IndicatorInput = { code: ind.code, evidence: ok ? 'Hồ sơ minh chứng tiêu chí ' + c.no : undefined }
      if (threshold && 'expect' in threshold) row.value = ok === threshold.expect ? 'có' : 'không'
      else if (threshold) row.value = numberFor(threshold, ok, ind.kind === 'percent')
      else if (ind.kind === 'yesno') row.value = ok ? 'đạt' : 'chưa đạt'
      else {
        row.value = ind.kind === 'percent' ? (ok ? 92 : 61) : ok ? 55 : 30
        row.status = ok ? 'đạt' : 'chưa đạt'
      }
      if (row.evidence === undefined) delete row.evidence
      rows.push(row)
    })
  }
  return rows
}

const BY_KEY: { [key: string]: Catalog } = {}
for (const c of DEMO_CATALOGS) BY_KEY[catalogKey(c)] = c

/** The demo unit's ids up to the province, itself first. */
export function demoChain(unitId: string): string[] {
  const out: string[] = []
  for (let u = DEMO_UNITS.find((x) => x.id === unitId); u; u = DEMO_UNITS.find((x) => x.id === u!.parentId)) out.push(u.id)
  return out
}

/** The catalogue and class that judge a demo unit's period, decided as the server decides them. */
export function demoJudge(unitId: string, period: string): { catalog: Catalog; classId: string | null } {
  const chain = demoChain(unitId)
  const a = assignmentFor(chain, DEMO_ASSIGNMENTS, period)
  const catalog = a ? BY_KEY[catalogKey(a.catalog)] : undefined
  if (!catalog) throw new Error('no demo catalogue for ' + unitId + '/' + period)
  return { catalog, classId: classFor(chain, DEMO_CLASSES, catalog.id) }
}

/** A complete report that meets exactly the criteria in `met` under whatever judges that unit's period. */
export function demoReportIndicators(unitId: string, period: string, met: readonly number[]): IndicatorInput[] {
  const { catalog, classId } = demoJudge(unitId, period)
  return demoIndicators(catalog, classId, met)
}

function revisionStatement(db: D1Database, r: DemoReport, firstReceivedAt: string): D1PreparedStatement {
  const { catalog, classId } = demoJudge(r.unitId, r.period)
  const indicators = r.values
    ? Object.keys(r.values).map((code): IndicatorInput => ({ code, value: (r.values as { [code: string]: IndicatorInput['value'] })[code] }))
    : demoIndicators(catalog, classId, r.met ?? [])
  const check = checkReport(catalog, classId, { unit: r.unitId, period: r.period, indicators, funds: r.funds, narratives: r.narratives }, { now: r.receivedAt })
  const expected = r.values ? r.achieved : (r.met ?? []).length
  if (!check.ok || check.evaluation.achieved !== expected) {
    throw new Error('demo report ' + r.unitId + '/' + r.period + ' does not check (' + check.evaluation.achieved + '): ' + JSON.stringify(check.issues))
  }
  const t = reportTimeliness(r.period, firstReceivedAt, r.receivedAt)
  const receivedAt = new Date(r.receivedAt).toISOString()
  return insertRevisionIfAbsentStatement(db, {
    id: 'rep_demo_' + r.unitId.replace(/-/g, '_') + '_' + r.period.replace(/-/g, '') + '_' + r.revision,
    unitId: r.unitId, period: r.period, receivedAt, submittedBy: 'tok_demo_' + r.unitId.replace(/-/g, '_'),
    catalog: { id: catalog.id, version: catalog.version }, classId,
    timeliness: t.status === 'late' ? 'late' : 'on_time', lateDays: t.status === 'late' ? t.days : 0,
    evaluation: check.evaluation, indicators, funds: check.funds, fundTotals: check.fundTotals, tasks: [], issues: check.issues,
    narratives: check.narratives,
  }, r.revision)
}

/** Every statement of the demo, idempotent (INSERT OR IGNORE with fixed ids). */
export async function demoStatements(db: D1Database): Promise<D1PreparedStatement[]> {
  const out: D1PreparedStatement[] = DEMO_CATALOGS.map((c) => insertCatalogStatement(db, c, DEMO_CREATED_AT))
  for (const u of DEMO_UNITS) out.push(insertUnitStatement(db, u, DEMO_CREATED_AT))
  for (const a of DEMO_ASSIGNMENTS) {
    out.push(insertAssignmentIfAbsentStatement(db, { unit: a.unit, catalog: a.catalog, from: a.from, by: 'seed', at: DEMO_CREATED_AT }))
  }
  for (const c of DEMO_CLASSES) {
    out.push(insertClassIfAbsentStatement(db, { unit: c.unit, catalogId: c.catalogId, classId: c.classId, by: 'seed', at: DEMO_CREATED_AT }))
  }
  for (const t of DEMO_TOKENS) {
    out.push(insertTokenStatement(db, { id: t.id, tokenHash: await sha256Hex(t.token), role: t.role, unitId: t.unitId, label: t.label }, DEMO_CREATED_AT))
  }
  for (const r of DEMO_REPORTS) {
    const firstOne = DEMO_REPORTS.find((x) => x.unitId === r.unitId && x.period === r.period && x.revision === 1) ?? r
    out.push(revisionStatement(db, r, firstOne.receivedAt))
  }
  const tasks = checkTasks(DEMO_TASKS, DEMO_TODAY)
  if (tasks.issues.some((i) => i.severity === 'error')) throw new Error('demo tasks do not check: ' + JSON.stringify(tasks.issues))
  for (const t of tasks.tasks) out.push(insertTaskIfAbsentStatement(db, DEMO_TASK_OWNER, t, DEMO_TASKS_AT, 'seed'))
  return out.concat(await demoEvidenceStatements(db))
}

