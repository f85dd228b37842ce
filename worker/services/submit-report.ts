// Accepting a commune's report: shared rules decide, then one atomic batch appends the revision, the
// Idempotency-Key with its response, and the audit row.
import type { IndicatorInput, ReportReceipt } from '../../shared/api'
import { isPeriodId, reportTimeliness } from '../../shared/calendar'
import type { Catalog } from '../../shared/catalog'
import { formatDateVi, formatTimeVi } from '../../shared/dates'
import { hasErrors, makeIssue } from '../../shared/issues'
import { type ReportCheck, type ReportDraft, checkReport } from '../../shared/report'
import { type UnitSettings, peopleShareLimit } from '../../shared/settings'
import { isSupportedPeriod } from '../calendar-range'
import type { z } from 'zod'
import {
  auditRevisionStatement, findFirstReceivedAt, findIdempotent, insertIdempotencyStatement, insertRevisionStatement,
} from '../db/reports'
import { listLatestLockEvents } from '../db/locks'
import type { Principal } from '../env'
import { ApiError } from '../errors'
import { newId, sha256Hex } from '../hash'
import type { reportSchema } from '../schemas'
import type { UnitContext } from '../scope'
import { loadJudge, periodToJudge } from './judge'
import { settingsFor } from './settings'
import { checkTaskRules } from './task-rules'

export type ReportBody = z.infer<typeof reportSchema>
export type SubmitResult = { status: number; body: string; replayed: boolean }

export function toDraft(body: ReportBody): ReportDraft {
  return { unit: body.unit, period: body.period, indicators: body.indicators, funds: body.funds, tasks: body.tasks, narratives: body.narratives }
}

/** checkReport under the unit's settings (its people's-contribution cap), plus the API's year range (calendar-range.ts): a period outside 1900–2199 is invalid. */
export function checkReportSafely(catalog: Catalog, classId: string | null, draft: ReportDraft, now: Date, settings: UnitSettings): ReportCheck {
  const check = checkReport(catalog, classId, draft, { now, peopleShareLimit: peopleShareLimit(settings) })
  if (!isPeriodId(draft.period) || isSupportedPeriod(draft.period)) return check
  const issues = [makeIssue('period_invalid', 'period', { value: draft.period }), ...check.issues.filter((i) => i.path !== 'period')]
  return { ...check, issues, ok: false }
}

/** checkReportSafely and the API's task rules (named units within the writer's reach, dates in range). */
export async function checkReportFor(
  db: D1Database, principal: Principal, catalog: Catalog, classId: string | null, draft: ReportDraft, now: Date, settings: UnitSettings,
): Promise<ReportCheck> {
  const check = checkReportSafely(catalog, classId, draft, now, settings)
  if (check.tasks.length === 0) return check
  const rules = await checkTaskRules(db, principal, check.tasks, check.taskRows)
  if (rules.issues.length === 0) return check
  const issues = [...check.issues, ...rules.issues]
  return { ...check, issues, ok: !hasErrors(issues), tasks: check.tasks.filter((_, k) => !rules.refused.has(k)) }
}

// Who locked it by name and when on the Vietnamese clock ("08:15 29/11/2026"), never an id or a UTC string.
const lockedError = (period: string, by: string, at: string | null): ApiError => {
  const when = at ? formatTimeVi(at) : ''
  return new ApiError(409, 'period_locked', [
    'Kỳ báo cáo ' + formatDateVi(period) + ' đã được ' + by + ' khóa sổ' + (when ? ' lúc ' + when : '') + '; không nhận thêm bản báo cáo mới. Liên hệ Văn phòng NTM nếu cần mở khóa.',
    'Reporting period ' + formatDateVi(period) + ' was locked by ' + by + (when ? ' at ' + when + ' (Vietnam time)' : '') + '; no new revisions are accepted. Ask the NTM office to unlock it.',
  ])
}

const unitName = (target: UnitContext, id: string | undefined): string => {
  for (const u of target.chain) if (u.id === id) return u.name
  return id ?? '?'
}

const mismatch = (): ApiError => new ApiError(409, 'idempotency_mismatch')

async function replay(db: D1Database, unitId: string, key: string, requestHash: string): Promise<SubmitResult | null> {
  const stored = await findIdempotent(db, unitId, key)
  if (!stored) return null
  if (stored.requestHash !== requestHash) throw mismatch()
  return { status: stored.status, body: stored.response, replayed: true }
}

