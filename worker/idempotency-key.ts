// The Idempotency-Key header: absent, or 1–200 printable ASCII characters.
import type { Context } from 'hono'
import { IDEMPOTENCY_HEADER } from '../shared/api'
import { ApiError } from './errors'

const KEY_RE = /^[\x21-\x7e]{1,200}$/

export function readIdempotencyKey(c: Context): string | null {
  const key = c.req.header(IDEMPOTENCY_HEADER) ?? null
  if (key !== null && !KEY_RE.test(key)) {
    throw new ApiError(400, 'bad_request', [
      'Idempotency-Key phải gồm 1–200 ký tự ASCII in được.',
      'Idempotency-Key must be 1–200 printable ASCII characters.',
    ])
  }
  return key
}
