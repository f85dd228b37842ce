// What a reminder says, in Vietnamese and English: in the pane, in the portal and in the webhook message a
// relay forwards to a chat app (≤ 400 characters, the limit of chat-app message templates).
import { formatDateVi, type LocalDate } from './dates'
import type { NotificationFacts } from './reminders'

export type NotificationLang = 'vi' | 'en'

/** Longest message a webhook carries, unit name included. */
export const MAX_MESSAGE_CHARS = 400
const MAX_TITLE_CHARS = 120
const MAX_NAME_CHARS = 60
const NAMES_SHOWN = 3

/** Text cut to `max` characters, ending in "…" when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).replace(/\s+$/, '') + '…'
}

/** `2026-11-28` → `28/11`, the way a period is spoken of. */
function dayMonth(period: string): string {
  return period.slice(8, 10) + '/' + period.slice(5, 7)
}

function days(n: number, lang: NotificationLang): string {
  return lang === 'vi' ? n + ' ngày' : n === 1 ? '1 day' : n + ' days'
}

function names(list: readonly string[], total: number, lang: NotificationLang): string {
  const shown = list.slice(0, NAMES_SHOWN).map((n) => clip(n, MAX_NAME_CHARS)).join(', ')
  const more = total - Math.min(list.length, NAMES_SHOWN)
  if (more <= 0) return shown
  return lang === 'vi' ? shown + ' và ' + more + ' xã khác' : shown + ' and ' + more + ' more'
}

/** The sentence of a reminder; `due` is its deadline. */
export function notificationText(f: NotificationFacts, due: LocalDate, lang: NotificationLang): string {
  const d = formatDateVi(due)
  const vi = lang === 'vi'
  switch (f.kind) {
    case 'report_due_soon':
      if (f.days === 0) {
        return vi
          ? 'Kỳ báo cáo ' + dayMonth(f.period) + ' hết hạn hôm nay (' + d + '), chưa gửi báo cáo.'
          : 'The report for period ' + dayMonth(f.period) + ' is due today (' + d + ') and not sent yet.'
      }
      return vi
        ? 'Kỳ báo cáo ' + dayMonth(f.period) + ' còn ' + days(f.days, lang) + ' (hạn ' + d + '), chưa gửi báo cáo.'
        : 'The report for period ' + dayMonth(f.period) + ' is due in ' + days(f.days, lang) + ' (' + d + ') and not sent yet.'
    case 'report_missing':
      return vi
        ? 'Kỳ báo cáo ' + dayMonth(f.period) + ' quá hạn ' + days(f.days, lang) + ' (hạn ' + d + '), chưa gửi báo cáo.'
        : 'The report for period ' + dayMonth(f.period) + ' is ' + days(f.days, lang) + ' overdue (due ' + d + ') and not sent.'
    case 'aggregate_due': {
      const when = f.days === 0 ? (vi ? 'hết hạn hôm nay' : 'is due today') : vi ? 'còn ' + days(f.days, lang) : 'is due in ' + days(f.days, lang)
      const head = vi
        ? 'Tổng hợp kỳ ' + dayMonth(f.period) + ' báo cáo Trưởng Ban chỉ đạo ' + when + ' (hạn ' + d + '): ' + f.received + '/' + f.expected + ' xã đã nộp'
        : 'The summary for period ' + dayMonth(f.period) + ' to the steering committee head ' + when + ' (' + d + '): ' + f.received + '/' + f.expected + ' communes reported'
      const missing = f.expected - f.received
      if (missing === 0) return head + '.'
      return head + (vi ? '; chưa nộp: ' : '; missing: ') + names(f.missing, missing, lang) + '.'
    }
    case 'task_due_soon': {
      const title = "'" + clip(f.title, MAX_TITLE_CHARS) + "'"
      if (f.days === 0) return vi ? 'Nhiệm vụ ' + title + ' đến hạn hôm nay (' + d + ').' : 'Task ' + title + ' is due today (' + d + ').'
      return vi
        ? 'Nhiệm vụ ' + title + ' còn ' + days(f.days, lang) + ' (hạn ' + d + ').'
        : 'Task ' + title + ' is due in ' + days(f.days, lang) + ' (' + d + ').'
    }
    case 'task_overdue': {
      const title = "'" + clip(f.title, MAX_TITLE_CHARS) + "'"
      const lead = f.lead !== undefined ? (vi ? ', đơn vị chủ trì: ' : ', lead: ') + clip(f.lead, MAX_NAME_CHARS) : ''
      return vi
        ? 'Nhiệm vụ ' + title + ' quá hạn ' + days(f.days, lang) + ' (hạn ' + d + ')' + lead + '.'
        : 'Task ' + title + ' is ' + days(f.days, lang) + ' overdue (due ' + d + ')' + lead + '.'
    }
  }
}

/** The message a webhook carries: who it is for, then the sentence, within MAX_MESSAGE_CHARS. */
export function notificationMessage(unitName: string, f: NotificationFacts, due: LocalDate, lang: NotificationLang): string {
  return clip(clip(unitName, MAX_NAME_CHARS) + ': ' + notificationText(f, due, lang), MAX_MESSAGE_CHARS)
}
