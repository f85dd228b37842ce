// The daily job (07:00 in Vietnam): reads what the reminders depend on, lets the shared computeReminders
// decide, stores the reminders not yet made and queues a webhook delivery for each, in the same batch.
// Running it twice on a day stores nothing new.
import type { WebhookPayload } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import { notificationMessage } from '../../shared/notification-text'
import {
  type NotificationDraft, type ReminderUnit, computeReminders, factKey, reminderPeriods, reminderTaskWindow,
} from '../../shared/reminders'
import { DEFAULT_SETTINGS, effectiveSettings } from '../../shared/settings'
import { listArrivals } from '../db/arrivals'
import { listLatestLockEvents } from '../db/locks'
import { type NewNotification, insertNotificationsStatement } from '../db/notifications'
import { listOwnSettings } from '../db/settings'
import { listTasksDueBetween } from '../db/tasks'
import { type Unit, chainWithin, listUnits } from '../db/units'
import { type NewDelivery, enqueueDeliveriesStatement, listWebhooks } from '../db/webhooks'
import { newId } from '../hash'
import { logWrite } from '../write-log'

/**
 * Reminders per statement pair (notifications + deliveries, one JSON parameter each): at least 100, more on a
 * big day so that the day's writes take at most WRITE_BATCHES batches — D1 counts every statement against
 * its 50 queries per invocation on the free plan — but never more than 1,000 (about 1 MB of JSON, half of
 * D1's 2 MB value limit).
 */
const WRITE_BATCHES = 10
const chunkSize = (drafts: number): number => Math.min(1000, Math.max(100, Math.ceil(drafts / WRITE_BATCHES)))

export type ReminderRun = { day: string; created: Array<{ id: string; unit: string }>; queued: number }

export function payloadFor(n: NewNotification, draft: NotificationDraft, unit: Unit, deliveryId: string, createdAt: string): WebhookPayload {
  return {
    id: n.id, delivery: deliveryId, kind: n.kind, unit: { id: unit.id, name: unit.name }, subject: n.subject, due: n.due, createdAt,
    text: notificationMessage(unit.name, draft.facts, draft.due, 'vi'),
    text_en: notificationMessage(unit.name, draft.facts, draft.due, 'en'),
  }
}

export async function runReminders(db: D1Database, now: Date): Promise<ReminderRun> {
  const day = vnDate(now)
  const at = now.toISOString()
  const [units, ownSettings, webhooks] = await Promise.all([listUnits(db), listOwnSettings(db, null), listWebhooks(db)])
  const byId: { [id: string]: Unit } = {}
  for (const u of units) byId[u.id] = u
  const chains: { [id: string]: Unit[] } = {}
  for (const u of units) chains[u.id] = chainWithin(u, byId)

  const reminderUnits: ReminderUnit[] = units.map((u) => ({
    id: u.id, name: u.name, level: u.level, parentId: u.parentId, reportsFrom: u.reportsFrom,
    settings: effectiveSettings((chains[u.id] ?? []).map((c) => ({ unitId: c.id, own: ownSettings[c.id] ?? null }))).settings,
  }))
  const maxLead = reminderUnits.reduce((m, u) => Math.max(m, u.settings.reminderLeadDays), DEFAULT_SETTINGS.reminderLeadDays)
  const periods = reminderPeriods(day, maxLead).map((p) => p.id)
  const unitIds = units.map((u) => u.id)
  // Only tasks whose next deadline can make a reminder today, with their stored flag inputs: a province's
  // tens of thousands of tasks are neither read nor flagged from their history every morning.
  const window = reminderTaskWindow(day, reminderUnits)
  const [arrivals, lockLists, tasks] = await Promise.all([
    listArrivals(db, periods, at),
    Promise.all(periods.map((p) => listLatestLockEvents(db, unitIds, p))),
    listTasksDueBetween(db, unitIds, window.from, window.to),
  ])
  const received: { [key: string]: boolean } = {}
  for (const a of arrivals) received[factKey(a.unitId, a.period)] = true
  const lockedByUnit: { [key: string]: boolean } = {}
  for (const list of lockLists) for (const e of list) if (e.action === 'lock') lockedByUnit[factKey(e.unitId, e.period)] = true

  const drafts = computeReminders({ today: day, units: reminderUnits, received, lockedByUnit, tasks })

  // The nearest webhook up each unit's chain receives its reminders.
  const hookOf: { [unitId: string]: string } = {}
  for (const w of webhooks) hookOf[w.unitId] = w.unitId
  const nearestHook = (unitId: string): string | undefined => (chains[unitId] ?? []).map((u) => hookOf[u.id]).find((h) => h !== undefined)

  const run: ReminderRun = { day, created: [], queued: 0 }
  const chunk = chunkSize(drafts.length)
  for (let i = 0; i < drafts.length; i += chunk) {
    const rows: NewNotification[] = []
    const deliveries: NewDelivery[] = []
    for (const draft of drafts.slice(i, i + chunk)) {
      const { kind, ...detail } = draft.facts
      const row: NewNotification = {
        id: newId('ntf'), unit: draft.unit, kind, subject: draft.subject, due: draft.due, once: draft.repeat === 'once', detail: JSON.stringify(detail),
      }
      rows.push(row)
      const hook = nearestHook(draft.unit)
      const unit = byId[draft.unit]
      if (hook && unit) {
        const id = newId('dlv')
        deliveries.push({ id, notificationId: row.id, webhookUnitId: hook, body: JSON.stringify(payloadFor(row, draft, unit, id, at)) })
      }
    }
    const statements = [insertNotificationsStatement(db, rows, day, at)]
    if (deliveries.length > 0) statements.push(enqueueDeliveriesStatement(db, deliveries, at))
    const [inserted, queued] = await db.batch<{ id: string; unit_id: string }>(statements)
    for (const r of inserted?.results ?? []) run.created.push({ id: r.id, unit: r.unit_id })
    run.queued += queued?.results.length ?? 0
  }
  for (const n of run.created) logWrite({ actor: 'cron', role: null, unit: n.unit, action: 'notification.create', id: n.id })
  return run
}
