import { Hono } from 'hono'
import type { ReportDetail, ValidateResponse } from '../../shared/api'
import { requireRole } from '../auth'
import { isSupportedPeriod } from '../calendar-range'
import { readJson } from '../body'
import { findLatestRevision, listRevisions } from '../db/reports'
import { listLatestLockEvents } from '../db/locks'
import type { AppEnv } from '../env'
import { invalidPeriod } from '../errors'
import { readIdempotencyKey } from '../idempotency-key'
import { reportSchema } from '../schemas'
import { assertCanRead, assertCanWrite, loadUnit } from '../scope'
import { loadJudge, periodToJudge } from '../services/judge'
import { settingsFor } from '../services/settings'
import { checkReportFor, submitReport, toDraft } from '../services/submit-report'
import { noteWrite } from '../write-log'

export const reports = new Hono<AppEnv>()
  .post('/validate', async (c) => {
    const { value: body } = await readJson(c, reportSchema)
    const target = await loadUnit(c.env.DB, body.unit)
    assertCanRead(c.get('principal'), target)
    const now = c.get('now')()
    const [judge, { settings }] = await Promise.all([loadJudge(c.env.DB, target, periodToJudge(body.period, now), 422), settingsFor(c.env.DB, target)])
    const check = await checkReportFor(c.env.DB, c.get('principal'), judge.catalog, judge.classId, toDraft(body), now, settings)
    return c.json<ValidateResponse>({ ok: check.ok, achieved: check.evaluation.achieved, total: check.evaluation.total, issues: check.issues })
  })
  .post('/', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'commune')
    const key = readIdempotencyKey(c)
    const { value: body } = await readJson(c, reportSchema)
    const target = await loadUnit(c.env.DB, body.unit)
    assertCanWrite(principal, target)
    const result = await submitReport(c.env.DB, principal, target, body, key, c.get('now')())
    noteWrite(c, { unit: target.unit.id, action: result.replayed ? 'report.replay' : 'report.submit', id: (JSON.parse(result.body) as { id?: string }).id ?? null })
    if (result.replayed) c.header('Idempotent-Replayed', 'true')
    c.header('Content-Type', 'application/json; charset=UTF-8')
    return c.body(result.body, result.status as 201)
  })
  .get('/:unit/:period', async (c) => {
    const period = c.req.param('period')
    if (!isSupportedPeriod(period)) throw invalidPeriod(period)
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanRead(c.get('principal'), target)
    const unitId = target.unit.id
    const [latest, revisions, locks] = await Promise.all([
      findLatestRevision(c.env.DB, unitId, period),
      listRevisions(c.env.DB, unitId, period),
      listLatestLockEvents(c.env.DB, target.chain.map((u) => u.id), period),
    ])
    const locked = locks.some((e) => e.action === 'lock')
    return c.json<ReportDetail>({ unit: unitId, period, locked, latest, revisions })
  })
