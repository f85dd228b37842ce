// Talking to /api/v1 with the bearer the page holds (an access code, or a share link's secret). Every failure
// becomes an ApiFailure carrying the API's error body ({ error, message, message_en, issues }) when there is one.
import { API_BASE, type ErrorBody } from '../shared/api'

export class ApiFailure extends Error {
  readonly status: number
  readonly body: ErrorBody | null
  constructor(status: number, body: ErrorBody | null) {
    super(body ? body.message_en : 'HTTP ' + status)
    this.status = status
    this.body = body
  }
}

let bearer: string | null = null
let onUnauthorized: ((failure: ApiFailure) => void) | null = null

export function useBearer(value: string | null, unauthorized?: (failure: ApiFailure) => void): void {
  bearer = value
  onUnauthorized = unauthorized ?? null
}

async function request(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  const all: Record<string, string> = { ...headers }
  if (bearer) all.Authorization = 'Bearer ' + bearer
  let res: Response
  try {
    res = await fetch(API_BASE + path, { method, headers: all, body, cache: 'no-store', credentials: 'omit' })
  } catch {
    throw new ApiFailure(0, null)
  }
  if (res.ok) return res
  let parsed: ErrorBody | null = null
  try {
    parsed = (await res.json()) as ErrorBody
    if (!parsed || typeof parsed.message !== 'string') parsed = null
  } catch {
    parsed = null
  }
  const failure = new ApiFailure(res.status, parsed)
  if (res.status === 401 && onUnauthorized) onUnauthorized(failure)
  throw failure
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await request('GET', path)).json()) as T
}

export async function sendJson<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  return (await (await request(method, path, JSON.stringify(body), { 'Content-Type': 'application/json' })).json()) as T
}

/** A fresh Idempotency-Key: one per file sent, kept for its retries. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export async function postBytes<T>(path: string, bytes: ArrayBuffer, headers: Record<string, string>): Promise<{ status: number; body: T }> {
  const res = await request('POST', path, bytes, { 'Content-Type': 'application/octet-stream', ...headers })
  return { status: res.status, body: (await res.json()) as T }
}

/** A multipart form (the browser writes its boundary); `replayed` when the server had it under the same key. */
export async function postForm<T>(path: string, form: FormData, headers: Record<string, string>): Promise<{ status: number; body: T; replayed: boolean }> {
  const res = await request('POST', path, form, headers)
  return { status: res.status, body: (await res.json()) as T, replayed: res.headers.get('Idempotent-Replayed') === 'true' }
}

/** A file download: the bytes and the name the server gave it (RFC 5987 `filename*` first). */
export async function getFile(path: string): Promise<{ blob: Blob; name: string }> {
  const res = await request('GET', path)
  return { blob: await res.blob(), name: fileNameOf(res.headers.get('Content-Disposition') || '') }
}

export function fileNameOf(disposition: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1] as string)
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition)
  return plain ? (plain[1] as string) : 'tai-ve.xlsx'
}
