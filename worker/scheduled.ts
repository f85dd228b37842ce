// The Worker's Cron Triggers (crons.ts): the daily one makes the day's reminders and delivers; the five-minute one
// delivers. Any other trigger (a manual `/__scheduled` in `wrangler dev --test-scheduled`) does both.
import { fixedClock } from './clock'
import { DAILY_CRON, DELIVERY_CRON } from './crons'
import type { Bindings } from './env'
import { runReminders } from './services/reminder-job'
import { type FetchFn, drainOutbox } from './services/webhook-delivery'

export { DAILY_CRON, DELIVERY_CRON }

export type ScheduledOptions = {
  /** Tests fix the clock; otherwise FIXED_NOW (local demos) or the trigger's own scheduled time. */
  now?: () => Date
  /** Tests put a receiver here; otherwise the global fetch. */
  fetch?: FetchFn
}

export function createScheduled(options: ScheduledOptions = {}) {
  // The third argument (the ExecutionContext) is not needed: the work is awaited within the invocation.
  return async (controller: Pick<ScheduledController, 'cron' | 'scheduledTime'>, env: Bindings, _ctx?: ExecutionContext): Promise<void> => {
    const now = options.now?.() ?? fixedClock(env)?.() ?? new Date(controller.scheduledTime)
    const fetchFn: FetchFn = options.fetch ?? ((url, init) => fetch(url, init))
    const summary: { [k: string]: unknown } = { level: 'info', event: 'cron', cron: controller.cron, at: now.toISOString() }
    if (controller.cron !== DELIVERY_CRON) {
      const run = await runReminders(env.DB, now)
      summary.day = run.day
      summary.created = run.created.length
      summary.queued = run.queued
    }
    Object.assign(summary, await drainOutbox(env.DB, env.WEBHOOK_SECRET_KEY, now, fetchFn))
    console.log(JSON.stringify(summary))
  }
}
