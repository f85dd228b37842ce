// The Cron Triggers of wrangler.jsonc `triggers.crons`, as worker/scheduled.ts dispatches on them (a test checks
// that both lists agree).
/** 00:00 UTC = 07:00 in Vietnam: make the day's reminders, then deliver. */
export const DAILY_CRON = '0 0 * * *'
/** Every five minutes: deliver what is due (retries with backoff need more than a daily run). */
export const DELIVERY_CRON = '*/5 * * * *'
