// Answers shown to the person: what happened, in Vietnamese with the English below, and each problem with
// the sheet and cell it is about.
import type { ApiIssue } from '../shared/api'
import { ApiFailure } from './api'
import { type Child, fill, h } from './dom'
import { W } from './words'

type Kind = 'ok' | 'error' | 'warn' | 'info'

export function note(kind: Kind, vi: string, en?: string | null, ...extra: Child[]): HTMLElement {
  return h('div', { class: 'note note-' + kind, role: kind === 'error' ? 'alert' : 'status' }, h('p', null, vi), en ? h('p', { class: 'en', lang: 'en' }, en) : null, ...extra)
}

type CellIssue = ApiIssue & { cell?: string }

/** `'Chỉ tiêu'!F4` → `Trang tính "Chỉ tiêu", ô F4`: where to look, in words. */
export function cellWords(cell: string): string {
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(cell)
  return m ? 'Trang tính "' + (m[1] as string).replace(/''/g, "'") + '", ô ' + m[2] + m[3] : cell
}

export function issueList(issues: readonly CellIssue[]): HTMLElement | null {
  if (issues.length === 0) return null
  return h('ul', { class: 'issues' }, issues.map((i) =>
    h('li', { class: 'issue issue-' + i.severity },
      i.cell ? h('span', { class: 'cell', 'data-cell': i.cell }, cellWords(i.cell)) : null,
      h('span', null, i.cell && i.message.indexOf(i.cell + ': ') === 0 ? i.message.slice(i.cell.length + 2) : i.message),
      h('span', { class: 'en', lang: 'en' }, i.cell && i.message_en.indexOf(i.cell + ': ') === 0 ? i.message_en.slice(i.cell.length + 2) : i.message_en))))
}

export function failureNote(err: unknown): HTMLElement {
  if (err instanceof ApiFailure) {
    if (err.status === 0) return note('error', W.network, W.networkEn)
    if (err.body) return note('error', err.body.message, err.body.message_en, issueList((err.body.issues || []) as CellIssue[]))
    return note('error', 'Máy chủ trả lời lỗi ' + err.status + '.', 'The server answered ' + err.status + '.')
  }
  return note('error', 'Đã có lỗi không mong đợi. Tải lại trang rồi thử lại.', err instanceof Error ? err.message : String(err))
}

/** Runs an action with its button disabled, showing the answer in `out`. */
export async function withButton(button: HTMLButtonElement, out: HTMLElement, run: () => Promise<Child | Child[]>): Promise<void> {
  button.disabled = true
  fill(out, note('info', W.loading))
  try {
    fill(out, await run())
  } catch (err) {
    fill(out, failureNote(err))
  } finally {
    button.disabled = false
  }
}
