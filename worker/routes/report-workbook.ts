import { Hono } from 'hono'
import type { ReportReceipt } from '../../shared/api'
import { periodAt } from '../../shared/calendar'
import { formatDateVi } from '../../shared/dates'
import { hasErrors } from '../../shared/issues'
import { checkNarratives } from '../../shared/narratives'
import { requireRole } from '../auth'
import { parseShape } from '../body'
import { isSupportedPeriod } from '../calendar-range'
import { xlsxDownload } from '../download'
import type { AppEnv } from '../env'
import { ApiError, invalidPeriod } from '../errors'
import { readIdempotencyKey } from '../idempotency-key'
import { reportSchema } from '../schemas'
import { assertCanRead, assertCanWrite, loadUnit } from '../scope'
import { reportTemplate } from '../services/report-workbook'
import { submitReport } from '../services/submit-report'
import { assertWritable, isVersionRace, planTaskSync } from '../services/sync-tasks'
import { type UploadedReport, placeIssues, readReportFile } from '../xlsx/report-file'
import { noteWrite } from '../write-log'

/** Errors from the report rules point at the cells they are about. */
async function withCells<T>(uploaded: UploadedReport, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof ApiError && err.issues) {
      const placed = new ApiError(err.status, err.code, [err.vi, err.en], placeIssues(uploaded.book, err.issues))
      placed.current = err.current
      throw placed
    }
    throw err
  }
}

/** Mounted at /reports: the report as a workbook, for communes without the add-in. */
export const reportWorkbook = new Hono<AppEnv>()
  // GET /reports/template.xlsx?unit=&period=: the sheets the pane would create, with the unit's tasks.
  .get('/template.xlsx', async (c) => {
    const principal = c.get('principal')
    const period = c.req.query('period') ?? periodAt(c.get('now')()).id
    if (!isSupportedPeriod(period)) throw invalidPeriod(period)
    const target = await loadUnit(c.env.DB, c.req.query('unit') ?? principal.unit.id)
    assertCanRead(principal, target)
    if (target.unit.level !== 'commune') {
      throw new ApiError(400, 'bad_request', [
        'Mẫu báo cáo dành cho xã; "' + target.unit.id + '" không phải xã (thêm ?unit=<mã xã>).',
        'The report template is for communes; "' + target.unit.id + '" is not one (add ?unit=<commune id>).',
      ])
    }
    const bytes = await reportTemplate(c.env.DB, target, period, new URL(c.req.url).origin + '/')
    return xlsxDownload(c, bytes, {
      ascii: 'bao-cao-' + target.unit.id + '-' + period + '.xlsx',
      utf8: 'Báo cáo NTM ' + target.unit.name + ' kỳ ' + formatDateVi(period).replace(/\//g, '-') + '.xlsx',
    })
  })
  // POST /reports/upload: the filled workbook as the body; answered like POST /reports.
  .post('/upload', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'commune')
    const key = readIdempotencyKey(c)
    const uploaded = await readReportFile(await c.req.arrayBuffer())
    const now = c.get('now')()
    const submit = () => withCells(uploaded, async () => {
      // Over-long words get the report rule's sentence and their cell, not the body-shape refusal.
      const words = checkNarratives(uploaded.request.narratives)
      if (hasErrors(words.issues)) throw new ApiError(422, 'validation_failed', undefined, words.issues)
      const body = parseShape(reportSchema, uploaded.request)
      const target = await loadUnit(c.env.DB, body.unit)
      assertCanWrite(principal, target)
      // The tasks sheet joins the revision's batch: both are stored or neither (the report's own check
      // refuses task errors first; a task changed on the server since the workbook was made refuses the
      // upload with 409). A replay writes nothing, so a retried upload cannot undo task changes made since.
      const tasks = body.tasks
      const planTasks = tasks && tasks.length > 0
        ? async () => {
          const plan = await planTaskSync(c.env.DB, principal, target.unit.id, tasks, now)
          await assertWritable(c.env.DB, plan)
          return (reportId: string) => plan.statements(reportId)
        }
        : undefined
      return submitReport(c.env.DB, principal, target, body, key, now, planTasks)
    })
    let result
    try {
      result = await submit()
    } catch (err) {
      // Another writer changed a task between our read and our write: plan once more on what is stored now.
      if (!isVersionRace(err)) throw err
      result = await submit()
    }
    const receipt = JSON.parse(result.body) as ReportReceipt
    noteWrite(c, { unit: receipt.unit, action: result.replayed ? 'report.replay' : 'report.upload', id: receipt.id })
    if (result.replayed) c.header('Idempotent-Replayed', 'true')
    return c.json<ReportReceipt>({ ...receipt, issues: placeIssues(uploaded.book, receipt.issues) }, result.status as 201)
  })
