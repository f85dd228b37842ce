// @vitest-environment happy-dom
// The reminders box at the top of the pane and the office's settings form, against the in-memory API: what the
// pane shows, what it sends, and that neither touches the workbook (no Excel call at all).
import { beforeEach, describe, expect, it } from 'vitest'
import type { FakeExcel } from './fake-excel'
import type { FakeServer } from './fake-server'
import { freshPane } from './pane-page'
import { guard, onCheck, onConnect, onCreateBook, onMarkNoticesRead, onSaveUnitSettings, resetState } from '../../addin/actions'
import { setLang } from '../../addin/messages'
import { saveSettings } from '../../addin/settings'
import type { NotificationItem } from '../../shared/api'
import { SHEETS } from '../../shared/workbook/report-book'
import { INDICATOR_CODES, passingValue } from './fixtures'

const NOW = Date.parse('2026-11-26T02:00:00Z')

let fake: FakeExcel
let server: FakeServer

const text = (id: string): string => (document.getElementById(id)!.textContent || '').trim()
const shown = (id: string): boolean => (document.getElementById(id) as HTMLElement).style.display !== 'none'
const notices = (): string[] => Array.from(document.querySelectorAll('#notice-list li')).map((li) => li.textContent || '')
const input = (id: string): HTMLInputElement => document.getElementById(id) as HTMLInputElement

function notice(n: number, over: Partial<NotificationItem> = {}): NotificationItem {
  return {
    id: 'ntf_' + n, unit: 'binh-son', kind: 'report_due_soon', subject: '2026-11-28', due: '2026-11-28', createdAt: '2026-11-26T00:00:00.000Z', readAt: null,
    text: 'Kỳ báo cáo 28/11 còn 2 ngày (hạn 28/11/2026), chưa gửi báo cáo.', text_en: 'The report for period 28/11 is due in 2 days (28/11/2026) and not sent yet.',
    ...over,
  }
}

beforeEach(() => {
  ;({ fake, server } = freshPane(NOW, '2026-11-28'))
  saveSettings({ serverUrl: 'https://ntm.example.org', token: 'commune-token' })
})

describe('the reminders box', () => {
  it('shows the unit’s unread reminders on connecting, with the time they were made, and counts the rest', async () => {
    server.notices['binh-son'] = [
      notice(1),
      notice(2, { kind: 'task_overdue', text: "Nhiệm vụ 'Tổng dọn vệ sinh' quá hạn 3 ngày (hạn 23/11/2026).", createdAt: '2026-11-26T00:00:00.000Z' }),
      ...[3, 4, 5, 6, 7].map((n) => notice(n)),
    ]
    await guard(onConnect)
    expect(shown('notices')).toBe(true)
    expect(notices()).toHaveLength(5)
    expect(notices()[0]).toBe('Kỳ báo cáo 28/11 còn 2 ngày (hạn 28/11/2026), chưa gửi báo cáo. · 07:00 26/11/2026')
    expect(notices()[1]).toContain("Nhiệm vụ 'Tổng dọn vệ sinh' quá hạn 3 ngày")
    expect(document.querySelectorAll('#notice-list li.notice-task_overdue')).toHaveLength(1)
    expect(text('notice-more')).toBe('Còn 2 nhắc việc khác chưa xem.')
    expect(text('status')).toContain('Đã kết nối')
    expect(fake.syncCount).toBe(0)
  })

  it('"Đã xem" marks the shown ones read, then shows what is left, and hides when nothing is', async () => {
    server.notices['binh-son'] = [1, 2, 3, 4, 5, 6].map((n) => notice(n))
    await guard(onConnect)
    await guard(onMarkNoticesRead)
    const post = server.calls.find((c) => c.method === 'POST' && c.path === '/units/binh-son/notifications/read')
    expect(post?.body).toEqual({ ids: ['ntf_1', 'ntf_2', 'ntf_3', 'ntf_4', 'ntf_5'] })
    expect(text('status')).toBe('Đã đánh dấu 5 nhắc việc là đã xem.')
    expect(notices()).toHaveLength(1)
    expect(text('notice-more')).toBe('')
    await guard(onMarkNoticesRead)
    expect(shown('notices')).toBe(false)
  })

  it('speaks English when Office does', async () => {
    setLang('en')
    server.notices['binh-son'] = [notice(1)]
    await guard(onConnect)
    expect(notices()[0]).toBe('The report for period 28/11 is due in 2 days (28/11/2026) and not sent yet. · 07:00 26/11/2026')
  })

  it('a server without reminders (or failing on them) still connects; the box stays hidden', async () => {
    server.notices['binh-son'] = [notice(1)]
    server.brokenPath = '/units/binh-son/notifications'
    await guard(onConnect)
    expect(text('status')).toContain('Đã kết nối')
    expect(shown('notices')).toBe(false)
  })

  it('another token does not keep the previous unit’s reminders on screen', async () => {
    server.notices['binh-son'] = [notice(1)]
    await guard(onConnect)
    expect(shown('notices')).toBe(true)
    saveSettings({ serverUrl: 'https://ntm.example.org', token: 'wrong-token' })
    await guard(onConnect)
    expect(text('status')).toContain('Mã truy cập không đúng')
    expect(shown('notices')).toBe(false)
  })
})

