// @vitest-environment happy-dom
// The pane's flows against the fake Excel (fake-excel.ts) and an in-memory API: what ends up in the
// workbook, what the pane says, how many context.sync() calls each action costs (≤ 3), and that errors
// leave what the user typed untouched.
import { DOSSIER_MATRIX_SHEET } from '../../shared/workbook/dossier-matrix-sheet'
import { beforeEach, describe, expect, it } from 'vitest'
import { FakeExcel, type OfficeStub, installOffice } from './fake-excel'
import { FakeServer } from './fake-server'
import { CATALOG, INDICATOR_CODES, passingValue } from './fixtures'
import { freshPane } from './pane-page'
import type { ReportRequest, StoredTask, TasksPutRequest } from '../../shared/api'
import { checkTasks } from '../../shared/task-check'
import { checkReport } from '../../shared/report'
import {
  guard, onAggregate, onCheck, onConnect, onCreateBook, onEvidence, onLock, onRefreshFlags, onSaveSettings, onSubmit, onSyncTasks, resetState, setPeriod,
} from '../../addin/actions'
import { setLang } from '../../addin/messages'
import { saveSettings } from '../../addin/settings'
import { INFO_ROWS, SHEETS } from '../../shared/workbook/report-book'
import { EVIDENCE_SHEET } from '../../shared/workbook/evidence-sheet'
import { evidenceListFixture } from '../shared/fixtures'

const NOW = Date.parse('2026-11-12T03:00:00Z') // 12/11/2026 10:00 in Vietnam, inside period 2026-11-14

let office: OfficeStub
let fake: FakeExcel
let server: FakeServer

function text(id: string): string {
  return (document.getElementById(id)!.textContent || '').trim()
}
function details(): string[] {
  return Array.from(document.querySelectorAll('#status-details li')).map((li) => li.textContent || '')
}
function issueButtons(): HTMLButtonElement[] {
  return Array.from(document.querySelectorAll('#issues button')) as HTMLButtonElement[]
}
/** Runs one button's action as the pane does and returns the number of syncs it cost. */
async function press(action: () => Promise<unknown>): Promise<number> {
  const before = fake.syncCount
  await guard(action)
  return fake.syncCount - before
}
function login(token: string): void {
  saveSettings({ serverUrl: 'https://ntm.example.org', token })
}
function fillAll(): void {
  for (const code of INDICATOR_CODES) {
    const row = fake.rowOf(SHEETS.indicators, 0, code)
    fake.setValues(SHEETS.indicators, 'F' + (row + 1), [[passingValue(code), 'đạt']])
  }
}
function snapshot(): string {
  return JSON.stringify(fake.names().map((n) => [n, fake.grid(n)]))
}

beforeEach(() => {
  ;({ fake, office, server } = freshPane(NOW, '2026-11-14'))
  login('commune-token')
})

