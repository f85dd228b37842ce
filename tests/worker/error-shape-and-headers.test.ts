// Finding 6 and 5 of issue 10: every error body has the documented shape with `issues` (empty when there is
// nothing to list), and every API answer, errors and downloads included, is neither cached nor sniffed.
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../../shared/api'
import { TOKENS, client, reportBody, seedDemo } from './helpers'

const call = client()

beforeAll(async () => {
  await seedDemo()
  await call('POST', '/api/v1/periods/2026-08-14/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })
})

type Req = { name: string; method: string; path: string; token?: string; body?: unknown; raw?: string; status: number }

const ERRORS: Req[] = [
  { name: 'no token', method: 'GET', path: '/api/v1/me', status: 401 },
  { name: 'wrong token', method: 'GET', path: '/api/v1/me', token: 'ntm_wrong_token_123', status: 401 },
  { name: 'role not allowed', method: 'POST', path: '/api/v1/aggregate', token: TOKENS.binhSon, body: { unit: 'trieu-son', period: '2026-11-14' }, status: 403 },
  { name: 'leader writing', method: 'PUT', path: '/api/v1/units/binh-son/tasks', token: TOKENS.leader, body: { tasks: [] }, status: 403 },
  { name: 'unknown path', method: 'GET', path: '/api/v1/nothing', token: TOKENS.admin, status: 404 },
  { name: 'outside /api/v1', method: 'GET', path: '/api/v2/me', status: 404 },
  { name: 'unknown unit', method: 'GET', path: '/api/v1/units/nowhere/tasks', token: TOKENS.admin, status: 404 },
  { name: 'bad period', method: 'GET', path: '/api/v1/reports/binh-son/2026-11-15', token: TOKENS.binhSon, status: 400 },
  { name: 'bad query', method: 'GET', path: '/api/v1/audit?limit=abc', token: TOKENS.district, status: 400 },
  { name: 'not JSON', method: 'POST', path: '/api/v1/reports/validate', token: TOKENS.binhSon, raw: '{', status: 400 },
  { name: 'too large', method: 'POST', path: '/api/v1/reports', token: TOKENS.binhSon, raw: 'x'.repeat(MAX_BODY_BYTES + 1), status: 413 },
  { name: 'locked period', method: 'POST', path: '/api/v1/reports', token: TOKENS.binhSon, body: reportBody('binh-son', '2026-08-14'), status: 409 },
  { name: 'wrong method', method: 'DELETE', path: '/api/v1/reports/binh-son/2026-11-14', token: TOKENS.binhSon, status: 404 },
  { name: 'not a parent unit', method: 'POST', path: '/api/v1/aggregate', token: TOKENS.district, body: { unit: 'binh-son', period: '2026-11-14' }, status: 400 },
  { name: 'upload not a workbook', method: 'POST', path: '/api/v1/reports/upload', token: TOKENS.binhSon, raw: 'hello', status: 400 },
]

describe('the error shape', () => {
  it('is { error, message, message_en, issues: [] } on every kind of error', async () => {
    for (const r of ERRORS) {
      const res = await call(r.method, r.path, { token: r.token, body: r.body, raw: r.raw })
      expect([r.name, res.status]).toEqual([r.name, r.status])
      expect([r.name, Object.keys(res.body ?? {}).sort()]).toEqual([r.name, ['error', 'issues', 'message', 'message_en']])
      expect([r.name, Array.isArray(res.body.issues), typeof res.body.message, typeof res.body.message_en]).toEqual([r.name, true, 'string', 'string'])
      expect([r.name, res.headers.get('Content-Type')]).toEqual([r.name, expect.stringMatching(/^application\/json/)])
    }
  })

  it('keeps listing issues where there are some', async () => {
    const res = await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon, body: { tasks: [{ id: 'x', title: 5, lead: 'binh-son', due: '2026-12-01' }] } })
    expect(res.status).toBe(400)
    expect(res.body.issues[0]).toMatchObject({ code: 'field_wrong_type', path: 'tasks[0].title' })
  })
})

describe('headers of API answers', () => {
  const SUCCESSES: Req[] = [
    { name: 'me', method: 'GET', path: '/api/v1/me', token: TOKENS.binhSon, status: 200 },
    { name: 'aggregate', method: 'POST', path: '/api/v1/aggregate', token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-11-14' }, status: 200 },
    { name: 'workbook', method: 'GET', path: '/api/v1/aggregate/trieu-son/2026-11-14.xlsx', token: TOKENS.district, status: 200 },
    { name: 'template', method: 'GET', path: '/api/v1/reports/template.xlsx', token: TOKENS.binhSon, status: 200 },
  ]

  it('forbid caching and MIME sniffing on answers and errors alike', async () => {
    for (const r of [...SUCCESSES, ...ERRORS]) {
      const res = await call(r.method, r.path, { token: r.token, body: r.body, raw: r.raw })
      expect([r.name, res.status]).toEqual([r.name, r.status])
      expect([r.name, res.headers.get('Cache-Control')]).toEqual([r.name, 'no-store'])
      expect([r.name, res.headers.get('X-Content-Type-Options')]).toEqual([r.name, 'nosniff'])
      expect([r.name, res.headers.get('Referrer-Policy')]).toEqual([r.name, 'no-referrer'])
    }
  })
})
