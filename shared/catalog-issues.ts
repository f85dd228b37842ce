// Problems in a catalogue being loaded (a workbook or JSON) or assigned to units, with a stable code, the
// JSON path, the workbook cell when it came from a workbook, and wording in Vietnamese and English.
import { EVIDENCE_KINDS } from './evidence'

export type CatalogIssueCode =
  | 'catalog_not_template'
  | 'catalog_column_missing'
  | 'catalog_field_invalid'
  | 'catalog_too_large'
  | 'catalog_id_invalid'
  | 'catalog_version_invalid'
  | 'catalog_title_missing'
  | 'catalog_date_invalid'
  | 'catalog_version_conflict'
  | 'catalog_not_found'
  | 'classification_empty'
  | 'class_id_invalid'
  | 'class_name_missing'
  | 'class_duplicate'
  | 'class_unknown'
  | 'criteria_empty'
  | 'criterion_no_invalid'
  | 'criterion_duplicate'
  | 'criterion_name_missing'
  | 'criterion_without_indicator'
  | 'indicator_code_invalid'
  | 'indicator_code_duplicate'
  | 'indicator_criterion_unknown'
  | 'indicator_name_missing'
  | 'indicator_kind_missing'
  | 'indicator_kind_unknown'
  | 'indicator_optional_invalid'
  | 'indicator_provenance_invalid'
  | 'evidence_id_invalid'
  | 'evidence_duplicate'
  | 'evidence_title_missing'
  | 'evidence_kind_unknown'
  | 'evidence_criterion_unknown'
  | 'threshold_unreadable'
  | 'threshold_kind_mismatch'
  | 'threshold_unit_mismatch'
  | 'threshold_out_of_range'
  | 'threshold_ambiguous'
  | 'threshold_empty_range'
  | 'assignment_date_invalid'
  | 'assignment_before_effective'
  | 'assignment_unit_outside'

export type CatalogIssue = {
  code: CatalogIssueCode
  severity: 'error'
  /** JSON path in the catalogue (or the assignment body): `indicators[11].thresholds.btb`, `version`. */
  path: string
  /** The workbook cell, `'Chỉ tiêu'!E12`, when the catalogue came as a workbook. */
  cell?: string
  message: string
  message_en: string
}

export type CatalogIssueParams = {
  value?: string
  indicator?: string
  cls?: string
  expected?: string
  sheet?: string
}

const q = (v: string | undefined): string => '"' + (v === undefined ? '' : v) + '"'
const at = (p: CatalogIssueParams): [string, string] => [
  ' (chỉ tiêu ' + p.indicator + (p.cls ? ', ' + p.cls : '') + ')',
  ' (indicator ' + p.indicator + (p.cls ? ', ' + p.cls : '') + ')',
]
// What a threshold of each indicator kind looks like (threshold_kind_mismatch gets the kind as `expected`).
const KIND_EXPECTS: { [kind: string]: [string, string] } = {
  yesno: ['chỉ tiêu đạt / không đạt nhận "Đạt" hoặc "Không"', 'a yes/no indicator takes "Đạt" or "Không"'],
  percent: ['chỉ tiêu tỷ lệ nhận ngưỡng như ≥ 80%, ≤ 13%, 100%', 'a percentage takes thresholds such as ≥ 80%, ≤ 13%, 100%'],
  number: ['chỉ tiêu số nhận ngưỡng như ≥ 2, ≥ 45 triệu đồng/người', 'a number takes thresholds such as ≥ 2, ≥ 45 triệu đồng/người'],
  text: ['chỉ tiêu chữ không có ngưỡng (để trống: xã tự đánh giá)', 'a text indicator has no threshold (leave it empty: the commune declares)'],
}
const NOTATION_HINT = '≥ 80%, ≤ 13%, 100%, Đạt, ≥ 45 triệu đồng/người'

