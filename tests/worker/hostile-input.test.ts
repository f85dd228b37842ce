// Property-based hostile input (issue 10), in workerd against real D1 and R2: more than 10,000 generated
// requests over every write endpoint — wrong types, huge and non-finite numbers, deep nesting, long strings,
// control characters and lone surrogates, SQL-looking and __proto__ keys, unknown codes, out-of-range dates,
// wrong content types, corrupt and bomb-shaped .xlsx files, hostile tokens and units. Every one must be
// refused with a 4xx in the documented shape, and afterwards every table (row counts and a hash of every
// row) and the evidence bucket must be as they were. The seed is fixed, so a run is repeatable; change SEED
// to explore other cases.
import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { strToU8, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../shared/api'
import { SETTING_KEYS } from '../../shared/settings'
import { createApp } from '../../worker/index'
import { sha256Hex } from '../../worker/hash'
import { DEMO_PROVINCE_CATALOG } from '../../worker/seed/demo-catalog'
import { DEMO_NOW, TOKENS, addOtherDistrict, reportBody, seedDemo } from './helpers'
import { Obj } from './hostile/json'
import {
  NOT_FOR_COMMUNE, NOT_FOR_DISTRICT, type Part, type Poison, type Req, badDate, hostileUnit, jsonRequests, multipart, notText, removeAt, segment, setAt,
  wholeBody,
} from './hostile/requests'
import { contentType, hostileKey, hostileString, hostileValue, idempotencyKey, notJson } from './hostile/values'

const SEED = 20261126
const BATCH = 16
const app = createApp({ now: () => DEMO_NOW })

// Every code the API may answer with; the compiler fails here if shared/api.ts adds one.
const ERROR_CODES: { [code in ErrorCode]: true } = {
  bad_request: true, invalid_json: true, unauthorized: true, forbidden: true, not_found: true, conflict: true, period_locked: true,
  idempotency_mismatch: true, payload_too_large: true, unsupported_file_type: true, workbook_inconsistent: true, validation_failed: true,
  not_configured: true, version_conflict: true, rate_limited: true, internal: true,
}

/** Periods that are never a valid id within the API's years (the future ones are valid ids). */
const badPeriodId = fc.constantFrom('2026-11-15', '2026-11-30', '0000-01-14', '9999-12-28', '1899-12-14', '2200-01-14', '14/11/2026', '', 'kỳ 14/11/2026', '2026-1-14', '2026-11-14 ')
const badPeriod = fc.oneof(badPeriodId, fc.constantFrom('2026-12-14', '2027-03-28'))
const q = segment

// ---------------------------------------------------------------------------------------------------------
// Endpoints

const task = (id: string) => ({ id, title: 'Việc ' + id, lead: 'binh-son', collaborators: ['trieu-son'], due: '2026-12-10', status: 'đang làm', progress: 10 })
const REPORT = reportBody('binh-son', '2026-11-28', [1, 2], { funds: [{ source: 'people', amount: 1_000_000 }], tasks: [task('FZ-R1')] })
const INDICATORS = REPORT.indicators.length

const reportPoisons: fc.Arbitrary<Poison> = fc.oneof(
  setAt(['period'], fc.oneof(badPeriod, notText)),
  setAt(['unit'], fc.oneof(hostileUnit(NOT_FOR_COMMUNE), notText)),
  fc.nat(INDICATORS - 1).chain((k) => setAt(['indicators', k, 'code'], fc.constantFrom('99.9', '0', '-1', '1.1.1', '２.１', 'A', '', -1, 99.9))),
  fc.nat(INDICATORS - 1).map((k): Poison => ({ kind: 'remove', path: ['indicators', k] })),
  fc.nat(INDICATORS - 1).chain((k) => setAt(['indicators', k], fc.oneof(hostileString, fc.integer()))),
  setAt(['indicators'], fc.oneof(hostileString, fc.integer(), fc.constant(new Obj([['0', 1]])))),
  setAt(['funds', 0, 'amount'], fc.constantFrom(-1, 1.5, 'nhiều', -0.5, true)),
  setAt(['funds', 0, 'source'], fc.constantFrom('không rõ', 'xyz', '', 'people; district')),
  setAt(['tasks', 0, 'due'], badDate),
  setAt(['tasks', 0, 'lead'], fc.constantFrom('tho-son', 'xuan-du', 'khong-co-don-vi', '', 'binh-son; tho-son')),
  removeAt(['unit'], ['period'], ['indicators']),
  wholeBody,
)

const taskPoisons = (k: 0 | 1): fc.Arbitrary<Poison> => fc.oneof(
  setAt(['tasks', k, 'due'], badDate),
  setAt(['tasks', k, 'lead'], fc.constantFrom('tho-son', 'xuan-du', 'khong-co-don-vi', '', 'binh-son; tho-son', 'thanh-hoa\ntho-son')),
  setAt(['tasks', k, 'collaborators'], fc.constantFrom(['tho-son'], 'xuan-du', ['khong-co-don-vi'], 'binh-son, nhu-thanh')),
  setAt(['tasks', k, 'title'], fc.oneof(fc.constantFrom('', '   '), notText)),
  removeAt(['tasks', k, 'id'], ['tasks', k, 'title'], ['tasks', k, 'lead'], ['tasks', k, 'due']),
  setAt(['tasks', k, 'status'], fc.constantFrom('xong rồi chưa', 'maybe', 'đã', 'DONE!', '1')),
  setAt(['tasks', k, 'progress'], fc.constantFrom(101, -1, 'abc', 1e308, '150%')),
  setAt(['tasks', k, 'version'], fc.constantFrom(0, -1, 1.5, 'hai', '1e3', true)),
  setAt(['tasks', k, 'completedOn'], fc.constantFrom('2027-06-01', 'hôm qua', '2026-12-01', '1800-01-01')),
  setAt(['tasks', k, 'recurrence'], fc.constantFrom('mỗi khi rảnh', new Obj([['kind', 'monthly'], ['day', 40]]), new Obj([['kind', 'x']]), new Obj([['kind', 'months'], ['months', [13]]]))),
)
const duplicateId: Poison = { kind: 'set', path: ['tasks', 1, 'id'], value: 'FZ-1', guard: [['tasks', 0, 'id']] }
const tasksPoisons: fc.Arbitrary<Poison> = fc.oneof(
  taskPoisons(0), taskPoisons(1), fc.constant(duplicateId),
  setAt(['tasks'], fc.oneof(hostileString, fc.integer(), fc.constant(new Obj([['0', 1]])))), wholeBody,
)

const unitUrl = (tail: string, outOfReach: readonly string[]) => hostileUnit(outOfReach).map((u) => '/api/v1/units/' + q(u) + tail)

const lockPoisons: fc.Arbitrary<Poison> = fc.oneof(
  setAt(['unit'], fc.oneof(fc.constantFrom('binh-son', 'xuan-du', 'nhu-thanh', 'khong-co', 'thanh-hoa'), notText, hostileString)),
  removeAt(['unit']),
  wholeBody,
)

const unknownKey = (known: readonly string[]): fc.Arbitrary<Poison> =>
  fc.tuple(hostileKey.filter((k) => known.indexOf(k) < 0), hostileValue).map(([k, v]): Poison => ({ kind: 'set', path: [k], value: v }))

// A catalogue in the JSON form, each poison one a loader must refuse (nothing is ever stored).
const CATALOG = { ...DEMO_PROVINCE_CATALOG, id: 'fz-catalog', version: '1' }
const CATALOG_INDICATORS = CATALOG.indicators.length
const catalogPoisons: fc.Arbitrary<Poison> = fc.oneof(
  setAt(['id'], fc.oneof(fc.constantFrom('', 'FZ', 'fz catalog', 'bộ-tỉnh', '-x', 'x'.repeat(65)), notText)),
  setAt(['version'], fc.oneof(fc.constantFrom('', ' ', '2026/1', 'v 1', 'phiên bản', 'x'.repeat(41)), notText)),
  setAt(['effectiveFrom'], fc.constantFrom('31/02/2026', 'mai', '2026-13-01', '', 'hôm qua')),
  fc.nat(CATALOG_INDICATORS - 1).chain((k) => setAt(['indicators', k, 'thresholds', 'vung-1'], fc.constantFrom('≥ 8O%', 'nhiều', '≥ 5, ≤ 1', '1.000', -5, '≥ 1 nghìn tỷ'))),
  fc.nat(CATALOG_INDICATORS - 1).chain((k) => setAt(['indicators', k, 'thresholds', 'vung-9'], fc.constantFrom('≥ 80%', 'Đạt'))),
  fc.nat(CATALOG_INDICATORS - 1).chain((k) => setAt(['indicators', k, 'kind'], fc.constantFrom('', 'màu sắc', null, 7))),
  fc.nat(CATALOG_INDICATORS - 1).chain((k) => setAt(['indicators', k, 'criterion'], fc.constantFrom(99, 'không', 0, '', -1))),
  fc.nat(CATALOG_INDICATORS - 2).map((k): Poison => ({ kind: 'set', path: ['indicators', k + 1, 'code'], value: '1.1', guard: [['indicators', 0, 'code']] })),
  setAt(['evidence'], fc.constantFrom([{ criterion: 1, id: '', title: 'x' }], [{ criterion: 9, id: 'a', title: 'b' }], [{ criterion: 1, id: '1.a', title: 'x', kind: 'công văn' }], 'x', 5)),
  setAt(['classification'], fc.oneof(fc.constantFrom('vùng', null, 3), fc.constant({ label: 'Vùng', classes: [] }))),
  setAt(['indicators'], fc.oneof(hostileString, fc.integer(), fc.constant(new Obj([['0', 1]])))),
  removeAt(['criteria'], ['classification'], ['id'], ['version'], ['effectiveFrom'], ['title']),
  wholeBody,
)

// Assigning a catalogue: each poison names something that is not there, out of reach, or before the set applies.
const assignPoisons: fc.Arbitrary<Poison> = fc.oneof(
  setAt(['catalog'], fc.oneof(fc.constantFrom('khong-co', '', 'QD-51', 'qd-318'), notText)),
  setAt(['version'], fc.oneof(fc.constantFrom('9', '', '2025.2', '2022.1'), notText)),
  setAt(['from'], fc.oneof(fc.constantFrom('2026-01-01', '2026-02-14', 'mai', '2026-02-30', '', '15/02/2025'), notText)),
  setAt(['classes', 'binh-son'], fc.constantFrom('nhom-9', 'Vùng 1', 'btb')),
  setAt(['classes', 'xuan-du'], fc.constantFrom('nhom-1', 'nhom-2')),
  setAt(['classes'], fc.oneof(hostileString, fc.integer(), fc.constant(['nhom-1']))),
  removeAt(['catalog'], ['version'], ['from']),
  wholeBody,
)

const JSON_ENDPOINTS = [
  { name: 'POST /reports', method: 'POST', url: '/api/v1/reports', token: TOKENS.binhSon, base: REPORT, poisons: reportPoisons, idempotent: true, runs: 100 },
  {
    name: 'POST /reports/validate', method: 'POST', url: '/api/v1/reports/validate', token: TOKENS.binhSon, base: REPORT, runs: 40,
    poisons: fc.oneof(setAt(['unit'], fc.oneof(hostileUnit(NOT_FOR_COMMUNE), notText)), removeAt(['unit'], ['period'], ['indicators']), setAt(['indicators'], hostileString), wholeBody),
  },
  {
    name: 'PUT /units/{unit}/tasks', method: 'PUT', url: '/api/v1/units/binh-son/tasks', badUrl: unitUrl('/tasks', NOT_FOR_COMMUNE), token: TOKENS.binhSon,
    base: { tasks: [task('FZ-1'), task('FZ-2')] }, poisons: tasksPoisons, runs: 100,
  },
  {
    name: 'POST /periods/{period}/lock', method: 'POST', url: '/api/v1/periods/2026-11-14/lock', token: TOKENS.district, base: { unit: 'trieu-son' },
    badUrl: badPeriodId.map((p) => '/api/v1/periods/' + q(p) + '/lock'), poisons: lockPoisons, runs: 35,
  },
  {
    name: 'POST /periods/{period}/unlock', method: 'POST', url: '/api/v1/periods/2026-11-14/unlock', token: TOKENS.district, base: { unit: 'trieu-son' },
    badUrl: badPeriodId.map((p) => '/api/v1/periods/' + q(p) + '/unlock'), poisons: lockPoisons, runs: 30,
  },
  {
    name: 'POST /aggregate', method: 'POST', url: '/api/v1/aggregate', token: TOKENS.district, base: { unit: 'trieu-son', period: '2026-11-14' }, runs: 30,
    poisons: fc.oneof(setAt(['unit'], fc.oneof(fc.constantFrom('binh-son', 'xuan-du', 'thanh-hoa', 'khong-co'), notText)), setAt(['period'], fc.oneof(badPeriodId, notText)), removeAt(['unit'], ['period']), wholeBody),
  },
  {
    name: 'PUT /units/{unit}/settings', method: 'PUT', url: '/api/v1/units/trieu-son/settings', badUrl: unitUrl('/settings', NOT_FOR_DISTRICT), token: TOKENS.district, base: { dueSoonDays: 4 }, runs: 45,
    poisons: fc.oneof(
      unknownKey(SETTING_KEYS), setAt(['dueSoonDays'], fc.constantFrom(-1, 1.5, 1e308, '4', true, 1000)),
      setAt(['reminderLeadDays'], fc.constantFrom(15, -1, 'x', 2.5)), setAt(['peopleSharePercent'], fc.constantFrom(101, 0, -5, 'ba mươi')), wholeBody,
    ),
  },
  {
    name: 'PUT /units/{unit}/webhook', method: 'PUT', url: '/api/v1/units/trieu-son/webhook', badUrl: unitUrl('/webhook', NOT_FOR_DISTRICT), token: TOKENS.district,
    base: { url: 'https://relay.example.vn/hook', secret: 's'.repeat(40) }, runs: 40,
    poisons: fc.oneof(
      setAt(['url'], fc.oneof(fc.constantFrom('http://example.org/x', 'not a url', 'https://user:pw@relay.example.vn/', 'javascript:alert(1)', 'ftp://relay.example.vn/', '//relay.example.vn', ''), notText)),
      setAt(['secret'], fc.constantFrom('abc', '', 'x'.repeat(10), 'x'.repeat(201))), unknownKey(['url', 'secret']), removeAt(['url']), wholeBody,
    ),
  },
  {
    name: 'POST /units/{unit}/notifications/read', method: 'POST', url: '/api/v1/units/binh-son/notifications/read', badUrl: unitUrl('/notifications/read', NOT_FOR_COMMUNE), token: TOKENS.binhSon,
    base: { all: true }, runs: 40,
    poisons: fc.oneof(
      unknownKey(['all', 'ids']), setAt(['ids'], fc.oneof(hostileString, fc.integer(), fc.constant(Array.from({ length: 201 }, (_, i) => 'n' + i)), fc.constant(['x'.repeat(101)]))),
      setAt(['all'], fc.constantFrom('yes', 1, null, 'true')), wholeBody,
    ),
  },
  { name: 'POST /catalogs', method: 'POST', url: '/api/v1/catalogs', token: TOKENS.admin, base: CATALOG, poisons: catalogPoisons, runs: 40 },
  {
    name: 'PUT /units/{unit}/catalog', method: 'PUT', url: '/api/v1/units/trieu-son/catalog', badUrl: unitUrl('/catalog', NOT_FOR_DISTRICT), token: TOKENS.district,
    base: { catalog: 'qd-51-2025', version: '2025.1', from: '2026-03-01', classes: { 'binh-son': 'nhom-2' } }, poisons: assignPoisons, runs: 30,
  },
  {
    name: 'POST /shares', method: 'POST', url: '/api/v1/shares', token: TOKENS.district, base: { unit: 'trieu-son', period: '2026-11-14', days: 7 }, runs: 30,
    poisons: fc.oneof(
      setAt(['unit'], fc.oneof(fc.constantFrom('binh-son', 'xuan-du', 'thanh-hoa', 'khong-co', ''), notText)), setAt(['period'], fc.oneof(badPeriodId, notText)),
      setAt(['days'], fc.constantFrom(0, -1, 1.5, 100000, 'x', null, true)), removeAt(['unit'], ['period']), wholeBody,
    ),
  },
]

/** Revoking a share link: none exists (every creation above is refused), or a role that may not. */
const shareRevoke: fc.Arbitrary<Req> = fc.record({
  id: fc.oneof(fc.constantFrom('shr_0', 'shr_' + 'f'.repeat(32), '', '..'), hostileString),
  token: fc.constantFrom(TOKENS.district, TOKENS.district, TOKENS.leader, TOKENS.binhSon),
  body: fc.oneof(fc.constant(undefined), notJson),
}).map(({ id, token, body }) => ({
  endpoint: 'POST /shares/{id}/revoke', method: 'POST', path: '/api/v1/shares/' + q(id) + '/revoke', headers: { Authorization: 'Bearer ' + token }, body,
}))

/** DELETE and test of a webhook: a unit out of reach, or a role that may not. */
const webhookElse: fc.Arbitrary<Req> = fc.record({
  method: fc.constantFrom('DELETE', 'POST'),
  who: fc.oneof(hostileUnit(NOT_FOR_DISTRICT).map((u) => ({ unit: u, token: TOKENS.district })), fc.constantFrom({ unit: 'trieu-son', token: TOKENS.leader }, { unit: 'binh-son', token: TOKENS.binhSon })),
  type: contentType,
  body: fc.oneof(fc.constant(undefined), notJson),
}).map(({ method, who, type, body }) => ({
  endpoint: method + ' /units/{unit}/webhook' + (method === 'POST' ? '/test' : ''), method,
  path: '/api/v1/units/' + q(who.unit) + '/webhook' + (method === 'POST' ? '/test' : ''),
  headers: { Authorization: 'Bearer ' + who.token, ...(type ? { 'Content-Type': type } : {}) }, body,
}))

/** Evidence uploads: multipart with a field twice, a file where text belongs, two files, or no multipart at all. */
const PDF = strToU8('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
const evidence: fc.Arbitrary<Req> = fc.record({
  poison: fc.constantFrom('twice', 'file-as-text', 'two-files', 'file-under-other-name', 'not-multipart', 'wrong-boundary'),
  values: fc.array(fc.oneof(hostileString, fc.constantFrom('1', '19', '0', '999', 'quyet_dinh', '2026-06-30'), fc.constant('x'.repeat(400))), { minLength: 5, maxLength: 5 }),
  noisy: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  key: idempotencyKey,
  unit: fc.oneof({ arbitrary: fc.constant('binh-son'), weight: 8 }, { arbitrary: hostileUnit(NOT_FOR_COMMUNE), weight: 1 }),
}).map(({ poison, values, noisy, key, unit }) => {
  const base = [['criterion', '1'], ['kind', 'quyet_dinh'], ['title', 'QĐ công nhận'], ['number', '12/QĐ-UBND'], ['date', '2026-06-30']]
  const parts: Part[] = base.map(([name, value], i) => ({ name: name as string, value: noisy[i] ? (values[i] as string) : (value as string) }))
  const file = { name: 'qd.pdf', type: 'application/pdf', bytes: PDF }
  if (poison === 'twice') parts.push({ name: 'criterion', value: '2' })
  if (poison === 'file-as-text') parts.push({ name: 'file', value: 'không phải tệp' })
  if (poison === 'two-files') parts.push({ name: 'file', value: '', file }, { name: 'file', value: '', file })
  if (poison === 'file-under-other-name') parts.push({ name: 'title', value: '', file })
  const headers: Record<string, string> = { Authorization: 'Bearer ' + TOKENS.binhSon }
  headers['Content-Type'] = poison === 'not-multipart' ? 'application/json' : 'multipart/form-data; boundary=' + (poison === 'wrong-boundary' ? 'other' : '----ntm-fuzz')
  if (key !== undefined) headers['Idempotency-Key'] = key
  return { endpoint: 'POST /units/{unit}/evidence', method: 'POST', path: '/api/v1/units/' + q(unit) + '/evidence', headers, body: multipart(parts) }
})

// ---------------------------------------------------------------------------------------------------------
// Workbooks: the unfilled template (its values are missing: a 422), damaged copies of it, and bombs.

function patchZip(zip: Uint8Array, part: string, declared: number): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  const name = new TextEncoder().encode(part)
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true)
    const at = sig === 0x04034b50 ? { size: 22, nameLen: 26, name: 30 } : sig === 0x02014b50 ? { size: 24, nameLen: 28, name: 46 } : null
    if (!at || view.getUint16(i + at.nameLen, true) !== name.length) continue
    if (out.subarray(i + at.name, i + at.name + name.length).every((b, k) => b === name[k])) view.setUint32(i + at.size, declared, true)
  }
  return out
}

