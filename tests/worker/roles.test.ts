// Every endpoint against every role, inside and outside the token's subtree; a province that has communes
// directly below it (the structure since 1/7/2025); and odd input that must never give a 500.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { insertUnitStatement } from '../../worker/db/units'
import { TOKENS, addOtherDistrict, addToken, assignCatalog, client, reportBody, seedDemo } from './helpers'

const call = client()
let provinceOffice = ''
let directCommune = ''

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
  const at = '2026-01-01T00:00:00.000Z'
  await env.DB.batch([
    insertUnitStatement(env.DB, { id: 'nghe-an', name: 'Tỉnh Nghệ An', level: 'province', parentId: null, reportsFrom: null }, at),
    insertUnitStatement(env.DB, { id: 'nghi-loc', name: 'Xã Nghi Lộc', level: 'commune', parentId: 'nghe-an', reportsFrom: null }, at),
    insertUnitStatement(env.DB, { id: 'dien-chau', name: 'Xã Diễn Châu', level: 'commune', parentId: 'nghe-an', reportsFrom: null }, at),
  ])
  // The whole province in commune group 2 (set once on the province, inherited).
  await assignCatalog('nghe-an', { id: 'qd-51-2025', version: '2025.1' }, '2026-02-15', { 'nghe-an': 'nhom-2' })
  provinceOffice = await addToken('tok_test_nghe_an', 'district', 'nghe-an')
  directCommune = await addToken('tok_test_nghi_loc', 'commune', 'nghi-loc')
})

type Case = { name: string; method: string; path: string; body?: unknown }
const ALL = ['commune', 'otherCommune', 'district', 'leader', 'admin'] as const
type Who = (typeof ALL)[number]

const token = (who: Who): string =>
  ({ commune: TOKENS.binhSon, otherCommune: TOKENS.thoSon, district: TOKENS.district, leader: TOKENS.leader, admin: TOKENS.admin })[who]

// Expected status per role, for requests about Bình Sơn (or its district).
const MATRIX: Array<Case & { expect: Record<Who, number> }> = [
  { name: 'me', method: 'GET', path: '/api/v1/me', expect: { commune: 200, otherCommune: 200, district: 200, leader: 200, admin: 200 } },
  { name: 'catalog', method: 'GET', path: '/api/v1/catalog?unit=binh-son', expect: { commune: 200, otherCommune: 404, district: 200, leader: 200, admin: 200 } },
  { name: 'periods', method: 'GET', path: '/api/v1/periods?from=2026-01&to=2026-12', expect: { commune: 200, otherCommune: 200, district: 200, leader: 200, admin: 200 } },
  { name: 'validate', method: 'POST', path: '/api/v1/reports/validate', body: reportBody('binh-son', '2026-11-28'), expect: { commune: 200, otherCommune: 404, district: 200, leader: 200, admin: 200 } },
  { name: 'submit', method: 'POST', path: '/api/v1/reports', body: reportBody('binh-son', '2026-11-28'), expect: { commune: 201, otherCommune: 404, district: 403, leader: 403, admin: 403 } },
  { name: 'read report', method: 'GET', path: '/api/v1/reports/binh-son/2026-11-14', expect: { commune: 200, otherCommune: 404, district: 200, leader: 200, admin: 200 } },
  { name: 'list tasks', method: 'GET', path: '/api/v1/units/binh-son/tasks', expect: { commune: 200, otherCommune: 404, district: 200, leader: 200, admin: 200 } },
  {
    name: 'put tasks', method: 'PUT', path: '/api/v1/units/binh-son/tasks', body: { tasks: [{ id: 'R1', title: 'Việc', lead: 'binh-son', due: '2026-12-01' }] },
    expect: { commune: 200, otherCommune: 404, district: 200, leader: 403, admin: 200 },
  },
  { name: 'flags', method: 'GET', path: '/api/v1/units/binh-son/flags', expect: { commune: 200, otherCommune: 404, district: 200, leader: 200, admin: 200 } },
  {
    name: 'aggregate', method: 'POST', path: '/api/v1/aggregate', body: { unit: 'trieu-son', period: '2026-11-14' },
    expect: { commune: 403, otherCommune: 403, district: 200, leader: 200, admin: 200 },
  },
  { name: 'lock', method: 'POST', path: '/api/v1/periods/2026-09-14/lock', body: { unit: 'trieu-son' }, expect: { commune: 403, otherCommune: 403, district: 200, leader: 403, admin: 200 } },
  { name: 'unlock', method: 'POST', path: '/api/v1/periods/2026-09-14/unlock', body: { unit: 'trieu-son' }, expect: { commune: 403, otherCommune: 403, district: 200, leader: 403, admin: 200 } },
  { name: 'audit', method: 'GET', path: '/api/v1/audit?unit=binh-son', expect: { commune: 403, otherCommune: 403, district: 200, leader: 403, admin: 200 } },
]

