// A commune's evidence dossier (hồ sơ minh chứng): per criterion, the verdict of its latest report beside what
// the dossier has and lacks, each document with its file to download; and, for those who may write, a form to
// file a document — photographed with the phone's camera or chosen from the device.
import {
  API_BASE, type EvidenceDossierRow, type EvidenceItem, type EvidenceListResponse, evidenceFilePath, evidenceListPath,
} from '../../shared/api'
import { formatTimeVi, formatDateVi } from '../../shared/dates'
import { EVIDENCE_KINDS, MAX_EVIDENCE_FILE_BYTES, dossierText, evidenceKindName, formatFileSize } from '../../shared/evidence'
import { getJson, newKey, postForm } from '../api'
import { downloadButton } from '../download'
import { failureNote, note } from '../feedback'
import { fill, h } from '../dom'
import { W } from '../words'

/** What the file pickers offer; the server decides the type from the bytes whatever is chosen. */
const FILE_TYPES = 'image/*,application/pdf,.pdf,.jpg,.jpeg,.png,.docx,.xlsx,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const listPath = (unit: string): string => evidenceListPath(unit).slice(API_BASE.length)

/** The dossier section of a commune; `canWrite` adds the form (the commune itself, its district office). */
export function dossierSection(unit: string, canWrite: boolean): { element: HTMLElement; load(): Promise<void> } {
  const gaps = h('div', { id: 'dossier-gaps' })
  const list = h('div', { id: 'dossier-list' })
  const form = canWrite ? uploadForm(unit, () => load()) : null
  const element = h('section', { class: 'card', id: 'dossier', 'aria-labelledby': 'dossier-h' },
    h('h2', { id: 'dossier-h' }, 'Hồ sơ minh chứng'),
    h('p', { class: 'hint' }, 'Tiêu chí đạt cần có tài liệu chứng minh (quyết định, biên bản, kế hoạch, báo cáo, ảnh công trình) khi huyện thẩm định. Chỉ tài liệu có tệp đính kèm mới được tính.'),
    gaps, form ? form.element : null, list)

  async function load(): Promise<void> {
    fill(list, h('p', { class: 'muted' }, W.loading))
    let data: EvidenceListResponse
    try {
      data = await getJson<EvidenceListResponse>(listPath(unit))
    } catch (err) {
      fill(list, failureNote(err))
      return
    }
    const short = data.dossiers.filter((d) => d.met === true && !d.complete)
    fill(gaps, short.length > 0
      ? note('warn', 'Đạt nhưng thiếu hồ sơ: ' + short.map((d) => 'TC' + d.criterion).join(', ') + '. Bổ sung tài liệu trước khi huyện thẩm định.',
        short.length + ' criteria reported met lack their documents.')
      : note('ok', data.period ? 'Mọi tiêu chí đạt đều có đủ hồ sơ.' : 'Xã chưa có báo cáo: chưa có tiêu chí nào được tính là đạt.', null))
    if (form) form.offer(data.dossiers)
    fill(list, data.dossiers.map((d) => criterionBlock(d, data.items.filter((i) => i.criterion === d.criterion))))
  }

  return { element, load }
}

function criterionBlock(d: EvidenceDossierRow, items: EvidenceItem[]): HTMLElement {
  const verdict = d.met === null ? null : h('span', { class: 'badge ' + (d.met ? 'good' : 'muted-badge') }, d.met ? 'đạt' : 'chưa đạt')
  const state = h('span', { class: 'badge ' + (d.complete ? 'good' : d.met ? 'bad' : 'warn') }, 'hồ sơ ' + dossierText(d))
  return h('section', { class: 'criterion' + (d.met && !d.complete ? ' criterion-gap' : ''), id: 'tc-' + d.criterion, 'aria-labelledby': 'tc-' + d.criterion + '-h' },
    h('h3', { id: 'tc-' + d.criterion + '-h' }, 'TC' + d.criterion + ' ' + d.name),
    h('div', { class: 'criterion-state' }, verdict, state),
    d.missing.length > 0 ? h('p', { class: 'hint' }, 'Còn thiếu: ' + d.missing.map((m) => m.title).join('; ')) : null,
    items.length > 0 ? h('ul', { class: 'documents' }, items.map(documentRow)) : null)
}