let template = new Uint8Array()
let bombs: Uint8Array[] = []

const workbook: fc.Arbitrary<Req> = fc.record({
  kind: fc.constantFrom('template', 'flipped', 'flipped', 'truncated', 'random', 'bomb', 'json'),
  flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 24 }),
  cut: fc.nat(),
  random: fc.uint8Array({ maxLength: 4096 }),
  bomb: fc.nat(),
  json: notJson,
  type: contentType,
  key: idempotencyKey,
}).map(({ kind, flips, cut, random, bomb, json, type, key }) => {
  let body: Uint8Array | string
  if (kind === 'template') body = template
  else if (kind === 'flipped') {
    const copy = template.slice()
    for (const [at, b] of flips) copy[at % copy.length] = b
    body = copy
  } else if (kind === 'truncated') body = template.slice(0, cut % template.length)
  else if (kind === 'random') body = random
  else if (kind === 'bomb') body = bombs[bomb % bombs.length] as Uint8Array
  else body = json
  const headers: Record<string, string> = { Authorization: 'Bearer ' + TOKENS.binhSon }
  if (type !== undefined) headers['Content-Type'] = type
  if (key !== undefined) headers['Idempotency-Key'] = key
  return { endpoint: 'POST /reports/upload (' + kind + ')', method: 'POST', path: '/api/v1/reports/upload', headers, body }
})