describe('role matrix', () => {
  for (const c of MATRIX) {
    it(c.method + ' ' + c.name, async () => {
      const got: Record<string, number> = {}
      for (const who of ALL) got[who] = (await call(c.method, c.path, { token: token(who), body: c.body })).status
      expect(got).toEqual(c.expect)
      expect((await call(c.method, c.path, { body: c.body })).status).toBe(401)
    })
  }

  // A unit outside the token's reach answers 404 like a missing one; a role that may never do the thing, 403.
  it('keeps the district office out of units outside its district', async () => {
    const outside: Array<Case & { leader: number }> = [
      { name: 'report', method: 'GET', path: '/api/v1/reports/xuan-du/2026-11-14', leader: 404 },
      { name: 'tasks', method: 'GET', path: '/api/v1/units/xuan-du/tasks', leader: 404 },
      { name: 'flags', method: 'GET', path: '/api/v1/units/xuan-du/flags', leader: 404 },
      { name: 'aggregate', method: 'POST', path: '/api/v1/aggregate', body: { unit: 'nhu-thanh', period: '2026-11-14' }, leader: 404 },
      { name: 'lock', method: 'POST', path: '/api/v1/periods/2026-11-14/lock', body: { unit: 'nhu-thanh' }, leader: 403 },
      { name: 'audit', method: 'GET', path: '/api/v1/audit?unit=nhu-thanh', leader: 403 },
    ]
    for (const c of outside) {
      expect([c.name, (await call(c.method, c.path, { token: TOKENS.district, body: c.body })).status]).toEqual([c.name, 404])
      expect([c.name, (await call(c.method, c.path, { token: TOKENS.leader, body: c.body })).status]).toEqual([c.name, c.leader])
      expect([c.name, (await call(c.method, c.path, { token: TOKENS.admin, body: c.body })).status]).toEqual([c.name, 200])
    }
  })
})

