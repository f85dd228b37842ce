// The web portal end to end, without the add-in: the built page served by the real local Worker (wrangler
// dev, seeded D1) in headless Chromium, at 360 px (a phone) and 1280 px, under the Content-Security-Policy the
// built _headers gives every page (nothing but this origin; no inline script or style).
// A commune signs in, downloads its report workbook, uploads a file LibreOffice wrote with two mistakes, sees
// them by sheet and cell, fixes them and drops the file again, and is accepted; the district office sees the
// late and missing communes by name and creates a share link; a leader without a token opens it and downloads
// the workbook; the district locks the period (the link shows the locked snapshot) and revokes the link.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { QD_51_2025 } from '../../shared/catalogs/qd-51-2025'
import { thresholdFor } from '../../shared/catalog'
import { readWorkbook } from '../../worker/xlsx/read-workbook'
import { ensurePortalBuilt } from '../portal/build'
import { type Typed, typeInto } from '../xlsx/libreoffice'
import { ensureBuilt } from '../addin/bundle'
import { DESK, PHONE, type Watch, openPortal, portalSession, screenshotPath, signIn } from './portal-page'

const NOW = '2026-11-26T09:00:00+07:00'
const COMMUNE = 'ntm_demo_commune_binh_son'
const DISTRICT = 'ntm_demo_district_trieu_son'
const LEADER = 'ntm_demo_leader_trieu_son'
const dir = mkdtempSync(join(tmpdir(), 'portal-e2e-'))
const live = portalSession(NOW, () => {
  ensureBuilt()
  ensurePortalBuilt()
})
const watch: Watch = { requests: [], problems: [] }
const { requests, problems } = watch

/** The page at both widths; at each, nothing is wider than the screen (wide tables scroll in their box). */
async function shoot(page: Page, name: string): Promise<void> {
  const was = page.viewportSize()
  for (const size of [PHONE, DESK]) {
    await page.setViewportSize(size)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect({ page: name, width: size.width, overflow }).toEqual({ page: name, width: size.width, overflow: 0 })
    // On a phone, the first two and a half screens: what a person scrolls through for this step (the commune's
    // page goes on with its whole evidence dossier, which has its own screenshot).
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    const clip = size === PHONE ? { x: 0, y: 0, width: size.width, height: Math.min(height, Math.round(size.height * 2.5)) } : undefined
    await page.screenshot({ path: screenshotPath('portal-' + name + '-' + size.width + '.png'), fullPage: true, clip })
  }
  if (was) await page.setViewportSize(was)
}

const open = (size: typeof PHONE, path = '/'): Promise<{ context: BrowserContext; page: Page }> => openPortal(live.browser, live.worker.origin + path, size, NOW, watch)

/**
 * The template filled in LibreOffice Calc (vi-VN), every indicator met by the catalogue's own thresholds (the
 * 28/11/2026 period is judged by QĐ 51/2025 at criterion level, Bình Sơn in group 2: one declared line each);
 * `mistakes` change what is typed. The file returned is the one LibreOffice saved.
 */
async function filledWorkbook(template: Uint8Array, mistakes: { [code: string]: { value?: string; status?: string } }, name: string): Promise<string> {
  const sheets = await readWorkbook(template)
  const rows = sheets.find((s) => s.name === 'Chỉ tiêu')!.rows
  const byCode = new Map(QD_51_2025.criteria.flatMap((c) => c.indicators).map((i) => [i.code, i]))
  const typed: Typed[] = []
  rows.forEach((row, r) => {
    const indicator = r > 0 ? byCode.get(String(row[0])) : undefined
    if (!indicator) return
    const threshold = thresholdFor(indicator, 'nhom-2')
    let value = indicator.kind === 'yesno' ? 'đạt' : indicator.kind === 'percent' ? '95' : '60'
    if (threshold && 'expect' in threshold) value = threshold.expect ? 'có' : 'không'
    else if (threshold && threshold.min !== undefined) value = String(Math.max(threshold.min, 95))
    const wrong = mistakes[indicator.code] ?? {}
    typed.push({ sheet: 'Chỉ tiêu', cell: 'F' + (r + 1), text: wrong.value ?? value })
    typed.push({ sheet: 'Chỉ tiêu', cell: 'G' + (r + 1), text: wrong.status ?? 'đạt' })
  })
  const file = join(dir, name + '-mau.xlsx')
  writeFileSync(file, template)
  const saved = typeInto(file, typed, 'vi-VN')
  const out = join(dir, name + '.xlsx')
  writeFileSync(out, readFileSync(saved))
  return out
}

