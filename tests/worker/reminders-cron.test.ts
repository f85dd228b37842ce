// The daily Cron Trigger in workerd against real D1: the reminders it makes at fixed clocks around the
// deadlines, a second run that makes nothing new, and the notifications API that shows them.
import { createExecutionContext, createScheduledController } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../worker/index'
import { DAILY_CRON, DELIVERY_CRON, createScheduled } from '../../worker/scheduled'
import { TOKENS, client, movableClock, reportBody, seedDemo } from './helpers'

type Row = { unit_id: string; kind: string; subject: string; day: string }

/** The daily job at a Vietnamese wall-clock time, through the same handler the Worker exports. */
async function runDaily(vnTime: string): Promise<void> {
  await createScheduled({ now: () => new Date(vnTime), fetch: () => Promise.reject(new Error('no webhook expected')) })(
    { cron: DAILY_CRON, scheduledTime: Date.parse(vnTime) }, env,
  )
}

async function rows(day?: string): Promise<string[]> {
  const { results } = await env.DB
    .prepare('SELECT unit_id, kind, subject, day FROM notifications WHERE ?1 IS NULL OR day = ?1 ORDER BY unit_id, kind, subject')
    .bind(day ?? null)
    .all<Row>()
  return results.map((r) => r.unit_id + ' ' + r.kind + ' ' + r.subject)
}

async function count(): Promise<number> {
  return (await env.DB.prepare('SELECT COUNT(*) AS n FROM notifications').first<{ n: number }>())?.n ?? 0
}

const COMMUNES = ['binh-son', 'dan-luc', 'hop-ly', 'tho-binh', 'tho-son']
const clock = movableClock()
const call = client(clock.now)

beforeAll(seedDemo)

