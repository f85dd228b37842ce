import { Hono } from 'hono'
import type { ShapeIssue, WebhookPayload, WebhookResponse, WebhookTestResponse } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import { requireRole } from '../auth'
import { readJson } from '../body'
import { auditStatement } from '../db/audit'
import {
  abandonDeliveriesStatement, deleteWebhookStatement, deliveryCounts, findWebhook, upsertWebhookStatement,
} from '../db/webhooks'
import type { AppEnv } from '../env'
import { ApiError, errorBody } from '../errors'
import { newId } from '../hash'
import { webhookPutSchema } from '../schemas'
import { assertCanWrite, loadUnit } from '../scope'
import { postSigned } from '../services/webhook-delivery'
import { MIN_MASTER_KEY_CHARS, newWebhookSecret, openSecret, sealSecret, secretFingerprint } from '../webhook-crypto'
import { noteWrite } from '../write-log'

const MIN_SECRET_CHARS = 16

function invalid(path: string, vi: string, en: string): ApiError {
  const issue: ShapeIssue = { code: 'field_invalid', severity: 'error', path, message: vi, message_en: en }
  return new ApiError(400, 'bad_request', ['Cấu hình webhook không hợp lệ.', 'Invalid webhook settings.'], [issue])
}

/** https only; plain http only to this machine (a relay under test beside `npm start`). No user:password in it. */
export function checkWebhookUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw invalid('url', 'Địa chỉ webhook "' + text.slice(0, 100) + '" không phải URL.', 'Webhook address "' + text.slice(0, 100) + '" is not a URL.')
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw invalid('url', 'Địa chỉ webhook phải dùng https://.', 'The webhook address must use https://.')
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('url', 'Địa chỉ webhook không được chứa tên đăng nhập hoặc mật khẩu.', 'The webhook address must not contain a user name or password.')
  }
  return url.toString()
}

function masterKeyOf(env: { WEBHOOK_SECRET_KEY?: string }): string {
  const key = env.WEBHOOK_SECRET_KEY
  if (!key || key.length < MIN_MASTER_KEY_CHARS) {
    throw new ApiError(503, 'not_configured', [
      'Máy chủ chưa có khóa WEBHOOK_SECRET_KEY (ít nhất ' + MIN_MASTER_KEY_CHARS + ' ký tự) để bảo vệ khóa bí mật webhook. Quản trị viên chạy: openssl rand -base64 32 | npx wrangler secret put WEBHOOK_SECRET_KEY',
      'The server has no WEBHOOK_SECRET_KEY (at least ' + MIN_MASTER_KEY_CHARS + ' characters) to seal webhook secrets. The administrator runs: openssl rand -base64 32 | npx wrangler secret put WEBHOOK_SECRET_KEY',
    ])
  }
  return key
}

const noWebhook = (unit: string): ApiError =>
  new ApiError(404, 'not_found', ['Đơn vị "' + unit + '" chưa cấu hình webhook.', 'Unit "' + unit + '" has no webhook.'])

