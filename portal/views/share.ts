// The page a share link opens (/xem#<secret>): one period's summary, read-only, for a leader without an
// access code. The secret stays after `#`, which browsers never send to a server; the page sends it in
// the Authorization header.
import type { SharedSummary } from '../../shared/api'
import { formatDateVi, vnDate } from '../../shared/dates'
import { getJson, useBearer } from '../api'
import { downloadButton } from '../download'
import { failureNote, note } from '../feedback'
import { byId, fill, h } from '../dom'
import { W } from '../words'
import { summaryGlance } from './summary'

export async function sharePage(secret: string, root: HTMLElement): Promise<void> {
  byId('who').textContent = 'Xem qua đường dẫn chia sẻ (chỉ xem)'
  if (!/^nts_[A-Za-z0-9_-]{20,100}$/.test(secret)) {
    fill(root, note('error', 'Đường dẫn chia sẻ không đầy đủ. Hãy mở lại đúng đường dẫn được gửi cho bạn (cả phần sau dấu #).', 'The share link is incomplete: open the whole link you were sent.'))
    return
  }
  useBearer(secret)
  let data: SharedSummary
  try {
    data = await getJson<SharedSummary>('/shared/summary')
  } catch (err) {
    fill(root, failureNote(err))
    return
  }
  const a = data.aggregate
  const out = h('div')
  const button = downloadButton('download-summary', W.downloadSummary, () => '/shared/summary.xlsx', out)
  fill(root, h('section', { class: 'card', 'aria-labelledby': 'glance-h' },
    h('h2', { id: 'glance-h' }, 'Tổng hợp kỳ ' + formatDateVi(a.period) + ' — ' + a.unit.name),
    h('p', { class: 'hint', id: 'share-expiry' }, 'Đường dẫn chỉ để xem, dùng được đến hết ngày ' + formatDateVi(vnDate(data.share.expiresAt)) + '.'),
    summaryGlance(a), button, out))
}
