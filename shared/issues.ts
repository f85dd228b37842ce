// Problems found in a report, with a stable machine code and wording in Vietnamese and English.
// The pane and the worker both show these texts, so the wording lives here, once.
import { formatNumber } from './format'
import { YES_NO_HINT } from './text'

export type Severity = 'error' | 'warning'

export type IssueCode =
  | 'unit_required'
  | 'class_missing'
  | 'catalog_not_assigned'
  | 'period_invalid'
  | 'period_in_future'
  | 'indicator_code_required'
  | 'indicator_unknown'
  | 'indicator_duplicate'
  | 'indicator_missing'
  | 'value_required'
  | 'value_not_number'
  | 'value_negative'
  | 'percent_out_of_range'
  | 'percent_looks_fractional'
  | 'value_not_yes_no'
  | 'value_not_text'
  | 'status_invalid'
  | 'status_required'
  | 'status_contradicts_threshold'
  | 'task_id_required'
  | 'task_id_duplicate'
  | 'task_title_required'
  | 'task_lead_required'
  | 'task_lead_multiple'
  | 'task_collaborator_is_lead'
  | 'task_due_invalid'
  | 'task_status_invalid'
  | 'task_progress_invalid'
  | 'task_completed_invalid'
  | 'task_completed_in_future'
  | 'task_done_without_date'
  | 'task_recurrence_invalid'
  | 'task_version_invalid'
  | 'task_unit_not_allowed'
  | 'task_date_out_of_range'
  | 'task_changed_on_server'
  | 'task_progress_not_lead'
  | 'fund_source_unknown'
  | 'fund_source_duplicate'
  | 'fund_amount_invalid'
  | 'people_share_high'
  | 'narrative_too_long'

export type Issue = {
  code: IssueCode
  severity: Severity
  /** Where in the report, as a JSON path: `indicators[3].value`, `tasks[0].lead`, `period`. */
  path: string
  /** The indicator code the issue concerns, when it concerns one. */
  indicator?: string
  /** The task id the issue concerns, when it concerns one. */
  task?: string
  /** The workbook cell, e.g. `'Chỉ tiêu'!F4`, when the report came from an uploaded workbook. */
  cell?: string
  message: string
  message_en: string
}

export type IssueParams = {
  indicator?: string
  task?: string
  value?: string
  expected?: string
  limit?: string
  /** A section of the report's words, in Vietnamese and English (narrative issues). */
  section?: string
  sectionEn?: string
  count?: number
  /** A task field's name (Vietnamese, English) and the server's value of it, for task_changed_on_server. */
  field?: [vi: string, en: string]
  server?: string
  /** Who changed it last and when ("08:15 29/11/2026"). */
  by?: string
  at?: string
}

type Wording = (p: IssueParams) => [vi: string, en: string]

const viNumber = (v: string | undefined): string => String(v).replace('.', ',')
const q = (v: string | undefined): string => '"' + (v === undefined ? '' : v) + '"'
/** 53.3 → "53,3": Vietnamese writes a decimal comma. */
const decimalComma = (v: string | undefined): string => (v === undefined ? '' : v.replace('.', ','))
/** A count with its thousands grouped as the language writes them ("4.000", "4,000"). */
const amount = (v: number | string | undefined, lang: 'vi' | 'en'): string =>
  v === undefined ? '' : typeof v === 'number' || /^\d+$/.test(v) ? formatNumber(Number(v), lang) : v
const ind = (p: IssueParams): [string, string] => ['Chỉ tiêu ' + p.indicator, 'Indicator ' + p.indicator]
const task = (p: IssueParams): [string, string] => ['Nhiệm vụ ' + (p.task || '(chưa có mã)'), 'Task ' + (p.task || '(no id)')]

