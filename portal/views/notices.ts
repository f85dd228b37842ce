// The unit's unread reminders at the top of its page (made by the daily job); "Đã xem" marks them read.
import type { NotificationsResponse } from '../../shared/api'
import { getJson, sendJson } from '../api'
import { h } from '../dom'

export async function noticesFor(unit: string, canMarkRead: boolean): Promise<HTMLElement | null> {
  let list: NotificationsResponse
  try {
    list = await getJson<NotificationsResponse>('/units/' + encodeURIComponent(unit) + '/notifications?unread=true&limit=5')
  } catch {
    // Reminders are a help, not the page: without them the page still works.
    return null
  }
  if (list.notifications.length === 0) return null
  const box = h('section', { class: 'notices', 'aria-label': 'Thông báo' },
    h('h2', null, 'Thông báo (' + list.unread + ' chưa xem)'),
    h('ul', null, list.notifications.map((n) => h('li', null, n.text))))
  if (canMarkRead) {
    const button = h('button', { type: 'button', class: 'quiet' }, 'Đã xem')
    button.addEventListener('click', async () => {
      button.disabled = true
      try {
        await sendJson('POST', '/units/' + encodeURIComponent(unit) + '/notifications/read', { all: true })
        box.remove()
      } catch {
        button.disabled = false
      }
    })
    box.appendChild(button)
  }
  return box
}