/** Drops `file` on `selector` the way a file dragged from the desktop arrives: a drop event carrying it. */
async function dropFile(page: Page, selector: string, file: string): Promise<void> {
  const transfer = await page.evaluateHandle(({ base64, name }) => {
    const binary = atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    const dt = new DataTransfer()
    dt.items.add(new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
    return dt
  }, { base64: readFileSync(file).toString('base64'), name: 'bao-cao.xlsx' })
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer })
}

function rowOf(rows: unknown[][], code: string): number {
  return rows.findIndex((r) => String(r[0]) === code) + 1
}

describe('the portal in Chromium against the local Worker', () => {
  let template: Uint8Array
  let shareUrl = ''

  it('commune: signs in (a wrong code is refused), sees its deadlines, downloads the report workbook', async () => {
    const { page, context } = await open(PHONE)
    expect(await page.textContent('h1')).toBe('Báo cáo nông thôn mới')
    await shoot(page, 'sign-in')
    await page.fill('#token', 'ntm_not_a_real_code')
    await page.click('#sign-in')
    await page.waitForSelector('#sign-in-answer .note-error')
    expect(await page.textContent('#sign-in-answer')).toContain('Mã truy cập không đúng hoặc đã bị thu hồi.')

    await signIn(page, COMMUNE)
    expect(await page.textContent('#who')).toBe('Xã Bình Sơn · xã')
    await page.waitForSelector('#deadlines li')
    const deadlines = await page.$$eval('#deadlines li', (li) => li.map((l) => l.textContent))
    expect(deadlines).toEqual(['Kỳ này (kỳ 28/11/2026): hạn nộp 28/11/2026, còn 2 ngày', 'Kỳ sau (kỳ 14/12/2026): hạn nộp 14/12/2026, còn 18 ngày'])

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-template')])
    expect(download.suggestedFilename()).toBe('Báo cáo NTM Xã Bình Sơn kỳ 28-11-2026.xlsx')
    template = new Uint8Array(readFileSync((await download.path())!))
    const sheets = await readWorkbook(template)
    expect(sheets.map((s) => s.name)).toContain('Chỉ tiêu')
    await context.close()
  })

  it('commune: uploads a file LibreOffice wrote, sees each mistake by sheet and cell, fixes them, drops it and is accepted', async () => {
    const { page, context } = await open(PHONE)
    await signIn(page, COMMUNE)
    const rows = (await readWorkbook(template)).find((s) => s.name === 'Chỉ tiêu')!.rows
    const wrong = await filledWorkbook(template, { '2': { value: 'nhiều' }, '9': { status: 'đạtt' } }, 'co-loi')
    await page.setInputFiles('#upload-file', wrong)
    await page.waitForSelector('#upload-answer .note-error')
    expect(await page.textContent('#upload-answer .lead-bad')).toBe('Chưa tiếp nhận: sổ có 2 lỗi. Sửa các ô dưới đây trong sổ, lưu lại rồi gửi lại.')
    const cells = await page.$$eval('#upload-answer .issue .cell', (c) => c.map((x) => [x.getAttribute('data-cell'), x.textContent]))
    expect(cells).toEqual([
      ["'Chỉ tiêu'!F" + rowOf(rows, '2'), 'Trang tính "Chỉ tiêu", ô F' + rowOf(rows, '2')],
      ["'Chỉ tiêu'!G" + rowOf(rows, '9'), 'Trang tính "Chỉ tiêu", ô G' + rowOf(rows, '9')],
    ])
    expect(await page.textContent('#upload-answer .issues')).toContain('Chỉ tiêu 2: "nhiều" không hợp lệ; ghi đạt / chưa đạt, có / không, x.')
    await shoot(page, 'commune-errors')

    // The corrected file is dragged onto the drop area rather than picked.
    const right = await filledWorkbook(template, {}, 'dung')
    await dropFile(page, '#drop', right)
    await page.waitForSelector('#upload-answer .note-ok')
    expect(await page.textContent('#upload-answer .note-ok p')).toBe(
      'Đã tiếp nhận báo cáo kỳ 28/11/2026: lần gửi 1, nhận lúc 09:00 26/11/2026, đúng hạn. Đạt 10/10 tiêu chí.')
    await page.waitForSelector('#revisions tbody tr')
    expect(await page.$$eval('#revisions tbody tr', (tr) => tr.map((r) => r.textContent))).toEqual(['109:00 26/11/2026Đúng hạnĐạt 10/10'])
    // Deadlines and revisions are redrawn side by side after the upload: wait for the deadlines too.
    await page.waitForFunction(() => (document.getElementById('deadlines')!.textContent || '').indexOf('đã nộp') >= 0)
    expect(await page.textContent('#deadlines')).toContain('đã nộp (đúng hạn)')
    await shoot(page, 'commune')

    // "Đăng xuất" forgets the code on this device.
    await page.click('#sign-out')
    await page.waitForSelector('#token')
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0])
    await context.close()
  })

  it('district: sees the late and missing communes by name, the matrix, and creates a share link', async () => {
    const { page, context } = await open(DESK)
    await signIn(page, DISTRICT)
    await page.waitForSelector('#ranking li')
    expect(await page.inputValue('#period')).toBe('2026-11-14')
    expect(await page.textContent('#late-names')).toBe('Nộp trễ: Xã Hợp Lý (3 ngày)')
    expect(await page.textContent('#missing-names')).toBe('Chưa nộp: Xã Thọ Bình (quá hạn 12 ngày)')
    // Ranked by the share of each commune's own catalogue: Thọ Sơn 7/8 under the province's set, then 6/10 (a tie, by name).
    expect(await page.$$eval('#ranking .rank-name', (n) => n.map((x) => x.textContent))).toEqual(['Xã Thọ Sơn', 'Xã Bình Sơn', 'Xã Dân Lực', 'Xã Hợp Lý', 'Xã Thọ Bình'])
    expect(await page.$$eval('#matrix tbody tr', (tr) => tr.length)).toBe(5)
    // Two catalogues judge the period: each has its own columns, and the line above the matrix says so.
    expect(await page.textContent('#matrix .note')).toMatch(/^Lưu ý: các xã được chấm theo 2 bộ tiêu chí khác nhau, mỗi xã trên tổng số tiêu chí của bộ mình/)
    const heads = await page.$$eval('#matrix thead th', (th) => th.map((x) => x.textContent))
    expect(heads.slice(0, 3).concat(heads.slice(11, 13), heads.slice(-1))).toEqual(['Xã', 'Đạt', 'TC1', 'TC10', 'B·TC1', 'B·TC8'])
    const thoSon = await page.$$eval('#matrix tbody tr', (tr) => tr.filter((r) => r.textContent!.indexOf('Xã Thọ Sơn') === 0).map((r) => Array.from(r.querySelectorAll('td')).map((d) => d.className)))
    expect(thoSon[0]!.slice(1, 11)).toEqual(Array(10).fill('m-other'))
    expect(thoSon[0]!.slice(11).filter((c) => c === 'm-yes')).toHaveLength(7)
    await page.click('#share-create')
    await page.waitForSelector('#share-url')
    shareUrl = await page.inputValue('#share-url')
    expect(shareUrl).toMatch(new RegExp('^' + live.worker.origin + '/xem#nts_[A-Za-z0-9_-]{43}$'))
    await page.waitForSelector('#share-list li')
    expect(await page.textContent('#share-list li')).toContain('còn hiệu lực đến 26/12/2026 · đã mở 0 lần')
    await shoot(page, 'district')
    await context.close()
  })

  it('leader without a token: opens the share link on a phone, reads the summary and downloads the workbook', async () => {
    const { page, context } = await open(PHONE, shareUrl.slice(live.worker.origin.length))
    await page.waitForSelector('#ranking li')
    expect(await page.textContent('#glance-h')).toBe('Tổng hợp kỳ 14/11/2026 — Huyện Triệu Sơn')
    expect(await page.textContent('#late-names')).toBe('Nộp trễ: Xã Hợp Lý (3 ngày)')
    expect(await page.textContent('#share-expiry')).toBe('Đường dẫn chỉ để xem, dùng được đến hết ngày 26/12/2026.')
    expect(await page.isVisible('#token')).toBe(false)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-summary')])
    expect(download.suggestedFilename()).toBe('Tổng hợp NTM Huyện Triệu Sơn kỳ 14-11-2026.xlsx')
    const sheets = await readWorkbook(new Uint8Array(readFileSync((await download.path())!)))
    expect(sheets[0]?.rows[0]?.[0]).toBe('Tổng hợp kỳ báo cáo 14/11/2026 — Huyện Triệu Sơn')
    await shoot(page, 'share')
    await context.close()
    // Both openings are on the link.
    const res = await fetch(live.worker.origin + '/api/v1/shares?unit=trieu-son&period=2026-11-14', { headers: { Authorization: 'Bearer ' + DISTRICT } })
    expect(((await res.json()) as { shares: Array<{ openings: number }> }).shares[0]?.openings).toBe(2)
  })

  it('leader with a token: the summary at a glance on a phone (overdue tasks, change), and the workbook', async () => {
    const { page, context } = await open(PHONE)
    // The phone keyboard's "Go" (Enter) signs in too, without the form navigating (the code stays out of the URL).
    await page.fill('#token', LEADER)
    await page.press('#token', 'Enter')
    await page.waitForSelector('#sign-out:not([hidden])')
    expect(page.url()).toBe(live.worker.origin + '/')
    await page.waitForSelector('#ranking li')
    expect(await page.textContent('#glance-h')).toBe('Tổng hợp kỳ 14/11/2026')
    expect(await page.textContent('.change-line')).toBe('So với kỳ 28/10/2026: +2 tiêu chí (4 xã có báo cáo cả hai kỳ)')
    expect(await page.$$eval('#overdue li', (li) => li.length)).toBe(2)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-summary')])
    expect(download.suggestedFilename()).toBe('Tổng hợp NTM Huyện Triệu Sơn kỳ 14-11-2026.xlsx')
    await shoot(page, 'leader')
    await context.close()
  })

  it('district: locks the period and revokes the link; the link then says why it does not open', async () => {
    const { page, context } = await open(DESK)
    await signIn(page, DISTRICT)
    await page.waitForSelector('#ranking li')
    expect(await page.textContent('#lock-line')).toContain('kỳ đang mở')
    await page.click('#lock')
    // The status is redrawn after the lock (the line is away while it loads).
    await page.waitForFunction(() => ((document.getElementById('lock-line') || {}).textContent || '').indexOf('kỳ đã khóa sổ') >= 0)
    expect(await page.textContent('#lock-line')).toBe('Số liệu lúc 09:00 26/11/2026 — kỳ đã khóa sổ lúc 09:00 26/11/2026')
    expect(await page.textContent('#lock')).toBe('Mở khóa sổ kỳ này')
    await page.waitForSelector('.card .note-ok')
    expect(await page.textContent('.card .note-ok')).toBe('Đã khóa sổ kỳ 14/11/2026: xã không gửi thêm được; bảng tổng hợp lúc khóa được lưu lại.')

    // The leader's link now shows the locked snapshot.
    const leader = await open(PHONE, shareUrl.slice(live.worker.origin.length))
    await leader.page.waitForSelector('#ranking li')
    expect(await leader.page.textContent('#lock-line')).toContain('kỳ đã khóa sổ lúc 09:00 26/11/2026')

    await page.click('#share-list li button')
    await page.waitForSelector('#share-list li.share-revoked')
    expect(await page.textContent('#share-list li')).toContain('đã thu hồi · đã mở 3 lần')
    await page.waitForSelector('#share-out .note-ok')
    expect(await page.textContent('#share-out .note-ok p')).toBe('Đã thu hồi đường dẫn tạo lúc 09:00 26/11/2026: người nhận không mở được nữa.')
    await context.close()

    await leader.page.reload()
    await leader.page.waitForSelector('#app .note-error')
    expect(await leader.page.textContent('#app .note-error')).toContain('Đường dẫn này đã bị thu hồi. Hãy xin văn phòng điều phối một đường dẫn mới.')
    expect(await leader.page.isVisible('#ranking')).toBe(false)
    await leader.context.close()
  })

  it('never put an access code or a share secret in a URL, and broke no CSP rule', async () => {
    // The served policy is in force on both pages: an inline script is refused.
    const context = await live.browser.newContext()
    const page = await context.newPage()
    for (const path of ['/', '/xem']) {
      const csp = (await page.goto(live.worker.origin + path))?.headers()['content-security-policy'] ?? ''
      expect(csp).toMatch(/script-src 'self'[^;]*; style-src 'self';/)
      expect(csp).toContain("connect-src 'self'")
      const ran = await page.evaluate(() => {
        const s = document.createElement('script')
        s.textContent = 'window.__inline = 1'
        document.head.appendChild(s)
        return (window as unknown as { __inline?: number }).__inline
      })
      expect(ran).toBeUndefined()
    }
    await context.close()

    const secret = shareUrl.slice(shareUrl.indexOf('#') + 1)
    const leaks = requests.filter((u) => [COMMUNE, DISTRICT, LEADER, secret].some((t) => u.includes(t)))
    expect(leaks).toEqual([])
    expect(problems).toEqual([])
  })
})
