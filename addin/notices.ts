// The reminders box at the top of the pane: the unit's unread notifications from the daily job, newest first,
// and "Đã xem" to mark the shown ones read. textContent only: nothing from the server is parsed as HTML.
import type { MeResponse, NotificationItem } from '../shared/api'
import { formatTimeVi } from '../shared/dates'
import { type Api } from './api-client'
import { lang, t } from './messages'

/** How many reminders the box shows; the rest are counted. */
export const NOTICES_SHOWN = 5

let shown: string[] = []

function el(id: string): HTMLElement | null {
  return document.getElementById(id)
}

/** Fills the box (hidden when there is nothing unread). */
export function renderNotices(items: readonly NotificationItem[], unread: number, canMarkRead: boolean): void {
  const box = el('notices')
  const list = el('notice-list')
  if (!box || !list) return
  while (list.firstChild) list.removeChild(list.firstChild)
  shown = []
  for (const n of items) {
    const li = document.createElement('li')
    li.className = 'notice notice-' + n.kind
    const text = document.createElement('span')
    text.textContent = lang() === 'vi' ? n.text : n.text_en
    const time = document.createElement('span')
    time.className = 'notice-time'
    time.textContent = ' · ' + formatTimeVi(n.createdAt)
    li.appendChild(text)
    li.appendChild(time)
    list.appendChild(li)
    shown.push(n.id)
  }
  const more = el('notice-more')
  if (more) more.textContent = unread > items.length ? t('noticesMore', { n: unread - items.length }) : ''
  const button = el('btn-notices-read')
  if (button) button.style.display = canMarkRead && items.length > 0 ? '' : 'none'
  box.style.display = items.length > 0 ? 'block' : 'none'
}

/** Only the unit's own people mark its reminders read (leaders only read). */
function canMarkRead(me: MeResponse): boolean {
  return me.role !== 'leader'
}

/** Loads the unit's unread reminders into the box. */
export async function loadNotices(api: Api, me: MeResponse): Promise<void> {
  const res = await api.notifications(me.unit.id, true, NOTICES_SHOWN)
  renderNotices(res.notifications, res.unread, canMarkRead(me))
}

/** "Đã xem": marks the reminders shown read, then shows what is left. */
export async function markNoticesRead(api: Api, me: MeResponse): Promise<number> {
  if (shown.length === 0) return 0
  const res = await api.markRead(me.unit.id, { ids: shown.slice() })
  await loadNotices(api, me)
  return res.marked
}
