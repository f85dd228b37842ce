// wrangler.jsonc and the code agree on the Cron Triggers: the daily reminders at 00:00 UTC (07:00 in Vietnam)
// and the five-minute delivery run are the two strings worker/scheduled.ts dispatches on.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DAILY_CRON, DELIVERY_CRON } from '../../worker/crons'

const text = readFileSync(join(__dirname, '..', '..', 'wrangler.jsonc'), 'utf8')
// JSONC → JSON: drop // comments outside strings (none of our strings holds "//" after a space).
const config = JSON.parse(text.replace(/(^|\s)\/\/.*$/gm, '$1')) as { triggers?: { crons?: string[] } }

describe('wrangler.jsonc', () => {
  it('declares exactly the Cron Triggers the scheduled handler knows', () => {
    expect(config.triggers?.crons).toEqual([DAILY_CRON, DELIVERY_CRON])
  })

  it('runs the daily job at 07:00 Vietnam time', () => {
    const [minute, hour] = DAILY_CRON.split(' ')
    expect((Number(hour) + 7) % 24).toBe(7)
    expect(minute).toBe('0')
  })
})
