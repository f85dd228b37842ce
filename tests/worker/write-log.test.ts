// Every write leaves one structured JSON log line (actor, role, unit, action, id, status) and none of them
// carries a token or what a report or a task says.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEMO_TOKENS } from '../../worker/seed/demo-data'
import { TOKENS, client, movableClock, reportBody, seedDemo } from './helpers'

const clock = movableClock()
const call = client(clock.now)
const lines: string[] = []

beforeAll(async () => {
  await seedDemo()
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')))
})
afterAll(() => vi.restoreAllMocks())

type Line = { level: string; event: string; at: string; actor: string; role: string | null; unit: string | null; action: string; id: string | null; status?: number }

/** The write lines logged while `run` ran. */
async function logged(run: () => Promise<unknown>): Promise<Line[]> {
  const from = lines.length
  await run()
  return lines.slice(from).map((l) => JSON.parse(l) as Line).filter((l) => l.event === 'write')
}

const EVIDENCE = 'Biên bản họp dân thôn Đông ngày 12/11 — mật'
const TASK_TITLE = 'Tu sửa nhà văn hóa thôn Tây (nội dung riêng)'

describe('structured write logs', () => {
  it('a submission: one line with who, which unit, what and which revision', async () => {
    const body = reportBody('binh-son', '2026-11-28', [1, 2, 3])
    body.indicators[0] = { ...body.indicators[0], evidence: EVIDENCE } as (typeof body.indicators)[number]
    let id = ''
    const out = await logged(async () => {
      const res = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: { ...body, funds: [{ source: 'people', amount: 123456789, note: EVIDENCE }] }, headers: { 'Idempotency-Key': 'log-1' } })
      expect(res.status).toBe(201)
      id = res.body.id
    })
    expect(out).toEqual([{
      level: 'info', event: 'write', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), actor: 'tok_demo_binh_son', role: 'commune', unit: 'binh-son',
      action: 'report.submit', id, status: 201,
    }])
  })

  it('every other write endpoint logs too, refused writes with their status', async () => {
    const out = await logged(async () => {
      await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon, body: { tasks: [{ id: 'L-1', title: TASK_TITLE, lead: 'binh-son', due: '2026-12-20' }] } })
      await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon, body: { tasks: [{ id: 'L-2', title: TASK_TITLE, lead: 'binh-son', due: 'mai' }] } })
      await call('POST', '/api/v1/periods/2026-11-14/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })
      await call('PUT', '/api/v1/units/trieu-son/settings', { token: TOKENS.district, body: { dueSoonDays: 4 } })
      await call('PUT', '/api/v1/units/trieu-son/webhook', { token: TOKENS.district, body: { url: 'https://relay.example.vn/hook?key=relay-credential', secret: 'whsec_do_not_log_0123456789' } })
      await call('POST', '/api/v1/units/binh-son/notifications/read', { token: TOKENS.binhSon, body: { all: true } })
      await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body: reportBody('binh-son', '2026-11-28') })
    })
    expect(out.map((l) => [l.actor, l.unit, l.action, l.id, l.status])).toEqual([
      ['tok_demo_binh_son', 'binh-son', 'tasks.sync', null, 200],
      ['tok_demo_binh_son', 'binh-son', 'PUT /api/v1/units/:unit/tasks', null, 422],
      ['tok_demo_district', 'trieu-son', 'period.lock', 'trieu-son/2026-11-14', 200],
      ['tok_demo_district', 'trieu-son', 'settings.update', 'trieu-son', 200],
      ['tok_demo_district', 'trieu-son', 'webhook.set', 'trieu-son', 200],
      ['tok_demo_binh_son', 'binh-son', 'notifications.read', null, 200],
      ['tok_demo_tho_son', 'tho-son', 'POST /api/v1/reports', null, 404],
    ])
    expect(out.filter((l) => (l.status ?? 0) >= 400).every((l) => l.level === 'warn')).toBe(true)
  })

  it('reads are not logged as writes, the POSTs that store nothing included', async () => {
    expect(await logged(() => call('GET', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon }))).toEqual([])
    expect(await logged(async () => {
      expect((await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-11-14' } })).status).toBe(200)
      expect((await call('POST', '/api/v1/reports/validate', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28') })).status).toBe(200)
    })).toEqual([])
  })

  it('no line holds a token, a secret, a relay address, a report value or a task title', () => {
    const all = lines.join('\n')
    expect(all.length).toBeGreaterThan(0)
    for (const t of DEMO_TOKENS) expect(all).not.toContain(t.token)
    for (const secret of [EVIDENCE, TASK_TITLE, '123456789', 'whsec_do_not_log', 'relay-credential', 'relay.example.vn']) expect(all).not.toContain(secret)
  })
})