describe('commune: create, check, fix, submit', () => {
  it('creates the workbook from the catalogue (2 syncs)', async () => {
    expect(await press(onCreateBook)).toBe(2)
    expect(fake.names()).toEqual(['Sheet1', SHEETS.info, SHEETS.indicators, SHEETS.tasks, SHEETS.funds, SHEETS.narratives])
    expect(fake.value(SHEETS.info, 'B3')).toBe('binh-son')
    expect(fake.value(SHEETS.info, 'B4')).toBe('14/11/2026') // read back as 2026-11-14
    // The catalogue by its title and version: the set that judges this period, and which load of it.
    expect(fake.value(SHEETS.info, 'B6')).toBe('QĐ 318/QĐ-TTg (phiên bản 2022.1)')
    expect(fake.value(SHEETS.info, 'B7')).toBe('Bắc Trung Bộ')
    expect(text('status')).toBe('Đã tạo sổ báo cáo: Thông tin, Chỉ tiêu, Nhiệm vụ, Nguồn vốn, Kết quả, kiến nghị.')
    expect(document.getElementById('status')!.className).toBe('status status-ok')
  })

  it('checks in ≤ 3 syncs: marks cells, lists issues with addresses, shows the headline; re-check clears marks', async () => {
    await press(onCreateBook)
    fillAll()
    const row = fake.rowOf(SHEETS.indicators, 0, '3.1') // ≥ 80 % in the North Central region
    fake.setValues(SHEETS.indicators, 'F' + (row + 1), [['nhiều']])
    expect(await press(onCheck)).toBe(3)
    expect(fake.fill(SHEETS.indicators, 'F' + (row + 1))).toBe('#F4B6B6')
    expect(text('status')).toBe('Có 1 lỗi và 0 cảnh báo (ô màu đỏ, ô màu vàng). Bấm vào từng dòng để đến ô cần sửa.')
    // With errors the headline is the errors; the score is only provisional, in small print.
    expect(text('headline')).toBe('Còn 1 lỗi cần sửa')
    expect(document.getElementById('headline')!.className).toBe('headline headline-error')
    expect(text('score')).toBe('Tạm tính: đạt 18/19 tiêu chí — chưa chắc chắn khi còn lỗi.')
    const buttons = issueButtons()
    expect(buttons).toHaveLength(1)
    expect(buttons[0]!.textContent).toBe("'Chỉ tiêu'!F" + (row + 1) + ' Chỉ tiêu 3.1: "nhiều" không phải là số.')
    // clicking the issue selects its cell (1 sync)
    const before = fake.syncCount
    buttons[0]!.click()
    await new Promise((r) => setTimeout(r, 20))
    expect(fake.selected).toEqual({ sheet: SHEETS.indicators, address: 'F' + (row + 1) })
    expect(fake.syncCount - before).toBe(1)
    // fix and re-check: the mark goes away
    fake.setValues(SHEETS.indicators, 'F' + (row + 1), [[95]])
    expect(await press(onCheck)).toBe(3)
    expect(fake.fill(SHEETS.indicators, 'F' + (row + 1))).toBeUndefined()
    expect(text('status')).toBe('Không có lỗi. Có thể gửi báo cáo.')
    expect(text('headline')).toBe('Đạt 19/19 tiêu chí')
    expect(document.getElementById('headline')!.className).toBe('headline headline-ok')
    expect(text('score')).toBe('')
    expect(issueButtons()).toHaveLength(0)
  })

  it('refuses to submit while errors remain, without calling the server', async () => {
    await press(onCreateBook)
    const posts = () => server.calls.filter((c) => c.method === 'POST').length
    expect(await press(onSubmit)).toBeLessThanOrEqual(3)
    expect(posts()).toBe(0)
    expect(text('status')).toMatch(/^Chưa gửi: còn \d+ lỗi\. Sửa các ô màu đỏ rồi bấm lại "Gửi báo cáo"\.$/)
    expect(office.settings.state.saved['ntm.pendingSubmit']).toBeUndefined()
  })

  it('a server error (5xx) on submit says so, keeps the key and the retry stores one revision', async () => {
    await press(onCreateBook)
    fillAll()
    const typed = snapshot()
    server.failNext = 'internal'
    await press(onSubmit)
    expect(text('status')).toBe('Máy chủ gặp lỗi khi nhận báo cáo. Sổ vẫn giữ nguyên; thử lại sau ít phút — máy chủ sẽ không tạo bản trùng.')
    const pending = office.settings.state.saved['ntm.pendingSubmit'] as { key: string }
    expect(pending.key).toBeTruthy()
    expect(snapshot()).toBe(typed)
    await press(onSubmit)
    const keys = server.calls.filter((c) => c.method === 'POST').map((c) => c.headers['Idempotency-Key'])
    expect(keys).toEqual([pending.key, pending.key])
    expect(server.revisions).toHaveLength(1)
  })

  it('an Excel error does not claim the workbook was left unchanged', async () => {
    fake.failNextSync = { name: 'RichApi.Error', code: 'GeneralException', message: 'Lỗi chung', debugInfo: { code: 'GeneralException', message: 'Lỗi chung' } }
    await press(onCreateBook)
    expect(text('status')).toBe('Excel báo lỗi: Lỗi chung (mã GeneralException). Thao tác chưa hoàn tất; hãy xem lại sổ rồi thử lại.')
  })

  it("asks for the catalogue of the book's own period, and names it with the unit's class", async () => {
    await press(onCreateBook)
    const asked = () => server.calls.filter((c) => c.path.indexOf('/catalog') === 0).map((c) => c.path)
    expect(asked()).toEqual(['/catalog?period=2026-11-14'])
    expect(text('catalog-line')).toBe('Bộ tiêu chí: QĐ 318/QĐ-TTg (phiên bản 2022.1) · Bắc Trung Bộ')
    // Another period chosen in the pane does not change what judges this book; its own period cell does.
    setPeriod('2026-10-28')
    await press(onCheck)
    expect(asked()).toEqual(['/catalog?period=2026-11-14'])
    fake.setValues(SHEETS.info, 'B' + (INFO_ROWS.period + 1), [['2026-10-28']])
    await press(onCheck)
    expect(asked()).toEqual(['/catalog?period=2026-11-14', '/catalog?period=2026-10-28'])
  })

  it('checks offline only with a catalogue saved for the same period', async () => {
    await press(onCreateBook)
    fillAll()
    await press(onCheck) // saves the catalogue of 2026-11-14
    fake.setValues(SHEETS.info, 'B' + (INFO_ROWS.period + 1), [['2026-10-28']])
    resetState()
    server.failNext = 'network'
    await press(onCheck)
    expect(text('status')).toMatch(/^Không kết nối được máy chủ/)
    expect(details()).not.toContain('Không kết nối được máy chủ; đang kiểm tra bằng bộ tiêu chí đã lưu.')
  })

  it('a new token forgets the cached identity and catalogue (another unit may be in another region)', async () => {
    await press(onCreateBook)
    const catalogCalls = () => server.calls.filter((c) => c.path.indexOf('/catalog') === 0).length
    await press(onCheck)
    expect(catalogCalls()).toBe(1)
    await press(() => onSaveSettings('https://ntm.example.org', 'district-token'))
    expect(text('status')).toBe('Đã kết nối: Huyện Triệu Sơn (văn phòng NTM).')
    await press(() => onSaveSettings('https://ntm.example.org', 'commune-token'))
    await press(onCheck)
    expect(catalogCalls()).toBe(2)
  })

  it('submits in ≤ 3 syncs and writes the receipt into the info sheet', async () => {
    await press(onCreateBook)
    fillAll()
    expect(await press(onSubmit)).toBe(3)
    expect(server.revisions).toHaveLength(1)
    const post = server.calls.filter((c) => c.method === 'POST')[0]!
    expect(post.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect((post.body as { indicators: unknown[] }).indicators).toHaveLength(INDICATOR_CODES.length)
    expect(fake.value(SHEETS.info, 'B' + (INFO_ROWS.revision + 1))).toBe(1)
    expect(fake.value(SHEETS.info, 'B' + (INFO_ROWS.receivedAt + 1))).toBe('10:00 12/11/2026')
    expect(fake.value(SHEETS.info, 'B' + (INFO_ROWS.timeliness + 1))).toBe('Đúng hạn')
    expect(fake.value(SHEETS.info, 'B' + (INFO_ROWS.result + 1))).toBe('Đạt 19/19 tiêu chí')
    expect(text('status')).toBe('Đã gửi: lần 1, nhận lúc 10:00 12/11/2026, đúng hạn. Đạt 19/19 tiêu chí.')
    expect(text('headline')).toBe('Đạt 19/19 tiêu chí')
    expect(text('score')).toBe('Theo lần gửi 1, nhận lúc 10:00 12/11/2026.')
    expect(office.settings.state.saved['ntm.pendingSubmit']).toBeUndefined()
  })

  it('a submit whose answer was lost is retried with the same key: no second revision', async () => {
    await press(onCreateBook)
    fillAll()
    const typed = snapshot()
    server.failNext = 'drop'
    await press(onSubmit)
    expect(text('status')).toMatch(/^Mất kết nối khi gửi/)
    expect(server.revisions).toHaveLength(1) // stored, but the pane never heard back
    const pending = office.settings.state.saved['ntm.pendingSubmit'] as { key: string }
    expect(pending.key).toBeTruthy()
    expect(snapshot()).toBe(typed) // nothing the user typed changed
    await press(onSubmit)
    const keys = server.calls.filter((c) => c.method === 'POST').map((c) => c.headers['Idempotency-Key'])
    expect(keys).toEqual([pending.key, pending.key])
    expect(server.revisions).toHaveLength(1)
    expect(fake.value(SHEETS.info, 'B' + (INFO_ROWS.revision + 1))).toBe(1)
    expect(office.settings.state.saved['ntm.pendingSubmit']).toBeUndefined()
  })

  it('keeps the key through a refused token: after a lost answer, the retry with a new token stores nothing new', async () => {
    await press(onCreateBook)
    fillAll()
    server.failNext = 'drop'
    await press(onSubmit)
    const pending = (office.settings.state.saved['ntm.pendingSubmit'] as { key: string }).key
    login('wrong-token')
    resetState()
    await press(onSubmit)
    expect(text('status')).toMatch(/^Mã truy cập không đúng/)
    expect((office.settings.state.saved['ntm.pendingSubmit'] as { key: string }).key).toBe(pending)
    login('commune-token')
    resetState()
    await press(onSubmit)
    expect(server.revisions).toHaveLength(1)
    expect(office.settings.state.saved['ntm.pendingSubmit']).toBeUndefined()
  })

  it('a changed workbook after a failed submit is sent under a new key', async () => {
    await press(onCreateBook)
    fillAll()
    server.failNext = 'network'
    await press(onSubmit)
    const first = (office.settings.state.saved['ntm.pendingSubmit'] as { key: string }).key
    const row = fake.rowOf(SHEETS.indicators, 0, '2.1')
    fake.setValues(SHEETS.indicators, 'I' + (row + 1), [['đã cập nhật']])
    await press(onSubmit)
    const keys = server.calls.filter((c) => c.method === 'POST').map((c) => c.headers['Idempotency-Key'])
    expect(keys[1]).not.toBe(first)
    expect(server.revisions).toHaveLength(1)
  })

  it('explains a locked period, a wrong token and server-side validation in Vietnamese, leaving the workbook as typed', async () => {
    await press(onCreateBook)
    fillAll()
    const typed = snapshot()
    server.locked['2026-11-14'] = true
    await press(onSubmit)
    expect(text('status')).toBe('Kỳ báo cáo này đã khóa. Liên hệ Văn phòng NTM nếu cần mở khóa.')
    expect(office.settings.state.saved['ntm.pendingSubmit']).toBeUndefined()
    expect(snapshot()).toBe(typed)

    login('wrong-token')
    resetState()
    await press(onSubmit)
    expect(text('status')).toBe('Mã truy cập không đúng hoặc đã hết hạn. Nhập lại trong phần Cài đặt kết nối.')
    expect(snapshot()).toBe(typed)

    login('commune-token')
    server.locked['2026-11-14'] = false
    window.localStorage.clear() // no saved catalogue to fall back on
    login('commune-token')
    server.failNext = 'network'
    resetState()
    await press(onCheck)
    expect(text('status')).toMatch(/^Không kết nối được máy chủ/)
  })

  it('offline, keeps the role last seen for this token (its buttons and its offline check); a refused token gets none', async () => {
    expect(await onConnect()).toMatchObject({ role: 'commune' })
    resetState()
    server.failNext = 'network'
    expect(await onConnect()).toMatchObject({ role: 'commune', unit: { id: 'binh-son' } })
    expect(text('status')).toBe('Không kết nối được máy chủ; dùng lại thông tin lần trước: Xã Bình Sơn (xã). Vẫn kiểm tra được sổ.')
    login('another-token')
    resetState()
    server.failNext = 'network'
    await expect(onConnect()).rejects.toMatchObject({ code: 'network' })
  })

  it('checks offline with the catalogue saved earlier', async () => {
    await press(onCreateBook)
    fillAll()
    resetState()
    server.failNext = 'network'
    expect(await press(onCheck)).toBe(3)
    expect(text('headline')).toBe('Đạt 19/19 tiêu chí')
    expect(text('status')).toBe('Không có lỗi. Có thể gửi báo cáo.')
    expect(details()).toEqual(['Không kết nối được máy chủ; đang kiểm tra bằng bộ tiêu chí đã lưu.'])
    // back online: the next check asks the server again and no longer says offline
    const before = server.calls.filter((c) => c.path.indexOf('/catalog') === 0).length
    await press(onCheck)
    expect(server.calls.filter((c) => c.path.indexOf('/catalog') === 0).length).toBe(before + 1)
    expect(details()).toEqual([])
  })

  it('does not check offline with a catalogue another token fetched', async () => {
    await press(onCreateBook)
    fillAll()
    await press(onCheck) // saves the catalogue for commune-token
    login('other-commune-token')
    resetState()
    server.failNext = 'network'
    await press(onCheck)
    expect(text('status')).toMatch(/^Không kết nối được máy chủ/)
    expect(details()).not.toContain('Không kết nối được máy chủ; đang kiểm tra bằng bộ tiêu chí đã lưu.')
  })

  it('says so when the workbook has no report yet', async () => {
    expect(await press(onCheck)).toBe(1)
    expect(text('status')).toBe('Tệp này chưa có sổ báo cáo (trang tính "Thông tin"). Bấm "Tạo sổ báo cáo" trước.')
  })

  it('speaks English when Office is not Vietnamese', async () => {
    setLang('en')
    await press(onCreateBook)
    await press(onCheck)
    expect(text('status')).toMatch(/^\d+ errors and \d+ warnings/)
    expect(issueButtons()[0]!.textContent).toMatch(/Indicator 1\.1/)
  })
})

describe('tasks and flags', () => {
  it('syncs the task sheet and writes flags back in ≤ 3 syncs', async () => {
    await press(onCreateBook)
    fake.setValues(SHEETS.tasks, 'A2', [
      ['T1', 'Rà soát tiêu chí', 'binh-son', 'trieu-son-vp-ntm', '05/11/2026', '', 'Đang làm', 50, '', ''],
      ['T2', 'Hoàn thiện hồ sơ', 'binh-son', '', '13/11/2026', '', 'Chưa làm', 0, '', ''],
      ['T3', 'Vệ sinh môi trường', 'binh-son', '', '01/11/2026', '', 'Hoàn thành', 100, '03/11/2026', ''],
    ])
    expect(await press(onSyncTasks)).toBe(3)
    expect(server.tasks['binh-son']!.map((t) => t.id)).toEqual(['T1', 'T2', 'T3'])
    expect(fake.value(SHEETS.tasks, 'K2')).toBe('Quá hạn 7 ngày')
    expect(fake.fill(SHEETS.tasks, 'K2')).toBe('#F4B6B6')
    expect(fake.value(SHEETS.tasks, 'K3')).toBe('Sắp đến hạn (còn 1 ngày)')
    expect(fake.value(SHEETS.tasks, 'K4')).toBe('Hoàn thành trễ 2 ngày')
    expect(fake.value(SHEETS.info, 'A15')).toBe('28/10/2026')
    expect(fake.value(SHEETS.info, 'B15')).toBe('Trễ 2 ngày')
    expect(text('status')).toBe('Đã đồng bộ nhiệm vụ: 3 mới, 0 cập nhật, 0 không đổi; đã cập nhật cờ.')

    expect(await press(onRefreshFlags)).toBe(3)
    expect(text('status')).toBe('Đã cập nhật cờ cho 3 nhiệm vụ.')
  })

  it('refuses to sync a task sheet with errors, marking the cells', async () => {
    await press(onCreateBook)
    fake.setValues(SHEETS.tasks, 'A2', [['T1', 'Rà soát', 'binh-son, tho-son', '', 'mai', '', '', '', '', '']])
    expect(await press(onSyncTasks)).toBe(3)
    expect(server.calls.some((c) => c.method === 'PUT')).toBe(false)
    expect(text('status')).toBe('Chưa đồng bộ: trang tính nhiệm vụ còn 2 lỗi.')
    expect(fake.fill(SHEETS.tasks, 'C2')).toBe('#F4B6B6')
    expect(fake.fill(SHEETS.tasks, 'E2')).toBe('#F4B6B6')
  })

  it('a sync after fixing the task sheet clears its old marks and leaves the indicator check marks alone', async () => {
    await press(onCreateBook)
    fillAll()
    const row = fake.rowOf(SHEETS.indicators, 0, '3.1')
    fake.setValues(SHEETS.indicators, 'F' + (row + 1), [['nhiều']])
    await press(onCheck)
    fake.setValues(SHEETS.tasks, 'A2', [['T1', 'Rà soát', 'binh-son, tho-son', '', 'mai', '', '', '', '', '']])
    await press(onSyncTasks)
    expect(fake.fill(SHEETS.tasks, 'C2')).toBe('#F4B6B6')
    expect(fake.fill(SHEETS.indicators, 'F' + (row + 1))).toBe('#F4B6B6')
    fake.setValues(SHEETS.tasks, 'A2', [['T1', 'Rà soát', 'binh-son', '', '20/11/2026', '', 'Đang làm', 10, '', '']])
    expect(await press(onSyncTasks)).toBe(3)
    expect(text('status')).toMatch(/^Đã đồng bộ nhiệm vụ: 1 mới/)
    expect(fake.fill(SHEETS.tasks, 'C2')).toBeUndefined()
    expect(fake.fill(SHEETS.tasks, 'E2')).toBeUndefined()
    expect(fake.value(SHEETS.tasks, 'K2')).toBe('Trong hạn (còn 8 ngày)')
    expect(fake.fill(SHEETS.indicators, 'F' + (row + 1))).toBe('#F4B6B6') // the check's mark is the check's business
  })

  it('writes back each row\'s version, and on a conflict lists what changed, keeps the sheet and saves nothing (≤ 3 syncs)', async () => {
    await press(onCreateBook)
    fake.setValues(SHEETS.tasks, 'A2', [
      ['T1', 'Rà soát tiêu chí', 'binh-son', '', '20/11/2026', '', 'Đang làm', 50, '', ''],
      ['T2', 'Hoàn thiện hồ sơ', 'binh-son', '', '25/11/2026', '', 'Chưa làm', 0, '', ''],
    ])
    await press(onSyncTasks)
    expect(fake.value(SHEETS.tasks, 'L1')).toBe('Phiên bản')
    expect([fake.value(SHEETS.tasks, 'L2'), fake.value(SHEETS.tasks, 'L3')]).toEqual([1, 1])
    // Meanwhile the district office moves T2's deadline on the server.
    server.tasks['binh-son'] = server.tasks['binh-son']!.map((t) => (t.id === 'T2' ? { ...t, due: '2026-11-30', version: 2 } : t))
    fake.setValues(SHEETS.tasks, 'H3', [[30]])
    const puts = server.calls.filter((c) => c.method === 'PUT').length
    expect(await press(onSyncTasks)).toBeLessThanOrEqual(3)
    expect(server.calls.filter((c) => c.method === 'PUT').length).toBe(puts + 1)
    expect(server.tasks['binh-son']!.find((t) => t.id === 'T2')).toMatchObject({ due: '2026-11-30', progress: 0, version: 2 })
    expect(text('status')).toMatch(/^Chưa đồng bộ: 1 nhiệm vụ \(T2\) đã được người khác sửa trên máy chủ/)
    const listed = Array.from(document.querySelectorAll('#issues li')).map((li) => li.textContent || '')
    expect(listed.some((l) => l.indexOf('Hạn trên máy chủ là "30/11/2026", trong sổ là "25/11/2026"') >= 0)).toBe(true)
    expect(fake.fill(SHEETS.tasks, 'E3')).toBe('#F4B6B6')
    // The sheet keeps what the user typed; the row now carries the server's version.
    expect([fake.value(SHEETS.tasks, 'E3'), fake.value(SHEETS.tasks, 'H3'), fake.value(SHEETS.tasks, 'L3')]).toEqual(['25/11/2026', 30, 2])
    // Pressing again is a deliberate choice: the sheet's values are saved over the server's.
    expect(await press(onSyncTasks)).toBe(3)
    expect(server.tasks['binh-son']!.find((t) => t.id === 'T2')).toMatchObject({ due: '2026-11-25', progress: 30, version: 3 })
    expect(fake.value(SHEETS.tasks, 'L3')).toBe(3)
    expect(fake.fill(SHEETS.tasks, 'E3')).toBeUndefined()
  })

  // Issue 8 §2: the district's tasks the commune leads or helps with are rows of its sheet, written by the
  // flag refresh, never typed by hand; the commune reports status and progress on those it leads.
  const assigned = (id: string, extra: Partial<StoredTask> = {}): StoredTask => ({
    id, title: 'Việc huyện giao ' + id, lead: 'binh-son', collaborators: ['trieu-son-vp-ntm'], due: '2026-11-10', status: 'doing', progress: 40,
    owner: 'trieu-son', updatedAt: '2026-11-01T00:00:00Z', version: 1, ...extra,
  })
  function giveTasks(): void {
    server.tasks['binh-son'] = [{ id: 'TB-9', title: 'Họp dân', lead: 'binh-son', collaborators: [], due: '2026-11-20', status: 'todo', progress: 0, owner: 'binh-son', updatedAt: '2026-11-01T00:00:00Z', version: 1 }]
    server.tasks['trieu-son'] = [
      assigned('D1'),
      assigned('D2', { lead: 'trieu-son-vp-ntm', collaborators: ['binh-son'], due: '2026-11-13', status: 'todo', progress: 0 }),
      assigned('D3', { lead: 'tho-son', collaborators: [] }),
    ]
  }
  const rowOf = (id: string): number => fake.rowOf(SHEETS.tasks, 0, id) + 1

  it('writes every task the commune leads or helps with as rows, the district\'s grey and named (3 syncs)', async () => {
    await press(onCreateBook)
    giveTasks()
    expect(await press(onRefreshFlags)).toBe(3)
    expect(text('status')).toBe('Đã cập nhật cờ cho 3 nhiệm vụ.')
    expect(details()).toEqual(['Đã thêm 3 dòng cho các việc chưa có trong trang tính "Nhiệm vụ"; dòng màu xám do đơn vị khác giao: chỉ sửa trạng thái, tiến độ và ngày hoàn thành (nếu xã chủ trì).'])
    expect(fake.value(SHEETS.tasks, 'M1')).toBe('Đơn vị giao')
    const [own, d1, d2] = [rowOf('TB-9'), rowOf('D1'), rowOf('D2')]
    expect(fake.rowOf(SHEETS.tasks, 0, 'D3')).toBe(-1) // Thọ Sơn's task is not Bình Sơn's business
    expect(fake.value(SHEETS.tasks, 'M' + own)).toBe('')
    expect(fake.value(SHEETS.tasks, 'C' + own)).toBe('binh-son')
    expect(['B', 'C', 'D', 'E', 'G', 'H', 'L', 'M'].map((c) => fake.value(SHEETS.tasks, c + d1))).toEqual([
      'Việc huyện giao D1', 'Xã Bình Sơn', 'Văn phòng NTM huyện Triệu Sơn', '10/11/2026', 'Đang làm', 40, 1, 'Huyện Triệu Sơn',
    ])
    // A date written into a text cell stays the text people read, in any locale.
    expect(fake.format(SHEETS.tasks, 'E' + d1)).toBe('@')
    expect(fake.value(SHEETS.tasks, 'K' + d1)).toBe('Quá hạn 2 ngày')
    expect(fake.fill(SHEETS.tasks, 'K' + d1)).toBe('#F4B6B6')
    // Read-only: the owner's columns grey; the lead's status and progress white, a collaborator's grey too.
    expect(['B', 'E', 'M'].map((c) => fake.fill(SHEETS.tasks, c + d1))).toEqual(['#EDEDED', '#EDEDED', '#EDEDED'])
    expect(['G', 'H'].map((c) => fake.fill(SHEETS.tasks, c + d1))).toEqual([undefined, undefined])
    expect(['B', 'G', 'H'].map((c) => fake.fill(SHEETS.tasks, c + d2))).toEqual(['#EDEDED', '#EDEDED', '#EDEDED'])
    expect(fake.fill(SHEETS.tasks, 'B' + own)).toBeUndefined()
    // The info sheet's reminder row: what needs attention and the next deadline with the days left.
    expect(fake.value(SHEETS.info, 'A13')).toBe('Cần chú ý')
    expect(fake.value(SHEETS.info, 'B13')).toBe('1 việc quá hạn, 1 việc sắp đến hạn')
    expect(fake.value(SHEETS.info, 'C13')).toBe('Hạn nộp báo cáo kỳ 14/11/2026: 14/11/2026 (còn 2 ngày)')

    // Again: nothing added twice; what was typed over the district's title and due date gives way to the owner's.
    const ids = (): unknown[] => fake.grid(SHEETS.tasks).map((r) => r[0]).filter((v) => v !== '')
    const before = ids()
    fake.setValues(SHEETS.tasks, 'B' + d1, [['Tên do xã sửa']])
    fake.setValues(SHEETS.tasks, 'E' + d1, [['30/12/2026']])
    expect(await press(onRefreshFlags)).toBe(3)
    expect(details()).toEqual([])
    expect(ids()).toEqual(before)
    expect([fake.value(SHEETS.tasks, 'B' + d1), fake.value(SHEETS.tasks, 'E' + d1)]).toEqual(['Việc huyện giao D1', '10/11/2026'])
  })

  it('a new book already holds the district\'s tasks, grey and named (2 syncs)', async () => {
    giveTasks()
    expect(await press(onCreateBook)).toBe(2)
    const d1 = rowOf('D1')
    expect([fake.value(SHEETS.tasks, 'A2'), fake.value(SHEETS.tasks, 'M2')]).toEqual(['TB-9', ''])
    expect(['C', 'E', 'L', 'M'].map((c) => fake.value(SHEETS.tasks, c + d1))).toEqual(['Xã Bình Sơn', '10/11/2026', 1, 'Huyện Triệu Sơn'])
    expect(['B', 'G'].map((c) => fake.fill(SHEETS.tasks, c + d1))).toEqual(['#EDEDED', undefined])
    expect(fake.fill(SHEETS.tasks, 'G' + rowOf('D2'))).toBe('#EDEDED')
    expect(fake.fill(SHEETS.tasks, 'B2')).toBeUndefined()
  })

  it('sends the lead\'s status and progress on an assigned row to the district\'s task, never its title; copies nothing (3 syncs)', async () => {
    await press(onCreateBook)
    giveTasks()
    await press(onRefreshFlags)
    const [d1, d2] = [rowOf('D1'), rowOf('D2')]
    fake.setValues(SHEETS.tasks, 'B' + d1, [['Tên do xã sửa']])
    fake.setValues(SHEETS.tasks, 'G' + d1, [['Hoàn thành', '', '11/11/2026']])
    fake.setValues(SHEETS.tasks, 'G' + d2, [['Hoàn thành', 100, '11/11/2026']]) // only helps: not sent
    expect(await press(onSyncTasks)).toBe(3)
    expect(server.tasks['trieu-son']!.find((t) => t.id === 'D1')).toMatchObject({ title: 'Việc huyện giao D1', status: 'done', progress: 100, completedOn: '2026-11-11', version: 2 })
    expect(server.tasks['trieu-son']!.find((t) => t.id === 'D2')).toMatchObject({ status: 'todo', version: 1 })
    expect(server.tasks['binh-son']!.map((t) => t.id)).toEqual(['TB-9'])
    const post = server.calls.filter((c) => c.method === 'POST' && c.path === '/units/binh-son/task-progress')
    expect(post.map((c) => c.body)).toEqual([{ updates: [{ owner: 'trieu-son', id: 'D1', status: 'Hoàn thành', progress: null, completedOn: '2026-11-11', version: 1 }] }])
    expect(details()).toEqual(['Đã báo trạng thái, tiến độ của 1 việc được giao về đơn vị giao việc.'])
    // The sheet follows the server: the new version, the owner's title, the flag of a task done late.
    expect(fake.value(SHEETS.tasks, 'L' + d1)).toBe(2)
    expect(fake.value(SHEETS.tasks, 'B' + d1)).toBe('Việc huyện giao D1')
    expect(fake.value(SHEETS.tasks, 'K' + d1)).toBe('Hoàn thành trễ 1 ngày')
    expect(fake.fill(SHEETS.tasks, 'K' + d1)).toBe('#C9C9C9')
    expect(fake.fill(SHEETS.tasks, 'B' + d1)).toBe('#EDEDED')

    // The district changes D1 meanwhile; the commune's next change is a conflict, shown, nothing saved.
    server.tasks['trieu-son'] = server.tasks['trieu-son']!.map((t) => (t.id === 'D1' ? { ...t, status: 'doing', progress: 90, version: 3 } : t))
    fake.setValues(SHEETS.tasks, 'H' + d1, [[95]])
    expect(await press(onSyncTasks)).toBe(3)
    expect(text('status')).toMatch(/^Chưa đồng bộ: 1 nhiệm vụ \(D1\) đã được người khác sửa/)
    expect(fake.fill(SHEETS.tasks, 'G' + d1)).toBe('#F4B6B6')
    expect(fake.value(SHEETS.tasks, 'L' + d1)).toBe(3)
    expect(server.tasks['trieu-son']!.find((t) => t.id === 'D1')).toMatchObject({ status: 'doing', progress: 90, version: 3 })
  })

  it('the district\'s refresh brings in what the commune reported on a task it leads, not what the district leads (3 syncs)', async () => {
    giveTasks()
    server.tasks['trieu-son']!.push(assigned('D9', { lead: 'trieu-son', collaborators: [] }))
    login('district-token')
    await press(onCreateBook) // the office's task sheet, its tasks at version 1
    const [d1, d9] = [rowOf('D1'), rowOf('D9')]
    expect(fake.value(SHEETS.tasks, 'L' + d1)).toBe(1)
    // Bình Sơn reports D1 done; someone else changes D9 on the server.
    server.tasks['trieu-son'] = server.tasks['trieu-son']!.map((t) =>
      t.id === 'D1' ? { ...t, status: 'done', progress: 100, completedOn: '2026-11-11', version: 2 } : t.id === 'D9' ? { ...t, progress: 80, version: 2 } : t)
    expect(await press(onRefreshFlags)).toBe(3)
    expect(['G', 'H', 'I', 'L'].map((c) => fake.value(SHEETS.tasks, c + d1))).toEqual(['Hoàn thành', 100, '11/11/2026', 2])
    expect(fake.value(SHEETS.tasks, 'K' + d1)).toBe('Hoàn thành trễ 1 ngày')
    expect(['H', 'L'].map((c) => fake.value(SHEETS.tasks, c + d9))).toEqual([40, 1]) // the office's own: a sync says what changed
    expect(details()).toEqual(['Đã lấy trạng thái, tiến độ do đơn vị chủ trì báo về cho 1 việc: D1.'])
    // The next sync of the office's sheet does not clash with the commune's report.
    fake.setValues(SHEETS.tasks, 'H' + d9, [[80]])
    fake.setValues(SHEETS.tasks, 'L' + d9, [[2]])
    expect(await press(onSyncTasks)).toBe(3)
    expect(text('status')).toMatch(/^Đã đồng bộ nhiệm vụ/)
    expect(server.tasks['trieu-son']!.find((t) => t.id === 'D1')).toMatchObject({ status: 'done', version: 2 })
  })

  it('a book made before the "Đơn vị giao" column adds its own tasks and names the assigned ones it cannot hold', async () => {
    await press(onCreateBook)
    fake.setValues(SHEETS.tasks, 'M1', [['']])
    giveTasks()
    await press(onRefreshFlags)
    expect(fake.rowOf(SHEETS.tasks, 0, 'TB-9')).toBeGreaterThan(0)
    expect(fake.rowOf(SHEETS.tasks, 0, 'D1')).toBe(-1)
    expect(details()).toEqual([
      'Đã thêm 1 dòng cho các việc chưa có trong trang tính "Nhiệm vụ"; dòng màu xám do đơn vị khác giao: chỉ sửa trạng thái, tiến độ và ngày hoàn thành (nếu xã chủ trì).',
      'Sổ này được tạo trước khi có cột "Đơn vị giao", nên chưa ghi được 2 việc do đơn vị khác giao (D1, D2). Mở một tệp mới và bấm "Tạo sổ báo cáo" để có cột này.',
    ])
  })
})

describe('district', () => {
  beforeEach(() => login('district-token'))

  it('aggregates a period into a summary sheet with a chart and the dossier matrix beside it (2 syncs), and locks it', async () => {
    expect(await press(onAggregate)).toBe(2)
    expect(fake.names()).toContain(SHEETS.aggregate)
    // Bình Sơn meets criterion 1 with nothing filed: "đạt nhưng thiếu hồ sơ", red.
    expect(fake.value(DOSSIER_MATRIX_SHEET, 'A7')).toBe('Xã Bình Sơn')
    expect(fake.value(DOSSIER_MATRIX_SHEET, 'D7')).toBe('thiếu 1')
    expect(fake.fill(DOSSIER_MATRIX_SHEET, 'D7')).toBe('#F4B6B6')
    expect(fake.sheet(SHEETS.aggregate).charts).toHaveLength(1)
    expect(text('status')).toBe('Đã tổng hợp kỳ 14/11/2026: 1/1 xã đã nộp, 1 đúng hạn.')
    expect(details()).toEqual([
      'Có 1 xã gửi kiến nghị: xem trang tính "Kiến nghị các xã".',
      'Đạt nhưng thiếu hồ sơ: 1 tiêu chí ở 1 xã (Xã Bình Sơn 1). Xem trang tính "Hồ sơ minh chứng".',
    ])
    expect(fake.names()).toContain('Kiến nghị các xã')
    expect(text('chase')).toBe('Tất cả các xã đã nộp đúng hạn.')
    expect(await press(() => onLock(true))).toBe(0)
    expect(text('status')).toBe('Đã khóa kỳ 14/11/2026: xã không thể gửi thêm.')
    expect(server.locked['2026-11-14']).toBe(true)
  })

  it('names the communes to chase, each a link to its row of the summary sheet', async () => {
    const row = (id: string, name: string, timeliness: { status: 'late' | 'missing' | 'open'; days: number }, revision: number | null) => ({
      unit: { id, name }, revision, receivedAt: null, firstReceivedAt: null, achieved: revision === null ? null : 7, total: 19,
      criteria: revision === null ? null : {}, timeliness, narratives: null, catalog: { id: 'qd-318-2022', version: '2022.1' },
    })
    server.moreCommunes = [
      row('tho-binh', 'Xã Thọ Bình', { status: 'missing', days: 12 }, null),
      row('dan-luc', 'Xã Dân Lực', { status: 'late', days: 2 }, 1),
      row('hop-ly', 'Xã Hợp Lý', { status: 'late', days: 3 }, 1),
    ]
    expect(await press(onAggregate)).toBe(2)
    expect(text('chase')).toBe('Chưa nộp: Thọ BìnhTrễ: Dân Lực 2 ngày, Hợp Lý 3 ngày')
    const groups = Array.from(document.querySelectorAll('#chase .chase-group')).map((g) => g.textContent)
    expect(groups).toEqual(['Chưa nộp: Thọ Bình', 'Trễ: Dân Lực 2 ngày, Hợp Lý 3 ngày'])
    const links = Array.from(document.querySelectorAll('#chase button')) as HTMLButtonElement[]
    expect(links.map((b) => b.textContent)).toEqual(['Thọ Bình', 'Dân Lực 2 ngày', 'Hợp Lý 3 ngày'])
    const before = fake.syncCount
    links[2]!.click()
    await new Promise((r) => setTimeout(r, 20))
    expect(fake.syncCount - before).toBe(1)
    expect(fake.selected).toMatchObject({ sheet: SHEETS.aggregate })
    const selectedRow = Number(fake.selected!.address.slice(1))
    expect(fake.value(SHEETS.aggregate, 'A' + selectedRow)).toBe('hop-ly')
    expect(fake.value(SHEETS.aggregate, 'B6')).toBe('Thọ Bình (quá hạn 12 ngày)')
  })

  it('a commune token cannot aggregate: a clear message, nothing written', async () => {
    login('commune-token')
    await press(onAggregate)
    expect(text('status')).toBe('Tài khoản này không có quyền làm việc này (hoặc không quản lý đơn vị này).')
    expect(details()).toEqual(['Lỗi forbidden'])
    expect(fake.names()).toEqual(['Sheet1'])
  })

  it('points a district without a task sheet at its own button', async () => {
    await press(onRefreshFlags)
    expect(text('status')).toBe('Tệp này chưa có trang tính "Thông tin". Bấm "Tạo trang tính nhiệm vụ" trước.')
  })

  it('creates a district task sheet without the indicator sheets', async () => {
    await press(onCreateBook)
    expect(fake.names()).toEqual(['Sheet1', SHEETS.info, SHEETS.tasks])
  })
})

describe('commune: the evidence dossier', () => {
  function cellsMatching(sheet: string, text: string): string[] {
    const out: string[] = []
    fake.grid(sheet).forEach((line, r) => line.forEach((v, c) => { if (v === text) out.push(r + ',' + c) }))
    return out
  }

  it('writes the "Minh chứng" sheet in 2 syncs: links as formulas, typed text as text, and names the gaps', async () => {
    server.evidence['binh-son'] = evidenceListFixture()
    expect(await press(onEvidence)).toBe(2)
    expect(fake.names()).toContain(EVIDENCE_SHEET)
    expect(fake.value(EVIDENCE_SHEET, 'A1')).toBe('Hồ sơ minh chứng - Xã Bình Sơn')
    const formulas = Object.values(fake.sheet(EVIDENCE_SHEET).formulas)
    // One link per item with a file (the replaced decision too); the typed "=…" title and number stay text.
    expect(formulas).toEqual([
      '=HYPERLINK("https://ntm.example.org/#minh-chung/binh-son/evd_old","Tải tệp")',
      '=HYPERLINK("https://ntm.example.org/#minh-chung/binh-son/evd_new","Tải tệp")',
    ])
    expect(cellsMatching(EVIDENCE_SHEET, '=HYPERLINK("http://evil","x")')).toHaveLength(1)
    expect(cellsMatching(EVIDENCE_SHEET, '=1+1')).toHaveLength(1)
    expect(text('status')).toBe('Đã ghi sheet "Minh chứng" (2 tài liệu). Đạt nhưng thiếu hồ sơ: TC4. Bổ sung tài liệu trên trang web trước khi huyện thẩm định.')
  })

  it('replaces the sheet on a second press rather than adding another', async () => {
    server.evidence['binh-son'] = evidenceListFixture()
    await press(onEvidence)
    const complete = evidenceListFixture()
    complete.dossiers = complete.dossiers.map((d) => ({ ...d, met: d.criterion === 1 }))
    server.evidence['binh-son'] = complete
    expect(await press(onEvidence)).toBe(2)
    expect(fake.names().filter((n) => n.indexOf(EVIDENCE_SHEET) === 0)).toEqual([EVIDENCE_SHEET])
    expect(text('status')).toBe('Đã ghi sheet "Minh chứng": 2 tài liệu; mọi tiêu chí đạt đều có đủ hồ sơ.')
  })

  it('writes nothing when the server refuses, and says why', async () => {
    const before = snapshot()
    expect(await press(onEvidence)).toBe(0)
    expect(snapshot()).toBe(before)
    expect(document.getElementById('status')!.className).toBe('status status-error')
  })
})

describe('what the cells mean, whatever the regional format', () => {
  /** A commune accountant's keystrokes, the same under both regional formats. */
  async function typeReport(locale: 'vi-VN' | 'en-US') {
    fake = new FakeExcel({ apiVersion: '1.1', locale })
    office = installOffice(globalThis, fake)
    server = new FakeServer(NOW)
    ;(globalThis as { fetch: unknown }).fetch = server.fetch
    resetState()
    setPeriod('2026-11-14')
    await press(onCreateBook)
    fillAll()
    const type = (sheet: string, col: string, key: string, text: string) => {
      const row = fake.rowOf(sheet, 0, key)
      expect(row).toBeGreaterThan(0)
      fake.setValues(sheet, col + (row + 1), [[text]])
    }
    type(SHEETS.indicators, 'F', '3.1', '85%') // ≥ 80 % in the North Central region
    type(SHEETS.indicators, 'F', '2.1', '92,5%')
    type(SHEETS.indicators, 'F', '10', '55,5') // triệu đồng/người/năm
    type(SHEETS.funds, 'B', 'Ngân sách tỉnh', '1.200.000.000')
    type(SHEETS.funds, 'B', 'Nhân dân đóng góp', '150.000.000')
    const taskRow = fake.grid(SHEETS.tasks).length + 1
    fake.setValues(SHEETS.tasks, 'A' + taskRow, [['XA-9', 'Nạo vét kênh mương', 'binh-son', '', '05/12/2026', '', 'Đang làm', '10']])
    await press(onSubmit)
    await press(onSyncTasks)
    const post = server.calls.filter((c) => c.method === 'POST' && c.path === '/reports')[0]
    const put = server.calls.filter((c) => c.method === 'PUT')[0]
    expect(post && put).toBeDefined()
    const body = post!.body as ReportRequest
    const tasks = checkTasks((put!.body as TasksPutRequest).tasks, '2026-11-12')
    expect(tasks.issues.filter((i) => i.severity === 'error')).toEqual([])
    return { fake, body, check: checkReport(CATALOG.catalog, 'btb', body, { now: NOW }), tasks: tasks.tasks }
  }

  it('reads the same report typed under vi-VN and en-US the same: 85 %, 1 200 000 000 đồng, 5 December', async () => {
    const vi = await typeReport('vi-VN')
    const en = await typeReport('en-US')
    // Excel stored the keystrokes differently…
    const row31 = vi.fake.rowOf(SHEETS.indicators, 0, '3.1') + 1
    expect(vi.fake.value(SHEETS.indicators, 'F' + row31)).toBe(0.85)
    expect(vi.fake.format(SHEETS.indicators, 'F' + row31)).toBe('0%')
    expect(vi.fake.value(SHEETS.funds, 'B3')).toBe(1200000000)
    expect(en.fake.value(SHEETS.funds, 'B3')).toBe('1.200.000.000')
    expect(en.fake.value(SHEETS.indicators, 'F' + (en.fake.rowOf(SHEETS.indicators, 0, '10') + 1))).toBe('55,5')
    // …and the pane reads the same report from both.
    for (const r of [vi, en]) {
      expect(r.check.issues.filter((i) => i.severity === 'error')).toEqual([])
      const value = (code: string) => r.check.evaluation.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!.value
      expect(value('3.1')).toBe(85)
      expect(value('2.1')).toBe(92.5)
      expect(value('10')).toBe(55.5)
      expect(r.check.fundTotals.bySource.provincial).toBe(1200000000)
      expect(r.check.fundTotals.bySource.people).toBe(150000000)
      expect(r.tasks.find((t) => t.id === 'XA-9')).toMatchObject({ due: '2026-12-05', progress: 10 })
    }
    const meaning = (r: typeof vi) => ({ evaluation: r.check.evaluation, funds: r.check.funds, tasks: r.tasks })
    expect(meaning(en)).toEqual(meaning(vi))
  })

  it('warns, without guessing, when a percent indicator holds 0.85 in a General cell', async () => {
    await press(onCreateBook)
    fillAll()
    const row = fake.rowOf(SHEETS.indicators, 0, '3.1') + 1
    fake.setValues(SHEETS.indicators, 'F' + row, [['0,85']])
    await press(onCheck)
    expect(fake.fill(SHEETS.indicators, 'F' + row)).toBe('#FFE699')
    expect(issueButtons().map((b) => b.textContent)).toContain(
      "'Chỉ tiêu'!F" + row + ' Chỉ tiêu 3.1: giá trị 0,85 được hiểu là 0,85%. Nếu ý là 85%, hãy nhập 85 hoặc 85%.',
    )
  })
})
