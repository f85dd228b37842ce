// The pane end to end: the built addin/dist served by the real local Worker (wrangler dev, seeded D1),
// in headless Chromium, with Excel stood in for by the Excel-like fake. A commune fills a report,
// checks, fixes, submits (once through a dropped connection), syncs its tasks and refreshes flags; the
// district aggregates and locks the period; the commune's next submit is refused.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { ensureBuilt } from '../addin/bundle'
import { ROOT, type Worker, connect, launch, officeStubScript, openPane, press, startWorker } from './harness'
import type { FakeExcel } from '../addin/fake-excel'

// The README's screenshots are taken here; they replace docs/ only when asked (UPDATE_SCREENSHOTS=1), so an
// ordinary test run leaves the working tree as it was.
function screenshotPath(name: string): string {
  if (process.env.UPDATE_SCREENSHOTS === '1') return join(ROOT, 'docs', name)
  mkdirSync(join(ROOT, 'tests', 'e2e', 'artifacts'), { recursive: true })
  return join(ROOT, 'tests', 'e2e', 'artifacts', name)
}

const NOW = '2026-11-26T09:00:00+07:00'
const COMMUNE_TOKEN = 'ntm_demo_commune_binh_son'
const DISTRICT_TOKEN = 'ntm_demo_district_trieu_son'
const LEADER_TOKEN = 'ntm_demo_leader_trieu_son'
const INFO = 'Thông tin'
const IND = 'Chỉ tiêu'
const TASKS = 'Nhiệm vụ'

let worker: Worker
let browser: Browser
let stub: string
let commune: Page
const pageErrors: string[] = []

type W = Window & { __fake: FakeExcel }


function value(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(([s, a]) => (window as unknown as W).__fake.value(s as string, a as string), [sheet, address])
}

async function api<T>(path: string, token: string): Promise<T> {
  const res = await fetch(worker.origin + '/api/v1' + path, { headers: { Authorization: 'Bearer ' + token } })
  return (await res.json()) as T
}

beforeAll(async () => {
  ensureBuilt()
  stub = await officeStubScript()
  worker = await startWorker(NOW)
  browser = await launch()
  const opened = await openPane(browser, worker.origin, stub, { clock: NOW })
  commune = opened.page
  commune.on('pageerror', (e) => pageErrors.push(e.message))
})

afterAll(async () => {
  if (browser) await browser.close()
  if (worker) await worker.stop()
})

