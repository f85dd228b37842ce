import { Hono } from 'hono'
import { SHARE_DEFAULT_DAYS, SHARE_PAGE, type ShareCreated, type ShareInfo, type SharesResponse } from '../../shared/api'
import { requireRole } from '../auth'
import { readJson } from '../body'
import { isSupportedPeriod } from '../calendar-range'
import { auditIfChangedStatement, auditStatement } from '../db/audit'
import { type ShareLink, findShare, insertShareStatement, listShares, revokeShareStatement, toShareInfo } from '../db/shares'
import type { AppEnv } from '../env'
import { ApiError, invalidPeriod } from '../errors'
import { newId, newSecret, sha256Hex } from '../hash'
import { shareSchema } from '../schemas'
import { assertCanRead, assertCanWrite, assertParentUnit, loadUnit } from '../scope'
import { noteWrite } from '../write-log'

const DAY_MS = 24 * 60 * 60 * 1000

const shareNotFound = (id: string): ApiError =>
  new ApiError(404, 'not_found', ['Không tìm thấy đường dẫn chia sẻ "' + id + '".', 'Share link "' + id + '" was not found.'])

/**
 * Mounted at /shares: the district office creates, lists and revokes read-only links to one period's
 * summary. The secret is returned once, at creation; only its SHA-256 is stored, and it never appears in a
 * URL the server sees (the link carries it after `#`).
 */
export const shares = new Hono<AppEnv>()
  .post('/', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'admin')
    const { value: body } = await readJson(c, shareSchema)
    if (!isSupportedPeriod(body.period)) throw invalidPeriod(body.period)
    const target = await loadUnit(c.env.DB, body.unit)
    assertCanWrite(principal, target)
    assertParentUnit(target)
    const now = c.get('now')()
    const token = newSecret('nts_')
    const id = newId('shr')
    noteWrite(c, { unit: target.unit.id, action: 'share.create', id })
    const share: ShareLink = {
      id, unitId: target.unit.id, period: body.period, createdBy: principal.tokenId, createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + (body.days ?? SHARE_DEFAULT_DAYS) * DAY_MS).toISOString(), revokedAt: null, openings: 0, lastOpenedAt: null,
    }
    await c.env.DB.batch([
      insertShareStatement(c.env.DB, share, await sha256Hex(token)),
      auditStatement(c.env.DB, {
        id: newId('aud'), at: share.createdAt, actor: principal.tokenId, role: principal.role, unit: share.unitId, action: 'share.create',
        target: share.id, detail: { period: share.period, expiresAt: share.expiresAt },
      }),
    ])
    const url = new URL(c.req.url).origin + SHARE_PAGE + '#' + token
    c.header('Cache-Control', 'no-store')
    return c.json<ShareCreated>({ ...toShareInfo(share, now), token, url }, 201)
  })
  // GET /shares?unit=&period=: the unit's links (of one period when given), newest first.
  .get('/', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'admin')
    const period = c.req.query('period') ?? null
    if (period !== null && !isSupportedPeriod(period)) throw invalidPeriod(period)
    const target = await loadUnit(c.env.DB, c.req.query('unit') ?? principal.unit.id)
    assertCanRead(principal, target)
    const now = c.get('now')()
    const list = await listShares(c.env.DB, target.unit.id, period)
    return c.json<SharesResponse>({ shares: list.map((s) => toShareInfo(s, now)) })
  })
  .post('/:id/revoke', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'admin')
    const id = c.req.param('id')
    const share = await findShare(c.env.DB, id)
    if (!share) throw shareNotFound(id)
    assertCanWrite(principal, await loadUnit(c.env.DB, share.unitId))
    noteWrite(c, { unit: share.unitId, action: 'share.revoke', id })
    const now = c.get('now')()
    const at = now.toISOString()
    await c.env.DB.batch([
      revokeShareStatement(c.env.DB, id, at, principal.tokenId),
      auditIfChangedStatement(c.env.DB, {
        id: newId('aud'), at, actor: principal.tokenId, role: principal.role, unit: share.unitId, action: 'share.revoke', target: id,
        detail: { period: share.period },
      }),
    ])
    return c.json<ShareInfo>(toShareInfo((await findShare(c.env.DB, id)) as ShareLink, now))
  })
