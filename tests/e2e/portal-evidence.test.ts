// Evidence dossiers in the portal, end to end: the built page served by the real local Worker (wrangler dev,
// the seeded D1 and local R2) in headless Chromium at 360 px under the served Content-Security-Policy.
// Bình Sơn sees the criteria it reports met without their documents, photographs one with the camera picker and
// files a scanned PDF for another, and sees both listed under their criteria; the district office sees the
// dossier matrix beside the criteria-met matrix and opens Bình Sơn's dossier from it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { ROOT } from './harness'
import { PHONE, type Watch, openPortal, portalSession, screenshotPath, signIn } from './portal-page'

const NOW = '2026-11-26T09:00:00+07:00'
const COMMUNE = 'ntm_demo_commune_binh_son'
const DISTRICT = 'ntm_demo_district_trieu_son'
const LEADER = 'ntm_demo_leader_trieu_son'
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'evidence')
const PHOTO = readFileSync(join(FIXTURES, 'anh-duong-thon-3.jpg'))
const PDF = readFileSync(join(FIXTURES, 'quyet-dinh.pdf'))

const live = portalSession(NOW)
const watch: Watch = { requests: [], problems: [] }
const open = (): Promise<{ context: BrowserContext; page: Page }> => openPortal(live.browser, live.worker.origin + '/', PHONE, NOW, watch)

/** Titles of the documents listed under a criterion. */
const titles = (page: Page, no: number): Promise<string[]> =>
  page.$$eval('#tc-' + no + ' .document-title', (els) => els.map((e) => e.textContent ?? ''))

/** The page is no wider than the phone: nothing scrolls sideways but the matrices' own boxes. */
const pageWidth = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth)

