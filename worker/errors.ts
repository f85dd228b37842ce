// One error shape for the whole API: { error, message (vi), message_en, issues }.
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiIssue, ErrorBody, ErrorCode, StoredTask } from '../shared/api'

const DEFAULT_TEXT: { [code in ErrorCode]: [vi: string, en: string] } = {
  bad_request: ['Yêu cầu không hợp lệ.', 'The request is malformed.'],
  invalid_json: ['Nội dung gửi lên không phải JSON hợp lệ.', 'The request body is not valid JSON.'],
  unauthorized: ['Chưa đăng nhập hoặc mã truy cập không hợp lệ.', 'Missing or invalid access token.'],
  forbidden: ['Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'],
  not_found: ['Không tìm thấy.', 'Not found.'],
  conflict: ['Xung đột dữ liệu, vui lòng thử lại.', 'Conflicting data, please retry.'],
  period_locked: ['Kỳ báo cáo đã khóa sổ.', 'The reporting period is locked.'],
  idempotency_mismatch: [
    'Mã Idempotency-Key này đã được dùng cho một nội dung khác.',
    'This Idempotency-Key was already used with a different request body.',
  ],
  payload_too_large: ['Nội dung gửi lên quá lớn.', 'The request body is too large.'],
  unsupported_file_type: ['Loại tệp này không được nhận.', 'This file type is not accepted.'],
  workbook_inconsistent: ['Tệp .xlsx gửi lên bị hỏng.', 'The uploaded .xlsx file is damaged.'],
  validation_failed: ['Báo cáo có lỗi, chưa được tiếp nhận.', 'The report has errors and was not accepted.'],
  not_configured: ['Máy chủ chưa được cấu hình cho việc này.', 'The server is not configured for this.'],
  version_conflict: [
    'Nhiệm vụ đã được người khác sửa trên máy chủ sau lần bạn lấy về; chưa lưu gì. Xem từng thay đổi bên dưới.',
    'Tasks were changed on the server by someone else since your copy was taken; nothing was saved. See each change below.',
  ],
  rate_limited: ['Gửi quá nhiều yêu cầu; vui lòng chờ một lát rồi thử lại.', 'Too many requests; wait a moment and try again.'],
  internal: ['Lỗi máy chủ, vui lòng thử lại sau.', 'Server error, please try again later.'],
}

export class ApiError extends HTTPException {
  readonly code: ErrorCode
  readonly issues: ApiIssue[] | undefined
  readonly vi: string
  readonly en: string
  /** For 409 `version_conflict`: the tasks as they are now. */
  current: StoredTask[] | undefined
  /** For 429 `rate_limited`: seconds to wait (the Retry-After header). */
  retryAfter: number | undefined

  constructor(status: ContentfulStatusCode, code: ErrorCode, text?: [vi: string, en: string], issues?: ApiIssue[]) {
    const [vi, en] = text ?? DEFAULT_TEXT[code]
    super(status, { message: en })
    this.code = code
    this.vi = vi
    this.en = en
    this.issues = issues
  }
}

/** The documented shape, `issues` always present (empty when there is nothing to list). */
export function errorBody(code: ErrorCode, text?: [string, string], issues?: ApiIssue[], current?: StoredTask[]): ErrorBody {
  const [message, message_en] = text ?? DEFAULT_TEXT[code]
  const body: ErrorBody = { error: code, message, message_en, issues: issues ?? [] }
  if (current) body.current = current
  return body
}

const CODE_BY_STATUS: { [status: number]: ErrorCode } = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_file_type',
}

export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    if (err.status === 401) c.header('WWW-Authenticate', 'Bearer')
    if (err.retryAfter !== undefined) c.header('Retry-After', String(err.retryAfter))
    return c.json(errorBody(err.code, [err.vi, err.en], err.issues, err.current), err.status)
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = CODE_BY_STATUS[err.status] ?? 'bad_request'
    return c.json(errorBody(code), err.status)
  }
  console.error('unhandled error', err)
  return c.json(errorBody('internal'), 500)
}

export function notFound(c: Context): Response {
  return c.json(errorBody('not_found', ['Không có địa chỉ API này.', 'No such API endpoint.']), 404)
}

/**
 * A unit that does not exist and one outside the caller's reach answer alike, so a token cannot list the ids
 * of units it has no right to know.
 */
export const unitNotFound = (id: string): ApiError =>
  new ApiError(404, 'not_found', [
    'Không tìm thấy đơn vị "' + id + '" trong phạm vi của mã truy cập này.',
    'Unit "' + id + '" was not found within this token\'s reach.',
  ])

export const roleNotAllowed = (role: string): ApiError =>
  new ApiError(403, 'forbidden', [
    'Vai trò "' + role + '" không được thực hiện thao tác này.',
    'Role "' + role + '" may not do this.',
  ])

export const invalidPeriod = (value: string): ApiError =>
  new ApiError(400, 'bad_request', [
    'Kỳ báo cáo "' + value + '" không hợp lệ (NNNN-TT-14 hoặc NNNN-TT-28).',
    'Reporting period "' + value + '" is invalid (YYYY-MM-14 or YYYY-MM-28).',
  ])
