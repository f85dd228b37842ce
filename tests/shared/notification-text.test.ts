import { describe, expect, it } from 'vitest'
import { MAX_MESSAGE_CHARS, clip, notificationMessage, notificationText } from '../../shared/notification-text'
import { NOTIFICATION_KINDS, type NotificationFacts } from '../../shared/reminders'

describe('notification texts', () => {
  it('say what the issue asks for, in Vietnamese and English', () => {
    expect(notificationText({ kind: 'report_due_soon', period: '2026-11-28', days: 2 }, '2026-11-28', 'vi')).toBe(
      'Kỳ báo cáo 28/11 còn 2 ngày (hạn 28/11/2026), chưa gửi báo cáo.',
    )
    expect(notificationText({ kind: 'report_due_soon', period: '2026-11-28', days: 2 }, '2026-11-28', 'en')).toBe(
      'The report for period 28/11 is due in 2 days (28/11/2026) and not sent yet.',
    )
    expect(notificationText({ kind: 'task_overdue', task: 'm4', owner: 'trieu-son', title: 'Tổng dọn vệ sinh', days: 3 }, '2026-12-31', 'vi')).toBe(
      "Nhiệm vụ 'Tổng dọn vệ sinh' quá hạn 3 ngày (hạn 31/12/2026).",
    )
    expect(notificationText({ kind: 'task_overdue', task: 'm4', owner: 'trieu-son', title: 'Tổng dọn vệ sinh', days: 1, lead: 'Xã Bình Sơn' }, '2026-12-31', 'en')).toBe(
      "Task 'Tổng dọn vệ sinh' is 1 day overdue (due 31/12/2026), lead: Xã Bình Sơn.",
    )
  })

  it('say "today" on the day itself', () => {
    expect(notificationText({ kind: 'report_due_soon', period: '2026-11-14', days: 0 }, '2026-11-14', 'vi')).toBe('Kỳ báo cáo 14/11 hết hạn hôm nay (14/11/2026), chưa gửi báo cáo.')
    expect(notificationText({ kind: 'task_due_soon', task: 't', owner: 'o', title: 'Họp', days: 0 }, '2026-11-14', 'en')).toBe("Task 'Họp' is due today (14/11/2026).")
    expect(notificationText({ kind: 'aggregate_due', period: '2026-11-28', days: 0, received: 5, expected: 5, missing: [] }, '2026-11-30', 'vi')).toBe(
      'Tổng hợp kỳ 28/11 báo cáo Trưởng Ban chỉ đạo hết hạn hôm nay (hạn 30/11/2026): 5/5 xã đã nộp.',
    )
  })

  it('name at most three missing communes, then count the rest', () => {
    const f: NotificationFacts = { kind: 'aggregate_due', period: '2026-11-14', days: 1, received: 1, expected: 6, missing: ['Xã A', 'Xã B', 'Xã C', 'Xã D', 'Xã E'] }
    expect(notificationText(f, '2026-11-15', 'vi')).toBe(
      'Tổng hợp kỳ 14/11 báo cáo Trưởng Ban chỉ đạo còn 1 ngày (hạn 15/11/2026): 1/6 xã đã nộp; chưa nộp: Xã A, Xã B, Xã C và 2 xã khác.',
    )
  })

  it('fit a chat template (≤ 400 characters) with the longest titles and names', () => {
    const long = 'Kiện toàn Ban chỉ đạo NTM xã, phân công nhiệm vụ cụ thể cho từng thành viên; '.repeat(10)
    const name = 'Ủy ban nhân dân xã có tên rất dài '.repeat(5)
    const all: NotificationFacts[] = [
      { kind: 'report_due_soon', period: '2026-11-28', days: 14 },
      { kind: 'report_missing', period: '2026-11-28', days: 7 },
      { kind: 'aggregate_due', period: '2026-11-28', days: 14, received: 1, expected: 999, missing: [name, name, name, name] },
      { kind: 'task_due_soon', task: 't', owner: 'o', title: long, days: 30 },
      { kind: 'task_overdue', task: 't', owner: 'o', title: long, days: 7, lead: name },
    ]
    expect(all.map((f) => f.kind)).toEqual(NOTIFICATION_KINDS)
    for (const f of all) {
      for (const lang of ['vi', 'en'] as const) {
        const message = notificationMessage(name, f, '2026-11-28', lang)
        expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS)
        expect(message.startsWith('Ủy ban nhân dân xã')).toBe(true)
      }
    }
    expect(notificationText(all[3] as NotificationFacts, '2026-11-28', 'vi')).toContain('…')
  })

  it('clip cuts with an ellipsis only when needed', () => {
    expect(clip('abc', 3)).toBe('abc')
    expect(clip('abcd', 3)).toBe('ab…')
  })
})
