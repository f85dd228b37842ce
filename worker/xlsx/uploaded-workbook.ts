// Every workbook a user uploads (a report book, a catalogue workbook) is read here: through the one bounded
// reader (read-workbook.ts), its refusals turned into the API's bilingual errors. Use:
//   const sheets = await readUploadedWorkbook(await c.req.arrayBuffer())   // ReadSheet[]: name, rows, formats
//   gridMeaning(sheet.rows, sheet.formats)   // shared/workbook/cell-meaning.ts: 0.85 in a 0% cell → "85%", date serials → YYYY-MM-DD
// 400 bad_request: not an .xlsx workbook; 413 payload_too_large: beyond ZIP_LIMITS / WORKBOOK_LIMITS;
// 422 workbook_inconsistent: a zip whose entries contradict themselves. `issues` is always present (empty).
import { ApiError } from '../errors'
import { type ReadSheet, WORKBOOK_LIMITS, WorkbookRefused, readWorkbook } from './read-workbook'
import { ZIP_LIMITS } from './zip-parts'

export const unreadableWorkbook = (): ApiError =>
  new ApiError(400, 'bad_request', [
    'Tệp gửi lên không phải sổ Excel (.xlsx) đọc được. Hãy lưu sổ dưới dạng "Excel Workbook (.xlsx)" rồi gửi lại.',
    'The uploaded file is not a readable Excel workbook. Save it as "Excel Workbook (.xlsx)" and upload again.',
  ], [])

const MB = (bytes: number): string => String(Math.round(bytes / (1024 * 1024)))

const tooLarge = (): ApiError =>
  new ApiError(413, 'payload_too_large', [
    'Sổ Excel gửi lên quá lớn: khi giải nén vượt ' + MB(ZIP_LIMITS.totalBytes) + ' MB, quá ' + ZIP_LIMITS.parts + ' phần, hoặc quá ' + WORKBOOK_LIMITS.columns + ' cột / ' + WORKBOOK_LIMITS.cells + ' ô (kể cả ô trống xen giữa). Hãy xóa hình ảnh và các ô ghi ở xa ngoài bảng rồi gửi lại.',
    'The uploaded workbook is too large: it unpacks to more than ' + MB(ZIP_LIMITS.totalBytes) + ' MB, has more than ' + ZIP_LIMITS.parts + ' parts, or more than ' + WORKBOOK_LIMITS.columns + ' columns / ' + WORKBOOK_LIMITS.cells + ' cells (empty cells in between included). Remove pictures and cells far outside the tables and upload again.',
  ], [])

const inconsistent = (): ApiError =>
  new ApiError(422, 'workbook_inconsistent', [
    'Tệp .xlsx gửi lên bị hỏng: kích thước khai báo bên trong tệp không khớp với nội dung. Hãy mở sổ trong Excel, lưu lại rồi gửi lại.',
    'The uploaded .xlsx file is damaged: the sizes it declares do not match its contents. Open it in Excel, save it again and upload again.',
  ], [])

/** Reads any uploaded workbook (report or catalogue) through the one bounded reader, errors as API errors. */
export async function readUploadedWorkbook(bytes: ArrayBuffer): Promise<ReadSheet[]> {
  try {
    return await readWorkbook(bytes)
  } catch (err) {
    if (!(err instanceof WorkbookRefused)) throw unreadableWorkbook()
    throw err.reason === 'too_large' ? tooLarge() : err.reason === 'inconsistent' ? inconsistent() : unreadableWorkbook()
  }
}