const WORDING: { [code in CatalogIssueCode]: (p: CatalogIssueParams) => [vi: string, en: string] } = {
  catalog_not_template: (p) => [
    'Tệp này không phải mẫu bộ tiêu chí: thiếu trang ' + q(p.value) + '. Hãy tải mẫu (GET /api/v1/catalogs/{mã}/{phiên bản}.xlsx hoặc npm run catalog -- export) và điền vào đó.',
    'This is not the catalogue template: sheet ' + q(p.value) + ' is missing. Download the template (GET /api/v1/catalogs/{id}/{version}.xlsx or npm run catalog -- export) and fill it in.',
  ],
  catalog_column_missing: (p) => [
    'Trang ' + q(p.sheet) + ' thiếu cột ' + q(p.value) + '. Đừng xóa hay đổi tên tiêu đề cột của mẫu.',
    'Sheet ' + q(p.sheet) + ' lacks the column ' + q(p.value) + '. Do not delete or rename the template\'s column headers.',
  ],
  catalog_field_invalid: (p) => [
    'Trường ' + q(p.value) + ' sai kiểu dữ liệu hoặc quá dài.',
    'Field ' + q(p.value) + ' has the wrong type or is too long.',
  ],
  catalog_too_large: (p) => ['Bộ tiêu chí quá lớn: tối đa ' + p.value + '.', 'The catalogue is too large: at most ' + p.value + '.'],
  catalog_id_invalid: (p) => [
    'Mã bộ tiêu chí ' + q(p.value) + ' không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (vd. thanh-hoa-nang-cao), tối đa 64 ký tự.',
    'Catalogue id ' + q(p.value) + ' is invalid: lower-case letters without diacritics, digits and dashes (e.g. thanh-hoa-nang-cao), at most 64 characters.',
  ],
  catalog_version_invalid: (p) => [
    'Phiên bản ' + q(p.value) + ' không hợp lệ: ghi dạng 2026.1 (chữ, số, dấu chấm, gạch ngang), tối đa 40 ký tự, ở dạng văn bản.',
    'Version ' + q(p.value) + ' is invalid: write it like 2026.1 (letters, digits, dots, dashes), at most 40 characters, as text.',
  ],
  catalog_title_missing: () => ['Chưa ghi tên ngắn của bộ tiêu chí (vd. "QĐ 51/2025/QĐ-TTg").', 'The catalogue has no short title (e.g. "QĐ 51/2025/QĐ-TTg").'],
  catalog_date_invalid: (p) => [
    'Ngày áp dụng ' + q(p.value) + ' không phải ngày hợp lệ; ghi dd/mm/yyyy, vd. 15/02/2026.',
    'Effective date ' + q(p.value) + ' is not a valid date; write dd/mm/yyyy, e.g. 15/02/2026.',
  ],
  catalog_version_conflict: (p) => [
    'Phiên bản ' + q(p.value) + ' của bộ tiêu chí này đã được nạp với nội dung khác. Bộ tiêu chí đã nạp không bao giờ bị sửa (các báo cáo cũ được chấm theo nó): hãy đổi số phiên bản rồi nạp lại.',
    'Version ' + q(p.value) + ' of this catalogue was already loaded with other content. A loaded catalogue is never changed (old reports were judged by it): give the table a new version number and load it again.',
  ],
  catalog_not_found: (p) => [
    'Không có bộ tiêu chí ' + q(p.value) + ' trên máy chủ; xem danh sách ở GET /api/v1/catalogs.',
    'No catalogue ' + q(p.value) + ' is loaded; see GET /api/v1/catalogs.',
  ],
  classification_empty: () => [
    'Chưa khai báo vùng / nhóm xã nào (bảng "Mã vùng / nhóm" ở trang Thông tin): cần ít nhất một, vd. "tat-ca" – "Tất cả các xã".',
    'No class is declared (the "Mã vùng / nhóm" table on the info sheet): at least one is needed, e.g. "tat-ca" – "Tất cả các xã".',
  ],
  class_id_invalid: (p) => [
    'Mã vùng / nhóm ' + q(p.value) + ' không hợp lệ: chữ thường không dấu, chữ số, dấu gạch ngang.',
    'Class id ' + q(p.value) + ' is invalid: lower-case letters without diacritics, digits, dashes.',
  ],
  class_name_missing: (p) => ['Vùng / nhóm ' + q(p.value) + ' chưa có tên.', 'Class ' + q(p.value) + ' has no name.'],
  class_duplicate: (p) => ['Vùng / nhóm ' + q(p.value) + ' bị khai báo hai lần.', 'Class ' + q(p.value) + ' is declared twice.'],
  class_unknown: (p) => [
    q(p.value) + ' không phải vùng / nhóm nào của bộ tiêu chí (' + p.expected + ').',
    q(p.value) + ' is not a class of the catalogue (' + p.expected + ').',
  ],
  criteria_empty: () => ['Bộ tiêu chí chưa có tiêu chí nào.', 'The catalogue has no criteria.'],
  criterion_no_invalid: (p) => [
    'Số thứ tự tiêu chí ' + q(p.value) + ' không hợp lệ: phải là số nguyên dương.',
    'Criterion number ' + q(p.value) + ' is invalid: it must be a positive whole number.',
  ],
  criterion_duplicate: (p) => ['Tiêu chí số ' + p.value + ' bị ghi hai lần.', 'Criterion ' + p.value + ' appears twice.'],
  criterion_name_missing: (p) => ['Tiêu chí số ' + p.value + ' chưa có tên.', 'Criterion ' + p.value + ' has no name.'],
  criterion_without_indicator: (p) => [
    'Tiêu chí số ' + p.value + ' chưa có chỉ tiêu nào (trang Chỉ tiêu, cột "Tiêu chí").',
    'Criterion ' + p.value + ' has no indicator (indicator sheet, column "Tiêu chí").',
  ],
  indicator_code_invalid: (p) => [
    'Mã chỉ tiêu ' + q(p.value) + ' không hợp lệ: 1–20 ký tự gồm chữ, số, dấu chấm, gạch (vd. 2.1), ghi ở dạng văn bản.',
    'Indicator code ' + q(p.value) + ' is invalid: 1–20 letters, digits, dots or dashes (e.g. 2.1), written as text.',
  ],
  indicator_code_duplicate: (p) => ['Mã chỉ tiêu ' + q(p.value) + ' bị trùng.', 'Indicator code ' + q(p.value) + ' is used twice.'],
  indicator_criterion_unknown: (p) => [
    'Chỉ tiêu ' + p.indicator + ': tiêu chí ' + q(p.value) + ' không có trong trang Tiêu chí.',
    'Indicator ' + p.indicator + ': criterion ' + q(p.value) + ' is not on the criteria sheet.',
  ],
  indicator_name_missing: (p) => ['Chỉ tiêu ' + p.indicator + ' chưa có tên.', 'Indicator ' + p.indicator + ' has no name.'],
  indicator_kind_missing: (p) => [
    'Chỉ tiêu ' + p.indicator + ' chưa ghi kiểu (tỷ lệ (%), số, đạt / không đạt, chữ).',
    'Indicator ' + p.indicator + ' has no kind (tỷ lệ (%), số, đạt / không đạt, chữ).',
  ],
  indicator_kind_unknown: (p) => [
    'Chỉ tiêu ' + p.indicator + ': kiểu ' + q(p.value) + ' không hợp lệ; ghi tỷ lệ (%), số, đạt / không đạt hoặc chữ.',
    'Indicator ' + p.indicator + ': kind ' + q(p.value) + ' is invalid; write tỷ lệ (%), số, đạt / không đạt or chữ.',
  ],
  indicator_optional_invalid: (p) => [
    'Chỉ tiêu ' + p.indicator + ': cột "Không bắt buộc" ghi x hoặc để trống, không ghi ' + q(p.value) + '.',
    'Indicator ' + p.indicator + ': the "Không bắt buộc" column takes x or nothing, not ' + q(p.value) + '.',
  ],
  indicator_provenance_invalid: (p) => [
    'Chỉ tiêu ' + p.indicator + ': mức tin cậy ' + q(p.value) + ' không hợp lệ; ghi V, M, U hoặc để trống.',
    'Indicator ' + p.indicator + ': provenance ' + q(p.value) + ' is invalid; write V, M, U or nothing.',
  ],
  evidence_id_invalid: (p) => [
    'Tiêu chí ' + p.value + ': mã tài liệu ' + q(p.expected) + ' không hợp lệ: 1–40 ký tự gồm chữ, số, dấu chấm, gạch (vd. 1.a), ghi ở dạng văn bản.',
    'Criterion ' + p.value + ': document id ' + q(p.expected) + ' is invalid: 1–40 letters, digits, dots or dashes (e.g. 1.a), written as text.',
  ],
  evidence_duplicate: (p) => [
    'Tiêu chí ' + p.value + ': mã tài liệu ' + q(p.expected) + ' bị ghi hai lần.',
    'Criterion ' + p.value + ': document id ' + q(p.expected) + ' appears twice.',
  ],
  evidence_title_missing: (p) => [
    'Tiêu chí ' + p.value + ': tài liệu ' + q(p.expected) + ' chưa ghi tên (cột "Tài liệu cần có").',
    'Criterion ' + p.value + ': document ' + q(p.expected) + ' has no title (column "Tài liệu cần có").',
  ],
  evidence_kind_unknown: (p) => [
    'Tài liệu ' + q(p.value) + ': loại ' + q(p.expected) + ' không hợp lệ; ghi ' + EVIDENCE_KINDS.map((k) => k.name).join(', ') + ' hoặc để trống.',
    'Document ' + q(p.value) + ': kind ' + q(p.expected) + ' is invalid; write ' + EVIDENCE_KINDS.map((k) => k.name).join(', ') + ' or nothing.',
  ],
  evidence_criterion_unknown: (p) => [
    'Tài liệu ' + q(p.expected) + ': tiêu chí ' + q(p.value) + ' không có trong trang Tiêu chí.',
    'Document ' + q(p.expected) + ': criterion ' + q(p.value) + ' is not on the criteria sheet.',
  ],
  threshold_unreadable: (p) => [
    q(p.value) + ' không đọc được ngưỡng' + at(p)[0] + '; ghi như ' + NOTATION_HINT + ' — xem trang "Cách ghi ngưỡng".',
    q(p.value) + ' is not a readable threshold' + at(p)[1] + '; write e.g. ' + NOTATION_HINT + ' — see the "Cách ghi ngưỡng" sheet.',
  ],
  threshold_kind_mismatch: (p) => {
    const expected = KIND_EXPECTS[p.expected || 'number'] || (KIND_EXPECTS.number as [string, string])
    return [
      q(p.value) + ' không hợp với kiểu của chỉ tiêu' + at(p)[0] + ': ' + expected[0] + '.',
      q(p.value) + ' does not fit the indicator\'s kind' + at(p)[1] + ': ' + expected[1] + '.',
    ]
  },
  threshold_unit_mismatch: (p) => [
    q(p.value) + ': đơn vị không khớp đơn vị tính của chỉ tiêu (' + p.expected + ')' + at(p)[0] + '.',
    q(p.value) + ': the unit does not match the indicator\'s unit (' + p.expected + ')' + at(p)[1] + '.',
  ],
  threshold_out_of_range: (p) => [
    q(p.value) + ': ngưỡng ngoài khoảng cho phép (tỷ lệ từ 0 đến 100%, không âm)' + at(p)[0] + '.',
    q(p.value) + ': the threshold is out of range (a percentage lies within 0–100%, nothing is negative)' + at(p)[1] + '.',
  ],
  threshold_ambiguous: (p) => [
    q(p.value) + ' không rõ nghĩa' + at(p)[0] + ': ghi số không có dấu phân cách hàng nghìn (1000), tỷ lệ kèm dấu % ở dạng văn bản (≥ 80%).',
    q(p.value) + ' is ambiguous' + at(p)[1] + ': write numbers without thousands separators (1000) and percentages with % as text (≥ 80%).',
  ],
  threshold_empty_range: (p) => [
    q(p.value) + ': không giá trị nào thỏa cả hai cận' + at(p)[0] + '.',
    q(p.value) + ': no value meets both bounds' + at(p)[1] + '.',
  ],
  assignment_date_invalid: (p) => [
    'Ngày bắt đầu áp dụng ' + q(p.value) + ' không hợp lệ; ghi YYYY-MM-DD.',
    'Start date ' + q(p.value) + ' is invalid; write YYYY-MM-DD.',
  ],
  assignment_before_effective: (p) => [
    'Bộ tiêu chí này chỉ áp dụng từ ' + p.expected + '; không gán cho kỳ trước đó (' + p.value + ').',
    'This catalogue judges periods due on or after ' + p.expected + ' only, not earlier ones (' + p.value + ').',
  ],
  assignment_unit_outside: (p) => [
    'Đơn vị ' + q(p.value) + ' không thuộc đơn vị được gán bộ tiêu chí.',
    'Unit ' + q(p.value) + ' is not within the unit the catalogue is assigned to.',
  ],
}

export const CATALOG_ISSUE_CODES = Object.keys(WORDING) as CatalogIssueCode[]

export function catalogIssue(code: CatalogIssueCode, path: string, params: CatalogIssueParams = {}): CatalogIssue {
  const [message, message_en] = WORDING[code](params)
  return { code, severity: 'error', path, message, message_en }
}

/** The issue placed on a workbook cell: the cell in its field and at the head of each message. */
export function atCell(issue: CatalogIssue, cell: string): CatalogIssue {
  return { ...issue, cell, message: cell + ': ' + issue.message, message_en: cell + ': ' + issue.message_en }
}
