// The district office's page: the period's status (expected, received, on time, late and missing by name),
// the communes × criteria matrix and the dossier matrix beside it, locking, the summary workbook, and share links for leaders without a token.
import {
  type AggregateResponse, type LockResponse, type MeResponse, SHARE_DEFAULT_DAYS, type ShareCreated, type ShareInfo, type SharesResponse,
} from '../../shared/api'
import { catalogsLine, criteriaColumns, rankCommunes, sameCatalog } from '../../shared/summary-lines'
import { formatTimeVi, formatDateVi, vnDate } from '../../shared/dates'
import { periodText } from '../../shared/words'
import { getJson, sendJson } from '../api'
import { downloadButton } from '../download'
import { failureNote, note, withButton } from '../feedback'
import { fill, h } from '../dom'
import { periodSelect, recentPeriods, reviewPeriod } from '../periods'
import { W } from '../words'
import { dossierMatrixCard } from './dossier-matrix'
import { noticesFor } from './notices'
import { summaryGlance, summaryWorkbookPath } from './summary'

const SHARE_DAYS = [7, SHARE_DEFAULT_DAYS, 90]

export async function districtPage(me: MeResponse, root: HTMLElement): Promise<void> {
  let period = reviewPeriod(me.today)
  const unit = me.unit.id
  const notices = h('div')
  const status = h('div', { id: 'status' })
  const matrix = h('div', { id: 'matrix' })
  const lockOut = h('div')
  const shareOut = h('div', { id: 'share-out' })
  const shareList = h('div', { id: 'share-list' })
  const downloadOut = h('div')
  const dossiers = dossierMatrixCard(true)

  const lockButton = h('button', { type: 'button', id: 'lock' }, 'Khóa sổ kỳ này')
  const summaryButton = downloadButton('download-summary', W.downloadSummary, () => summaryWorkbookPath(unit, period), downloadOut)
  const days = h('select', { id: 'share-days' }, SHARE_DAYS.map((d) => h('option', { value: d, selected: d === SHARE_DEFAULT_DAYS }, d + ' ngày')))
  const shareButton = h('button', { type: 'button', class: 'primary', id: 'share-create' }, 'Tạo đường dẫn')
  let current: AggregateResponse | null = null

  const select = periodSelect('period', recentPeriods(me.today, 6), period, (p) => {
    period = p
    fill(shareOut)
    void Promise.all([showStatus(), showShares()])
  })

  fill(root,
    notices,
    h('section', { class: 'card' },
      h('h2', null, 'Tình hình nộp báo cáo'),
      h('label', { for: 'period' }, W.period), select,
      status),
    h('section', { class: 'card', 'aria-labelledby': 'matrix-h' },
      h('h2', { id: 'matrix-h' }, 'Các xã × tiêu chí'),
      h('p', { class: 'hint' }, '✓ đạt · ✗ chưa đạt · trống: chưa nộp. Kéo ngang để xem hết các tiêu chí.'),
      matrix),
    dossiers.element,
    h('section', { class: 'card' },
      h('h2', null, 'Khóa sổ và tải tổng hợp'),
      h('div', { class: 'actions' }, lockButton, summaryButton),
      lockOut, downloadOut),
    h('section', { class: 'card', 'aria-labelledby': 'share-h' },
      h('h2', { id: 'share-h' }, 'Chia sẻ cho lãnh đạo'),
      h('p', { class: 'hint' }, 'Đường dẫn chỉ để xem bảng tổng hợp của kỳ đang chọn (trang web và tệp .xlsx), cho người không có mã truy cập. Đường dẫn tự hết hạn và có thể thu hồi bất cứ lúc nào; mỗi lần mở đều được ghi lại.'),
      h('div', { class: 'inline' }, h('label', { for: 'share-days' }, 'Dùng được trong'), days, shareButton),
      shareOut, shareList))

  lockButton.addEventListener('click', () => void withButton(lockButton, lockOut, async () => {
    if (!current) return null
    const action = current.locked ? 'unlock' : 'lock'
    await sendJson<LockResponse>('POST', '/periods/' + encodeURIComponent(period) + '/' + action, { unit })
    await showStatus()
    return note('ok', action === 'lock' ? 'Đã khóa sổ ' + periodText(period) + ': xã không gửi thêm được; bảng tổng hợp lúc khóa được lưu lại.' : 'Đã mở khóa ' + periodText(period) + '.', null)
  }))

  shareButton.addEventListener('click', () => void withButton(shareButton, shareOut, async () => {
    const share = await sendJson<ShareCreated>('POST', '/shares', { unit, period, days: Number(days.value) })
    const field = h('input', { type: 'text', id: 'share-url', readonly: true, value: share.url, 'aria-label': 'Đường dẫn chia sẻ' })
    const copy = h('button', { type: 'button', id: 'share-copy' }, 'Sao chép')
    copy.addEventListener('click', async () => {
      field.select()
      try {
        await navigator.clipboard.writeText(share.url)
        copy.textContent = 'Đã sao chép'
      } catch {
        copy.textContent = 'Bấm giữ để sao chép'
      }
    })
    await showShares()
    return note('ok', 'Đã tạo đường dẫn cho ' + periodText(period) + ', dùng được đến ' + formatDateVi(vnDate(share.expiresAt)) + '. Gửi đường dẫn này cho lãnh đạo (Zalo, thư điện tử); nó chỉ hiện một lần.', null, h('div', { class: 'inline' }, field, copy))
  }))

  async function showStatus(): Promise<void> {
    const asked = period
    fill(status, h('p', { class: 'muted' }, W.loading))
    let a: AggregateResponse
    try {
      a = await sendJson<AggregateResponse>('POST', '/aggregate', { unit, period })
    } catch (err) {
      fill(status, failureNote(err))
      fill(matrix)
      return
    }
    if (asked !== period) return
    current = a
    lockButton.textContent = a.locked ? 'Mở khóa sổ kỳ này' : 'Khóa sổ kỳ này'
    fill(status, summaryGlance(a))
    fill(matrix, matrixTable(a))
    dossiers.show(a)
  }

  async function showShares(): Promise<void> {
    let list: ShareInfo[]
    try {
      list = (await getJson<SharesResponse>('/shares?unit=' + encodeURIComponent(unit) + '&period=' + encodeURIComponent(period))).shares
    } catch (err) {
      fill(shareList, failureNote(err))
      return
    }
    if (list.length === 0) {
      fill(shareList, h('p', { class: 'muted' }, 'Chưa có đường dẫn nào cho ' + periodText(period) + '.'))
      return
    }
    fill(shareList, h('ul', { class: 'shares' }, list.map((s) => {
      const revoke = s.state === 'active' ? h('button', { type: 'button', class: 'quiet' }, 'Thu hồi') : null
      if (revoke) {
        revoke.addEventListener('click', () => void withButton(revoke, shareOut, async () => {
          await sendJson<ShareInfo>('POST', '/shares/' + encodeURIComponent(s.id) + '/revoke', {})
          await showShares()
          return note('ok', 'Đã thu hồi đường dẫn tạo lúc ' + formatTimeVi(s.createdAt) + ': người nhận không mở được nữa.', null)
        }))
      }
      const state = s.state === 'active' ? 'còn hiệu lực đến ' + formatDateVi(vnDate(s.expiresAt)) : s.state === 'expired' ? 'đã hết hạn' : 'đã thu hồi'
      return h('li', { class: 'share share-' + s.state },
        h('span', null, 'Tạo lúc ' + formatTimeVi(s.createdAt) + ' · ' + state + ' · đã mở ' + s.openings + ' lần' + (s.lastOpenedAt ? ' (gần nhất ' + formatTimeVi(s.lastOpenedAt) + ')' : '')),
        revoke)
    })))
  }

  const box = await noticesFor(unit, me.role !== 'admin')
  if (box) fill(notices, box)
  await Promise.all([showStatus(), showShares()])
}

