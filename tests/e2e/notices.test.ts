// Reminders end to end: the Worker under `wrangler dev --test-scheduled` runs its daily Cron Trigger (as
// Cloudflare would at 07:00), and the pane in Chromium shows the commune its reminders at the top and marks them
// read; the district office changes its unit's settings from the pane.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { ensureBuilt } from '../addin/bundle'
import { ROOT, type Worker, connect, launch, officeStubScript, openPane, press, startWorker } from './harness'

const NOW = '2026-11-26T09:00:00+07:00'
let worker: Worker
let browser: Browser
let stub: string


async function api(method: string, path: string, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(worker.origin + '/api/v1' + path, { method, headers: { Authorization: 'Bearer ' + token } })
  return { status: res.status, body: await res.json() }
}

beforeAll(async () => {
  ensureBuilt()
  stub = await officeStubScript()
  worker = await startWorker(NOW)
  browser = await launch()
})

afterAll(async () => {
  if (browser) await browser.close()
  if (worker) await worker.stop()
})

describe('reminders in the pane', () => {
  it('the daily Cron Trigger runs in the local Worker and makes the demo day’s reminders', async () => {
    const res = await fetch(worker.origin + '/__scheduled?cron=' + encodeURIComponent('0 0 * * *'))
    expect(res.status).toBe(200)
    const health = await fetch(worker.origin + '/api/v1/health')
    expect((await health.json()).status).toBe('ok')
    const list = await api('GET', '/units/binh-son/notifications', 'ntm_demo_commune_binh_son')
    expect(list.body.unread).toBe(2)
  })

  it('the commune sees them at the top on connecting, and "Đã xem" clears them', async () => {
    const { page, errors } = await openPane(browser, worker.origin, stub, { clock: NOW })
    expect(await connect(page, 'ntm_demo_commune_binh_son')).toBe('Đã kết nối: Xã Bình Sơn (xã).')
    await page.waitForSelector('#notices', { state: 'visible' })
    const items = await page.$$eval('#notice-list li', (lis) => lis.map((li) => li.textContent))
    expect(items.sort()).toEqual([
      'Kỳ báo cáo 28/11 còn 2 ngày (hạn 28/11/2026), chưa gửi báo cáo. · 09:00 26/11/2026',
      "Nhiệm vụ 'Rà soát, đánh giá lại các tiêu chí và gửi báo cáo tiến độ về Văn phòng NTM huyện' quá hạn 6 ngày (hạn 20/11/2026). · 09:00 26/11/2026",
    ])
    // The box sits above everything else the pane shows.
    const top = await page.evaluate(() => document.getElementById('notices')!.getBoundingClientRect().top)
    const status = await page.evaluate(() => document.getElementById('status')!.getBoundingClientRect().top)
    expect(top).toBeLessThan(status)
    mkdirSync(join(ROOT, 'tests', 'e2e', 'artifacts'), { recursive: true })
    await page.screenshot({ path: join(ROOT, 'tests', 'e2e', 'artifacts', 'notices.png') })

    expect(await press(page, 'btn-notices-read')).toBe('Đã đánh dấu 2 nhắc việc là đã xem.')
    expect(await page.isVisible('#notices')).toBe(false)
    expect((await api('GET', '/units/binh-son/notifications', 'ntm_demo_commune_binh_son')).body.unread).toBe(0)
    expect(errors).toEqual([])
  })

  it('the office changes its unit’s settings from the pane; its communes inherit them', async () => {
    const { page, errors } = await openPane(browser, worker.origin, stub, { clock: NOW })
    expect(await connect(page, 'ntm_demo_district_trieu_son')).toBe('Đã kết nối: Huyện Triệu Sơn (văn phòng NTM).')
    expect(await page.isVisible('#unit-settings')).toBe(true)
    await page.click('#btn-unit-settings-toggle')
    expect(await page.getAttribute('#set-people', 'placeholder')).toBe('30')
    await page.fill('#set-lead', '3')
    await page.fill('#set-people', '20')
    expect(await press(page, 'btn-save-unit-settings')).toBe(
      'Đã lưu cài đặt của Huyện Triệu Sơn: nhắc trước hạn 3 ngày, nhiệm vụ sắp đến hạn 3 ngày, trần vốn nhân dân 20%.',
    )
    const commune = await api('GET', '/units/binh-son/settings', 'ntm_demo_commune_binh_son')
    expect(commune.body.settings).toEqual({ reminderLeadDays: 3, dueSoonDays: 3, peopleSharePercent: 20 })
    expect(commune.body.sources).toMatchObject({ reminderLeadDays: 'trieu-son', peopleSharePercent: 'trieu-son' })
    expect(errors).toEqual([])
  })

  it('a leader sees the office’s reminders but neither marks them read nor edits settings', async () => {
    const { page } = await openPane(browser, worker.origin, stub, { clock: NOW })
    expect(await connect(page, 'ntm_demo_leader_trieu_son')).toMatch(/^Đã kết nối: Huyện Triệu Sơn/)
    await page.waitForSelector('#notices', { state: 'visible' })
    expect(await page.isVisible('#btn-notices-read')).toBe(false)
    expect(await page.isVisible('#unit-settings')).toBe(false)
  })
})