describe("the office's settings form", () => {
  beforeEach(() => saveSettings({ serverUrl: 'https://ntm.example.org', token: 'district-token' }))

  it('shows the unit’s own values, with the values in force as placeholders', async () => {
    server.ownSettings['trieu-son'] = { dueSoonDays: 5 }
    await guard(onConnect)
    expect([input('set-lead').value, input('set-due-soon').value, input('set-people').value]).toEqual(['', '5', ''])
    expect([input('set-lead').placeholder, input('set-due-soon').placeholder, input('set-people').placeholder]).toEqual(['2', '5', '30'])
  })

  it('saves what is typed (empty inherits, a decimal comma is a point) and says what is in force', async () => {
    await guard(onConnect)
    input('set-lead').value = '4'
    input('set-people').value = '25,5'
    await guard(onSaveUnitSettings)
    const put = server.calls.find((c) => c.method === 'PUT' && c.path === '/units/trieu-son/settings')
    expect(put?.body).toEqual({ reminderLeadDays: 4, dueSoonDays: null, peopleSharePercent: 25.5 })
    expect(text('status')).toBe('Đã lưu cài đặt của Huyện Triệu Sơn: nhắc trước hạn 4 ngày, nhiệm vụ sắp đến hạn 3 ngày, trần vốn nhân dân 25.5%.')
    expect(input('set-people').value).toBe('25.5')
  })

  it('refuses out-of-range or unreadable values before sending, saying why', async () => {
    await guard(onConnect)
    input('set-lead').value = '20'
    input('set-due-soon').value = 'ba'
    await guard(onSaveUnitSettings)
    expect(server.calls.some((c) => c.method === 'PUT')).toBe(false)
    expect(text('status')).toBe('Chưa lưu: cài đặt không hợp lệ.')
    const details = Array.from(document.querySelectorAll('#status-details li')).map((li) => li.textContent)
    expect(details).toEqual([
      'Số ngày nhắc trước hạn báo cáo phải là số nguyên từ 0 đến 14 ngày, hoặc để trống để theo đơn vị cấp trên.',
      'Số ngày báo nhiệm vụ sắp đến hạn phải là số nguyên từ 0 đến 30 ngày, hoặc để trống để theo đơn vị cấp trên.',
    ])
  })
})

describe("the commune's checks use the cap in force", () => {
  it("a people's share of 25 % is flagged under a 20 % cap set by the office, not under the default 30 %", async () => {
    const check = async (): Promise<boolean> => {
      resetState()
      await guard(onConnect)
      await guard(onCheck)
      return Array.from(document.querySelectorAll('#issues li')).some((li) => (li.textContent || '').indexOf('Vốn nhân dân đóng góp chiếm 25%') >= 0)
    }
    await guard(onConnect)
    await guard(onCreateBook)
    for (const code of INDICATOR_CODES) {
      const row = fake.rowOf(SHEETS.indicators, 0, code)
      fake.setValues(SHEETS.indicators, 'F' + (row + 1), [[passingValue(code), 'đạt']])
    }
    const commune = fake.rowOf(SHEETS.funds, 0, 'Ngân sách xã')
    const people = fake.rowOf(SHEETS.funds, 0, 'Nhân dân đóng góp')
    fake.setValues(SHEETS.funds, 'B' + (commune + 1), [[750000000]])
    fake.setValues(SHEETS.funds, 'B' + (people + 1), [[250000000]])
    expect(await check()).toBe(false)
    server.ownSettings['binh-son'] = { peopleSharePercent: 20 }
    expect(await check()).toBe(true)
  })
})
