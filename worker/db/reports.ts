import type { CommuneSubmission } from '../../shared/aggregate'
import type { IndicatorInput, ReportReceipt, RevisionSummary, StoredReport } from '../../shared/api'
import type { Fund, FundTotals } from '../../shared/funds'
import type { Issue } from '../../shared/issues'
import { type Narratives, NARRATIVE_KEYS, emptyNarratives } from '../../shared/narratives'
import type { Evaluation } from '../../shared/report'
import type { Task } from '../../shared/tasks'
import type { AuditInput } from './audit'

export type NewRevision = {
  id: string
  unitId: string
  period: string
  receivedAt: string
  submittedBy: string
  catalog: { id: string; version: string }
  /** The unit's class in the catalogue when judged (stored in the `region` column, named before classes). */
  classId: string | null
  timeliness: 'on_time' | 'late'
  lateDays: number
  evaluation: Evaluation
  indicators: IndicatorInput[]
  funds: Fund[]
  fundTotals: FundTotals
  tasks: Task[]
  issues: Issue[]
  narratives: Narratives
}

/** The stored JSON as three strings (a revision from before the column answers with empty sections). */
export function parseNarratives(json: string | null): Narratives {
  const out = emptyNarratives()
  let parsed: unknown = null
  try {
    parsed = json ? JSON.parse(json) : null
  } catch {
    parsed = null
  }
  if (typeof parsed === 'object' && parsed !== null) {
    for (const k of NARRATIVE_KEYS) {
      const v = (parsed as { [key: string]: unknown })[k]
      if (typeof v === 'string') out[k] = v
    }
  }
  return out
}

export function criteriaMap(evaluation: Evaluation): { [no: string]: boolean } {
  const out: { [no: string]: boolean } = {}
  for (const c of evaluation.criteria) out[String(c.no)] = c.achieved
  return out
}

/**
 * Appends the next revision, unless the period is locked for the unit or one of `lockUnits` (its ancestors)
 * at that moment. The revision number is taken inside the statement, so concurrent submissions cannot share
 * one (and UNIQUE (unit_id, period, revision) backs that up). Returns no row when locked.
 */
export function insertRevisionStatement(db: D1Database, r: NewRevision, lockUnits: readonly string[]): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO report_revisions (id, unit_id, period, revision, received_at, submitted_by, catalog_id, catalog_version,
         region, timeliness, late_days, achieved, total, criteria, indicators, evaluation, funds, fund_totals, tasks, issues, narratives)
       SELECT ?1, ?2, ?3, next.revision, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?21
       FROM (SELECT COALESCE(MAX(revision), 0) + 1 AS revision FROM report_revisions WHERE unit_id = ?2 AND period = ?3) AS next
       WHERE NOT EXISTS (
         SELECT 1 FROM period_lock_events e
         WHERE e.period = ?3 AND e.unit_id IN (SELECT value FROM json_each(?20)) AND e.action = 'lock'
           AND e.seq = (SELECT MAX(seq) FROM period_lock_events l WHERE l.unit_id = e.unit_id AND l.period = e.period)
       )
       RETURNING revision`,
    )
    .bind(
      r.id, r.unitId, r.period, r.receivedAt, r.submittedBy, r.catalog.id, r.catalog.version, r.classId, r.timeliness, r.lateDays,
      r.evaluation.achieved, r.evaluation.total, JSON.stringify(criteriaMap(r.evaluation)), JSON.stringify(r.indicators),
      JSON.stringify(r.evaluation), JSON.stringify(r.funds), JSON.stringify(r.fundTotals), JSON.stringify(r.tasks),
      JSON.stringify(r.issues), JSON.stringify(lockUnits), JSON.stringify(r.narratives),
    )
}

/**
 * Seed form: a revision with a fixed id and number, left alone when present (so seeding twice changes nothing).
 * NOT EXISTS rather than OR IGNORE: the append-only triggers (migration append_only) refuse any insert that meets an existing row.
 */
export function insertRevisionIfAbsentStatement(db: D1Database, r: NewRevision, revision: number): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO report_revisions (id, unit_id, period, revision, received_at, submitted_by, catalog_id, catalog_version,
         region, timeliness, late_days, achieved, total, criteria, indicators, evaluation, funds, fund_totals, tasks, issues, narratives)
       SELECT ?1, ?2, ?3, ?20, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?21
       WHERE NOT EXISTS (SELECT 1 FROM report_revisions WHERE id = ?1 OR (unit_id = ?2 AND period = ?3 AND revision = ?20))`,
    )
    .bind(
      r.id, r.unitId, r.period, r.receivedAt, r.submittedBy, r.catalog.id, r.catalog.version, r.classId, r.timeliness, r.lateDays,
      r.evaluation.achieved, r.evaluation.total, JSON.stringify(criteriaMap(r.evaluation)), JSON.stringify(r.indicators),
      JSON.stringify(r.evaluation), JSON.stringify(r.funds), JSON.stringify(r.fundTotals), JSON.stringify(r.tasks),
      JSON.stringify(r.issues), revision, JSON.stringify(r.narratives),
    )
}