// ---------------------------------------------------------------------------------------------------------
// Running and checking

type Snapshot = { [table: string]: string }

async function snapshot(): Promise<Snapshot> {
  // wr: a WITHOUT ROWID table (the read models) has no rowid; a full read of one walks its primary key in order.
  const { results } = await env.DB.prepare(
    "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
  ).all<{ name: string; wr: number }>()
  const out: Snapshot = {}
  for (const { name, wr } of results) {
    const rows = await env.DB.prepare('SELECT * FROM "' + name + '"' + (wr ? '' : ' ORDER BY rowid')).all()
    out[name] = rows.results.length + ' rows, sha256 ' + (await sha256Hex(JSON.stringify(rows.results)))
  }
  out['R2 evidence'] = (await env.EVIDENCE.list()).objects.length + ' objects'
  return out
}

let sent = 0
const byEndpoint: { [name: string]: { [status: number]: number } } = {}

async function send(req: Req): Promise<string | null> {
  const res = await app.request(req.path, { method: req.method, headers: req.headers, body: req.body as BodyInit | undefined }, env)
  sent++
  const tally = (byEndpoint[req.endpoint] ??= {})
  tally[res.status] = (tally[res.status] ?? 0) + 1
  const text = await res.text()
  const where = req.endpoint + ' ' + req.method + ' ' + req.path.slice(0, 120) + ' → ' + res.status + ' ' + text.slice(0, 300)
  if (res.status < 400 || res.status >= 500) return 'not a 4xx: ' + where
  if (!/^application\/json/.test(res.headers.get('Content-Type') ?? '')) return 'not JSON: ' + where
  if ((res.headers.get('Cache-Control') ?? '').indexOf('no-store') < 0 || res.headers.get('X-Content-Type-Options') !== 'nosniff') return 'headers: ' + where
  let body: { [k: string]: unknown }
  try {
    body = JSON.parse(text) as { [k: string]: unknown }
  } catch {
    return 'body not JSON: ' + where
  }
  const keys = Object.keys(body).filter((k) => k !== 'current').sort().join(',')
  if (keys !== 'error,issues,message,message_en') return 'shape ' + keys + ': ' + where
  if (!Object.prototype.hasOwnProperty.call(ERROR_CODES, body.error as string)) return 'unknown error code: ' + where
  if (typeof body.message !== 'string' || body.message === '' || typeof body.message_en !== 'string' || body.message_en === '') return 'messages: ' + where
  if (!Array.isArray(body.issues)) return 'issues not a list: ' + where
  for (const i of body.issues as Array<{ [k: string]: unknown }>) {
    if (typeof i.code !== 'string' || typeof i.path !== 'string' || typeof i.message !== 'string' || typeof i.message_en !== 'string') return 'issue shape: ' + where
    if (i.severity !== 'error' && i.severity !== 'warning') return 'issue severity: ' + where
  }
  return null
}

