// An open period's summary workbook is written once per fingerprint of what it shows and read back after:
// the same download again costs a read, a new revision or a new day writes it anew, a locked period never
// touches the cache (its snapshot serves it).
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { aggregateWorkbookPath } from '../../shared/api'
import { createApp } from '../../worker/index'
import { TOKENS, client, movableClock, reportBody, seedDemo } from './helpers'
import { type Recorded, recordingD1 } from './recording-d1'

const clock = movableClock()
const call = client(clock.now)
const PATH = aggregateWorkbookPath('trieu-son', '2026-11-14')

beforeAll(seedDemo)

async function download(): Promise<{ bytes: Uint8Array; log: Recorded[] }> {
  const log: Recorded[] = []
  const res = await createApp({ now: clock.now }).request(PATH, { headers: { Authorization: 'Bearer ' + TOKENS.leader } }, { ...env, DB: recordingD1(log) })
  expect(res.status).toBe(200)
  return { bytes: new Uint8Array(await res.arrayBuffer()), log }
}

const cacheWrites = (log: readonly Recorded[]) => log.filter((s) => /INSERT INTO summary_workbook_cache/.test(s.sql)).length
const cacheReads = (log: readonly Recorded[]) => log.filter((s) => /FROM summary_workbook_cache/.test(s.sql)).length
const stored = () => env.DB.prepare("SELECT fingerprint, created_at FROM summary_workbook_cache WHERE unit_id = 'trieu-son' AND period = '2026-11-14'").all<{ fingerprint: string; created_at: string }>()

describe('the summary workbook cache of open periods', () => {
  it('writes the workbook once, then serves the same bytes while nothing it shows has changed', async () => {
    const first = await download()
    expect(cacheWrites(first.log)).toBe(1)
    const row = (await stored()).results
    expect(row).toHaveLength(1)

    clock.set('2026-11-26T16:30:00+07:00')
    const again = await download()
    expect(cacheReads(again.log)).toBe(1)
    expect(cacheWrites(again.log)).toBe(0)
    expect(again.bytes).toEqual(first.bytes)
    expect((await stored()).results).toEqual(row)
  })

  it('a new revision changes the fingerprint: written anew, and different', async () => {
    const before = (await stored()).results[0]
    const cached = await download()
    const sent = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-14', [1, 2, 3, 4, 5, 6, 7, 8, 9]) })
    expect(sent.status).toBe(201)
    const after = await download()
    expect(cacheWrites(after.log)).toBe(1)
    expect((await stored()).results[0]?.fingerprint).not.toBe(before?.fingerprint)
    expect(after.bytes).not.toEqual(cached.bytes)
  })

  it('a new day writes it anew (overdue days and a new release reach it by then)', async () => {
    const before = (await stored()).results[0]
    clock.set('2026-11-27T08:00:00+07:00')
    const next = await download()
    expect(cacheWrites(next.log)).toBe(1)
    expect((await stored()).results[0]?.fingerprint).not.toBe(before?.fingerprint)
  })

  it('a locked period is served from its snapshot and never touches the cache', async () => {
    expect((await call('POST', '/api/v1/periods/2026-11-14/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })).status).toBe(200)
    const locked = await download()
    expect(cacheReads(locked.log) + cacheWrites(locked.log)).toBe(0)
    expect(locked.log.some((s) => /FROM period_snapshots/.test(s.sql))).toBe(true)
  })
})