/**
 * Records the Idempotency-Key with the receipt, its revision filled in from the row just inserted; a second
 * use of the key breaks the primary key and so rolls the whole batch back.
 */
export function insertIdempotencyStatement(
  db: D1Database, key: { unitId: string; key: string; requestHash: string }, receipt: ReportReceipt, createdAt: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO idempotency_keys (unit_id, idem_key, request_hash, status, response, report_id, created_at)
       SELECT ?1, ?2, ?3, 201, json_set(?4, '$.revision', r.revision), r.id, ?5 FROM report_revisions r WHERE r.id = ?6`,
    )
    .bind(key.unitId, key.key, key.requestHash, JSON.stringify(receipt), createdAt, receipt.id)
}

/** The audit row of a submission, written only if the revision was (same batch). */
export function auditRevisionStatement(db: D1Database, e: AuditInput, reportId: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (id, at, actor, role, unit_id, action, target, detail)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 || '#' || r.revision, json_set(?8, '$.revision', r.revision)
       FROM report_revisions r WHERE r.id = ?9`,
    )
    .bind(e.id, e.at, e.actor, e.role, e.unit, e.action, e.target, JSON.stringify(e.detail ?? {}), reportId)
}

export type StoredResponse = { requestHash: string; status: number; response: string }

export async function findIdempotent(db: D1Database, unitId: string, key: string): Promise<StoredResponse | null> {
  const row = await db
    .prepare('SELECT request_hash, status, response FROM idempotency_keys WHERE unit_id = ?1 AND idem_key = ?2')
    .bind(unitId, key)
    .first<{ request_hash: string; status: number; response: string }>()
  return row ? { requestHash: row.request_hash, status: row.status, response: row.response } : null
}

/** When the first revision of a unit's report for a period arrived (timeliness is the first arrival's). */
export async function findFirstReceivedAt(db: D1Database, unitId: string, period: string): Promise<string | null> {
  const row = await db
    .prepare('SELECT first_received_at AS first FROM report_latest WHERE unit_id = ?1 AND period = ?2')
    .bind(unitId, period)
    .first<{ first: string | null }>()
  return row?.first ?? null
}

const SUMMARY_COLUMNS = 'id, revision, received_at, submitted_by, timeliness, late_days, achieved, total'
type SummaryRow = {
  id: string; revision: number; received_at: string; submitted_by: string; timeliness: 'on_time' | 'late'; late_days: number; achieved: number; total: number
}
const toSummary = (r: SummaryRow): RevisionSummary => ({
  id: r.id, revision: r.revision, receivedAt: r.received_at, submittedBy: r.submitted_by, timeliness: r.timeliness,
  lateDays: r.late_days, achieved: r.achieved, total: r.total,
})

