// Every word the pane shows, in Vietnamese (first) and English. Issue texts come from shared/issues.ts
// (message / message_en). The workbook itself is always written in Vietnamese (see book.ts).
import { flagTextVi } from '../shared/words'
import type { FailureCode } from './api-client'

export type Lang = 'vi' | 'en'

/** Vietnamese when the Office UI is Vietnamese, English otherwise. */
export function pickLang(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^vi\b/i.test(displayLanguage) ? 'vi' : 'en'
}

const VI = {
  title: 'Báo cáo nông thôn mới',
  settings: 'Cài đặt kết nối',
  serverUrl: 'Địa chỉ máy chủ',
  token: 'Mã truy cập',
  saveSettings: 'Lưu và kết nối',
  period: 'Kỳ báo cáo',
  communeSection: 'Báo cáo của xã',
  districtSection: 'Văn phòng NTM',
  leaderSection: 'Lãnh đạo',
  create: 'Tạo sổ báo cáo',
  check: 'Kiểm tra',
  submit: 'Gửi báo cáo',
  flags: 'Cập nhật cờ nhiệm vụ',
  syncTasks: 'Đồng bộ nhiệm vụ',
  aggregate: 'Tổng hợp kỳ',
  lock: 'Khóa kỳ',
  unlock: 'Mở khóa kỳ',
  createTasks: 'Tạo trang tính nhiệm vụ',
  issuesTitle: 'Cần xem lại',
  busy: 'Đang xử lý…',
  notExcel: 'Ngăn này chạy trong Excel. Hãy mở tệp trong Excel rồi bấm nút "Báo cáo NTM".',
  notConnected: 'Chưa kết nối: nhập mã truy cập trong phần Cài đặt kết nối.',
  connected: 'Đã kết nối: {unit} ({role}).',
  connectedOffline: 'Không kết nối được máy chủ; dùng lại thông tin lần trước: {unit} ({role}). Vẫn kiểm tra được sổ.',
  roleCommune: 'xã',
  roleDistrict: 'văn phòng NTM',
  roleLeader: 'lãnh đạo',
  roleAdmin: 'quản trị',
  headline: 'Đạt {x}/{total} tiêu chí',
  headlineErrors: 'Còn {e} lỗi cần sửa',
  scoreProvisional: 'Tạm tính: đạt {x}/{total} tiêu chí — chưa chắc chắn khi còn lỗi.',
  scoreSubmitted: 'Theo lần gửi {rev}, nhận lúc {time}.',
  currentPeriod: '{date} (kỳ hiện tại)',
  chaseMissing: 'Chưa nộp',
  chaseLate: 'Trễ',
  chaseOpen: 'Chưa nộp, còn hạn',
  chaseDays: '{name} {n} ngày',
  chaseNone: 'Tất cả các xã đã nộp đúng hạn.',
  wordsRequests: 'Có {n} xã gửi kiến nghị: xem trang tính "{sheet}".',
  dossierGaps: 'Đạt nhưng thiếu hồ sơ: {gaps}. Xem trang tính "{sheet}".',
  created: 'Đã tạo sổ báo cáo: {sheets}.',
  kept: 'Giữ nguyên các trang tính đã có: {sheets}.',
  nothingCreated: 'Sổ đã có đủ các trang tính; không thay đổi gì. Muốn tạo lại, hãy đổi tên hoặc xóa trang tính cũ.',
  noBook: 'Tệp này chưa có sổ báo cáo (trang tính "{sheet}"). Bấm "Tạo sổ báo cáo" trước.',
  noTaskBook: 'Tệp này chưa có trang tính "{sheet}". Bấm "Tạo trang tính nhiệm vụ" trước.',
  missingColumn: 'Trang tính "{sheet}" thiếu tiêu đề "{header}". Đừng đổi tên các tiêu đề cột và tiêu đề mục.',
  checkOk: 'Không có lỗi. Có thể gửi báo cáo.',
  checkWarnings: 'Không có lỗi; có {w} cảnh báo (ô màu vàng).',
  checkErrors: 'Có {e} lỗi và {w} cảnh báo (ô màu đỏ, ô màu vàng). Bấm vào từng dòng để đến ô cần sửa.',
  submitRefused: 'Chưa gửi: còn {e} lỗi. Sửa các ô màu đỏ rồi bấm lại "Gửi báo cáo".',
  submitting: 'Đang gửi báo cáo…',
  resubmitting: 'Đang gửi lại lần gửi trước chưa có biên nhận (cùng mã gửi, máy chủ không tạo bản trùng)…',
  submitted: 'Đã gửi: lần {rev}, nhận lúc {time}, {timeliness}. Đạt {x}/{total} tiêu chí.',
  submitNetwork: 'Mất kết nối khi gửi. Sổ vẫn giữ nguyên; bấm "Gửi báo cáo" để gửi lại — máy chủ sẽ không tạo bản trùng.',
  submitServer: 'Máy chủ gặp lỗi khi nhận báo cáo. Sổ vẫn giữ nguyên; thử lại sau ít phút — máy chủ sẽ không tạo bản trùng.',
  serverRejected: 'Máy chủ trả lại báo cáo vì còn lỗi. Bấm vào từng dòng để đến ô cần sửa.',
  onTime: 'đúng hạn',
  late: 'trễ {n} ngày',
  flagsDone: 'Đã cập nhật cờ cho {n} nhiệm vụ.',
  flagsUnknown: 'Sổ này được tạo trước khi có cột "Đơn vị giao", nên chưa ghi được {n} việc do đơn vị khác giao ({ids}). Mở một tệp mới và bấm "Tạo sổ báo cáo" để có cột này.',
  flagsAdded: 'Đã thêm {n} dòng cho các việc chưa có trong trang tính "Nhiệm vụ"; dòng màu xám do đơn vị khác giao: chỉ sửa trạng thái, tiến độ và ngày hoàn thành (nếu xã chủ trì).',
  progressReported: 'Đã báo trạng thái, tiến độ của {n} việc được giao về đơn vị giao việc.',
  flagsPulled: 'Đã lấy trạng thái, tiến độ do đơn vị chủ trì báo về cho {n} việc: {ids}.',
  tasksSynced: 'Đã đồng bộ nhiệm vụ: {c} mới, {u} cập nhật, {s} không đổi; đã cập nhật cờ.',
  tasksInvalid: 'Chưa đồng bộ: trang tính nhiệm vụ còn {e} lỗi.',
  tasksConflict:
    'Chưa đồng bộ: {n} nhiệm vụ ({ids}) đã được người khác sửa trên máy chủ sau khi sổ này lấy về; xem từng thay đổi bên dưới. ' +
    'Sổ vẫn giữ nội dung bạn đã nhập. Sửa lại các ô đánh dấu nếu cần, rồi bấm "Đồng bộ nhiệm vụ" lần nữa để lưu bản trong sổ.',
  aggregated: 'Đã tổng hợp kỳ {period}: {received}/{expected} xã đã nộp, {onTime} đúng hạn.',
  locked: 'Đã khóa kỳ {period}: xã không thể gửi thêm.',
  unlocked: 'Đã mở khóa kỳ {period}.',
  evidence: 'Hồ sơ minh chứng',
  evidenceWritten: 'Đã ghi sheet "Minh chứng": {n} tài liệu; mọi tiêu chí đạt đều có đủ hồ sơ.',
  evidenceGaps: 'Đã ghi sheet "Minh chứng" ({n} tài liệu). Đạt nhưng thiếu hồ sơ: {criteria}. Bổ sung tài liệu trên trang web trước khi huyện thẩm định.',
  excelError: 'Excel báo lỗi: {message} (mã {code}). Thao tác chưa hoàn tất; hãy xem lại sổ rồi thử lại.',
  unexpected: 'Có lỗi không mong đợi: {message}',
  catalogOffline: 'Không kết nối được máy chủ; đang kiểm tra bằng bộ tiêu chí đã lưu.',
  noticesTitle: 'Nhắc việc',
  noticesRead: 'Đã xem',
  noticesMore: 'Còn {n} nhắc việc khác chưa xem.',
  noticesMarked: 'Đã đánh dấu {n} nhắc việc là đã xem.',
  unitSettings: 'Cài đặt nhắc việc của đơn vị',
  setLead: 'Nhắc trước hạn báo cáo (ngày)',
  setDueSoon: 'Báo nhiệm vụ sắp đến hạn trước (ngày)',
  setPeople: 'Mức trần vốn nhân dân đóng góp (%)',
  setHint: 'Để trống để theo đơn vị cấp trên; số mờ là giá trị đang áp dụng. Áp dụng cho mọi xã trực thuộc.',
  saveUnitSettings: 'Lưu cài đặt',
  unitSettingsSaved: 'Đã lưu cài đặt của {unit}: nhắc trước hạn {lead} ngày, nhiệm vụ sắp đến hạn {soon} ngày, trần vốn nhân dân {people}%.',
  unitSettingsInvalid: 'Chưa lưu: cài đặt không hợp lệ.',
  catalogLine: 'Bộ tiêu chí: {title} (phiên bản {version}) · {cls}',
  unclassed: 'chưa xếp {label} — văn phòng NTM cần xếp trước khi gửi',
  // Server and connection errors
  err_network: 'Không kết nối được máy chủ. Kiểm tra mạng hoặc địa chỉ máy chủ rồi thử lại. Dữ liệu trong sổ không bị thay đổi.',
  err_timeout: 'Máy chủ không trả lời kịp. Thử lại sau ít phút; dữ liệu trong sổ không bị thay đổi.',
  err_bad_response: 'Máy chủ trả lời không đúng định dạng. Kiểm tra địa chỉ máy chủ trong phần Cài đặt.',
  err_unauthorized: 'Mã truy cập không đúng hoặc đã hết hạn. Nhập lại trong phần Cài đặt kết nối.',
  err_forbidden: 'Tài khoản này không có quyền làm việc này (hoặc không quản lý đơn vị này).',
  err_not_found: 'Không tìm thấy dữ liệu trên máy chủ (đơn vị hoặc kỳ báo cáo không đúng).',
  err_conflict: 'Dữ liệu trên máy chủ vừa thay đổi. Thử lại.',
  err_period_locked: 'Kỳ báo cáo này đã khóa. Liên hệ Văn phòng NTM nếu cần mở khóa.',
  err_idempotency_mismatch: 'Lần gửi trước bị gián đoạn và sổ đã thay đổi sau đó. Bấm "Gửi báo cáo" lần nữa để gửi bản mới.',
  err_payload_too_large: 'Báo cáo quá lớn. Rút gọn các ghi chú, minh chứng dài rồi gửi lại.',
  err_unsupported_file_type: 'Loại tệp này không được nhận (chỉ PDF, ảnh JPEG/PNG, Word .docx, Excel .xlsx).',
  err_workbook_inconsistent: 'Tệp Excel gửi lên bị hỏng. Mở sổ trong Excel, lưu lại rồi gửi lại.',
  err_validation_failed: 'Máy chủ trả lại vì dữ liệu còn lỗi:',
  err_version_conflict: 'Dữ liệu trên máy chủ đã được người khác sửa sau khi sổ này lấy về; chưa lưu gì.',
  err_rate_limited: 'Gửi quá nhiều yêu cầu trong thời gian ngắn. Chờ một phút rồi thử lại; dữ liệu trong sổ không bị thay đổi.',
  err_bad_request: 'Máy chủ không hiểu yêu cầu. Kiểm tra phiên bản ngăn báo cáo.',
  err_invalid_json: 'Máy chủ không đọc được dữ liệu gửi lên.',
  err_not_configured: 'Máy chủ chưa được cấu hình cho việc này. Báo quản trị viên hệ thống.',
  err_internal: 'Máy chủ gặp lỗi. Thử lại sau ít phút.',
}

