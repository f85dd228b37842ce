// `#minh-chung/<unit>/<id>`: the portal page an evidence item's link in the Minh chứng sheet opens. Signed
// in, the person downloads the file (the API checks the unit is theirs to read).
import { evidenceFilePath, API_BASE } from '../../shared/api'
import { downloadButton } from '../download'
import { h } from '../dom'

const ROUTE = /^#minh-chung\/([^/]+)\/([^/]+)$/

export function evidenceRoute(hash: string): { unit: string; id: string } | null {
  const m = ROUTE.exec(hash)
  if (!m) return null
  try {
    return { unit: decodeURIComponent(m[1] as string), id: decodeURIComponent(m[2] as string) }
  } catch {
    return null
  }
}

export function evidenceCard(item: { unit: string; id: string }): HTMLElement {
  const out = h('div')
  const button = downloadButton('download-evidence', 'Tải tệp minh chứng', () => evidenceFilePath(item.id).slice(API_BASE.length), out, true)
  return h('section', { class: 'card' }, h('h2', null, 'Tệp minh chứng'), h('p', { class: 'hint' }, 'Mở từ sổ báo cáo (trang tính Minh chứng).'), button, out)
}