export async function listRevisions(db: D1Database, unitId: string, period: string): Promise<RevisionSummary[]> {
  const { results } = await db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM report_revisions WHERE unit_id = ?1 AND period = ?2 ORDER BY revision`)
    .bind(unitId, period)
    .all<SummaryRow>()
  return results.map(toSummary)
}

type FullRow = SummaryRow & {
  unit_id: string; period: string; catalog_id: string; catalog_version: string; region: string | null; indicators: string; evaluation: string
  funds: string; fund_totals: string; issues: string; narratives: string
}

export async function findLatestRevision(db: D1Database, unitId: string, period: string): Promise<StoredReport | null> {
  const row = await db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, unit_id, period, catalog_id, catalog_version, region, indicators, evaluation, funds, fund_totals, issues, narratives
       FROM report_revisions WHERE unit_id = ?1 AND period = ?2 ORDER BY revision DESC LIMIT 1`,
    )
    .bind(unitId, period)
    .first<FullRow>()
  if (!row) return null
  return {
    ...toSummary(row),
    unit: row.unit_id,
    period: row.period,
    catalog: { id: row.catalog_id, version: row.catalog_version },
    classId: row.region,
    indicators: JSON.parse(row.indicators) as IndicatorInput[],
    evaluation: JSON.parse(row.evaluation) as Evaluation,
    funds: JSON.parse(row.funds) as Fund[],
    fundTotals: JSON.parse(row.fund_totals) as FundTotals,
    narratives: parseNarratives(row.narratives),
    issues: JSON.parse(row.issues) as Issue[],
  }
}

export type LatestForAggregate = CommuneSubmission & { unitId: string }

/** Each unit's latest revision for a period (units without one are absent): one seek per unit in report_latest. */
export async function listLatestRevisions(db: D1Database, unitIds: readonly string[], period: string): Promise<LatestForAggregate[]> {
  const { results } = await db
    .prepare(
      `SELECT l.unit_id, l.revision, l.received_at, l.first_received_at, l.achieved, l.total, l.criteria, l.fund_totals, l.narratives,
         l.catalog_id, l.catalog_version
       FROM json_each(?2) u JOIN report_latest l ON l.unit_id = u.value AND l.period = ?1`,
    )
    .bind(period, JSON.stringify(unitIds))
    .all<{
      unit_id: string; revision: number; received_at: string; achieved: number; total: number; criteria: string; fund_totals: string
      narratives: string; first_received_at: string; catalog_id: string; catalog_version: string
    }>()
  return results.map((r) => ({
    unitId: r.unit_id, revision: r.revision, receivedAt: r.received_at, firstReceivedAt: r.first_received_at, achieved: r.achieved,
    total: r.total, criteria: JSON.parse(r.criteria) as { [no: string]: boolean }, funds: JSON.parse(r.fund_totals) as FundTotals,
    narratives: parseNarratives(r.narratives),
    catalog: { id: r.catalog_id, version: r.catalog_version },
  }))
}

/** Each unit's criteria met (X of N) in its latest revision for a period: the previous period's, for the change. */
export async function listLatestScores(
  db: D1Database, unitIds: readonly string[], period: string,
): Promise<Array<{ unitId: string; achieved: number; total: number }>> {
  const { results } = await db
    .prepare('SELECT l.unit_id, l.achieved, l.total FROM json_each(?2) u JOIN report_latest l ON l.unit_id = u.value AND l.period = ?1')
    .bind(period, JSON.stringify(unitIds))
    .all<{ unit_id: string; achieved: number; total: number }>()
  return results.map((r) => ({ unitId: r.unit_id, achieved: r.achieved, total: r.total }))
}

/** Period → first arrival, for one unit's periods. */
export async function listFirstReceived(db: D1Database, unitId: string, periods: readonly string[]): Promise<{ [period: string]: string }> {
  const { results } = await db
    .prepare(
      `SELECT l.period, l.first_received_at AS first FROM json_each(?2) p JOIN report_latest l ON l.unit_id = ?1 AND l.period = p.value`,
    )
    .bind(unitId, JSON.stringify(periods))
    .all<{ period: string; first: string }>()
  const out: { [period: string]: string } = {}
  for (const r of results) out[r.period] = r.first
  return out
}
