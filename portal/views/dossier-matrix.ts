// The district's communes × criteria dossier matrix beside its criteria-met matrix: each cell "đủ" or
// "thiếu N", red where the commune reports the criterion met but its dossier is incomplete. A commune's name
// opens its dossier below (to read, or to file a document for it).
import type { AggregateResponse } from '../../shared/api'
import { hasDossierGaps, metWithoutDossierText } from '../../shared/dossier-matrix'
import { missingText } from '../../shared/evidence'
import { fill, h } from '../dom'
import { dossierSection } from './dossier'

export function dossierMatrixCard(canWrite: boolean): { element: HTMLElement; show(a: AggregateResponse): void } {
  const body = h('div', { id: 'dossier-matrix' })
  const commune = h('div', { id: 'commune-dossier' })
  const element = h('section', { class: 'card', 'aria-labelledby': 'dossier-matrix-h' },
    h('h2', { id: 'dossier-matrix-h' }, 'Hồ sơ minh chứng các xã'),
    h('p', { class: 'hint' }, 'Mỗi ô: "đủ" hoặc "thiếu N" tài liệu. Đỏ: báo cáo đạt nhưng thiếu hồ sơ. Bấm tên xã để xem hồ sơ của xã.'),
    body, commune)

  function open(unit: string): void {
    const section = dossierSection(unit, canWrite)
    fill(commune, section.element)
    void section.load().then(() => section.element.scrollIntoView({ block: 'start' }))
  }

  function show(a: AggregateResponse): void {
    const matrices = a.dossiers || []
    if (matrices.length === 0) {
      fill(body, h('p', { class: 'muted' }, 'Bản chốt sổ này được lập trước khi có hồ sơ minh chứng.'))
      return
    }
    fill(body,
      h('p', { class: hasDossierGaps(matrices) ? 'bad-text' : '', id: 'dossier-gap-line' },
        h('b', null, 'Đạt nhưng thiếu hồ sơ: '), metWithoutDossierText(matrices)),
      matrices.map((m) => h('div', { class: 'scroll' }, h('table', { class: 'matrix' },
        matrices.length > 1 ? h('caption', null, 'Bộ tiêu chí ' + m.catalog.title) : null,
        h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'sticky' }, 'Xã'), h('th', { scope: 'col' }, 'Đủ'),
          m.criteria.map((k) => h('th', { scope: 'col', title: k.name }, 'TC' + k.no)))),
        h('tbody', null, m.communes.map((c) => {
          const name = h('button', { type: 'button', class: 'link', 'data-unit': c.unit.id }, c.unit.name)
          name.addEventListener('click', () => open(c.unit.id))
          return h('tr', null,
            h('th', { scope: 'row', class: 'sticky' }, name),
            h('td', null, m.criteria.filter((k) => c.missing[String(k.no)] === 0).length + '/' + m.criteria.length),
            m.criteria.map((k) => {
              const missing = c.missing[String(k.no)] || 0
              const gap = c.metWithoutDossier.indexOf(k.no) >= 0
              return h('td', {
                class: missing === 0 ? 'd-ok' : gap ? 'd-gap' : 'd-lack',
                title: c.unit.name + ' — TC' + k.no + ' ' + k.name + ': ' + (gap ? 'đạt nhưng ' : '') + 'hồ sơ ' + missingText(missing),
              }, missing === 0 ? '✓' : String(missing))
            }))
        })),
        h('tfoot', null, h('tr', null, h('th', { scope: 'row', class: 'sticky' }, 'Đạt, thiếu hồ sơ'), h('td', null, ''),
          m.totals.map((t) => h('td', null, String(t.metWithoutDossier)))))))))
  }

  return { element, show }
}
