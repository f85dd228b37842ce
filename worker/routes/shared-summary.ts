import { Hono } from 'hono'
import type { MiddlewareHandler } from 'hono'
import type { SharedSummary } from '../../shared/api'
import { formatDateVi, vnDate } from '../../shared/dates'
import { auditStatement } from '../db/audit'
import { type ShareLink, findShareByHash, recordOpeningStatement, shareState } from '../db/shares'
import { xlsxDownload } from '../download'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { newId, sha256Hex } from '../hash'
import { loadUnit } from '../scope'
import { loadPeriodSummary } from '../services/period-summary'
import { summaryFileNames } from '../summary-book'
import { logWrite } from '../write-log'

type ShareEnv = AppEnv & { Variables: AppEnv['Variables'] & { share: ShareLink } }

const BEARER_RE = /^Bearer[ \t]+(nts_[A-Za-z0-9_-]{20,100})[ \t]*$/

const refused = (vi: string, en: string): ApiError => new ApiError(401, 'unauthorized', [vi, en])

/** The share link's secret, sent as `Authorization: Bearer nts_…` by the page that read it from after `#`. */
const shareAuth: MiddlewareHandler<ShareEnv> = async (c, next) => {
  const match = BEARER_RE.exec(c.req.header('Authorization') ?? '')
  const share = match ? await findShareByHash(c.env.DB, await sha256Hex(match[1] as string)) : null
  if (!share) throw refused('Đường dẫn chia sẻ không đúng. Hãy kiểm tra lại đường dẫn được gửi cho bạn.', 'This share link is not valid. Check the link you were sent.')
  const state = shareState(share, c.get('now')())
  if (state === 'revoked') {
    throw refused('Đường dẫn này đã bị thu hồi. Hãy xin văn phòng điều phối một đường dẫn mới.', 'This link was revoked. Ask the NTM office for a new one.')
  }
  if (state === 'expired') {
    const day = formatDateVi(vnDate(share.expiresAt))
    throw refused('Đường dẫn này đã hết hạn ngày ' + day + '. Hãy xin văn phòng điều phối một đường dẫn mới.', 'This link expired on ' + day + '. Ask the NTM office for a new one.')
  }
  c.set('share', share)
  await next()
}

/** Each opening is counted on the link and written to the audit log, in one batch, and to the write log. */
async function recordOpening(db: D1Database, share: ShareLink, kind: 'page' | 'xlsx', at: string): Promise<void> {
  logWrite({ actor: share.id, role: 'share', unit: share.unitId, action: 'share.open', id: share.id })
  await db.batch([
    recordOpeningStatement(db, share.id, at),
    auditStatement(db, {
      id: newId('aud'), at, actor: share.id, role: 'share', unit: share.unitId, action: 'share.open', target: share.unitId + '/' + share.period,
      detail: { kind },
    }),
  ])
}

/**
 * Mounted at /api/v1/shared, outside the token-authenticated API: the one period's summary a share link
 * opens, read-only — as JSON for the page and as the workbook. A locked period serves its snapshot.
 */
export const sharedSummary = new Hono<ShareEnv>()
  .use(shareAuth)
  .get('/summary', async (c) => {
    const share = c.get('share')
    const now = c.get('now')()
    const summary = await loadPeriodSummary(c.env.DB, await loadUnit(c.env.DB, share.unitId), share.period, now)
    await recordOpening(c.env.DB, share, 'page', now.toISOString())
    c.header('Cache-Control', 'no-store')
    return c.json<SharedSummary>({ share: { unit: share.unitId, period: share.period, expiresAt: share.expiresAt }, aggregate: summary.aggregate })
  })
  .get('/summary.xlsx', async (c) => {
    const share = c.get('share')
    const now = c.get('now')()
    const summary = await loadPeriodSummary(c.env.DB, await loadUnit(c.env.DB, share.unitId), share.period, now, true)
    const bytes = await summary.workbook()
    await recordOpening(c.env.DB, share, 'xlsx', now.toISOString())
    return xlsxDownload(c, bytes, summaryFileNames(summary.aggregate))
  })
