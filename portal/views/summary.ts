// A period's summary at a glance, for a leader's phone: who reported and who did not, criteria met without their
// dossier, the communes ranked by criteria met with a bar and the change since the previous period, overdue
// tasks and funds. The district's page shows the same, with its own tools below.
import { API_BASE, type AggregateResponse, aggregateWorkbookPath } from '../../shared/api'
import { formatTimeVi, formatDateVi } from '../../shared/dates'
import { DEFAULT_PEOPLE_SHARE_LIMIT } from '../../shared/funds'
import { hasDossierGaps, metWithoutDossierText } from '../../shared/dossier-matrix'
import { lateNames, missingNames, rankCommunes } from '../../shared/summary-lines'
import { changeText, periodText, timelinessText } from '../../shared/words'
import { bar, h } from '../dom'

/** The summary workbook's path under the API, for downloadButton. */
export const summaryWorkbookPath = (unit: string, period: string): string => aggregateWorkbookPath(unit, period).slice(API_BASE.length)

const nameOf = (a: AggregateResponse, id: string): string => (a.unitNames && a.unitNames[id]) || id

export function lockLine(a: AggregateResponse): string {
  const made = 'Số liệu lúc ' + formatTimeVi(a.generatedAt)
  return a.locked ? made + ' — kỳ đã khóa sổ' + (a.lockedAt ? ' lúc ' + formatTimeVi(a.lockedAt) : '') : made + ' — kỳ đang mở, số liệu còn thay đổi'
}

function tile(value: number | string, label: string, kind = ''): HTMLElement {
  return h('div', { class: 'tile ' + kind }, h('strong', null, String(value)), h('span', null, label))
}

export function completenessTiles(a: AggregateResponse): HTMLElement {
  const c = a.completeness
  const late = a.communes.filter((r) => r.timeliness.status === 'late').length
  const missing = c.expected - c.received
  return h('div', { class: 'tiles' },
    tile(c.expected, 'phải nộp'), tile(c.received, 'đã nộp'), tile(c.receivedOnTime, 'đúng hạn', 'good'),
    tile(late, 'nộp trễ', late > 0 ? 'warn' : ''), tile(missing, 'chưa nộp', missing > 0 ? 'bad' : ''))
}

/** The late and missing communes by name, with days: what a leader asks about first. */
export function lateAndMissing(a: AggregateResponse): HTMLElement {
  const late = a.communes.some((r) => r.timeliness.status === 'late')
  const missing = a.communes.some((r) => r.timeliness.status === 'missing' || r.timeliness.status === 'open')
  return h('div', { class: 'names' },
    h('p', { class: late ? 'warn-text' : '', id: 'late-names' }, h('b', null, 'Nộp trễ: '), lateNames(a.communes)),
    h('p', { class: missing ? 'bad-text' : '', id: 'missing-names' }, h('b', null, 'Chưa nộp: '), missingNames(a.communes)))
}

/** How many criteria communes report met without their documents, and where (absent from old snapshots). */
export function dossierLine(a: AggregateResponse): HTMLElement | null {
  if (!a.dossiers) return null
  const gaps = hasDossierGaps(a.dossiers)
  return h('p', { class: gaps ? 'bad-text' : '', id: 'dossier-line' }, h('b', null, 'Đạt nhưng thiếu hồ sơ: '), metWithoutDossierText(a.dossiers))
}

export function changeLine(a: AggregateResponse): HTMLElement | null {
  if (!a.change || a.change.compared === 0) return null
  return h('p', { class: 'change-line' }, 'So với ' + periodText(a.change.previousPeriod) + ': ',
    h('b', { class: a.change.change > 0 ? 'up' : a.change.change < 0 ? 'down' : '' }, changeText(a.change.change)),
    ' (' + a.change.compared + ' xã có báo cáo cả hai kỳ)')
}

