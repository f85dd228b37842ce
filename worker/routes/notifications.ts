import { Hono } from 'hono'
import type { NotificationItem, NotificationsReadResponse, NotificationsResponse } from '../../shared/api'
import { notificationText } from '../../shared/notification-text'
import { readJson } from '../body'
import { type StoredNotification, countUnread, listNotifications, markReadStatement } from '../db/notifications'
import type { AppEnv, Principal } from '../env'
import { ApiError } from '../errors'
import { notificationsReadSchema } from '../schemas'
import { type UnitContext, assertCanRead, loadUnit } from '../scope'
import { noteWrite } from '../write-log'

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100

export function toItem(n: StoredNotification): NotificationItem {
  return {
    id: n.id, unit: n.unitId, kind: n.kind, subject: n.subject, due: n.due, createdAt: n.createdAt, readAt: n.readAt,
    text: notificationText(n.facts, n.due, 'vi'), text_en: notificationText(n.facts, n.due, 'en'),
  }
}

/** Marking read is the unit's own people acknowledging: its own tokens (not leaders, who only read) or admin. */
function assertCanMarkRead(principal: Principal, target: UnitContext): void {
  if (principal.role === 'admin') return
  if (principal.role === 'leader' || principal.unit.id !== target.unit.id) {
    throw new ApiError(403, 'forbidden', [
      'Chỉ chính đơn vị "' + target.unit.id + '" được đánh dấu đã đọc thông báo của mình.',
      'Only unit "' + target.unit.id + '" itself may mark its notifications read.',
    ])
  }
}

/** Mounted at /units: the reminders the daily job made for a unit. */
export const notifications = new Hono<AppEnv>()
  // GET /units/{unit}/notifications?unread=true&limit=20: newest first, with the unread count.
  .get('/:unit/notifications', async (c) => {
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanRead(c.get('principal'), target)
    const limitText = c.req.query('limit')
    const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText)
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new ApiError(400, 'bad_request', ['limit phải từ 1 đến ' + MAX_LIMIT + '.', 'limit must be 1–' + MAX_LIMIT + '.'])
    }
    const unread = c.req.query('unread')
    if (unread !== undefined && unread !== 'true' && unread !== 'false') {
      throw new ApiError(400, 'bad_request', ['unread phải là true hoặc false.', 'unread must be true or false.'])
    }
    const unitId = target.unit.id
    const [list, count] = await Promise.all([
      listNotifications(c.env.DB, unitId, { unreadOnly: unread === 'true', limit }),
      countUnread(c.env.DB, unitId),
    ])
    return c.json<NotificationsResponse>({ unit: unitId, unread: count, notifications: list.map(toItem) })
  })
  // POST /units/{unit}/notifications/read with { ids: [...] } or { all: true }.
  .post('/:unit/notifications/read', async (c) => {
    const principal = c.get('principal')
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanRead(principal, target)
    assertCanMarkRead(principal, target)
    const { value: body } = await readJson(c, notificationsReadSchema)
    if ((body.ids === undefined) === (body.all !== true)) {
      throw new ApiError(400, 'bad_request', [
        'Gửi { "ids": [...] } hoặc { "all": true }, không phải cả hai.',
        'Send { "ids": [...] } or { "all": true }, not both.',
      ])
    }
    const unitId = target.unit.id
    const result = await markReadStatement(c.env.DB, unitId, body.all === true ? null : body.ids ?? [], c.get('now')().toISOString()).run()
    noteWrite(c, { unit: unitId, action: 'notifications.read', id: null })
    return c.json<NotificationsReadResponse>({ unit: unitId, marked: result.meta.changes, unread: await countUnread(c.env.DB, unitId) })
  })
