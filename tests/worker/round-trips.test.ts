// Each sequential read is a network hop to D1 in production (and a few milliseconds under wrangler dev): the
// province's hot requests issue what does not depend on an earlier answer together (issue 12). Counted on the
// statements they really issue; a new `await` in the middle of one of them shows up here.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../worker/index'
import { DEMO_NOW, TOKENS, seedDemo } from './helpers'
import { type Recorded, recordingD1, roundTrips } from './recording-d1'

beforeAll(seedDemo)

async function record(method: string, path: string, token: string, body?: unknown): Promise<{ log: Recorded[]; json: any }> {
  const log: Recorded[] = []
  const res = await createApp({ now: () => DEMO_NOW }).request(path, {
    method, headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  }, { ...env, DB: recordingD1(log) })
  expect(res.status, path).toBe(200)
  return { log, json: await res.json() }
}

/** The round trip of the first statement matching `pattern`. */
function tripOf(log: readonly Recorded[], pattern: RegExp): number {
  const s = log.find((x) => pattern.test(x.sql))
  expect(s, String(pattern)).toBeDefined()
  return (s as Recorded).roundTrip
}

describe('round trips to D1', () => {
  it('the aggregate of an open period: token, unit, locks with the subtree, every report-side read at once, catalogues with names', async () => {
    const { log, json } = await record('POST', '/api/v1/aggregate', TOKENS.district, { unit: 'trieu-son', period: '2026-11-14' })
    expect(json.locked).toBe(false)
    expect(json.completeness.expected).toBeGreaterThan(3)
    expect(roundTrips(log)).toBe(5)
    expect(tripOf(log, /FROM tokens t/)).toBe(1)
    expect(tripOf(log, /FROM period_lock_events e/)).toBe(tripOf(log, /WITH RECURSIVE sub/))
    const reads = tripOf(log, /JOIN report_latest l/)
    for (const p of [/FROM unit_settings/, /FROM evidence_items e/, /FROM catalog_assignments/, /JOIN tasks t/]) expect(tripOf(log, p), String(p)).toBe(reads)
    expect(tripOf(log, /FROM catalogs\s+WHERE/)).toBe(reads + 1)
  })

  it('a commune\'s flags: token, unit, then settings, tasks, the names they mention and arrivals at once', async () => {
    const { log, json } = await record('GET', '/api/v1/units/binh-son/flags', TOKENS.binhSon)
    expect(json.tasks.length).toBeGreaterThan(0)
    expect(json.reports.length).toBeGreaterThan(0)
    expect(roundTrips(log)).toBe(3)
    const reads = tripOf(log, /FROM unit_settings/)
    expect(tripOf(log, /FROM task_units u/)).toBe(reads)
    expect(tripOf(log, /JOIN report_latest l/)).toBe(reads)
    expect(tripOf(log, /FROM task_units me/)).toBe(reads)
    // The names are exactly those of the units the listed tasks mention, the commune's own included.
    const mentioned = new Set<string>(['binh-son'])
    for (const t of json.tasks as Array<{ owner: string; lead: string; collaborators: string[] }>) for (const id of [t.owner, t.lead, ...t.collaborators]) mentioned.add(id)
    const units = await env.DB.prepare('SELECT id, name FROM units WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id').bind(JSON.stringify([...mentioned])).all<{ id: string; name: string }>()
    expect(units.results.length).toBeGreaterThan(2)
    expect(json.names).toEqual(Object.fromEntries(units.results.map((u) => [u.id, u.name])))
  })
})