function documentRow(item: EvidenceItem): HTMLElement {
  const out = h('div')
  const details = [evidenceKindName(item.kind), item.number ? 'số ' + item.number : '', item.date ? formatDateVi(item.date) : '', item.issuer ?? '']
    .filter((t) => t !== '').join(' · ')
  const state = item.supersededBy ? 'Đã được thay thế' : item.file ? null : 'Chưa có tệp: không được tính'
  return h('li', { class: 'document' + (item.supersededBy ? ' superseded' : ''), 'data-id': item.id },
    h('span', { class: 'document-title' }, item.title),
    h('span', { class: 'task-meta' }, details),
    h('span', { class: 'task-meta' }, (item.file ? item.file.name + ' (' + formatFileSize(item.file.size) + ') · ' : '') + 'lưu lúc ' + formatTimeVi(item.createdAt) +
      (item.createdBy ? ' bởi ' + item.createdBy : '')),
    state ? h('span', { class: 'badge ' + (item.supersededBy ? 'muted-badge' : 'warn') }, state) : null,
    item.file ? downloadButton('download-' + item.id, 'Tải tệp', () => evidenceFilePath(item.id).slice(API_BASE.length), out) : null,
    out)
}

type UploadForm = { element: HTMLElement; offer(dossiers: readonly EvidenceDossierRow[]): void }