describe('a province with communes directly below it (since 1/7/2025)', () => {
  it('lets the provincial office aggregate and lock its communes, and the commune report to it', async () => {
    const submitted = await call('POST', '/api/v1/reports', { token: directCommune, body: reportBody('nghi-loc', '2026-11-14', [1, 2]) })
    expect(submitted.status).toBe(201)
    const agg = await call('POST', '/api/v1/aggregate', { token: provinceOffice, body: { unit: 'nghe-an', period: '2026-11-14' } })
    expect(agg.status).toBe(200)
    expect(agg.body.unit.level).toBe('province')
    expect(agg.body.completeness).toMatchObject({ expected: 2, received: 1 })
    expect((await call('POST', '/api/v1/periods/2026-11-14/lock', { token: provinceOffice, body: { unit: 'nghe-an' } })).status).toBe(200)
    const refused = await call('POST', '/api/v1/reports', { token: directCommune, body: reportBody('nghi-loc', '2026-11-14') })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toBe('period_locked')
    // Triệu Sơn's communes are not affected by Nghệ An's lock.
    expect((await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-14') })).status).toBe(201)
    expect((await call('GET', '/api/v1/units/binh-son/flags', { token: provinceOffice })).status).toBe(404)
  })
})

describe('odd input never gives a 500', () => {
  it('answers every malformed request with a 4xx error body', async () => {
    const odd: Array<Case & { raw?: string; headers?: Record<string, string> }> = [
      { name: 'array body', method: 'POST', path: '/api/v1/aggregate', body: [] },
      { name: 'null body', method: 'POST', path: '/api/v1/reports/validate', raw: 'null' },
      { name: 'number body', method: 'PUT', path: '/api/v1/units/binh-son/tasks', raw: '42' },
      { name: 'tasks not array', method: 'PUT', path: '/api/v1/units/binh-son/tasks', body: { tasks: 'all' } },
      { name: 'deep nesting', method: 'POST', path: '/api/v1/reports/validate', raw: '['.repeat(5000) + ']'.repeat(5000) },
      { name: 'weird unit', method: 'GET', path: '/api/v1/units/%E0%A4%A/tasks' },
      { name: 'unicode unit', method: 'GET', path: '/api/v1/reports/' + encodeURIComponent("x'; DROP TABLE units; --") + '/2026-11-14' },
      { name: 'year 0 date', method: 'GET', path: '/api/v1/units/binh-son/flags?date=0000-01-01' },
      { name: 'far date', method: 'GET', path: '/api/v1/units/binh-son/flags?date=9999-12-31' },
      { name: 'limit text', method: 'GET', path: '/api/v1/audit?limit=abc' },
      { name: 'huge numbers', method: 'POST', path: '/api/v1/reports', body: reportBody('binh-son', '2026-11-28', [], { funds: [{ source: 'people', amount: 1e300 }] }) },
      { name: 'recurrence garbage', method: 'PUT', path: '/api/v1/units/binh-son/tasks', body: { tasks: [{ id: 'Z', title: 'Z', lead: 'binh-son', due: 99999999, recurrence: { kind: 'monthly', day: 1e9 } }] } },
      { name: 'wrong method', method: 'DELETE', path: '/api/v1/reports/binh-son/2026-11-14' },
      { name: 'text/plain', method: 'POST', path: '/api/v1/reports/validate', raw: 'hello', headers: { 'Content-Type': 'text/plain' } },
    ]
    for (const c of odd) {
      const res = await call(c.method, c.path, { token: TOKENS.binhSon, body: c.body, raw: c.raw, headers: c.headers })
      expect([c.name, res.status >= 400 && res.status < 500]).toEqual([c.name, true])
      expect([c.name, typeof res.body?.error]).toEqual([c.name, 'string'])
      expect([c.name, typeof res.body?.message_en]).toEqual([c.name, 'string'])
    }
    const units = await env.DB.prepare('SELECT COUNT(*) AS n FROM units').first<{ n: number }>()
    expect(units?.n).toBeGreaterThan(10)
  })
})

describe('periods outside the calendar the shared code handles', () => {
  it('refuses year-0 and far-future period ids with a 4xx, not a 500', async () => {
    const cases: Array<[string, string, string, unknown]> = [
      ['submit', 'POST', '/api/v1/reports', reportBody('binh-son', '0000-01-14')],
      ['read', 'GET', '/api/v1/reports/binh-son/0000-01-14', undefined],
      ['aggregate', 'POST', '/api/v1/aggregate', { unit: 'trieu-son', period: '0000-01-14' }],
      ['lock', 'POST', '/api/v1/periods/0000-01-14/lock', { unit: 'trieu-son' }],
      ['periods', 'GET', '/api/v1/periods?from=0000-01&to=0000-03', undefined],
    ]
    for (const [name, method, path, body] of cases) {
      const token = name === 'submit' || name === 'validate' || name === 'read' || name === 'periods' ? TOKENS.binhSon : TOKENS.district
      const res = await call(method, path, { token, body })
      expect([name, res.status >= 400 && res.status < 500, typeof res.body?.error]).toEqual([name, true, 'string'])
    }
    const validated = await call('POST', '/api/v1/reports/validate', { token: TOKENS.binhSon, body: reportBody('binh-son', '0999-01-14') })
    expect(validated.status).toBe(200)
    expect(validated.body.ok).toBe(false)
    expect(validated.body.issues[0]).toMatchObject({ code: 'period_invalid', path: 'period' })
  })
})
