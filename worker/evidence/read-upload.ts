// An evidence upload: a multipart body read with its size counted while it streams (refused the moment it
// passes the limit, before anything is parsed or stored), then split into text fields and at most one file.
import { MAX_EVIDENCE_FILE_BYTES, formatFileSize } from '../../shared/evidence'
import { ApiError } from '../errors'

/** The file plus room for the text fields and the multipart boundaries. */
export const MAX_UPLOAD_BODY_BYTES = MAX_EVIDENCE_FILE_BYTES + 64 * 1024

export type UploadedFile = { name: string; bytes: Uint8Array }
export type Upload = { fields: { [name: string]: string }; file: UploadedFile | null }

export const fileTooLarge = (size?: number): ApiError =>
  new ApiError(413, 'payload_too_large', [
    'Tệp ' + (size === undefined ? '' : '(' + formatFileSize(size) + ') ') + 'lớn hơn mức cho phép ' + formatFileSize(MAX_EVIDENCE_FILE_BYTES) +
      '. Hãy chia nhỏ, nén ảnh hoặc quét với độ phân giải thấp hơn rồi gửi lại.',
    'The file ' + (size === undefined ? '' : '(' + size + ' bytes) ') + 'is larger than the ' + MAX_EVIDENCE_FILE_BYTES +
      '-byte limit. Split it, compress the photo or scan at a lower resolution, and upload again.',
  ])

const notMultipart = (): ApiError =>
  new ApiError(400, 'bad_request', [
    'Hãy gửi minh chứng dạng multipart/form-data (các trường thông tin và tệp "file").',
    'Send evidence as multipart/form-data (the fields and a "file" part).',
  ])

/** The body, at most `max` bytes: a larger declared or streamed body is refused with 413 as soon as it shows. */
export async function readBoundedBody(request: Request, max: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('Content-Length') ?? NaN)
  if (isFinite(declared) && declared > max) throw fileTooLarge()
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > max) {
      await reader.cancel().catch(() => undefined)
      throw fileTooLarge()
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/** Text fields (each once) and the `file` part. A file input left empty in a form sends a nameless empty part: no file. */
export async function parseUpload(contentType: string | undefined, body: Uint8Array): Promise<Upload> {
  if (!contentType || !/^multipart\/form-data\s*;.*boundary=/i.test(contentType)) throw notMultipart()
  let form: FormData
  try {
    form = await new Response(body, { headers: { 'Content-Type': contentType } }).formData()
  } catch {
    throw notMultipart()
  }
  const fields: { [name: string]: string } = {}
  let file: UploadedFile | null = null
  let files = 0
  // workers-types declares string values only; since 2021-11-03 workerd gives File objects for file parts.
  for (const [name, entry] of form.entries()) {
    const value = entry as unknown as string | File
    if (typeof value !== 'string') {
      if (name !== 'file') throw fieldError(name, ['Trường "' + name + '" phải là chữ, không phải tệp.', 'Field "' + name + '" must be text, not a file.'])
      if (++files > 1) throw fieldError('file', ['Mỗi lần gửi một tệp.', 'Send one file per upload.'])
      if (value.size === 0 && value.name === '') continue
      file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) }
      continue
    }
    if (name === 'file') {
      if (value === '') continue
      throw fieldError('file', ['Trường "file" phải là tệp.', 'Field "file" must be a file.'])
    }
    if (Object.prototype.hasOwnProperty.call(fields, name)) {
      throw fieldError(name, ['Trường "' + name + '" được gửi hai lần.', 'Field "' + name + '" was sent twice.'])
    }
    fields[name] = value
  }
  return { fields, file }
}

function fieldError(path: string, [message, message_en]: [string, string]): ApiError {
  return new ApiError(400, 'bad_request', ['Dữ liệu gửi lên sai cấu trúc.', 'The request body has the wrong shape.'], [
    { code: 'field_invalid', severity: 'error', path, message, message_en },
  ])
}