/**
 * Communes × criteria, ranked, with X/N; scrolls sideways on a phone with the commune column kept in view.
 * Communes judged by different catalogues: each catalogue its own columns, said in a line above the table.
 */
export function matrixTable(a: AggregateResponse): HTMLElement {
  const criteria = criteriaColumns(a)
  const note = catalogsLine(a)
  return h('div', null, note ? h('p', { class: 'note note-warn' }, note) : null, h('div', { class: 'scroll' }, h('table', { class: 'matrix' },
    h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'sticky' }, 'Xã'), h('th', { scope: 'col' }, 'Đạt'),
      criteria.map((k) => h('th', { scope: 'col', title: k.name }, k.header)))),
    h('tbody', null, rankCommunes(a.communes).map((r) => h('tr', null,
      h('th', { scope: 'row', class: 'sticky' }, r.unit.name),
      h('td', null, r.achieved === null ? '—' : r.achieved + '/' + r.total),
      criteria.map((k) => {
        if (!sameCatalog(r, k.tally)) return h('td', { class: 'm-other', title: r.unit.name + ' — chấm theo bộ tiêu chí khác' }, '')
        const met = r.criteria ? r.criteria[String(k.no)] : undefined
        return met === undefined
          ? h('td', { class: 'm-none', title: r.unit.name + ' — ' + k.header + ': chưa có báo cáo' }, '')
          : h('td', { class: met ? 'm-yes' : 'm-no', title: r.unit.name + ' — ' + k.header + ' ' + k.name + ': ' + (met ? 'đạt' : 'chưa đạt') }, met ? '✓' : '✗')
      })))),
    h('tfoot', null, h('tr', null, h('th', { scope: 'row', class: 'sticky' }, 'Số xã đạt'), h('td', null, ''),
      criteria.map((k) => h('td', null, String(k.communes))))))))
}
