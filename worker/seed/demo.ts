// Turns the demo data into D1 statements through the same worker/db functions the API uses; every report
// goes through the shared checkReport, so the demo can only hold reports the API would accept.
import { reportTimeliness } from '../../shared/calendar'
import { type Catalog, thresholdFor } from '../../shared/catalog'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import type { IndicatorInput } from '../../shared/api'
import { checkReport } from '../../shared/report'
import { checkTasks } from '../../shared/task-check'
import { insertCatalogStatement } from '../db/catalogs'
import { insertRevisionIfAbsentStatement } from '../db/reports'
import { insertTaskIfAbsentStatement } from '../db/tasks'
import { insertTokenStatement } from '../db/tokens'
import { insertUnitStatement } from '../db/units'
import { sha256Hex } from '../hash'
import { demoEvidenceStatements } from './demo-evidence'
import {
  DEMO_CREATED_AT, DEMO_REPORTS, DEMO_TASK_OWNER, DEMO_TASKS, DEMO_TASKS_AT, DEMO_TODAY, DEMO_TOKENS, DEMO_UNITS, type DemoReport,
} from './demo-data'

/** Indicator rows that meet exactly the criteria listed in `met` (the first indicator of the others fails). */
export function demoIndicators(catalog: Catalog, region: string, met: readonly number[]): IndicatorInput[] {
  const rows: IndicatorInput[] = []
  for (const c of catalog.criteria) {
    const meets = met.indexOf(c.no) >= 0
    c.indicators.forEach((ind, i) => {
      if (ind.optional) return
      const ok = meets || i > 0
      const threshold = thresholdFor(ind, region)
      const row: IndicatorInput = { code: ind.code, evidence: ok ? 'Hồ sơ minh chứng tiêu chí ' + c.no : undefined }
      if (threshold && 'expect' in threshold) row.value = ok === threshold.expect ? 'có' : 'không'
      else if (threshold) row.value = ok ? Math.max(threshold.min ?? 0, 90) : Math.max(0, (threshold.min ?? 100) - 15)
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

function revisionStatement(db: D1Database, catalog: Catalog, region: string, r: DemoReport, firstReceivedAt: string): D1PreparedStatement {
  const indicators = demoIndicators(catalog, region, r.met)
  const check = checkReport(catalog, region, { unit: r.unitId, period: r.period, indicators, funds: r.funds, narratives: r.narratives }, { now: r.receivedAt })
  if (!check.ok || check.evaluation.achieved !== r.met.length) {
    throw new Error('demo report ' + r.unitId + '/' + r.period + ' does not check: ' + JSON.stringify(check.issues))
  }
  const t = reportTimeliness(r.period, firstReceivedAt, r.receivedAt)
  const receivedAt = new Date(r.receivedAt).toISOString()
  return insertRevisionIfAbsentStatement(db, {
    id: 'rep_demo_' + r.unitId.replace(/-/g, '_') + '_' + r.period.replace(/-/g, '') + '_' + r.revision,
    unitId: r.unitId, period: r.period, receivedAt, submittedBy: 'tok_demo_' + r.unitId.replace(/-/g, '_'),
    catalog: { id: catalog.id, version: catalog.version }, region,
    timeliness: t.status === 'late' ? 'late' : 'on_time', lateDays: t.status === 'late' ? t.days : 0,
    evaluation: check.evaluation, indicators, funds: check.funds, fundTotals: check.fundTotals, tasks: [], issues: check.issues,
    narratives: check.narratives,
  }, r.revision)
}

/** Every statement of the demo, idempotent (INSERT OR IGNORE with fixed ids). */
export async function demoStatements(db: D1Database): Promise<D1PreparedStatement[]> {
  const catalog = QD_318_2022
  const region = 'btb'
  const out: D1PreparedStatement[] = [insertCatalogStatement(db, catalog, DEMO_CREATED_AT)]
  for (const u of DEMO_UNITS) out.push(insertUnitStatement(db, u, DEMO_CREATED_AT))
  for (const t of DEMO_TOKENS) {
    out.push(insertTokenStatement(db, { id: t.id, tokenHash: await sha256Hex(t.token), role: t.role, unitId: t.unitId, label: t.label }, DEMO_CREATED_AT))
  }
  for (const r of DEMO_REPORTS) {
    const firstOne = DEMO_REPORTS.find((x) => x.unitId === r.unitId && x.period === r.period && x.revision === 1) ?? r
    out.push(revisionStatement(db, catalog, region, r, firstOne.receivedAt))
  }
  const tasks = checkTasks(DEMO_TASKS, DEMO_TODAY)
  if (tasks.issues.some((i) => i.severity === 'error')) throw new Error('demo tasks do not check: ' + JSON.stringify(tasks.issues))
  for (const t of tasks.tasks) out.push(insertTaskIfAbsentStatement(db, DEMO_TASK_OWNER, t, DEMO_TASKS_AT, 'seed'))
  return out.concat(await demoEvidenceStatements(db))
}