function uploadForm(unit: string, reload: () => Promise<void>): UploadForm {
  const criterion = h('select', { id: 'ev-criterion', required: true })
  const kind = h('select', { id: 'ev-kind' }, EVIDENCE_KINDS.map((k) => h('option', { value: k.id }, k.name)))
  const title = h('input', { type: 'text', id: 'ev-title', maxlength: 300, required: true, placeholder: 'Ví dụ: Biên bản nghiệm thu đường trục thôn 3' })
  const number = h('input', { type: 'text', id: 'ev-number', maxlength: 60, placeholder: 'Ví dụ: 125/QĐ-UBND' })
  const date = h('input', { type: 'date', id: 'ev-date' })
  const issuer = h('input', { type: 'text', id: 'ev-issuer', maxlength: 200, placeholder: 'Ví dụ: UBND xã' })
  // Two pickers: the camera straight away, or a file already on the device (a scanned PDF, a Word file).
  const camera = h('input', { type: 'file', id: 'ev-camera', accept: 'image/*', capture: 'environment', class: 'file-input' })
  const picker = h('input', { type: 'file', id: 'ev-file', accept: FILE_TYPES, class: 'file-input' })
  const chosen = h('p', { class: 'hint', id: 'ev-chosen', 'aria-live': 'polite' }, 'Chưa chọn tệp.')
  const submit = h('button', { type: 'submit', class: 'primary', id: 'ev-submit' }, 'Lưu vào hồ sơ')
  const answer = h('div', { id: 'ev-answer', 'aria-live': 'polite' })
  let file: File | null = null
  // One key per document being filed: a retry after a lost answer is recognised and not stored twice.
  let key = newKey()

  const choose = (input: HTMLInputElement) => () => {
    file = input.files && input.files[0] ? input.files[0] : null
    if (input === camera) picker.value = ''
    else camera.value = ''
    chosen.textContent = file ? 'Tệp đã chọn: ' + file.name + ' (' + formatFileSize(file.size) + ')' : 'Chưa chọn tệp.'
    key = newKey()
  }
  camera.addEventListener('change', choose(camera))
  picker.addEventListener('change', choose(picker))

  const element = h('form', { class: 'evidence-form', id: 'ev-form', novalidate: true },
    h('h3', null, 'Thêm tài liệu'),
    h('label', { for: 'ev-criterion' }, 'Tiêu chí'), criterion,
    h('label', { for: 'ev-kind' }, 'Loại tài liệu'), kind,
    h('label', { for: 'ev-title' }, 'Trích yếu (nội dung)'), title,
    h('div', { class: 'fields-2' },
      h('div', null, h('label', { for: 'ev-number' }, 'Số hiệu'), number),
      h('div', null, h('label', { for: 'ev-date' }, 'Ngày ban hành'), date)),
    h('label', { for: 'ev-issuer' }, 'Cơ quan ban hành'), issuer,
    h('div', { class: 'pickers' },
      camera, h('label', { for: 'ev-camera', class: 'picker' }, 'Chụp ảnh'),
      picker, h('label', { for: 'ev-file', class: 'picker' }, 'Chọn tệp (PDF, ảnh, Word, Excel)')),
    chosen,
    h('p', { class: 'hint' }, 'Tối đa ' + formatFileSize(MAX_EVIDENCE_FILE_BYTES) + '. Không có tệp: ghi số hiệu hoặc ngày để lưu tên bản giấy (chưa được tính cho đến khi có tệp).'),
    submit, answer)

  element.addEventListener('submit', (e) => {
    e.preventDefault()
    void send()
  })

  async function send(): Promise<void> {
    const problem = !criterion.value ? 'Chọn tiêu chí.' : title.value.trim() === '' ? 'Ghi trích yếu của tài liệu.'
      : file && file.size === 0 ? 'Tệp "' + file.name + '" trống.'
        : file && file.size > MAX_EVIDENCE_FILE_BYTES ? 'Tệp "' + file.name + '" lớn hơn ' + formatFileSize(MAX_EVIDENCE_FILE_BYTES) + '. Chụp lại với độ phân giải thấp hơn hoặc nén tệp PDF.'
          : !file && number.value.trim() === '' && date.value === '' ? 'Chọn tệp, hoặc ghi số hiệu hay ngày của bản giấy.' : null
    if (problem) {
      fill(answer, note('error', problem, null))
      return
    }
    const body = new FormData()
    body.append('criterion', criterion.value)
    body.append('kind', kind.value)
    body.append('title', title.value.trim())
    if (number.value.trim()) body.append('number', number.value.trim())
    if (date.value) body.append('date', date.value)
    if (issuer.value.trim()) body.append('issuer', issuer.value.trim())
    if (file) body.append('file', file, file.name)
    submit.disabled = true
    fill(answer, note('info', file ? 'Đang gửi "' + file.name + '"…' : 'Đang lưu…'))
    try {
      const { body: item, replayed } = await postForm<EvidenceItem>('/units/' + encodeURIComponent(unit) + '/evidence', body, { 'Idempotency-Key': key })
      fill(answer, note('ok', 'Đã lưu vào hồ sơ TC' + item.criterion + ': ' + item.title + (item.file ? ' (' + item.file.name + ').' : ' (bản giấy, chưa có tệp).') +
        (replayed ? ' (Đã nhận trước đó.)' : ''), 'Filed under criterion ' + item.criterion + '.'))
      element.reset()
      file = null
      chosen.textContent = 'Chưa chọn tệp.'
      key = newKey()
      criterion.value = String(item.criterion)
      await reload()
    } catch (err) {
      fill(answer, failureNote(err))
    } finally {
      submit.disabled = false
    }
  }

  return {
    element,
    offer(dossiers) {
      const was = criterion.value
      fill(criterion, h('option', { value: '' }, '— Chọn tiêu chí —'), dossiers.map((d) =>
        h('option', { value: d.criterion }, 'TC' + d.criterion + ' ' + d.name + (d.met && !d.complete ? ' (đạt, thiếu hồ sơ)' : ''))))
      criterion.value = was
    },
  }
}