describe('the pane in Chromium against the local Worker', () => {
  it('loads from the Worker with Office.js and the fake Excel, in Vietnamese', async () => {
    await commune.waitForFunction(() => (document.getElementById('status')!.textContent || '').indexOf('Chưa kết nối') === 0)
    expect(await commune.textContent('h1')).toBe('Báo cáo nông thôn mới')
    expect(await commune.inputValue('#server-url')).toBe(worker.origin)
    expect(await commune.inputValue('#period')).toBe('2026-11-28')
    // Before connecting, only the connection form.
    expect(await commune.isVisible('#token')).toBe(true)
    for (const id of ['#commune', '#district', '#period']) expect(await commune.isVisible(id)).toBe(false)
  })

  it('a wrong token gets a clear message', async () => {
    expect(await connect(commune, 'not-a-real-token-123')).toBe('Mã truy cập không đúng hoặc đã hết hạn. Nhập lại trong phần Cài đặt kết nối.')
  })

  it('commune: connect, create the workbook, check, fix, submit through a dropped connection', async () => {
    expect(await connect(commune, COMMUNE_TOKEN)).toBe('Đã kết nối: Xã Bình Sơn (xã).')
    expect(await commune.isVisible('#district')).toBe(false)
    expect(await commune.isVisible('#commune')).toBe(true)
    expect(await commune.textContent('#period option:checked')).toBe('28/11/2026 (kỳ hiện tại)')
    expect(await press(commune, 'btn-create')).toBe('Đã tạo sổ báo cáo: Thông tin, Chỉ tiêu, Nhiệm vụ, Nguồn vốn, Kết quả, kiến nghị.')
    expect(await value(commune, INFO, 'B4')).toBe('28/11/2026')
    // The period is judged by the 2026–2030 set, known at criterion level only: the pane says so.
    expect(await commune.textContent('#catalog-line')).toBe(
      'Bộ tiêu chí: QĐ 51/2025/QĐ-TTg (cấp tiêu chí — nạp bảng chỉ tiêu từ phụ lục Quyết định để chấm tự động) (phiên bản 2025.1) · Xã nhóm 2',
    )
    expect(String(await value(commune, IND, 'A11'))).toBe('10')

    // The accountant declares every criterion, with two mistakes, and fills the funds.
    const typo = await commune.evaluate(() => {
      const fake = (window as unknown as W).__fake
      const grid = fake.grid('Chỉ tiêu')
      let typoRow = 0
      for (let r = 1; r < grid.length; r++) {
        const code = String(grid[r]![0])
        let v = 'đạt'
        if (code === '2') { v = 'nhiều'; typoRow = r + 1 }
        fake.setValues('Chỉ tiêu', 'F' + (r + 1), [[v, code === '9' ? 'đạtt' : 'đạt']])
      }
      fake.setValues('Nguồn vốn', 'B3', [[1200000000]])
      fake.setValues('Nguồn vốn', 'B9', [[150000000]])
      return typoRow
    })
    const status = await press(commune, 'btn-check')
    expect(status).toMatch(/^Có 2 lỗi/)
    // The errors are the headline; the score is provisional until there are none.
    expect(await commune.textContent('#headline')).toBe('Còn 2 lỗi cần sửa')
    expect(await commune.textContent('#score')).toMatch(/^Tạm tính: đạt \d+\/10 tiêu chí — chưa chắc chắn khi còn lỗi\.$/)
    const issues = await commune.$$eval('#issues button', (bs) => bs.map((b) => b.textContent))
    expect(issues).toContain("'Chỉ tiêu'!F" + typo + ' Chỉ tiêu 2: "nhiều" không hợp lệ; ghi đạt / chưa đạt, có / không, x.')
    expect(await commune.evaluate((r) => (window as unknown as W).__fake.fill('Chỉ tiêu', 'F' + r), typo)).toBe('#F4B6B6')

    mkdirSync(join(ROOT, 'docs'), { recursive: true })
    await commune.screenshot({ path: screenshotPath('pane.png') })

    // Clicking an issue selects its cell.
    await commune.click('#issues button >> nth=0')
    await commune.waitForFunction(() => (window as unknown as W).__fake.selected !== null)
    expect(await commune.evaluate(() => (window as unknown as W).__fake.selected)).toMatchObject({ sheet: 'Chỉ tiêu' })

    // Submitting is refused while errors remain.
    expect(await press(commune, 'btn-submit')).toMatch(/^Chưa gửi: còn 2 lỗi/)

    // Fix both, re-check: the marks go.
    await commune.evaluate((r) => {
      const fake = (window as unknown as W).__fake
      fake.setValues('Chỉ tiêu', 'F' + r, [['đạt']])
      const row = fake.rowOf('Chỉ tiêu', 0, '9')
      fake.setValues('Chỉ tiêu', 'G' + (row + 1), [['đạt']])
    }, typo)
    expect(await press(commune, 'btn-check')).toMatch(/^Không có lỗi/)
    expect(await commune.evaluate((r) => (window as unknown as W).__fake.fill('Chỉ tiêu', 'F' + r), typo)).toBeUndefined()

    // The first submit reaches the Worker but the answer is lost.
    await commune.route('**/api/v1/reports', async (route) => {
      await route.fetch()
      await route.abort('connectionreset')
    })
    expect(await press(commune, 'btn-submit')).toMatch(/^Mất kết nối khi gửi/)
    const pending = await commune.evaluate(() => (window as unknown as { __stub: { settings: { state: { saved: { [k: string]: { key: string } } } } } }).__stub.settings.state.saved['ntm.pendingSubmit'])
    expect(pending && pending.key).toBeTruthy()
    await commune.unroute('**/api/v1/reports')

    // The retry carries the same key: the Worker answers with the first receipt, no second revision.
    expect(await press(commune, 'btn-submit')).toBe('Đã gửi: lần 1, nhận lúc 09:00 26/11/2026, đúng hạn. Đạt 10/10 tiêu chí.')
    expect(await value(commune, INFO, 'B8')).toBe(1)
    expect(await value(commune, INFO, 'B10')).toBe('Đúng hạn')
    const detail = await api<{ revisions: unknown[]; latest: { revision: number } }>('/reports/binh-son/2026-11-28', COMMUNE_TOKEN)
    expect(detail.revisions).toHaveLength(1)
    expect(detail.latest.revision).toBe(1)
  })

  it('commune: syncs its task sheet, gets the district\'s tasks as rows and reports progress on the one it leads', async () => {
    // The new book already holds the district's tasks Bình Sơn leads or helps with: named, grey, never typed by hand.
    const rowOf = (id: string) => commune.evaluate((i) => (window as unknown as W).__fake.rowOf('Nhiệm vụ', 0, i) + 1, id)
    const m2 = await rowOf('demo-2026-m2')
    expect(m2).toBeGreaterThan(1)
    // The commune types two tasks of its own below them.
    const below = await commune.evaluate(() => {
      const fake = (window as unknown as W).__fake
      const next = fake.grid('Nhiệm vụ').length + 1
      fake.setValues('Nhiệm vụ', 'A' + next, [
        ['XBS-1', 'Rà soát hồ sơ minh chứng tiêu chí 17', 'binh-son', 'trieu-son-vp-ntm', '20/11/2026', '', 'Đang làm', 50, '', ''],
        ['XBS-2', 'Họp dân thôn 3 về đóng góp làm đường', 'binh-son', '', '27/11/2026', '', 'Chưa làm', 0, '', ''],
      ])
      return next
    })
    expect(await press(commune, 'btn-tasks')).toMatch(/^Đã đồng bộ nhiệm vụ: 2 mới/)
    expect(await value(commune, TASKS, 'K' + below)).toBe('Quá hạn 6 ngày')
    expect(await value(commune, TASKS, 'K' + (below + 1))).toBe('Sắp đến hạn (còn 1 ngày)')
    expect(await value(commune, TASKS, 'M' + m2)).toBe('Huyện Triệu Sơn')
    expect(await value(commune, TASKS, 'K' + m2)).toBe('Quá hạn 6 ngày')
    expect(await commune.evaluate((r) => (window as unknown as W).__fake.fill('Nhiệm vụ', 'B' + r), m2)).toBe('#EDEDED')
    expect(await rowOf('demo-2026-tho-son-17')).toBe(0) // Thọ Sơn's task is not Bình Sơn's
    const flagged = await press(commune, 'btn-flags')
    expect(flagged).toMatch(/^Đã cập nhật cờ cho \d+ nhiệm vụ\./)
    expect(await value(commune, INFO, 'B12')).toBe('26/11/2026')
    expect(await value(commune, INFO, 'B13')).toMatch(/^\d+ việc quá hạn, \d+ việc sắp đến hạn$/)
    // Kỳ 28/11/2026 was submitted above: the next deadline is the following period's.
    expect(await value(commune, INFO, 'C13')).toBe('Hạn nộp báo cáo kỳ 14/12/2026: 14/12/2026 (còn 18 ngày)')
    expect(String(await value(commune, INFO, 'A15'))).toMatch(/^(14|28)\/\d{2}\/\d{4}$/)
    await commune.screenshot({ path: screenshotPath('pane-flags.png') })

    // The commune finished the district's task it leads: status and date go to the district's task, not its title.
    await commune.evaluate((r) => {
      const fake = (window as unknown as W).__fake
      fake.setValues('Nhiệm vụ', 'B' + r, [['Tên do xã sửa']])
      fake.setValues('Nhiệm vụ', 'G' + r, [['Hoàn thành', '', '25/11/2026']])
    }, m2)
    expect(await press(commune, 'btn-tasks')).toMatch(/^Đã đồng bộ nhiệm vụ: 0 mới/)
    const district = await api<{ tasks: Array<{ id: string; title: string; status: string; completedOn?: string; version: number }> }>('/units/trieu-son/tasks', DISTRICT_TOKEN)
    expect(district.tasks.find((t) => t.id === 'demo-2026-m2')).toMatchObject({
      title: 'Rà soát, đánh giá lại các tiêu chí và gửi báo cáo tiến độ về Văn phòng NTM huyện', status: 'done', completedOn: '2026-11-25', version: 2,
    })
    const own = await api<{ tasks: Array<{ id: string }> }>('/units/binh-son/tasks', COMMUNE_TOKEN)
    expect(own.tasks.map((t) => t.id)).toEqual(['XBS-1', 'XBS-2'])
    expect(await value(commune, TASKS, 'B' + m2)).toBe('Rà soát, đánh giá lại các tiêu chí và gửi báo cáo tiến độ về Văn phòng NTM huyện')
    expect(await value(commune, TASKS, 'K' + m2)).toBe('Hoàn thành trễ 5 ngày')
  })

  it('leader: only the aggregate — no lock, no task sync', async () => {
    const { page: leader } = await openPane(browser, worker.origin, stub, { clock: NOW })
    leader.on('pageerror', (e) => pageErrors.push(e.message))
    expect(await connect(leader, LEADER_TOKEN)).toBe('Đã kết nối: Huyện Triệu Sơn (lãnh đạo).')
    expect(await leader.textContent('#district-title')).toBe('Lãnh đạo')
    expect(await leader.isVisible('#btn-aggregate')).toBe(true)
    for (const id of ['#btn-lock', '#btn-unlock', '#btn-district-tasks', '#btn-district-create', '#btn-district-flags', '#commune']) {
      expect(await leader.isVisible(id)).toBe(false)
    }
    await leader.selectOption('#period', '2026-11-14')
    expect(await press(leader, 'btn-aggregate')).toMatch(/^Đã tổng hợp kỳ 14\/11\/2026: 4\/5 xã đã nộp/)
    await leader.close()
  })

  it('district: aggregates a period with a chart, locks the open period; the commune is then refused', async () => {
    const { page: district } = await openPane(browser, worker.origin, stub, { clock: NOW })
    district.on('pageerror', (e) => pageErrors.push(e.message))
    expect(await connect(district, DISTRICT_TOKEN)).toBe('Đã kết nối: Huyện Triệu Sơn (văn phòng NTM).')
    expect(await district.isVisible('#commune')).toBe(false)
    await district.selectOption('#period', '2026-11-14')
    expect(await press(district, 'btn-aggregate')).toMatch(/^Đã tổng hợp kỳ 14\/11\/2026: 4\/5 xã đã nộp, 3 đúng hạn\./)
    expect(await district.textContent('#status-details')).toContain('Có 2 xã gửi kiến nghị: xem trang tính "Kiến nghị các xã".')
    // The demo's dossiers: Bình Sơn reports criteria met whose documents it has not filed.
    expect(await district.textContent('#status-details')).toMatch(/Đạt nhưng thiếu hồ sơ: \d+ tiêu chí ở \d xã \(.*Xã Bình Sơn \d+.*\)\. Xem trang tính "Hồ sơ minh chứng"\./)
    // Who to chase, each name a link to its row.
    expect(await district.$$eval('#chase .chase-group', (gs) => gs.map((g) => g.textContent))).toEqual(['Chưa nộp: Thọ Bình', 'Trễ: Hợp Lý 3 ngày'])
    await district.click('#chase button >> text=Hợp Lý 3 ngày')
    await district.waitForFunction(() => (window as unknown as W).__fake.selected !== null)
    const picked = await district.evaluate(() => (window as unknown as W).__fake.selected!)
    // Selecting a row has nothing to report: the aggregate's message stays.
    expect(await district.textContent('#status')).toMatch(/^Đã tổng hợp kỳ 14\/11\/2026/)
    expect(await value(district, picked.sheet, 'A' + picked.address.slice(1))).toBe('hop-ly')
    const summary = await district.evaluate(() => {
      const fake = (window as unknown as W).__fake
      const grid = fake.grid('Tổng hợp')
      const header = grid.findIndex((r) => r[0] === 'Mã xã')
      const binhSon = grid.filter((r) => r[0] === 'binh-son')[0]
      const thoSon = grid.filter((r) => r[0] === 'tho-son')[0]
      const note = grid.map((r) => String(r[0])).filter((t) => t.indexOf('Lưu ý') === 0)[0]
      return { names: fake.names(), header: grid[header], binhSon, thoSon, note, charts: fake.sheet('Tổng hợp').charts.length, overdue: fake.grid('Việc quá hạn').length }
    })
    expect(summary.names).toEqual(expect.arrayContaining(['Tổng hợp', 'Việc quá hạn']))
    expect(summary.names).toEqual(expect.arrayContaining(['Kiến nghị các xã', 'Hồ sơ minh chứng']))
    expect(summary.header!.slice(0, 7)).toEqual(['Mã xã', 'Xã', 'Số tiêu chí đạt', 'Đạt / tổng', 'Tình trạng nộp', 'Lần gửi', 'TC1'])
    expect(summary.binhSon!.slice(1, 6)).toEqual(['Xã Bình Sơn', 6, '6/10', 'Đúng hạn', 2])
    // Thọ Sơn is judged by the province's own set: its own block, counted out of 8.
    expect(summary.thoSon!.slice(1, 6)).toEqual(['Xã Thọ Sơn', 7, '7/8', 'Đúng hạn', 1])
    expect(summary.note).toMatch(/^Lưu ý: các xã được chấm theo 2 bộ tiêu chí khác nhau/)
    expect(summary.charts).toBe(1)
    expect(summary.overdue).toBeGreaterThan(1)
    await district.screenshot({ path: screenshotPath('pane-district.png') })

    await district.selectOption('#period', '2026-11-28')
    expect(await press(district, 'btn-lock')).toBe('Đã khóa kỳ 28/11/2026: xã không thể gửi thêm.')

    // The commune changes a note and submits again: the locked period is explained, the workbook kept.
    await commune.evaluate(() => (window as unknown as W).__fake.setValues('Chỉ tiêu', 'I2', [['bổ sung minh chứng']]))
    expect(await press(commune, 'btn-submit')).toBe('Kỳ báo cáo này đã khóa. Liên hệ Văn phòng NTM nếu cần mở khóa.')
    expect(await value(commune, IND, 'I2')).toBe('bổ sung minh chứng')
    expect(await press(district, 'btn-unlock')).toBe('Đã mở khóa kỳ 28/11/2026.')
    expect(pageErrors).toEqual([])
  })
})
