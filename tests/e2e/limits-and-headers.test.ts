// Issue 10 under the real `wrangler dev` (workerd, the wrangler.jsonc bindings, the built pane's _headers):
// the pane's security headers and a run of the pane under its Content-Security-Policy in Chromium; the
// production rate limits (miniflare's simulation of the Workers Rate Limiting binding); and a Worker started as
// it is deployed (no LOCAL_DEMO), which refuses the demo tokens and ignores FIXED_NOW.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { ensureBuilt } from '../addin/bundle'
import { OFFICE_SCRIPT_HOST } from '../../addin/scripts/pane-headers.mjs'
import { type Worker, launch, officeStubScript, openPane, startWorker } from './harness'

const NOW = '2026-11-26T09:00:00+07:00'
const DEMO_TOKEN = 'ntm_demo_commune_binh_son'
// A token issued as `npm run token` would issue it (not a demo one): a deployed Worker accepts it.
const REAL_TOKEN = 'ntm_e2e_real_district_token_0123456789'
const REAL_TOKEN_SQL =
  "INSERT INTO tokens (id, token_hash, role, unit_id, label, created_at) VALUES ('tok_e2e_real', '" +
  createHash('sha256').update(REAL_TOKEN).digest('hex') + "', 'district', 'trieu-son', 'e2e', '2026-01-01T00:00:00Z');"

let local: Worker
let deployed: Worker
let browser: Browser

beforeAll(async () => {
  ensureBuilt()
  ;[local, deployed] = await Promise.all([startWorker(NOW), startWorker(NOW, REAL_TOKEN_SQL, { deployed: true })])
  browser = await launch()
})

afterAll(async () => {
  if (browser) await browser.close()
  await Promise.all([local?.stop(), deployed?.stop()])
})

const me = (origin: string, token: string) => fetch(origin + '/api/v1/me', { headers: { Authorization: 'Bearer ' + token } })

describe('the pane under its Content-Security-Policy', () => {
  it('is served with the policy, no referrer and no sniffing; _headers itself is not served', async () => {
    const res = await fetch(local.origin + '/taskpane.html')
    expect(res.status).toBe(200)
    const csp = res.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toMatch(new RegExp("script-src 'self' " + OFFICE_SCRIPT_HOST.replace(/[./]/g, '\\$&') + " 'sha256-[A-Za-z0-9+/]+=*'(;|$)"))
    expect(csp).toContain("connect-src 'self'")
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect((await fetch(local.origin + '/_headers')).status).toBe(404)
  })

  it('loads, connects and creates a workbook with nothing blocked', async () => {
    const { page, errors, cspViolations } = await openPane(browser, local.origin, await officeStubScript(), { clock: NOW })
    await page.waitForFunction(() => (document.getElementById('status')!.textContent || '').indexOf('Chưa kết nối') === 0)
    await page.fill('#token', DEMO_TOKEN)
    await page.click('#btn-save-settings')
    await page.waitForFunction(() => (document.getElementById('status')!.textContent || '').indexOf('Đã kết nối') === 0)
    await page.click('#btn-create')
    await page.waitForFunction(() => (document.getElementById('status')!.textContent || '').indexOf('Đã tạo sổ báo cáo') === 0)
    // Enter in the token field does not navigate (the form's handler is bound by the script, not inline).
    await page.press('#token', 'Enter')
    expect(page.url()).toBe(local.origin + '/taskpane.html')
    expect(cspViolations).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })
})

describe('rate limits with the production configuration', () => {
  it('answers 429 with Retry-After after ten refused tokens from one address, while a valid token still works', async () => {
    let statuses: number[] = []
    let last: Response | null = null
    // The simulated limiter counts in fixed minutes: if a minute ends mid-run, the counts restart; run once more.
    for (let attempt = 0; attempt < 2; attempt++) {
      const minute = Math.floor(Date.now() / 60_000)
      statuses = []
      for (let i = 0; i < 11; i++) {
        last = await me(local.origin, 'ntm_guess_' + attempt + '_' + i + '_abcdefgh')
        statuses.push(last.status)
      }
      if (Math.floor(Date.now() / 60_000) === minute) break
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429])
    expect(last?.headers.get('Retry-After')).toBe('60')
    expect(await last?.json()).toMatchObject({ error: 'rate_limited', issues: [] })
    expect((await me(local.origin, DEMO_TOKEN)).status).toBe(200)
  })
})

describe('a Worker as deployed (no LOCAL_DEMO)', () => {
  it('refuses the demo tokens, accepts a real one, and runs on the real clock despite FIXED_NOW', async () => {
    const refused = await me(deployed.origin, DEMO_TOKEN)
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ error: 'unauthorized', issues: [] })
    expect((await me(deployed.origin, REAL_TOKEN)).status).toBe(200)
    const flags = await fetch(deployed.origin + '/api/v1/units/hop-ly/flags', { headers: { Authorization: 'Bearer ' + REAL_TOKEN } })
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
    expect(((await flags.json()) as { date: string }).date).toBe(today)
    // The local demo, given the same FIXED_NOW, keeps its fixed day.
    const demo = await fetch(local.origin + '/api/v1/units/hop-ly/flags', { headers: { Authorization: 'Bearer ntm_demo_district_trieu_son' } })
    expect(((await demo.json()) as { date: string }).date).toBe('2026-11-26')
  })
})