/** Mounted at /units: a unit's webhook, set by the district office (or admin) for its unit or one below it. */
export const webhooks = new Hono<AppEnv>()
  .get('/:unit/webhook', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'admin')
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanWrite(principal, target)
    const hook = await findWebhook(c.env.DB, target.unit.id)
    if (!hook) throw noWebhook(target.unit.id)
    return c.json<WebhookResponse>({
      unit: hook.unitId, url: hook.url, secretFingerprint: hook.secretFingerprint, updatedAt: hook.updatedAt,
      deliveries: await deliveryCounts(c.env.DB, hook.unitId),
    })
  })
  // PUT { url, secret? }: without a secret, one is made and shown in this answer only.
  .put('/:unit/webhook', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'admin')
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanWrite(principal, target)
    const { value: body } = await readJson(c, webhookPutSchema)
    const url = checkWebhookUrl(body.url)
    if (body.secret !== undefined && body.secret.length < MIN_SECRET_CHARS) {
      throw invalid('secret', 'Khóa bí mật phải dài ít nhất ' + MIN_SECRET_CHARS + ' ký tự.', 'The secret must be at least ' + MIN_SECRET_CHARS + ' characters long.')
    }
    const masterKey = masterKeyOf(c.env)
    const unitId = target.unit.id
    const secret = body.secret ?? newWebhookSecret()
    const fingerprint = await secretFingerprint(secret)
    const at = c.get('now')().toISOString()
    await c.env.DB.batch([
      upsertWebhookStatement(c.env.DB, { unitId, url, secretSealed: await sealSecret(masterKey, unitId, secret), secretFingerprint: fingerprint }, at, principal.tokenId),
      // The audit keeps the address's host only: a relay's path or query may carry its own credentials.
      auditStatement(c.env.DB, {
        id: newId('aud'), at, actor: principal.tokenId, role: principal.role, unit: unitId, action: 'webhook.set', target: unitId,
        detail: { host: new URL(url).host, secretFingerprint: fingerprint },
      }),
    ])
    noteWrite(c, { unit: unitId, action: 'webhook.set', id: unitId })
    const res: WebhookResponse = {
      unit: unitId, url, secretFingerprint: fingerprint, updatedAt: at, deliveries: await deliveryCounts(c.env.DB, unitId),
    }
    if (body.secret === undefined) res.secret = secret
    return c.json<WebhookResponse>(res)
  })
  .delete('/:unit/webhook', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'admin')
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanWrite(principal, target)
    const unitId = target.unit.id
    if (!(await findWebhook(c.env.DB, unitId))) throw noWebhook(unitId)
    const at = c.get('now')().toISOString()
    await c.env.DB.batch([
      deleteWebhookStatement(c.env.DB, unitId),
      abandonDeliveriesStatement(c.env.DB, unitId, at, 'webhook removed'),
      auditStatement(c.env.DB, { id: newId('aud'), at, actor: principal.tokenId, role: principal.role, unit: unitId, action: 'webhook.delete', target: unitId, detail: null }),
    ])
    noteWrite(c, { unit: unitId, action: 'webhook.delete', id: unitId })
    return c.body(null, 204)
  })
  // POST: one signed test message now, so the office can check the relay before the first real reminder.
  .post('/:unit/webhook/test', async (c) => {
    const principal = c.get('principal')
    requireRole(principal, 'district', 'admin')
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanWrite(principal, target)
    const unitId = target.unit.id
    const hook = await findWebhook(c.env.DB, unitId)
    if (!hook) throw noWebhook(unitId)
    const secret = await openSecret(masterKeyOf(c.env), unitId, hook.secretSealed)
    if (secret === null) {
      return c.json(errorBody('not_configured', [
        'Không mở được khóa bí mật webhook: WEBHOOK_SECRET_KEY đã đổi. Đặt lại webhook (PUT) với khóa bí mật mới.',
        'Cannot open the webhook secret: WEBHOOK_SECRET_KEY has changed. Set the webhook again (PUT) with a new secret.',
      ]), 503)
    }
    const now = c.get('now')()
    const delivery = newId('dlv')
    const payload: WebhookPayload = {
      id: newId('ntf'), delivery, kind: 'test', unit: { id: unitId, name: target.unit.name }, subject: 'test', due: vnDate(now),
      createdAt: now.toISOString(),
      text: target.unit.name + ': Tin nhắn thử từ hệ thống báo cáo NTM. Webhook đã hoạt động.',
      text_en: target.unit.name + ': Test message from the NTM reporting system. The webhook works.',
    }
    const result = await postSigned((url, init) => fetch(url, init), hook.url, secret, delivery, JSON.stringify(payload))
    noteWrite(c, { unit: unitId, action: 'webhook.test', id: delivery })
    return c.json<WebhookTestResponse>({ delivered: result.error === null, status: result.status, error: result.error })
  })
