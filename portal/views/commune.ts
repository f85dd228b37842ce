// The commune's page: its deadlines, the report workbook to download, the filled file to upload (with the
// answer: accepted with X/N and on time or late, or every problem by sheet and cell), its revisions, its
// evidence dossier (with the phone's camera to file a document) and its tasks with their flags.
import { type FlagsResponse, MAX_BODY_BYTES, type MeResponse, type ReportDetail, type ReportReceipt } from '../../shared/api'
import { daysBetween, formatTimeVi, formatDateVi } from '../../shared/dates'
import { daysLeftText, flagTextVi, periodText, timelinessText } from '../../shared/words'
import { ApiFailure, getJson, newKey, postBytes } from '../api'
import { downloadButton } from '../download'
import { failureNote, issueList, note } from '../feedback'
import { fill, h } from '../dom'
import { currentPeriod, nextPeriod, periodSelect, recentPeriods } from '../periods'
import { W } from '../words'
import { dossierSection } from './dossier'
import { noticesFor } from './notices'

/** Finished tasks stay on the page this many days. */
const RECENT_DAYS = 60
const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

type State = { me: MeResponse; period: string; flags: FlagsResponse | null }

const unitPath = (me: MeResponse): string => encodeURIComponent(me.unit.id)

export async function communePage(me: MeResponse, root: HTMLElement): Promise<void> {
  const state: State = { me, period: currentPeriod(me.today), flags: null }
  const notices = h('div')
  const deadlines = h('section', { class: 'card', id: 'deadlines', 'aria-labelledby': 'deadlines-h' }, h('h2', { id: 'deadlines-h' }, 'Hạn nộp báo cáo'), h('p', { class: 'muted' }, W.loading))
  const revisions = h('div', { id: 'revisions' })
  const tasks = h('div', { id: 'tasks' })
  const answer = h('div', { id: 'upload-answer', 'aria-live': 'polite' })
  const downloadOut = h('div')
  const dossier = dossierSection(me.unit.id, true)

  const select = periodSelect('period', recentPeriods(me.today, 5), state.period, (p) => {
    state.period = p
    templateButton.textContent = templateLabel(p)
    void showRevisions()
  })
  const templateLabel = (p: string) => 'Tải sổ báo cáo ' + periodText(p) + ' (.xlsx)'
  const templateButton = downloadButton('download-template', templateLabel(state.period),
    () => '/reports/template.xlsx?unit=' + unitPath(me) + '&period=' + encodeURIComponent(state.period), downloadOut, true)

  const input = h('input', { type: 'file', id: 'upload-file', accept: XLSX_TYPES, class: 'file-input' })
  const drop = h('label', { for: 'upload-file', class: 'drop', id: 'drop' },
    h('strong', null, 'Chọn tệp sổ đã điền'),
    h('span', null, ' hoặc kéo thả tệp .xlsx vào đây'))
  input.addEventListener('change', () => {
    const file = input.files && input.files[0]
    if (file) void upload(file)
    input.value = ''
  })
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over') })
  drop.addEventListener('dragleave', () => drop.classList.remove('over'))
  drop.addEventListener('drop', (e) => {
    e.preventDefault()
    drop.classList.remove('over')
    const file = e.dataTransfer && e.dataTransfer.files[0]
    if (file) void upload(file)
  })

  fill(root,
    notices,
    deadlines,
    h('section', { class: 'card', 'aria-labelledby': 'report-h' },
      h('h2', { id: 'report-h' }, 'Nộp báo cáo'),
      h('ol', { class: 'steps' },
        h('li', null,
          h('label', { for: 'period' }, W.period), select, templateButton,
          h('p', { class: 'hint' }, 'Mở sổ bằng Excel, LibreOffice hoặc WPS. Đọc trang tính "Hướng dẫn", điền các ô nền vàng, lưu lại dạng .xlsx.'),
          downloadOut),
        h('li', null, input, drop, answer))),
    h('section', { class: 'card', 'aria-labelledby': 'revisions-h' }, h('h2', { id: 'revisions-h' }, 'Các lần gửi'), revisions),
    dossier.element,
    h('section', { class: 'card', 'aria-labelledby': 'tasks-h' }, h('h2', { id: 'tasks-h' }, 'Nhiệm vụ của xã'), tasks))

  async function upload(file: File): Promise<void> {
    if (!/\.xlsx$/i.test(file.name)) {
      fill(answer, note('error', 'Tệp "' + file.name + '" không phải sổ Excel .xlsx. Nếu sổ đang ở dạng .xls hay .ods, hãy lưu lại dạng "Excel 2007-365 (.xlsx)" rồi gửi.', 'Only .xlsx workbooks are accepted; save the file as Excel 2007-365 (.xlsx).'))
      return
    }
    if (file.size > MAX_BODY_BYTES) {
      fill(answer, note('error', 'Tệp "' + file.name + '" quá lớn (' + Math.round(file.size / 1024) + ' KB; tối đa ' + MAX_BODY_BYTES / 1024 + ' KB). Hãy xóa ảnh hay các trang tính không thuộc mẫu rồi gửi lại.', 'The file is larger than ' + MAX_BODY_BYTES / 1024 + ' KB.'))
      return
    }
    fill(answer, note('info', 'Đang gửi "' + file.name + '"…'))
    // One key per chosen file: a retry after a lost answer is recognised and not stored twice.
    const key = newKey()
    const bytes = await file.arrayBuffer()
    try {
      const { status, body } = await postBytes<ReportReceipt>('/reports/upload', bytes, { 'Idempotency-Key': key })
      const warnings = body.issues.filter((i) => i.severity === 'warning')
      fill(answer, note('ok',
        'Đã tiếp nhận báo cáo ' + periodText(body.period) + ': lần gửi ' + body.revision + ', nhận lúc ' + formatTimeVi(body.receivedAt) + ', ' +
          timelinessText({ status: body.timeliness, days: body.lateDays }).toLowerCase() + '. Đạt ' + body.achieved + '/' + body.total + ' tiêu chí.' +
          (status === 200 ? ' (Lần gửi này đã được nhận trước đó.)' : ''),
        'Accepted: revision ' + body.revision + ', ' + body.achieved + '/' + body.total + ' criteria met.',
        warnings.length ? h('p', null, 'Cần xem lại (không chặn việc nộp):') : null,
        issueList(warnings)))
      state.period = body.period
      select.value = body.period
      // A new report changes which criteria are met, so what the dossier lacks.
      await Promise.all([showRevisions(), showDeadlines(), dossier.load()])
    } catch (err) {
      const count = err instanceof ApiFailure && err.body && err.body.issues ? err.body.issues.filter((i) => i.severity === 'error').length : 0
      fill(answer,
        count > 0 ? h('p', { class: 'lead-bad' }, 'Chưa tiếp nhận: sổ có ' + count + ' lỗi. Sửa các ô dưới đây trong sổ, lưu lại rồi gửi lại.') : null,
        failureNote(err))
    }
  }

  async function showDeadlines(): Promise<void> {
    try {
      state.flags = await getJson<FlagsResponse>('/units/' + unitPath(me) + '/flags')
    } catch (err) {
      fill(deadlines, h('h2', { id: 'deadlines-h' }, 'Hạn nộp báo cáo'), failureNote(err))
      return
    }
    const today = state.flags.date
    const current = currentPeriod(today)
    const next = nextPeriod(current)
    const status: { [p: string]: FlagsResponse['reports'][number] } = {}
    for (const r of state.flags.reports) status[r.period] = r
    const line = (p: string, label: string) => {
      const s = status[p]
      const submitted = s && (s.status === 'on_time' || s.status === 'late')
      return h('li', { class: submitted ? 'done' : 'due' },
        h('b', null, label + ' (' + periodText(p) + '): '),
        'hạn nộp ' + formatDateVi(p) + ', ',
        submitted ? h('span', { class: 'good-text' }, 'đã nộp (' + timelinessText(s).toLowerCase() + ')') : h('span', null, daysLeftText(daysBetween(today, p))))
    }
    const overdue = state.flags.reports.filter((r) => r.status === 'missing')
    fill(deadlines,
      h('h2', { id: 'deadlines-h' }, 'Hạn nộp báo cáo'),
      h('ul', { class: 'deadlines' }, line(current, 'Kỳ này'), line(next, 'Kỳ sau')),
      overdue.length ? note('warn', 'Chưa nộp: ' + overdue.map((r) => periodText(r.period) + ' (quá hạn ' + r.days + ' ngày)').join(', ') + '.', null) : null)
    showTasks(state.flags)
  }

  async function showRevisions(): Promise<void> {
    const period = state.period
    fill(revisions, h('p', { class: 'muted' }, W.loading))
    let detail: ReportDetail
    try {
      detail = await getJson<ReportDetail>('/reports/' + unitPath(me) + '/' + encodeURIComponent(period))
    } catch (err) {
      fill(revisions, failureNote(err))
      return
    }
    if (period !== state.period) return
    const lock = detail.locked ? note('info', periodText(period) + ' đã khóa sổ: không gửi thêm được. Cần sửa, hãy liên hệ văn phòng điều phối.', null) : null
    if (detail.revisions.length === 0) {
      fill(revisions, h('p', null, 'Chưa có lần gửi nào cho ' + periodText(period) + '.'), lock)
      return
    }
    fill(revisions,
      lock,
      h('table', { class: 'grid' },
        h('caption', null, periodText(period).replace('kỳ', 'Kỳ')),
        h('thead', null, h('tr', null, h('th', null, 'Lần'), h('th', null, 'Nhận lúc'), h('th', null, 'Hạn'), h('th', null, 'Kết quả'))),
        h('tbody', null, detail.revisions.slice().reverse().map((r) => h('tr', null,
          h('td', null, String(r.revision)), h('td', null, formatTimeVi(r.receivedAt)),
          h('td', null, timelinessText({ status: r.timeliness, days: r.lateDays })), h('td', null, 'Đạt ' + r.achieved + '/' + r.total))))))
  }

  function showTasks(flags: FlagsResponse): void {
    const order: { [flag: string]: number } = { overdue: 0, due_soon: 1, ok: 2, done_late: 3, done: 4 }
    // What needs doing, and what was finished in the last two months; older history stays in the workbook.
    const recent = (t: FlagsResponse['tasks'][number]) => t.flag === 'overdue' || t.flag === 'due_soon' || t.flag === 'ok' ||
      ((t.flag === 'done' || t.flag === 'done_late') && daysBetween(t.occurrence, flags.date) <= RECENT_DAYS)
    const list = flags.tasks.filter(recent).sort((a, b) => (order[a.flag] ?? 9) - (order[b.flag] ?? 9) || (a.occurrence < b.occurrence ? -1 : 1))
    const older = flags.tasks.length - list.length
    if (list.length === 0) {
      fill(tasks, h('p', { class: 'muted' }, older ? 'Không có việc nào đang làm hay mới xong (' + older + ' việc cũ đã xong hoặc đã hủy).' : 'Xã chưa có nhiệm vụ nào.'))
      return
    }
    fill(tasks, older ? h('p', { class: 'hint' }, 'Không hiện ' + older + ' việc đã xong hoặc đã hủy từ trước.') : null, h('ul', { class: 'tasks' }, list.map((t) => h('li', { class: 'task flag-' + t.flag },
      h('span', { class: 'task-title' }, t.title),
      h('span', { class: 'task-meta' }, (t.role === 'lead' ? 'Chủ trì' : t.role === 'collaborator' ? 'Phối hợp' : 'Sổ của xã') + ' · hạn ' + formatDateVi(t.occurrence)),
      h('span', { class: 'badge ' + (t.flag === 'overdue' ? 'bad' : t.flag === 'due_soon' || t.flag === 'done_late' ? 'warn' : 'good') }, flagTextVi(t))))))
  }

  const box = await noticesFor(me.unit.id, true)
  if (box) fill(notices, box)
  await Promise.all([showDeadlines(), showRevisions(), dossier.load()])
}