export type MessageKey = keyof typeof VI

const EN: { [k in MessageKey]: string } = {
  title: 'New rural development reports',
  settings: 'Connection settings',
  serverUrl: 'Server address',
  token: 'Access token',
  saveSettings: 'Save and connect',
  period: 'Reporting period',
  communeSection: 'Commune report',
  districtSection: 'NTM office',
  leaderSection: 'Leadership',
  create: 'Create report workbook',
  check: 'Check',
  submit: 'Submit report',
  flags: 'Refresh task flags',
  syncTasks: 'Sync tasks',
  aggregate: 'Aggregate period',
  lock: 'Lock period',
  unlock: 'Unlock period',
  createTasks: 'Create task sheet',
  issuesTitle: 'To review',
  busy: 'Working…',
  notExcel: 'This pane runs in Excel. Open the file in Excel and click the "NTM report" button.',
  notConnected: 'Not connected: enter the access token under Connection settings.',
  connected: 'Connected: {unit} ({role}).',
  connectedOffline: 'Cannot reach the server; using the last connection: {unit} ({role}). The workbook can still be checked.',
  roleCommune: 'commune',
  roleDistrict: 'NTM office',
  roleLeader: 'leader',
  roleAdmin: 'administrator',
  headline: '{x}/{total} criteria met',
  headlineErrors: '{e} errors to fix',
  scoreProvisional: 'Provisional: {x}/{total} criteria met — not final while errors remain.',
  scoreSubmitted: 'As of revision {rev}, received {time}.',
  currentPeriod: '{date} (current period)',
  chaseMissing: 'Not received',
  chaseLate: 'Late',
  chaseOpen: 'Not yet received, still due',
  chaseDays: '{name} {n} days',
  chaseNone: 'Every commune reported on time.',
  wordsRequests: '{n} communes sent requests: see the "{sheet}" sheet.',
  dossierGaps: 'Met without their documents: {gaps}. See the "{sheet}" sheet.',
  created: 'Report workbook created: {sheets}.',
  kept: 'Existing sheets left as they were: {sheets}.',
  nothingCreated: 'The workbook already has every sheet; nothing changed. To start again, rename or delete the old sheets.',
  noBook: 'This file has no report workbook yet (sheet "{sheet}"). Click "Create report workbook" first.',
  noTaskBook: 'This file has no "{sheet}" sheet yet. Click "Create task sheet" first.',
  missingColumn: 'Sheet "{sheet}" has no column "{header}". Do not rename the column headers.',
  checkOk: 'No errors. The report can be submitted.',
  checkWarnings: 'No errors; {w} warnings (yellow cells).',
  checkErrors: '{e} errors and {w} warnings (red and yellow cells). Click a line to go to its cell.',
  submitRefused: 'Not submitted: {e} errors remain. Fix the red cells and click "Submit report" again.',
  submitting: 'Submitting the report…',
  resubmitting: 'Resending the earlier submission that got no receipt (same key: the server will not create a duplicate)…',
  submitted: 'Submitted: revision {rev}, received {time}, {timeliness}. {x}/{total} criteria met.',
  submitNetwork: 'The connection dropped while submitting. The workbook is unchanged; click "Submit report" to retry — the server will not create a duplicate.',
  submitServer: 'The server had an error while receiving the report. The workbook is unchanged; try again in a few minutes — the server will not create a duplicate.',
  serverRejected: 'The server returned the report because of errors. Click a line to go to its cell.',
  onTime: 'on time',
  late: '{n} days late',
  flagsDone: 'Flags updated for {n} tasks.',
  flagsUnknown: 'This workbook was made before the "Đơn vị giao" column existed, so {n} tasks other units assigned ({ids}) could not be written. Open a new file and click "Create workbook" to get the column.',
  flagsAdded: 'Added {n} rows for tasks the "Nhiệm vụ" sheet lacked; grey rows were assigned by another unit: change only their status, progress and completion date (when you lead them).',
  progressReported: 'Status and progress of {n} assigned tasks reported to the units that assigned them.',
  flagsPulled: 'Status and progress reported by the lead units brought in for {n} tasks: {ids}.',
  tasksSynced: 'Tasks synced: {c} new, {u} updated, {s} unchanged; flags updated.',
  tasksInvalid: 'Not synced: the task sheet has {e} errors.',
  tasksConflict:
    'Not synced: {n} tasks ({ids}) were changed on the server by someone else after this workbook got them; each change is listed below. ' +
    'The workbook keeps what you typed. Adjust the marked cells if needed, then click "Sync tasks" again to save the workbook\'s version.',
  aggregated: 'Period {period} aggregated: {received}/{expected} communes reported, {onTime} on time.',
  locked: 'Period {period} locked: communes can no longer submit.',
  unlocked: 'Period {period} unlocked.',
  evidence: 'Evidence dossier',
  evidenceWritten: 'Wrote the "Minh chứng" sheet: {n} documents; every criterion met has its full dossier.',
  evidenceGaps: 'Wrote the "Minh chứng" sheet ({n} documents). Met but missing documents: {criteria}. Add them on the web portal before the district appraisal.',
  excelError: 'Excel reported an error: {message} (code {code}). The action did not finish; look over the workbook and try again.',
  unexpected: 'Unexpected error: {message}',
  catalogOffline: 'Cannot reach the server; checking against the saved criteria set.',
  noticesTitle: 'Reminders',
  noticesRead: 'Mark as read',
  noticesMore: '{n} more unread reminders.',
  noticesMarked: 'Marked {n} reminders as read.',
  unitSettings: "Unit's reminder settings",
  setLead: 'Remind before report deadlines (days)',
  setDueSoon: 'Flag tasks as due soon (days before)',
  setPeople: "People's contribution cap (%)",
  setHint: 'Leave empty to inherit from the unit above; the grey number is the value in force. Applies to every commune below.',
  saveUnitSettings: 'Save settings',
  unitSettingsSaved: "Settings of {unit} saved: reminders {lead} days ahead, tasks due soon {soon} days ahead, people's contribution cap {people}%.",
  unitSettingsInvalid: 'Not saved: invalid settings.',
  catalogLine: 'Criteria set: {title} (version {version}) · {cls}',
  unclassed: 'no {label} assigned yet — the NTM office must assign one before reports are sent',
  err_network: 'Cannot reach the server. Check the network or the server address and try again. The workbook was not changed.',
  err_timeout: 'The server did not answer in time. Try again in a few minutes; the workbook was not changed.',
  err_bad_response: 'The server answered in an unexpected format. Check the server address in the settings.',
  err_unauthorized: 'The access token is wrong or has expired. Enter it again under Connection settings.',
  err_forbidden: 'This account may not do this (or does not manage this unit).',
  err_not_found: 'Not found on the server (wrong unit or period).',
  err_conflict: 'The data on the server just changed. Try again.',
  err_period_locked: 'This reporting period is locked. Ask the NTM office to unlock it if needed.',
  err_idempotency_mismatch: 'The earlier submission was interrupted and the workbook changed since. Click "Submit report" again to send the new version.',
  err_payload_too_large: 'The report is too large. Shorten long notes or evidence and submit again.',
  err_unsupported_file_type: 'This file type is not accepted (only PDF, JPEG/PNG photos, Word .docx, Excel .xlsx).',
  err_workbook_inconsistent: 'The uploaded Excel file is damaged. Open it in Excel, save it again and upload again.',
  err_validation_failed: 'The server returned the data because of errors:',
  err_version_conflict: 'Someone else changed this on the server after the workbook got it; nothing was saved.',
  err_rate_limited: 'Too many requests in a short time. Wait a minute and try again; the workbook was not changed.',
  err_bad_request: 'The server did not understand the request. Check the pane version.',
  err_invalid_json: 'The server could not read the data sent.',
  err_not_configured: 'The server is not configured for this. Tell the system administrator.',
  err_internal: 'The server had an error. Try again in a few minutes.',
}

