// Backup and restore (issue 10): `npm run export` of a local D1 that went through real API traffic (the demo,
// submissions with an idempotency key and with long notes, task edits with versions, locks, settings), then
// `npm run import` into an empty state folder. The restored Worker answers every aggregate, flag, task list,
// report and audit read exactly as the original did, replays the stored idempotency key, and exports the same
// rows; a database that is not empty is refused.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, type Worker, startWorker } from '../e2e/harness'
import { reportMeeting } from '../shared/fixtures'
import { checkCatalog } from '../../shared/catalog-check'
import { QD_51_2025 } from '../../shared/catalogs/qd-51-2025'
import { FUND_SOURCES } from '../../shared/funds'
import { DEMO_PROVINCE_CATALOG } from '../../worker/seed/demo-catalog'

const NOW = '2026-11-26T09:00:00+07:00'
const DISTRICT = 'ntm_demo_district_trieu_son'
const BINH_SON = 'ntm_demo_commune_binh_son'
const THO_SON = 'ntm_demo_commune_tho_son'
const QUIET = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false' }

const dir = mkdtempSync(join(tmpdir(), 'ntm-backup-'))
const original = join(dir, 'a')
const restored = join(dir, 'b')

function script(name: string, ...args: string[]): string {
  return execFileSync('node', [join(ROOT, 'worker', 'scripts', name), ...args], { cwd: ROOT, env: QUIET, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

function call(w: Worker, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(w.origin + '/api/v1' + path, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', ...headers },
  })
}

async function json(res: Promise<Response>): Promise<unknown> {
  const r = await res
  const body = (await r.json()) as Record<string, unknown>
  delete body.generatedAt
  return { status: r.status, body }
}

/** What people read from the database: aggregates, flags, task lists, reports, the audit trail. */
async function readings(w: Worker): Promise<unknown[]> {
  const out: unknown[] = []
  for (const period of ['2026-10-28', '2026-11-14', '2026-11-28']) out.push(await json(call(w, 'POST', '/aggregate', DISTRICT, { unit: 'trieu-son', period })))
  for (const unit of ['binh-son', 'tho-son', 'trieu-son-tnmt']) out.push(await json(call(w, 'GET', '/units/' + unit + '/flags?date=2026-11-26', DISTRICT)))
  for (const unit of ['binh-son', 'trieu-son']) out.push(await json(call(w, 'GET', '/units/' + unit + '/tasks', DISTRICT)))
  for (const unit of ['binh-son', 'tho-son']) out.push(await json(call(w, 'GET', '/reports/' + unit + '/2026-11-28', DISTRICT)))
  out.push(await json(call(w, 'GET', '/audit?unit=trieu-son&limit=500', DISTRICT)))
  out.push(await json(call(w, 'GET', '/units/trieu-son/settings', DISTRICT)))
  // The catalogue assignments and classes: each commune's set and class for a 2025 and a 2026 period.
  for (const token of [BINH_SON, THO_SON]) {
    for (const period of ['2025-12-14', '2026-11-28']) out.push(await json(call(w, 'GET', '/catalog?period=' + period, token)))
  }
  return out
}

// The demo judges 2026 reports of Bình Sơn by QĐ 51/2025 (nhóm 2) and Thọ Sơn's by the province's DEMO set (vùng 1).
const THO_SON_SET = checkCatalog(DEMO_PROVINCE_CATALOG).catalog!
const binhSon = (met: number[]) => reportMeeting(met, { unit: 'binh-son', period: '2026-11-28', catalog: QD_51_2025, region: 'nhom-2' })

// A commune's report with every text at its limit (notes and evidence of each of the 10 criteria, the three
// narratives, a note per fund source): its row is over D1's 100 KB statement limit once written as SQL.
const long = (n: number, chars: number): string =>
  ('Mục ' + n + ' — đường trục xã, liên xã được nhựa hóa, ở mức độ tốt; ').repeat(Math.ceil(chars / 50)).slice(0, chars)
const longReport = () => {
  const body = binhSon([1, 2, 3, 4, 5])
  body.indicators = body.indicators.map((i, n) => ({ ...i, note: long(n, 2000), evidence: long(n + 100, 2000) }))
  body.narratives = { achievements: long(1, 4000), difficulties: long(2, 4000), requests: long(3, 4000) }
  body.funds = FUND_SOURCES.map((f, n) => ({ source: f.id, amount: 100_000_000 * (n + 1), note: long(n + 200, 2000) }))
  return body
}

let before: unknown[] = []
let after: unknown[] = []
let firstReceipt: unknown
let replayed: { status: number; replayHeader: string | null; body: unknown }
let refusal = ''
type Dump = { migrations: string[]; tables: Record<string, { rows: unknown[][] }> }
const dumpOf = (name: string): Dump => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Dump

beforeAll(async () => {
  const a = await startWorker(NOW, undefined, { state: original })
  try {
    const key = { 'Idempotency-Key': 'backup-first' }
    const first = await call(a, 'POST', '/reports', BINH_SON, longReport(), key)
    expect(first.status).toBe(201)
    firstReceipt = await first.json()
    expect((await call(a, 'POST', '/reports', BINH_SON, binhSon([1, 2, 3, 4, 5, 6]))).status).toBe(201)
    expect((await call(a, 'POST', '/reports', THO_SON, reportMeeting([1, 2], { unit: 'tho-son', period: '2026-11-28', catalog: THO_SON_SET, region: 'vung-1' }))).status).toBe(201)
    const task = { id: 'BK-1', title: 'Việc sao lưu', lead: 'binh-son', collaborators: ['trieu-son'], due: '2026-11-20' }
    expect((await call(a, 'PUT', '/units/binh-son/tasks', BINH_SON, { tasks: [task] })).status).toBe(200)
    expect((await call(a, 'PUT', '/units/binh-son/tasks', DISTRICT, { tasks: [{ ...task, version: 1, progress: 30 }] })).status).toBe(200)
    for (const action of ['lock', 'unlock', 'lock']) expect((await call(a, 'POST', '/periods/2026-11-14/' + action, DISTRICT, { unit: 'trieu-son' })).status).toBe(200)
    expect((await call(a, 'PUT', '/units/trieu-son/settings', DISTRICT, { dueSoonDays: 5 })).status).toBe(200)
    before = await readings(a)
  } finally {
    await a.stop()
  }

  script('export.mjs', '--persist-to', original, '--out', join(dir, 'a.json'))
  script('import.mjs', join(dir, 'a.json'), '--persist-to', restored)

  const b = await startWorker(NOW, undefined, { state: restored, asIs: true })
  try {
    after = await readings(b)
    const again = await call(b, 'POST', '/reports', BINH_SON, longReport(), { 'Idempotency-Key': 'backup-first' })
    replayed = { status: again.status, replayHeader: again.headers.get('Idempotent-Replayed'), body: await again.json() }
  } finally {
    await b.stop()
  }

  // A second import into the now filled database must be refused; the export after it shows what is there.
  try {
    script('import.mjs', join(dir, 'a.json'), '--persist-to', restored)
  } catch (err) {
    refusal = String((err as { stderr?: string }).stderr)
  }
  script('export.mjs', '--persist-to', restored, '--out', join(dir, 'b.json'))
}, 900_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npm run export, then npm run import into an empty database', () => {
  it('gives back the same aggregates, flags, tasks, reports, audit and settings', () => {
    expect(before.length).toBe(16)
    expect(after).toEqual(before)
    // Each commune's catalogue and class come back for the periods on either side of the 2026 change.
    const sets = before.slice(12).map((r) => {
      const { status, body } = r as { status: number; body: { catalog: { id: string }; classId: string | null } }
      return [status, body.catalog.id, body.classId]
    })
    expect(sets).toEqual([
      [200, 'qd-318-2022', 'btb'], [200, 'qd-51-2025', 'nhom-2'],
      [200, 'qd-318-2022', 'btb'], [200, 'demo-thanh-hoa-nang-cao', 'vung-1'],
    ])
    const aggregate = before[2] as { status: number; body: { completeness: { received: number } } }
    expect(aggregate.status).toBe(200)
    expect(aggregate.body.completeness.received).toBe(2)
  })

  it('keeps idempotency keys: a retry of the first submission is answered as it was, storing nothing', () => {
    expect(replayed).toEqual({ status: 201, replayHeader: 'true', body: firstReceipt })
  })

  it('exports the restored database to the same rows', () => {
    const a = dumpOf('a.json')
    const b = dumpOf('b.json')
    expect(b.migrations).toEqual(a.migrations)
    expect(b.tables).toEqual(a.tables)
    expect(a.tables.report_revisions?.rows.length).toBe(22)
    expect(a.tables.catalogs?.rows.length).toBe(3)
    expect(a.tables.catalog_assignments?.rows.length).toBe(3)
    expect(a.tables.unit_classes?.rows.length).toBe(7)
    expect(a.tables.idempotency_keys?.rows.length).toBe(1)
    expect(a.tables.period_lock_events?.rows.length).toBe(3)
    // The read models are rebuilt by the import's own inserts (their triggers), not copied.
    expect(Object.keys(a.tables)).not.toContain('task_units')
    expect(Object.keys(a.tables)).not.toContain('report_latest')
    // The long report went through the import's parts (its SQL would not fit one D1 statement).
    expect(Math.max(...(a.tables.report_revisions?.rows ?? []).map((r) => Buffer.byteLength(JSON.stringify(r))))).toBeGreaterThan(100_000)
  })

  it('refuses a database that already holds rows, and changes nothing (the export above came after it)', () => {
    expect(refusal).toMatch(/is not empty \(.*report_revisions 22 rows.*\)\. Import only into a new database/)
    expect(dumpOf('b.json').tables).toEqual(dumpOf('a.json').tables)
  })
})