const isUnique = (err: unknown, table: string): boolean =>
  err instanceof Error && err.message.indexOf('UNIQUE constraint failed: ' + table) >= 0

/**
 * `planAlso` is called once the report has passed its checks (not on a replay) and may refuse the submission
 * by throwing; the statements it plans join the revision's batch, get the new revision's id and must write
 * only if that revision is stored (a lock can refuse it inside the batch).
 */
export async function submitReport(
  db: D1Database, principal: Principal, target: UnitContext, body: ReportBody, idempotencyKey: string | null, now: Date,
  planAlso?: () => Promise<(reportId: string) => D1PreparedStatement[]>,
): Promise<SubmitResult> {
  const unitId = target.unit.id
  const requestHash = await sha256Hex(JSON.stringify(body))
  if (idempotencyKey !== null) {
    const earlier = await replay(db, unitId, idempotencyKey, requestHash)
    if (earlier) return earlier
  }

  // The catalogue assigned for the report's period judges it; the revision records which version and class.
  const [{ catalog, classId }, { settings }] = await Promise.all([loadJudge(db, target, periodToJudge(body.period, now), 422), settingsFor(db, target)])
  const check = await checkReportFor(db, principal, catalog, classId, toDraft(body), now, settings)
  if (hasErrors(check.issues)) throw new ApiError(422, 'validation_failed', undefined, check.issues)
  const period = body.period

  const lockUnits = target.chain.map((u) => u.id)
  const lock = (await listLatestLockEvents(db, lockUnits, period)).find((e) => e.action === 'lock')
  if (lock) throw lockedError(period, unitName(target, lock.unitId), lock.at)

  const receivedAt = now.toISOString()
  // A late correction does not make an on-time report late: timeliness is that of the first revision.
  const first = (await findFirstReceivedAt(db, unitId, period)) ?? receivedAt
  const t = reportTimeliness(period, first, now)
  const timeliness = t.status === 'late' ? 'late' : 'on_time'
  const indicators: IndicatorInput[] = body.indicators.map((i) => ({ ...i, code: String(i.code) }) as IndicatorInput)
  const alsoWrite = planAlso ? await planAlso() : undefined

  for (let attempt = 0; ; attempt++) {
    const id = newId('rep')
    const receipt: ReportReceipt = {
      id, unit: unitId, period, revision: 0, receivedAt, timeliness, lateDays: t.status === 'late' ? t.days : 0,
      achieved: check.evaluation.achieved, total: check.evaluation.total, issues: check.issues,
    }
    const statements = [
      insertRevisionStatement(db, {
        id, unitId, period, receivedAt, submittedBy: principal.tokenId, catalog: { id: catalog.id, version: catalog.version },
        classId, timeliness, lateDays: receipt.lateDays, evaluation: check.evaluation, indicators,
        funds: check.funds, fundTotals: check.fundTotals, tasks: check.tasks, issues: check.issues, narratives: check.narratives,
      }, lockUnits),
      auditRevisionStatement(db, {
        id: newId('aud'), at: receivedAt, actor: principal.tokenId, role: principal.role, unit: unitId, action: 'report.submit',
        target: unitId + '/' + period, detail: { reportId: id, achieved: receipt.achieved, total: receipt.total, timeliness },
      }, id),
    ]
    if (idempotencyKey !== null) {
      statements.push(insertIdempotencyStatement(db, { unitId, key: idempotencyKey, requestHash }, receipt, receivedAt))
    }
    if (alsoWrite) statements.push(...alsoWrite(id))
    try {
      const [inserted] = await db.batch<{ revision: number }>(statements)
      const row = inserted?.results[0]
      if (!row) {
        // Locked between the check above and the write.
        const again = (await listLatestLockEvents(db, lockUnits, period)).find((e) => e.action === 'lock')
        throw lockedError(period, unitName(target, again?.unitId), again?.at ?? null)
      }
      return { status: 201, body: JSON.stringify({ ...receipt, revision: row.revision }), replayed: false }
    } catch (err) {
      if (idempotencyKey !== null && isUnique(err, 'idempotency_keys')) {
        // A concurrent retry with the same key won the race: answer as it was answered.
        const earlier = await replay(db, unitId, idempotencyKey, requestHash)
        if (earlier) return earlier
      }
      if (isUnique(err, 'report_revisions') && attempt < 3) continue
      throw err
    }
  }
}