const TABLES: { [l in Lang]: { [k in MessageKey]: string } } = { vi: VI, en: EN }

let current: Lang = 'vi'

export function setLang(lang: Lang): void {
  current = lang
}
export function lang(): Lang {
  return current
}

/** The text of `key` in the current language with `{name}` placeholders filled. */
export function t(key: MessageKey, params?: { [name: string]: string | number }): string {
  const text = TABLES[current][key]
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params && params[name] !== undefined ? String(params[name]) : whole))
}

export function errorText(code: FailureCode): string {
  const key = ('err_' + code) as MessageKey
  return Object.prototype.hasOwnProperty.call(VI, key) ? t(key) : t('unexpected', { message: code })
}

export const FAILURE_CODES: FailureCode[] = [
  'network', 'timeout', 'bad_response', 'bad_request', 'invalid_json', 'unauthorized', 'forbidden', 'not_found', 'conflict',
  'period_locked', 'idempotency_mismatch', 'payload_too_large', 'unsupported_file_type', 'workbook_inconsistent', 'validation_failed',
  'not_configured', 'version_conflict', 'rate_limited', 'internal',
]

/** Words written into the workbook's flag column: shared with the portal and the workbooks. */
export { flagTextVi }

export function roleText(role: string): string {
  return role === 'commune' ? t('roleCommune') : role === 'district' ? t('roleDistrict') : role === 'leader' ? t('roleLeader') : t('roleAdmin')
}
