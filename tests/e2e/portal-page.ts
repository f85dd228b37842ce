// The portal in the browser tests: a page at a given width under the served Content-Security-Policy, with
// every request, page error and refusal recorded; signing in; where screenshots go.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { ROOT, type Worker, launch, startWorker } from './harness'
import { ensurePortalBuilt } from '../portal/build'

export const PHONE = { width: 360, height: 760 }
export const DESK = { width: 1280, height: 900 }

/** What the pages did that a test checks at the end: every URL asked for, and any error or CSP refusal. */
export type Watch = { requests: string[]; problems: string[] }

/** docs/ with UPDATE_SCREENSHOTS=1 (the README shows them), tests/e2e/artifacts/ otherwise. */
export function screenshotPath(name: string): string {
  if (process.env.UPDATE_SCREENSHOTS === '1') return join(ROOT, 'docs', name)
  mkdirSync(join(ROOT, 'tests', 'e2e', 'artifacts'), { recursive: true })
  return join(ROOT, 'tests', 'e2e', 'artifacts', name)
}

export async function openPortal(
  browser: Browser, url: string, size: typeof PHONE, now: string, watch: Watch,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1, locale: 'vi-VN', acceptDownloads: true })
  const page = await context.newPage()
  await page.clock.setFixedTime(new Date(now))
  page.on('request', (r) => watch.requests.push(r.url()))
  page.on('pageerror', (e) => watch.problems.push('pageerror: ' + e.message))
  page.on('console', (m) => { if (m.type() === 'error' && /Content.Security.Policy|Refused/i.test(m.text())) watch.problems.push('csp: ' + m.text()) })
  // Chromium logs most refusals itself; the event catches the rest, from the first byte on.
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error('Content-Security-Policy refused ' + e.violatedDirective + ' ' + e.blockedURI)))
  const response = await page.goto(url)
  expect(response?.headers()['content-security-policy']).toContain("style-src 'self'")
  return { context, page }
}

export async function signIn(page: Page, token: string): Promise<void> {
  await page.fill('#token', token)
  await page.click('#sign-in')
  await page.waitForSelector('#sign-out:not([hidden])')
}

/** A local Worker (seeded, its clock at `now`) and a browser for a test file, started before its tests, stopped after. */
export function portalSession(now: string, prepare: () => void = ensurePortalBuilt): { worker: Worker; browser: Browser } {
  const live = {} as { worker: Worker; browser: Browser }
  beforeAll(async () => {
    prepare()
    live.worker = await startWorker(now)
    live.browser = await launch()
  })
  afterAll(async () => {
    if (live.browser) await live.browser.close()
    if (live.worker) await live.worker.stop()
  })
  return live
}
