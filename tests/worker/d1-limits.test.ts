// D1's limits at province scale (issue 12): at most 100 bound parameters per statement, at most 50 queries per
// invocation on the free plan (each statement of a batch counts), values under 2 MB. A district with 2,500
// communes and a webhook: the daily cron makes and queues every reminder and delivers a first round, and the
// aggregate answers — each within those limits, counted on the statements they really issue.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../worker/index'
import { DAILY_CRON, createScheduled } from '../../worker/scheduled'
import { DRAIN_BATCH } from '../../worker/services/webhook-delivery'
import { TOKENS, client, seedDemo } from './helpers'
import { type Recorded, recordingD1 } from './recording-d1'

const COMMUNES = 2500
const FREE_PLAN_QUERIES = 50
const MAX_PARAMS = 100
const MAX_VALUE_BYTES = 2_000_000
const DAY = '2026-11-26T07:00:00+07:00'

beforeAll(async () => {
  await seedDemo()
  await env.DB.prepare(
    `INSERT INTO units (id, name, level, parent_id, created_at)
     WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
     SELECT 'xa-thu-' || i, 'Xã thử ' || i, 'commune', 'trieu-son', '2026-01-01T00:00:00Z' FROM n`,
  ).bind(COMMUNES).run()
  const put = await client()('PUT', '/api/v1/units/trieu-son/webhook', { token: TOKENS.district, body: { url: 'https://relay.example.vn/ntm' } })
  expect(put.status).toBe(200)
})

/** Statements over the limits, described; and the largest value bound. */
function overLimits(log: readonly Recorded[]): { problems: string[]; largest: number } {
  const problems: string[] = []
  let largest = 0
  for (const s of log) {
    if (s.params.length > MAX_PARAMS) problems.push(s.params.length + ' parameters: ' + s.sql.slice(0, 80))
    for (const p of s.params) {
      const bytes = typeof p === 'string' ? new TextEncoder().encode(p).length : 0
      largest = Math.max(largest, bytes)
      if (bytes >= MAX_VALUE_BYTES) problems.push('a value of ' + bytes + ' bytes: ' + s.sql.slice(0, 80))
    }
  }
  if (log.length > FREE_PLAN_QUERIES) problems.push(log.length + ' queries in one invocation')
  return { problems, largest }
}

describe('D1 limits with 2,500 communes under one office', () => {
  it('the daily cron: every reminder made and queued, a first round delivered, within the free plan\'s 50 queries', async () => {
    const log: Recorded[] = []
    const sent: string[] = []
    const fetch = async (_url: string, init: RequestInit): Promise<Response> => {
      sent.push(new Headers(init.headers).get('X-NTM-Delivery') as string)
      return new Response('ok')
    }
    await createScheduled({ now: () => new Date(DAY), fetch })({ cron: DAILY_CRON, scheduledTime: Date.parse(DAY) }, { ...env, DB: recordingD1(log) })

    const made = await env.DB.prepare("SELECT COUNT(*) AS n FROM notifications WHERE unit_id LIKE 'xa-thu-%' AND kind = 'report_due_soon'").first<{ n: number }>()
    expect(made?.n).toBe(COMMUNES)
    const queued = await env.DB.prepare('SELECT COUNT(*) AS n, COUNT(delivered_at) AS delivered FROM webhook_deliveries').first<{ n: number; delivered: number }>()
    expect(queued?.n).toBeGreaterThan(COMMUNES)
    expect(sent).toHaveLength(DRAIN_BATCH)
    expect(queued?.delivered).toBe(DRAIN_BATCH)

    const { problems, largest } = overLimits(log)
    expect(problems).toEqual([])
    // The reminders went in a few large statements, not one per reminder.
    expect(log.length).toBeLessThan(40)
    expect(largest).toBeGreaterThan(100_000)
  })

  it('the aggregate over them, and the overdue page, within the same limits', async () => {
    const app = createApp({ now: () => new Date(DAY) })
    for (const [method, path, body] of [
      ['POST', '/api/v1/aggregate', { unit: 'trieu-son', period: '2026-11-14' }],
      ['GET', '/api/v1/aggregate/trieu-son/overdue?limit=500', undefined],
      ['GET', '/api/v1/aggregate/trieu-son/2026-11-14.xlsx', undefined],
    ] as const) {
      const log: Recorded[] = []
      const res = await app.request(path, {
        method, headers: { Authorization: 'Bearer ' + TOKENS.district, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
      }, { ...env, DB: recordingD1(log) })
      expect(res.status, path).toBe(200)
      if (path.indexOf('/api/v1/aggregate') === 0 && method === 'POST') {
        const agg = (await res.json()) as { completeness: { expected: number } }
        expect(agg.completeness.expected).toBeGreaterThanOrEqual(COMMUNES)
      }
      expect(overLimits(log).problems, path).toEqual([])
    }
  })
})