async function fuzz(arb: fc.Arbitrary<Req>, batches: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(arb, { minLength: BATCH, maxLength: BATCH }), async (reqs) => {
      const problems = (await Promise.all(reqs.map(send))).filter((p) => p !== null)
      expect(problems).toEqual([])
    }),
    { numRuns: batches, seed: SEED, endOnFailure: true },
  )
}

let before: Snapshot

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
  const res = await app.request('/api/v1/reports/template.xlsx?period=2026-11-28', { headers: { Authorization: 'Bearer ' + TOKENS.binhSon } }, env)
  template = new Uint8Array(await res.arrayBuffer())
  const small = { '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }
  const many: { [name: string]: Uint8Array } = {}
  for (let i = 0; i < 3000; i++) many['xl/media/p' + i + '.bin'] = strToU8('x')
  bombs = [
    patchZip(zipSync({ ...small, 'xl/media/image1.bin': new Uint8Array(1024) }, { level: 0 }), 'xl/media/image1.bin', 0xfffffff0),
    patchZip(template, 'xl/worksheets/sheet1.xml', 0xfffffff0),
    zipSync({ ...small, 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 }),
    zipSync({ ...small, ...many }, { level: 0 }),
  ]
  before = await snapshot()
}, 120_000)

describe('hostile input on every write endpoint', () => {
  for (const e of JSON_ENDPOINTS) {
    it(e.name + ' (' + e.runs * BATCH + ' requests)', () => fuzz(jsonRequests(e), e.runs), 600_000)
  }
  it('DELETE and POST …/webhook/test (' + 25 * BATCH + ' requests)', () => fuzz(webhookElse, 25), 600_000)
  it('POST /shares/{id}/revoke (' + 10 * BATCH + ' requests)', () => fuzz(shareRevoke, 10), 600_000)
  it('POST /units/{unit}/evidence (' + 45 * BATCH + ' requests)', () => fuzz(evidence, 45), 600_000)
  it('POST /reports/upload with corrupt and bomb-shaped workbooks (' + 100 * BATCH + ' requests)', () => fuzz(workbook, 100), 600_000)

  it('sent at least 10,000 requests, and every table and the evidence bucket are as they were', async () => {
    expect(sent).toBeGreaterThanOrEqual(10_000)
    expect(await snapshot()).toEqual(before)
    console.log('hostile input: ' + sent + ' requests; statuses per endpoint ' + JSON.stringify(byEndpoint))
  })
})
