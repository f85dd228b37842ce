// A small fetch wrapper for /api/v1 (not hono/client: it is built on Proxy, which IE11 cannot polyfill).
// Non-2xx → rejects with an ApiFailure carrying the server's ErrorBody; no connection → status 0, 'network'.
// ApiFailure is a plain object, not an Error subclass: subclassing built-ins is unreliable in ES5 output.
import {
  API_BASE,
  type AggregateRequest, type AggregateResponse, type CatalogResponse, type ErrorBody, type EvidenceListResponse, type FlagsResponse,
  type LockResponse, type MeResponse, type ReportDetail, type ReportReceipt, type ReportRequest,
  type TaskProgressRequest, type TaskProgressResponse, type TasksPutRequest, type TasksPutResponse, type TasksResponse, type ValidateResponse,
  type NotificationsReadRequest, type NotificationsReadResponse, type NotificationsResponse, type SettingsPutRequest,
  type SettingsResponse,
} from '../shared/api'

export type FailureCode = ErrorBody['error'] | 'network' | 'timeout' | 'bad_response'

export type ApiFailure = { kind: 'api_failure'; status: number; code: FailureCode; body: ErrorBody | null }

export function isApiFailure(e: unknown): e is ApiFailure {
  return typeof e === 'object' && e !== null && (e as ApiFailure).kind === 'api_failure'
}

/** The server was not reached (no network, or no answer in time): not something it refused. */
export function isOffline(e: unknown): boolean {
  return isApiFailure(e) && (e.code === 'network' || e.code === 'timeout')
}

function failure(status: number, code: FailureCode, body: ErrorBody | null = null): ApiFailure {
  return { kind: 'api_failure', status, code, body }
}

const CODE_BY_STATUS: { [status: number]: ErrorBody['error'] } = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'payload_too_large',
  415: 'unsupported_file_type', 422: 'validation_failed', 429: 'rate_limited',
}

export type FetchLike = (input: string, init: { method: string; headers: { [k: string]: string }; body?: string }) => Promise<{
  status: number
  ok: boolean
  text(): Promise<string>
}>

export type ApiOptions = { baseUrl: string; token: string; fetch?: FetchLike; timeoutMs?: number }

export type Api = {
  me(): Promise<MeResponse>
  /** The catalogue that judges the caller's report for a period (the current one without `period`). */
  catalog(period?: string): Promise<CatalogResponse>
  validate(body: ReportRequest): Promise<ValidateResponse>
  submit(body: ReportRequest, idempotencyKey: string): Promise<ReportReceipt>
  report(unit: string, period: string): Promise<ReportDetail>
  tasks(unit: string): Promise<TasksResponse>
  putTasks(unit: string, body: TasksPutRequest): Promise<TasksPutResponse>
  /** The lead's status and progress on tasks other units own (`unit`: the lead). */
  reportProgress(unit: string, body: TaskProgressRequest): Promise<TaskProgressResponse>
  flags(unit: string, date: string): Promise<FlagsResponse>
  aggregate(body: AggregateRequest): Promise<AggregateResponse>
  lock(period: string, unit: string): Promise<LockResponse>
  unlock(period: string, unit: string): Promise<LockResponse>
  evidence(unit: string): Promise<EvidenceListResponse>
  notifications(unit: string, unreadOnly: boolean, limit: number): Promise<NotificationsResponse>
  markRead(unit: string, body: NotificationsReadRequest): Promise<NotificationsReadResponse>
  settings(unit: string): Promise<SettingsResponse>
  putSettings(unit: string, body: SettingsPutRequest): Promise<SettingsResponse>
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text)
  } catch {
    return undefined
  }
}

function isErrorBody(x: unknown): x is ErrorBody {
  return typeof x === 'object' && x !== null && typeof (x as ErrorBody).error === 'string'
}

export function createApi(options: ApiOptions): Api {
  const base = options.baseUrl.replace(/\/+$/, '') + API_BASE
  const doFetch: FetchLike = options.fetch || ((input, init) => fetch(input, init))
  const timeoutMs = options.timeoutMs || 60000

  function call<T>(method: string, path: string, body?: unknown, extra?: { [k: string]: string }): Promise<T> {
    const headers: { [k: string]: string } = { Accept: 'application/json', Authorization: 'Bearer ' + options.token }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (extra) for (const k of Object.keys(extra)) headers[k] = extra[k] as string
    const init: { method: string; headers: { [k: string]: string }; body?: string } = { method, headers }
    if (body !== undefined) init.body = JSON.stringify(body)
    return new Promise<T>((resolve, reject) => {
      let done = false
      const timer = setTimeout(() => {
        done = true
        reject(failure(0, 'timeout'))
      }, timeoutMs)
      const finish = (fn: () => void): void => {
        if (done) return
        done = true
        clearTimeout(timer)
        fn()
      }
      doFetch(base + path, init).then(
        (res) =>
          res.text().then(
            (text) =>
              finish(() => {
                const json = parseJson(text)
                if (res.status >= 200 && res.status < 300) {
                  if (json === undefined) reject(failure(res.status, 'bad_response'))
                  else resolve(json as T)
                  return
                }
                if (isErrorBody(json)) reject(failure(res.status, json.error, json))
                else reject(failure(res.status, CODE_BY_STATUS[res.status] || (res.status >= 500 ? 'internal' : 'bad_request')))
              }),
            () => finish(() => reject(failure(0, 'network'))),
          ),
        () => finish(() => reject(failure(0, 'network'))),
      )
    })
  }

  const q = encodeURIComponent
  return {
    me: () => call<MeResponse>('GET', '/me'),
    catalog: (period) => call<CatalogResponse>('GET', '/catalog' + (period ? '?period=' + q(period) : '')),
    validate: (body) => call<ValidateResponse>('POST', '/reports/validate', body),
    submit: (body, key) => call<ReportReceipt>('POST', '/reports', body, { 'Idempotency-Key': key }),
    report: (unit, period) => call<ReportDetail>('GET', '/reports/' + q(unit) + '/' + q(period)),
    tasks: (unit) => call<TasksResponse>('GET', '/units/' + q(unit) + '/tasks'),
    putTasks: (unit, body) => call<TasksPutResponse>('PUT', '/units/' + q(unit) + '/tasks', body),
    reportProgress: (unit, body) => call<TaskProgressResponse>('POST', '/units/' + q(unit) + '/task-progress', body),
    flags: (unit, date) => call<FlagsResponse>('GET', '/units/' + q(unit) + '/flags?date=' + q(date)),
    aggregate: (body) => call<AggregateResponse>('POST', '/aggregate', body),
    lock: (period, unit) => call<LockResponse>('POST', '/periods/' + q(period) + '/lock', { unit }),
    unlock: (period, unit) => call<LockResponse>('POST', '/periods/' + q(period) + '/unlock', { unit }),
    evidence: (unit) => call<EvidenceListResponse>('GET', '/units/' + q(unit) + '/evidence'),
    notifications: (unit, unreadOnly, limit) =>
      call<NotificationsResponse>('GET', '/units/' + q(unit) + '/notifications?unread=' + (unreadOnly ? 'true' : 'false') + '&limit=' + limit),
    markRead: (unit, body) => call<NotificationsReadResponse>('POST', '/units/' + q(unit) + '/notifications/read', body),
    settings: (unit) => call<SettingsResponse>('GET', '/units/' + q(unit) + '/settings'),
    putSettings: (unit, body) => call<SettingsResponse>('PUT', '/units/' + q(unit) + '/settings', body),
  }
}