describe('the daily reminder job on the demo', () => {
  it('on 26/11/2026 at 07:00: the 28/11 reports, the newly overdue task (to its lead and its sheet), the task due soon', async () => {
    await runDaily('2026-11-26T07:00:00+07:00')
    expect(await rows('2026-11-26')).toEqual([
      'binh-son report_due_soon 2026-11-28',
      'binh-son task_overdue trieu-son/demo-2026-m2@2026-11-20',
      'dan-luc report_due_soon 2026-11-28',
      'hop-ly report_due_soon 2026-11-28',
      'tho-binh report_due_soon 2026-11-28',
      'tho-son report_due_soon 2026-11-28',
      'trieu-son task_overdue trieu-son/demo-2026-m2@2026-11-20',
      'trieu-son-vp-ntm task_due_soon trieu-son/demo-2026-m10@2026-11-28',
    ])
  })

  it('a second run on the same day stores nothing new', async () => {
    const before = await count()
    await runDaily('2026-11-26T07:00:00+07:00')
    await runDaily('2026-11-26T15:30:00+07:00')
    expect(await count()).toBe(before)
  })

  it('shows in the API as the pane and the portal show it, newest first, and is marked read', async () => {
    const res = await call('GET', '/api/v1/units/binh-son/notifications', { token: TOKENS.binhSon })
    expect(res.status).toBe(200)
    expect(res.body.unread).toBe(2)
    expect(res.body.notifications.map((n: { text: string }) => n.text).sort()).toEqual([
      'Kỳ báo cáo 28/11 còn 2 ngày (hạn 28/11/2026), chưa gửi báo cáo.',
      "Nhiệm vụ 'Rà soát, đánh giá lại các tiêu chí và gửi báo cáo tiến độ về Văn phòng NTM huyện' quá hạn 6 ngày (hạn 20/11/2026).",
    ])
    const due = res.body.notifications.find((n: { kind: string }) => n.kind === 'report_due_soon')
    expect(due).toMatchObject({
      unit: 'binh-son', subject: '2026-11-28', due: '2026-11-28', createdAt: '2026-11-26T00:00:00.000Z', readAt: null,
      text_en: 'The report for period 28/11 is due in 2 days (28/11/2026) and not sent yet.',
    })
    const office = await call('GET', '/api/v1/units/trieu-son/notifications', { token: TOKENS.district })
    expect(office.body.notifications[0].text).toBe(
      "Nhiệm vụ 'Rà soát, đánh giá lại các tiêu chí và gửi báo cáo tiến độ về Văn phòng NTM huyện' quá hạn 6 ngày (hạn 20/11/2026), đơn vị chủ trì: Xã Bình Sơn.",
    )

    const read = await call('POST', '/api/v1/units/binh-son/notifications/read', { token: TOKENS.binhSon, body: { ids: [due.id] } })
    expect(read.status).toBe(200)
    expect(read.body).toEqual({ unit: 'binh-son', marked: 1, unread: 1 })
    const unread = await call('GET', '/api/v1/units/binh-son/notifications?unread=true', { token: TOKENS.binhSon })
    expect(unread.body.notifications.map((n: { kind: string }) => n.kind)).toEqual(['task_overdue'])
    const all = await call('GET', '/api/v1/units/binh-son/notifications', { token: TOKENS.binhSon })
    expect(all.body.notifications.find((n: { id: string }) => n.id === due.id).readAt).toBe('2026-11-26T02:00:00.000Z')
    expect((await call('POST', '/api/v1/units/binh-son/notifications/read', { token: TOKENS.binhSon, body: { all: true } })).body).toEqual({
      unit: 'binh-son', marked: 1, unread: 0,
    })
  })

  it('the next day: the daily ones again (1 day left), the once-only task reminders not again', async () => {
    await runDaily('2026-11-27T07:00:00+07:00')
    expect(await rows('2026-11-27')).toEqual(COMMUNES.map((c) => c + ' report_due_soon 2026-11-28'))
    const res = await call('GET', '/api/v1/units/tho-son/notifications?limit=1', { token: TOKENS.thoSon })
    expect(res.body.notifications[0].text).toBe('Kỳ báo cáo 28/11 còn 1 ngày (hạn 28/11/2026), chưa gửi báo cáo.')
    expect(res.body.unread).toBe(2)
  })

  it('after the deadline: those who have not sent are chased, the office is reminded of its own deadline (30/11)', async () => {
    clock.set('2026-11-28T10:00:00+07:00')
    expect((await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28') })).status).toBe(201)
    clock.set('2026-11-29T09:00:00+07:00')
    expect((await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body: reportBody('tho-son', '2026-11-28') })).status).toBe(201)
    await runDaily('2026-11-29T07:00:00+07:00')
    // Thọ Sơn sent at 09:00, after the 07:00 run: still chased that morning. Bình Sơn sent on time.
    expect(await rows('2026-11-29')).toEqual([
      'dan-luc report_missing 2026-11-28',
      'hop-ly report_missing 2026-11-28',
      'tho-binh report_missing 2026-11-28',
      'tho-son report_missing 2026-11-28',
      'trieu-son aggregate_due 2026-11-28',
      // The monthly inspection (due on the 28th) was not marked done: newly overdue.
      'trieu-son task_overdue trieu-son/demo-2026-m10@2026-11-28',
      'trieu-son-vp-ntm task_overdue trieu-son/demo-2026-m10@2026-11-28',
    ])
    const office = await call('GET', '/api/v1/units/trieu-son/notifications', { token: TOKENS.district })
    expect(office.body.notifications.find((n: { kind: string }) => n.kind === 'aggregate_due').text).toBe(
      'Tổng hợp kỳ 28/11 báo cáo Trưởng Ban chỉ đạo còn 1 ngày (hạn 30/11/2026): 1/5 xã đã nộp; chưa nộp: Xã Dân Lực, Xã Hợp Lý, Xã Thọ Bình và 1 xã khác.',
    )
    await runDaily('2026-11-30T07:00:00+07:00')
    expect(await rows('2026-11-30')).toEqual([
      'dan-luc report_missing 2026-11-28', 'hop-ly report_missing 2026-11-28', 'tho-binh report_missing 2026-11-28', 'trieu-son aggregate_due 2026-11-28',
    ])
  })

  it('a locked period stops the chasing', async () => {
    clock.set('2026-11-30T12:00:00+07:00')
    expect((await call('POST', '/api/v1/periods/2026-11-28/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })).status).toBe(200)
    await runDaily('2026-12-01T07:00:00+07:00')
    expect(await rows('2026-12-01')).toEqual([])
  })
})

describe('the notifications API keeps to scopes', () => {
  it('reads: own unit, the office over its subtree, leaders read-only; never another commune', async () => {
    // Another commune is out of reach: 404, as if it did not exist (issue 10).
    expect((await call('GET', '/api/v1/units/tho-son/notifications', { token: TOKENS.binhSon })).status).toBe(404)
    expect((await call('GET', '/api/v1/units/tho-son/notifications', { token: TOKENS.district })).status).toBe(200)
    expect((await call('GET', '/api/v1/units/tho-son/notifications', { token: TOKENS.leader })).status).toBe(200)
    expect((await call('GET', '/api/v1/units/nowhere/notifications', { token: TOKENS.admin })).status).toBe(404)
    expect((await call('GET', '/api/v1/units/tho-son/notifications')).status).toBe(401)
  })

  it('marking read: only the unit itself (or admin); leaders and the office above may not', async () => {
    const before = await call('GET', '/api/v1/units/tho-son/notifications', { token: TOKENS.thoSon })
    // The office and leader above may read but not mark (403); another commune does not see the unit (404).
    for (const [token, status, error] of [[TOKENS.district, 403, 'forbidden'], [TOKENS.leader, 403, 'forbidden'], [TOKENS.binhSon, 404, 'not_found']] as const) {
      const res = await call('POST', '/api/v1/units/tho-son/notifications/read', { token, body: { all: true } })
      expect(res.status).toBe(status)
      expect(res.body.error).toBe(error)
    }
    expect((await call('GET', '/api/v1/units/tho-son/notifications', { token: TOKENS.thoSon })).body.unread).toBe(before.body.unread)
    // Another unit's notification ids are ignored, not marked.
    const other = (await call('GET', '/api/v1/units/dan-luc/notifications', { token: TOKENS.district })).body.notifications[0].id
    expect((await call('POST', '/api/v1/units/tho-son/notifications/read', { token: TOKENS.thoSon, body: { ids: [other] } })).body.marked).toBe(0)
    expect((await call('POST', '/api/v1/units/dan-luc/notifications/read', { token: TOKENS.admin, body: { ids: [other] } })).body.marked).toBe(1)
  })

  it('refuses bad queries and bodies with the error shape', async () => {
    for (const q of ['?limit=0', '?limit=101', '?limit=x', '?unread=yes']) {
      const res = await call('GET', '/api/v1/units/tho-son/notifications' + q, { token: TOKENS.thoSon })
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({ error: 'bad_request', message: expect.any(String), message_en: expect.any(String) })
    }
    for (const body of [{}, { ids: ['a'], all: true }, { ids: 'a' }, { all: true, extra: 1 }]) {
      const res = await call('POST', '/api/v1/units/tho-son/notifications/read', { token: TOKENS.thoSon, body })
      expect(res.status).toBe(400)
    }
    const unknown = await call('POST', '/api/v1/units/tho-son/notifications/read', { token: TOKENS.thoSon, body: { all: true, extra: 1 } })
    expect(unknown.body.issues[0]).toMatchObject({ code: 'field_invalid', path: 'extra' })
  })
})

describe('the exported scheduled() handler', () => {
  it('is what the runtime calls for the Cron Triggers: the daily cron makes reminders at the trigger time', async () => {
    const before = await count()
    // No injected clock: the trigger's own scheduled time is the clock (12/12/2026 00:00 UTC = 07:00 in Vietnam).
    await worker.scheduled(createScheduledController({ cron: DAILY_CRON, scheduledTime: new Date('2026-12-12T00:00:00Z') }), env, createExecutionContext())
    expect(await rows('2026-12-12')).toEqual(COMMUNES.map((c) => c + ' report_due_soon 2026-12-14'))
    // The five-minute trigger only delivers; it makes no reminder.
    await worker.scheduled(createScheduledController({ cron: DELIVERY_CRON, scheduledTime: new Date('2026-12-13T00:00:00Z') }), env, createExecutionContext())
    expect(await rows('2026-12-13')).toEqual([])
    // Through the runtime's own entry point (the module's default export), as a Cron Trigger would.
    type Scheduler = { scheduled(options: { cron: string; scheduledTime: Date }): Promise<unknown> }
    await (exports as unknown as { default: Scheduler }).default.scheduled({ cron: DAILY_CRON, scheduledTime: new Date('2026-12-13T00:00:00Z') })
    expect(await rows('2026-12-13')).toEqual([...COMMUNES.map((c) => c + ' report_due_soon 2026-12-14'), 'trieu-son aggregate_due 2026-12-14'])
    expect(await count()).toBe(before + 11)
  })

  it('uses FIXED_NOW (local demos) over the trigger time', async () => {
    await worker.scheduled(
      createScheduledController({ cron: DAILY_CRON, scheduledTime: new Date('2030-01-01T00:00:00Z') }),
      { ...env, FIXED_NOW: '2026-12-26T09:00:00+07:00' }, createExecutionContext(),
    )
    expect(await rows('2026-12-26')).toEqual(COMMUNES.map((c) => c + ' report_due_soon 2026-12-28'))
    expect(await rows('2030-01-01')).toEqual([])
  })
})
