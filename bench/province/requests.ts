// The requests measured, as the Worker receives them.
import { reportMeeting } from '../../tests/shared/fixtures'
import { LOCKED_PERIOD, OPEN_PERIOD, PERIOD, SUBMITTERS, TARGETS, TODAY, tokenOf } from './shape'

export type BenchRequest = {
  key: string
  name: string
  method: 'GET' | 'POST'
  path: string
  /** A new token and body per call (submissions rotate over communes). */
  make(call: number): { token: string; body?: unknown }
}

const submission = (call: number) => {
  const unit = SUBMITTERS[call % SUBMITTERS.length] as string
  return { token: tokenOf(unit), body: reportMeeting([1, 2, 4, 6, 7, 8, 12, 16, 18, 19], { unit, period: OPEN_PERIOD }) }
}

const aggregate = (key: string, name: string, unit: string): BenchRequest => ({
  key, name, method: 'POST', path: '/aggregate', make: () => ({ token: tokenOf(unit), body: { unit, period: PERIOD } }),
})

export const REQUESTS: BenchRequest[] = [
  aggregate('agg30', 'POST /aggregate, 30 communes (a district)', TARGETS.district30),
  aggregate('agg166', 'POST /aggregate, 166 communes', TARGETS.province166),
  aggregate('agg600', 'POST /aggregate, 600 communes', TARGETS.province600),
  {
    key: 'xlsx600', name: 'GET /aggregate/…/….xlsx, 600 communes, open period (kept since its first download)', method: 'GET',
    path: '/aggregate/' + TARGETS.province600 + '/' + PERIOD + '.xlsx', make: () => ({ token: tokenOf(TARGETS.province600) }),
  },
  {
    key: 'xlsx600locked', name: 'GET /aggregate/…/….xlsx, 600 communes, locked period (from its snapshot)', method: 'GET',
    path: '/aggregate/' + TARGETS.province600 + '/' + LOCKED_PERIOD + '.xlsx', make: () => ({ token: tokenOf(TARGETS.province600) }),
  },
  { key: 'submit', name: 'POST /reports (submit, 55 indicators)', method: 'POST', path: '/reports', make: submission },
  { key: 'validate', name: 'POST /reports/validate', method: 'POST', path: '/reports/validate', make: submission },
  {
    key: 'flags', name: 'GET /units/{commune}/flags (~100 tasks)', method: 'GET',
    path: '/units/' + TARGETS.flagsCommune + '/flags?date=' + TODAY, make: () => ({ token: tokenOf(TARGETS.province600) }),
  },
]

export function requestInit(req: BenchRequest, call: number): RequestInit {
  const { token, body } = req.make(call)
  const headers: Record<string, string> = { Authorization: 'Bearer ' + token }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  return { method: req.method, headers, body: body === undefined ? undefined : JSON.stringify(body) }
}
