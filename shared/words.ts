// Vietnamese words for the facts people read in the pane, the portal and the workbooks, in one place.
import type { Timeliness } from './calendar'
import type { TaskFlagKind } from './tasks'
import { formatDateVi } from './dates'

/** `kỳ 14/11/2026`: a period as people name it. */
export function periodText(id: string): string {
  return 'kỳ ' + formatDateVi(id)
}

export function timelinessText(t: { status: Timeliness['status']; days: number }): string {
  switch (t.status) {
    case 'on_time': return 'Đúng hạn'
    case 'late': return 'Trễ ' + t.days + ' ngày'
    case 'missing': return 'Chưa nộp (quá hạn ' + t.days + ' ngày)'
    case 'open': return 'Chưa nộp (còn ' + t.days + ' ngày)'
  }
}

/** Words for a task flag (always Vietnamese: they are written into the workbook, an official record). */
export function flagTextVi(f: { flag: TaskFlagKind; days: number }): string {
  switch (f.flag) {
    case 'overdue': return 'Quá hạn ' + f.days + ' ngày'
    case 'due_soon': return f.days === 0 ? 'Sắp đến hạn (hôm nay)' : 'Sắp đến hạn (còn ' + f.days + ' ngày)'
    case 'done_late': return 'Hoàn thành trễ ' + f.days + ' ngày'
    case 'done': return 'Đúng hạn'
    case 'ok': return 'Trong hạn (còn ' + f.days + ' ngày)'
    case 'cancelled': return 'Đã hủy'
  }
}

/** `+2 tiêu chí`, `−1 tiêu chí`, `không đổi`. */
export function changeText(change: number): string {
  if (change === 0) return 'không đổi'
  return (change > 0 ? '+' : '−') + Math.abs(change) + ' tiêu chí'
}

/** `còn 2 ngày`, `hôm nay`, `quá hạn 3 ngày`: how far a deadline is from today. */
export function daysLeftText(days: number): string {
  if (days === 0) return 'hạn là hôm nay'
  return days > 0 ? 'còn ' + days + ' ngày' : 'quá hạn ' + -days + ' ngày'
}

/** `2 việc quá hạn, 1 việc sắp đến hạn`, or `Không có việc quá hạn hay sắp đến hạn`. */
export function attentionText(overdue: number, dueSoon: number): string {
  if (overdue === 0 && dueSoon === 0) return 'Không có việc quá hạn hay sắp đến hạn'
  return overdue + ' việc quá hạn, ' + dueSoon + ' việc sắp đến hạn'
}

/** `Hạn nộp báo cáo kỳ 28/11/2026: 28/11/2026 (còn 2 ngày)`. */
export function deadlineText(d: { period: string; due: string; days: number }): string {
  return 'Hạn nộp báo cáo ' + periodText(d.period) + ': ' + formatDateVi(d.due) + ' (' + daysLeftText(d.days) + ')'
}