describe('evidence dossiers in the portal at 360 px', () => {
  it('commune: sees what it lacks, files a photo from the camera and a PDF, and sees them under their criteria', async () => {
    const { page, context } = await open()
    await signIn(page, COMMUNE)
    await page.waitForSelector('#tc-10 h3')
    // The demo: 1, 2, 5, 6, 9 and 10 met in the 14/11 report (QĐ 51/2025); filed for 1 and 2 (and 7) only.
    expect(await page.textContent('#dossier-gaps')).toContain('Đạt nhưng thiếu hồ sơ: TC5, TC6, TC9, TC10.')
    expect(await page.textContent('#tc-2 .criterion-state')).toBe('đạthồ sơ đủ')
    expect(await page.textContent('#tc-6 .criterion-state')).toBe('đạthồ sơ thiếu 1')
    expect(await page.textContent('#tc-7 .criterion-state')).toBe('chưa đạthồ sơ đủ')
    expect(await titles(page, 1)).toEqual(['Phê duyệt quy hoạch chung xây dựng xã Bình Sơn', 'Phê duyệt điều chỉnh cục bộ quy hoạch chung xây dựng xã Bình Sơn'])
    expect(await page.textContent('#tc-1 .document.superseded')).toContain('Đã được thay thế')

    // Two pickers: the camera (a phone opens it directly), and any allowed file on the device.
    expect(await page.getAttribute('#ev-camera', 'accept')).toBe('image/*')
    expect(await page.getAttribute('#ev-camera', 'capture')).toBe('environment')
    expect(await page.getAttribute('#ev-file', 'accept')).toMatch(/^image\/\*,application\/pdf,.*\.docx,\.xlsx,/)

    await page.selectOption('#ev-criterion', '6')
    await page.selectOption('#ev-kind', 'anh_cong_trinh')
    await page.fill('#ev-title', 'Ảnh nhà đại đoàn kết bàn giao cho hộ nghèo thôn 2')
    await page.setInputFiles('#ev-camera', { name: 'IMG_20261126_0815.jpg', mimeType: 'image/jpeg', buffer: PHOTO })
    expect(await page.textContent('#ev-chosen')).toMatch(/^Tệp đã chọn: IMG_20261126_0815\.jpg \(\d+ KB\)$/)
    await page.click('#ev-submit')
    await page.waitForSelector('#ev-answer .note-ok')
    expect(await page.textContent('#ev-answer .note-ok p')).toBe('Đã lưu vào hồ sơ TC6: Ảnh nhà đại đoàn kết bàn giao cho hộ nghèo thôn 2 (IMG_20261126_0815.jpg).')
    await page.waitForFunction(() => document.querySelector('#tc-6 .document-title') !== null)
    expect(await titles(page, 6)).toEqual(['Ảnh nhà đại đoàn kết bàn giao cho hộ nghèo thôn 2'])
    expect(await page.textContent('#tc-6 .criterion-state')).toBe('đạthồ sơ đủ')

    await page.selectOption('#ev-criterion', '10')
    await page.selectOption('#ev-kind', 'quyet_dinh')
    await page.fill('#ev-title', 'Công nhận xã đạt chuẩn tiếp cận pháp luật năm 2026')
    await page.fill('#ev-number', '215/QĐ-UBND')
    await page.fill('#ev-date', '2026-09-18')
    await page.fill('#ev-issuer', 'UBND huyện Triệu Sơn')
    await page.setInputFiles('#ev-file', { name: 'QĐ 215 tiếp cận pháp luật.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.click('#ev-submit')
    await page.waitForFunction(() => document.querySelector('#tc-10 .document-title') !== null)
    expect(await titles(page, 10)).toEqual(['Công nhận xã đạt chuẩn tiếp cận pháp luật năm 2026'])
    expect(await page.textContent('#tc-10 .document')).toContain('Quyết định · số 215/QĐ-UBND · 18/09/2026 · UBND huyện Triệu Sơn')
    expect(await page.textContent('#dossier-gaps')).toContain('Đạt nhưng thiếu hồ sơ: TC5, TC9.')
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)

    // The file comes back as it went in, under its name.
    const id = await page.getAttribute('#tc-10 .document', 'data-id')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-' + id)])
    expect(download.suggestedFilename()).toBe('QĐ 215 tiếp cận pháp luật.pdf')
    expect(new Uint8Array(readFileSync((await download.path())!))).toEqual(new Uint8Array(PDF))
    // The top of the dossier as a phone shows it (docs/ with UPDATE_SCREENSHOTS=1, as the portal test does).
    const top = await page.$eval('#dossier', (e) => e.getBoundingClientRect().top + window.scrollY)
    await page.screenshot({ path: screenshotPath('portal-dossier-360.png'), fullPage: true, clip: { x: 0, y: top, width: PHONE.width, height: 1500 } })
    await context.close()
  })

  it('commune: a file that is not what it says is refused with the reason, and nothing is listed', async () => {
    const { page, context } = await open()
    await signIn(page, COMMUNE)
    await page.waitForSelector('#tc-9 h3')
    await page.selectOption('#ev-criterion', '9')
    await page.fill('#ev-title', 'Biên bản kiểm tra an ninh trật tự')
    await page.setInputFiles('#ev-file', { name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') })
    await page.click('#ev-submit')
    await page.waitForSelector('#ev-answer .note-error')
    expect(await page.textContent('#ev-answer .note-error')).toMatch(/PDF/)
    expect(await titles(page, 9)).toEqual([])
    await context.close()
  })

  it('district: sees the dossier matrix beside the criteria-met matrix and opens a commune’s dossier', async () => {
    const { page, context } = await open()
    await signIn(page, DISTRICT)
    await page.waitForSelector('#dossier-matrix tbody tr')
    expect(await page.textContent('#dossier-gap-line')).toBe('Đạt nhưng thiếu hồ sơ: 17 tiêu chí ở 4 xã (Xã Dân Lực 6, Xã Thọ Sơn 6, Xã Hợp Lý 3, Xã Bình Sơn 2)')
    // One table per catalogue: QĐ 51/2025 for four communes, the province's set for Thọ Sơn.
    expect(await page.$$eval('#dossier-matrix caption', (c) => c.map((x) => x.textContent))).toEqual([expect.stringMatching(/^Bộ tiêu chí QĐ 51\/2025/), expect.stringMatching(/^Bộ tiêu chí DEMO/)])
    const binhSon = page.locator('#dossier-matrix tbody tr', { has: page.locator('[data-unit="binh-son"]') })
    // Bình Sơn after the uploads above: filed 1, 2, 6, 7, 10; 5 and 9 met without their documents (red).
    const cells = await binhSon.locator('td').allTextContents()
    expect(cells).toEqual(['5/10', '✓', '✓', '1', '1', '1', '✓', '✓', '1', '1', '✓'])
    expect(await binhSon.locator('td.d-gap').count()).toBe(2)
    await page.click('#dossier-matrix [data-unit="binh-son"]')
    await page.waitForSelector('#commune-dossier #tc-10 .document-title')
    expect(await page.textContent('#commune-dossier #tc-10 .document-title')).toBe('Công nhận xã đạt chuẩn tiếp cận pháp luật năm 2026')
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)
    await context.close()
  })

  it('leader: the summary at a glance names the criteria met without their documents', async () => {
    const { page, context } = await open()
    await signIn(page, LEADER)
    await page.waitForSelector('#dossier-line')
    expect(await page.textContent('#dossier-line')).toMatch(/^Đạt nhưng thiếu hồ sơ: \d+ tiêu chí ở 4 xã \(.*Xã Bình Sơn 2\)$/)
    expect(await page.getAttribute('#dossier-line', 'class')).toBe('bad-text')
    await context.close()
    expect(watch.problems).toEqual([])
  })
})