const WORDING: { [code in IssueCode]: { severity: Severity; words: Wording } } = {
  unit_required: { severity: 'error', words: () => ['Chưa ghi đơn vị báo cáo.', 'The reporting unit is missing.'] },
  catalog_not_assigned: {
    severity: 'error',
    words: (p) => [
      'Chưa có bộ tiêu chí nào chấm kỳ báo cáo ' + p.value + ' của đơn vị ' + q(p.limit) + '. Văn phòng NTM cần gán bộ tiêu chí cho đơn vị (PUT /api/v1/units/{đơn vị}/catalog) với ngày áp dụng không muộn hơn hạn nộp của kỳ.',
      'No criteria catalogue judges reporting period ' + p.value + ' of unit ' + q(p.limit) + '. The NTM office must assign one (PUT /api/v1/units/{unit}/catalog) from a date no later than the period\'s deadline.',
    ],
  },
  class_missing: {
    severity: 'error',
    words: (p) => [
      'Đơn vị ' + q(p.value) + ' chưa được xếp ' + p.expected + ' theo bộ tiêu chí ' + p.limit + ', nên chưa chấm được báo cáo. Văn phòng NTM cần xếp đơn vị này (PUT /api/v1/units/{đơn vị}/catalog, mục "classes") rồi gửi lại.',
      'Unit ' + q(p.value) + ' has no ' + p.expected + ' class in the catalogue ' + p.limit + ', so the report cannot be judged. The NTM office must assign one (PUT /api/v1/units/{unit}/catalog, "classes") before it is sent again.',
    ],
  },
  period_invalid: {
    severity: 'error',
    words: (p) => [
      'Kỳ báo cáo ' + q(p.value) + ' không hợp lệ: phải là ngày 14 hoặc 28 của tháng, dạng NNNN-TT-14 hoặc NNNN-TT-28.',
      'Reporting period ' + q(p.value) + ' is invalid: it must be the 14th or the 28th of a month, as YYYY-MM-14 or YYYY-MM-28.',
    ],
  },
  period_in_future: {
    severity: 'error',
    words: (p) => ['Kỳ báo cáo ' + p.value + ' chưa bắt đầu.', 'Reporting period ' + p.value + ' has not started yet.'],
  },
  indicator_code_required: { severity: 'error', words: () => ['Dòng chỉ tiêu chưa có mã.', 'An indicator row has no code.'] },
  indicator_unknown: {
    severity: 'error',
    words: (p) => ['Mã chỉ tiêu ' + q(p.indicator) + ' không có trong bộ tiêu chí.', 'Indicator code ' + q(p.indicator) + ' is not in the criteria set.'],
  },
  indicator_duplicate: {
    severity: 'error',
    words: (p) => [ind(p)[0] + ' bị nhập hai lần.', ind(p)[1] + ' appears twice.'],
  },
  indicator_missing: {
    severity: 'error',
    words: (p) => [ind(p)[0] + ' chưa có trong báo cáo.', ind(p)[1] + ' is missing from the report.'],
  },
  value_required: {
    severity: 'error',
    words: (p) => [ind(p)[0] + ': chưa nhập giá trị.', ind(p)[1] + ': the value is missing.'],
  },
  value_not_number: {
    severity: 'error',
    words: (p) => [ind(p)[0] + ': ' + q(p.value) + ' không phải là số.', ind(p)[1] + ': ' + q(p.value) + ' is not a number.'],
  },
  value_negative: {
    severity: 'error',
    words: (p) => [ind(p)[0] + ': giá trị không được âm (' + p.value + ').', ind(p)[1] + ': the value cannot be negative (' + p.value + ').'],
  },
  percent_out_of_range: {
    severity: 'error',
    words: (p) => [ind(p)[0] + ': tỷ lệ phải từ 0 đến 100 (' + p.value + ').', ind(p)[1] + ': a percentage must be between 0 and 100 (' + p.value + ').'],
  },
  percent_looks_fractional: {
    severity: 'warning',
    words: (p) => [
      ind(p)[0] + ': giá trị ' + viNumber(p.value) + ' được hiểu là ' + viNumber(p.value) + '%. Nếu ý là ' + viNumber(p.expected) + '%, hãy nhập ' + viNumber(p.expected) + ' hoặc ' + viNumber(p.expected) + '%.',
      ind(p)[1] + ': ' + p.value + ' is read as ' + p.value + '%. If you meant ' + p.expected + '%, enter ' + p.expected + ' or ' + p.expected + '%.',
    ],
  },
  value_not_yes_no: {
    severity: 'error',
    words: (p) => [
      ind(p)[0] + ': ' + q(p.value) + ' không hợp lệ; ghi ' + YES_NO_HINT + '.',
      ind(p)[1] + ': ' + q(p.value) + ' is not a yes/no answer; write ' + YES_NO_HINT + '.',
    ],
  },
  value_not_text: {
    severity: 'error',
    words: (p) => [ind(p)[0] + ': giá trị phải là chữ.', ind(p)[1] + ': the value must be text.'],
  },
  status_invalid: {
    severity: 'error',
    words: (p) => [
      ind(p)[0] + ': trạng thái ' + q(p.value) + ' không hợp lệ; ghi "đạt" hoặc "chưa đạt".',
      ind(p)[1] + ': status ' + q(p.value) + ' is invalid; write "đạt" or "chưa đạt".',
    ],
  },
  status_required: {
    severity: 'error',
    words: (p) => [
      ind(p)[0] + ' chưa có ngưỡng trong bộ tiêu chí: xã tự đánh giá, ghi "đạt" hoặc "chưa đạt".',
      ind(p)[1] + ' has no threshold in the criteria set: the commune declares it, write "đạt" or "chưa đạt".',
    ],
  },
  status_contradicts_threshold: {
    severity: 'warning',
    words: (p) => [
      ind(p)[0] + ': tự đánh giá "' + p.value + '" nhưng theo ngưỡng (' + p.expected + ') là "' + p.limit + '".',
      ind(p)[1] + ': declared "' + p.value + '" but the threshold (' + p.expected + ') gives "' + p.limit + '".',
    ],
  },
  task_id_required: { severity: 'error', words: () => ['Nhiệm vụ chưa có mã.', 'A task has no id.'] },
  task_id_duplicate: { severity: 'error', words: (p) => [task(p)[0] + ': mã bị trùng.', task(p)[1] + ': the id is used twice.'] },
  task_title_required: { severity: 'error', words: (p) => [task(p)[0] + ': chưa có nội dung.', task(p)[1] + ': the title is missing.'] },
  task_lead_required: {
    severity: 'error',
    words: (p) => [task(p)[0] + ': chưa có đơn vị chủ trì.', task(p)[1] + ': no lead unit is given.'],
  },
  task_lead_multiple: {
    severity: 'error',
    words: (p) => [
      task(p)[0] + ': chỉ một đơn vị chủ trì ("một người chủ trì một việc"); ghi các đơn vị khác vào cột phối hợp.',
      task(p)[1] + ': exactly one lead unit ("one lead per task"); put the others under collaborators.',
    ],
  },
  task_collaborator_is_lead: {
    severity: 'warning',
    words: (p) => [task(p)[0] + ': đơn vị chủ trì cũng được ghi là phối hợp.', task(p)[1] + ': the lead unit is also listed as a collaborator.'],
  },
  task_due_invalid: {
    severity: 'error',
    words: (p) => [task(p)[0] + ': hạn ' + q(p.value) + ' không phải ngày hợp lệ.', task(p)[1] + ': due date ' + q(p.value) + ' is not a valid date.'],
  },
  task_status_invalid: {
    severity: 'error',
    words: (p) => [
      task(p)[0] + ': trạng thái ' + q(p.value) + ' không hợp lệ (chưa làm, đang làm, hoàn thành, hủy).',
      task(p)[1] + ': status ' + q(p.value) + ' is invalid (todo, doing, done, cancelled).',
    ],
  },
  task_progress_invalid: {
    severity: 'error',
    words: (p) => [task(p)[0] + ': tiến độ phải từ 0 đến 100% (' + p.value + ').', task(p)[1] + ': progress must be 0–100% (' + p.value + ').'],
  },
  task_completed_invalid: {
    severity: 'error',
    words: (p) => [task(p)[0] + ': ngày hoàn thành ' + q(p.value) + ' không hợp lệ.', task(p)[1] + ': completion date ' + q(p.value) + ' is invalid.'],
  },
  task_completed_in_future: {
    severity: 'error',
    words: (p) => [task(p)[0] + ': ngày hoàn thành ' + p.value + ' chưa tới.', task(p)[1] + ': completion date ' + p.value + ' is in the future.'],
  },
  task_done_without_date: {
    severity: 'warning',
    words: (p) => [task(p)[0] + ': đã hoàn thành nhưng chưa ghi ngày hoàn thành.', task(p)[1] + ': marked done without a completion date.'],
  },
  task_recurrence_invalid: {
    severity: 'error',
    words: (p) => [task(p)[0] + ': lịch lặp lại ' + q(p.value) + ' không hợp lệ.', task(p)[1] + ': recurrence ' + q(p.value) + ' is invalid.'],
  },
  task_version_invalid: {
    severity: 'error',
    words: (p) => [
      task(p)[0] + ': phiên bản ' + q(p.value) + ' không hợp lệ; cột "Phiên bản" do máy chủ ghi, đừng sửa tay.',
      task(p)[1] + ': version ' + q(p.value) + ' is invalid; the "Phiên bản" column is written by the server, do not edit it.',
    ],
  },
  task_unit_not_allowed: {
    severity: 'error',
    words: (p) => [
      task(p)[0] + ': ' + q(p.value) + ' không phải đơn vị bạn được ghi vào nhiệm vụ (chỉ đơn vị của bạn, các đơn vị trực thuộc, ' +
        'cấp trên và các phòng ban của cấp trên); nếu là tên người hoặc cơ quan ngoài danh sách đơn vị, hãy ghi đầy đủ tên.',
      task(p)[1] + ': ' + q(p.value) + ' is not a unit you may name in a task (only your unit, the units below it, those above ' +
        'it and their offices); for a person or an office outside the unit list, write the full name.',
    ],
  },
  task_date_out_of_range: {
    severity: 'error',
    words: (p) => [
      task(p)[0] + ': ngày ' + q(p.value) + ' nằm ngoài khoảng năm ' + p.limit + '; kiểm tra lại năm.',
      task(p)[1] + ': date ' + q(p.value) + ' is outside the years ' + p.limit + '; check the year.',
    ],
  },
  task_changed_on_server: {
    severity: 'error',
    words: (p) => {
      const field = p.field || ['nội dung', 'content']
      const at = p.at ? [' lúc ' + p.at, ' at ' + p.at] : ['', '']
      return [
        task(p)[0] + ' đã được ' + (p.by || 'người khác') + ' sửa' + at[0] + ': ' + field[0] + ' trên máy chủ là ' + q(p.server) +
          ', trong sổ là ' + q(p.value) + '.',
        task(p)[1] + ' was changed by ' + (p.by || 'someone else') + at[1] + ': ' + field[1] + ' on the server is ' + q(p.server) +
          ', in the workbook ' + q(p.value) + '.',
      ]
    },
  },
  task_progress_not_lead: {
    severity: 'error',
    words: (p) => [
      task(p)[0] + ' của ' + q(p.value) + ': chỉ đơn vị chủ trì được báo trạng thái và tiến độ về đơn vị giao việc.',
      task(p)[1] + ' of ' + q(p.value) + ': only the lead unit may report its status and progress to the unit that assigned it.',
    ],
  },
  fund_source_unknown: {
    severity: 'error',
    words: (p) => ['Nguồn vốn ' + q(p.value) + ' không có trong danh mục.', 'Fund source ' + q(p.value) + ' is not a known source.'],
  },
  fund_source_duplicate: {
    severity: 'error',
    words: (p) => ['Nguồn vốn ' + q(p.value) + ' bị nhập hai lần.', 'Fund source ' + q(p.value) + ' appears twice.'],
  },
  fund_amount_invalid: {
    severity: 'error',
    words: (p) => [
      'Số tiền ' + q(p.value) + ' không hợp lệ: phải là số đồng nguyên, không âm.',
      'Amount ' + q(p.value) + ' is invalid: it must be a whole, non-negative number of đồng.',
    ],
  },
  people_share_high: {
    severity: 'warning',
    words: (p) => [
      'Vốn nhân dân đóng góp chiếm ' + decimalComma(p.value) + '% tổng vốn, vượt mức ' + decimalComma(p.limit) + '%: không huy động quá sức dân.',
      "People's contributions are " + p.value + '% of all funds, above ' + p.limit + '%: do not mobilise beyond what people can afford.',
    ],
  },
  narrative_too_long: {
    severity: 'error',
    words: (p) => [
      'Mục "' + (p.section ?? p.value ?? '') + '" dài ' + amount(p.count, 'vi') + ' ký tự, quá mức ' + amount(p.limit, 'vi') + ' ký tự: hãy viết gọn lại.',
      'Section "' + (p.sectionEn ?? p.value ?? '') + '" is ' + amount(p.count, 'en') + ' characters long, over the limit of ' + amount(p.limit, 'en') + ': shorten it.',
    ],
  },
}

export const ISSUE_CODES = Object.keys(WORDING) as IssueCode[]

export function severityOf(code: IssueCode): Severity {
  return WORDING[code].severity
}

export function makeIssue(code: IssueCode, path: string, params: IssueParams = {}): Issue {
  const entry = WORDING[code]
  const [message, message_en] = entry.words(params)
  const issue: Issue = { code, severity: entry.severity, path, message, message_en }
  if (params.indicator !== undefined) issue.indicator = params.indicator
  if (params.task !== undefined) issue.task = params.task
  return issue
}

/** A value as a message quotes it; never throws (an object whose toString is not a function cannot be String()ed). */
export function shownValue(v: unknown): string {
  try {
    return String(v)
  } catch {
    return Object.prototype.toString.call(v)
  }
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error')
}
