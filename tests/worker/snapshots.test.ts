import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { aggregateWorkbookPath } from '../../shared/api'
import { createApp } from '../../worker/index'
import { readWorkbook } from '../../worker/xlsx/read-workbook'
import { TOKENS, client, movableClock, seedDemo } from './helpers'

const clock = movableClock()
const call = client(clock.now)
const app = createApp({ now: clock.now })

beforeAll(seedDemo)

async function xlsx(unit: string, period: string, token = TOKENS.leader): Promise<Uint8Array> {
  const res = await app.request(aggregateWorkbookPath(unit, period), { headers: { Authorization: 'Bearer ' + token } }, env)
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

const aggregate = (unit: string, period: string) => call('POST', '/api/v1/aggregate', { token: TOKENS.leader, body: { unit, period } })
const lock = (unit: string, period: string, action: 'lock' | 'unlock' = 'lock', token = TOKENS.district) =>
  call('POST', '/api/v1/periods/' + period + '/' + action, { token, body: { unit } })

async function snapshots(unit: string, period: string): Promise<Array<{ lock_seq: number; created_at: string; size: number }>> {
  const { results } = await env.DB.prepare('SELECT lock_seq, created_at, length(workbook) AS size FROM period_snapshots WHERE unit_id = ?1 AND period = ?2 ORDER BY lock_seq')
    .bind(unit, period).all<{ lock_seq: number; created_at: string; size: number }>()
  return results
}

async function overdueIds(bytes: Uint8Array): Promise<unknown[]> {
  const sheets = await readWorkbook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  return sheets.find((s) => s.name === 'Việc quá hạn')!.rows.slice(2).map((r) => r[0])
}

describe('a snapshot on lock', () => {
  it('stores the aggregate and its workbook when the district locks, and serves them, unchanged, from then on', async () => {
    clock.set('2026-11-16T10:00:00+07:00')
    expect((await lock('trieu-son', '2026-11-14')).status).toBe(200)
    const stored = await snapshots('trieu-son', '2026-11-14')
    expect(stored).toHaveLength(1)
    expect(stored[0]?.created_at).toBe('2026-11-16T03:00:00.000Z')
    expect(stored[0]?.size).toBeGreaterThan(1000)
    const atLock = await xlsx('trieu-son', '2026-11-14')
    expect(atLock.length).toBe(stored[0]?.size)

    // Ten days later a task became overdue and time moved on; the locked period still shows the lock's view.
    clock.set('2026-11-26T09:00:00+07:00')
    const put = await call('PUT', '/api/v1/units/trieu-son/tasks', {
      token: TOKENS.district,
      body: { tasks: [{ id: 'after-lock', title: 'Việc giao sau khi khóa sổ', lead: 'dan-luc', due: '2026-11-20' }] },
    })
    expect(put.status).toBe(200)
    const later = await xlsx('trieu-son', '2026-11-14')
    expect(later).toEqual(atLock)
    expect(await overdueIds(later)).not.toContain('Việc giao sau khi khóa sổ')
    const json = await aggregate('trieu-son', '2026-11-14')
    expect(json.body).toMatchObject({ locked: true, lockedAt: '2026-11-16T03:00:00.000Z', generatedAt: '2026-11-16T03:00:00.000Z' })
    expect(json.body.communes.find((c: { unit: { id: string } }) => c.unit.id === 'tho-binh').timeliness).toEqual({ status: 'missing', days: 2 })
    const sheet = (await readWorkbook(later.buffer.slice(later.byteOffset, later.byteOffset + later.byteLength) as ArrayBuffer))[0]!.rows
    expect(sheet[1]?.[0]).toBe('Lập lúc 10:00 16/11/2026 (giờ Việt Nam). Kỳ đã khóa sổ lúc 10:00 16/11/2026: số liệu không thay đổi nữa.')

    // Unlocked, the period is live again; locked again, it gets a new snapshot of that moment.
    expect((await lock('trieu-son', '2026-11-14', 'unlock')).status).toBe(200)
    const live = await aggregate('trieu-son', '2026-11-14')
    expect(live.body).toMatchObject({ locked: false, lockedAt: null, generatedAt: '2026-11-26T02:00:00.000Z' })
    expect(await overdueIds(await xlsx('trieu-son', '2026-11-14'))).toContain('Việc giao sau khi khóa sổ')
    expect((await lock('trieu-son', '2026-11-14')).status).toBe(200)
    expect(await snapshots('trieu-son', '2026-11-14')).toHaveLength(2)
    expect(await overdueIds(await xlsx('trieu-son', '2026-11-14'))).toContain('Việc giao sau khi khóa sổ')
    expect((await aggregate('trieu-son', '2026-11-14')).body.lockedAt).toBe('2026-11-26T02:00:00.000Z')
  })

  it("serves a share link of a locked period from the same snapshot", async () => {
    const share = (await call('POST', '/api/v1/shares', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-11-14' } })).body
    const secret = share.url.slice(share.url.indexOf('#') + 1)
    const res = await app.request('/api/v1/shared/summary.xlsx', { headers: { Authorization: 'Bearer ' + secret } }, env)
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(await xlsx('trieu-son', '2026-11-14'))
  })

  it("takes the snapshot on first reading for a lock without one (an ancestor's lock, or one made before snapshots)", async () => {
    clock.set('2026-11-17T08:00:00+07:00')
    // The province locks 28/10: Triệu Sơn has no snapshot of its own until someone reads it.
    expect((await lock('thanh-hoa', '2026-10-28', 'lock', TOKENS.admin)).status).toBe(200)
    expect(await snapshots('thanh-hoa', '2026-10-28')).toHaveLength(1)
    expect(await snapshots('trieu-son', '2026-10-28')).toHaveLength(0)
    clock.set('2026-11-20T08:00:00+07:00')
    const first = await aggregate('trieu-son', '2026-10-28')
    expect(first.body).toMatchObject({ locked: true, lockedAt: '2026-11-17T01:00:00.000Z', generatedAt: '2026-11-20T01:00:00.000Z' })
    expect(await snapshots('trieu-son', '2026-10-28')).toHaveLength(1)
    clock.set('2026-11-26T09:00:00+07:00')
    expect((await aggregate('trieu-son', '2026-10-28')).body.generatedAt).toBe('2026-11-20T01:00:00.000Z')
  })
})