export function rankedList(a: AggregateResponse): HTMLElement {
  const rows = rankCommunes(a.communes)
  return h('ol', { class: 'ranking', id: 'ranking' }, rows.map((r) => {
    const change = a.change ? a.change.byCommune[r.unit.id] : undefined
    const score = r.achieved === null ? '—' : r.achieved + '/' + r.total
    return h('li', { class: 'rank-row status-' + r.timeliness.status },
      h('div', { class: 'rank-head' },
        h('span', { class: 'rank-name' }, r.unit.name),
        h('span', { class: 'rank-score' }, score),
        change && change.change !== 0 ? h('span', { class: 'delta ' + (change.change > 0 ? 'up' : 'down') }, (change.change > 0 ? '+' : '−') + Math.abs(change.change)) : null),
      r.achieved === null ? null : bar(r.achieved, r.total, r.achieved + ' trên ' + r.total + ' tiêu chí'),
      h('span', { class: 'rank-status' }, timelinessText(r.timeliness)))
  }))
}

/** How many tasks are overdue: the aggregate lists the longest overdue first page only (a snapshot from before paging, all). */
const overdueCount = (a: AggregateResponse): number => (typeof a.overdueTotal === 'number' ? a.overdueTotal : a.overdueTasks.length)

/** The heading with how many are overdue, the listed ones, and — when only the first page is listed — how many more. */
export function overdueSection(a: AggregateResponse): HTMLElement[] {
  const more = overdueCount(a) - a.overdueTasks.length
  const out = [h('h3', null, 'Việc quá hạn (' + overdueCount(a) + ')'), overdueList(a)]
  if (more > 0) out.push(h('p', { class: 'muted', id: 'overdue-more' }, 'Còn ' + more + ' việc quá hạn khác; bảng tổng hợp (.xlsx) liệt kê đến 1.000 việc quá hạn lâu nhất.'))
  return out
}

export function overdueList(a: AggregateResponse): HTMLElement {
  if (a.overdueTasks.length === 0) return h('p', { class: 'muted' }, 'Không có việc quá hạn.')
  return h('ul', { class: 'tasks', id: 'overdue' }, a.overdueTasks.map((t) =>
    h('li', { class: 'task flag-overdue' },
      h('span', { class: 'task-title' }, t.title),
      h('span', { class: 'task-meta' },
        'Chủ trì: ' + nameOf(a, t.lead) + ((t.collaborators || []).length ? ' · phối hợp: ' + t.collaborators.map((c) => nameOf(a, c)).join(', ') : '') +
        ' · hạn ' + formatDateVi(t.occurrence)),
      h('span', { class: 'badge bad' }, 'Quá hạn ' + t.days + ' ngày'))))
}

const money = (dong: number): string => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(dong / 1_000_000) + ' triệu đồng'
const share = (f: number): string => new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(f)

export function fundsLine(a: AggregateResponse): HTMLElement {
  const limit = typeof a.peopleShareLimit === 'number' ? a.peopleShareLimit : DEFAULT_PEOPLE_SHARE_LIMIT
  const high = a.funds.peopleShare > limit
  return h('p', { class: high ? 'bad-text' : '' }, 'Vốn huy động: ' + money(a.funds.total) + '; nhân dân đóng góp ' + share(a.funds.peopleShare),
    high ? h('b', null, ' — vượt mức ' + share(limit) + ', không huy động quá sức dân') : '')
}

/** The whole glance, in reading order. */
export function summaryGlance(a: AggregateResponse): HTMLElement[] {
  return [
    h('p', { class: 'muted', id: 'lock-line' }, lockLine(a)),
    completenessTiles(a),
    lateAndMissing(a),
    dossierLine(a),
    changeLine(a),
    h('h3', null, 'Xếp hạng theo số tiêu chí đạt'),
    rankedList(a),
    ...overdueSection(a),
    h('h3', null, 'Nguồn vốn'),
    fundsLine(a),
  ].filter((e): e is HTMLElement => e !== null)
}
