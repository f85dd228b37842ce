import { env } from 'cloudflare:workers'
import type { Role } from '../../shared/api'
import type { CatalogRef } from '../../shared/catalog'
import { insertAssignmentStatement, insertClassStatement } from '../../worker/db/catalogs'
import { insertTokenStatement } from '../../worker/db/tokens'
import { insertUnitStatement } from '../../worker/db/units'
import { sha256Hex } from '../../worker/hash'
import { createApp } from '../../worker/index'
import { demoReportIndicators, demoStatements } from '../../worker/seed/demo'
import { DEMO_TOKENS, DEMO_UNITS } from '../../worker/seed/demo-data'
import { demoEvidenceFiles } from '../../worker/seed/demo-evidence'

/** "Today" of the demo: Thursday 26/11/2026, 09:00 in Vietnam. */
export const DEMO_NOW = new Date('2026-11-26T09:00:00+07:00')

const token = (id: string): string => (DEMO_TOKENS.find((t) => t.id === id) as { token: string }).token
export const TOKENS = {
  admin: token('tok_demo_admin'),
  district: token('tok_demo_district'),
  leader: token('tok_demo_leader'),
  binhSon: token('tok_demo_binh_son'),
  thoSon: token('tok_demo_tho_son'),
}

export async function seedDemo(): Promise<void> {
  await env.DB.batch(await demoStatements(env.DB))
  for (const f of demoEvidenceFiles()) await env.EVIDENCE.put(f.key, f.bytes, { httpMetadata: { contentType: f.contentType } })
}

export type Called = { status: number; body: any; headers: Headers; text: string }

/** A clock a test can move: `clock.set('2026-11-14T23:00:00+07:00')`. */
export function movableClock(start: Date = DEMO_NOW) {
  let current = start
  return {
    now: () => current,
    set(iso: string) {
      current = new Date(iso)
    },
  }
}

export function client(now: () => Date = () => DEMO_NOW) {
  const app = createApp({ now })
  return async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<Called> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.Authorization = 'Bearer ' + options.token
    let body: string | undefined
    if (options.raw !== undefined) body = options.raw
    else if (options.body !== undefined) body = JSON.stringify(options.body)
    if (body !== undefined) headers['Content-Type'] = headers['Content-Type'] ?? 'application/json'
    const res = await app.request(path, { method, headers, body }, env)
    const text = await res.text()
    let parsed: unknown = null
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = null
    }
    return { status: res.status, body: parsed, headers: res.headers, text }
  }
}

/**
 * A commune body that meets exactly the criteria in `met` under the catalogue that judges the period in the
 * demo (QĐ 318 up to 2026-02-14, QĐ 51/2025 after, the province's own set for Thọ Sơn from 2026-10-28);
 * a unit outside the demo gets the province's catalogue for the period.
 */
export function reportBody(unit: string, period: string, met: number[] = [1, 2, 3], extra: Record<string, unknown> = {}) {
  const judgedAs = DEMO_UNITS.some((u) => u.id === unit) ? unit : 'thanh-hoa'
  let indicators
  try {
    indicators = demoReportIndicators(judgedAs, period, met)
  } catch {
    // A period no catalogue judges (or no period at all): the rows of the current one, for tests of refusals.
    indicators = demoReportIndicators(judgedAs, '2026-11-28', met)
  }
  return { unit, period, indicators, ...extra }
}

/** Issues a token for a unit in the test database (the same statement the seed uses). */
export async function addToken(id: string, role: Role, unitId: string): Promise<string> {
  const token = 'ntm_test_' + id
  await insertTokenStatement(env.DB, { id, tokenHash: await sha256Hex(token), role, unitId, label: 'test' }, DEMO_NOW.toISOString()).run()
  return token
}

/** Another district outside Triệu Sơn, for scope tests. */
export async function addOtherDistrict(): Promise<void> {
  const at = DEMO_NOW.toISOString()
  await env.DB.batch([
    insertUnitStatement(env.DB, { id: 'nhu-thanh', name: 'Huyện Như Thanh', level: 'district', parentId: 'thanh-hoa', reportsFrom: null }, at),
    insertUnitStatement(env.DB, { id: 'xuan-du', name: 'Xã Xuân Du', level: 'commune', parentId: 'nhu-thanh', reportsFrom: null }, at),
  ])
}

export async function countRevisions(unit: string, period: string): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM report_revisions WHERE unit_id = ?1 AND period = ?2').bind(unit, period).first<{ n: number }>()
  return row?.n ?? 0
}

/** Sets a unit's catalogue from a date and classes below it, as PUT /units/{unit}/catalog would (test set-up). */
export async function assignCatalog(unit: string, catalog: CatalogRef, from: string, classes: Record<string, string> = {}): Promise<void> {
  const at = DEMO_NOW.toISOString()
  await env.DB.batch([
    insertAssignmentStatement(env.DB, { unit, catalog, from, by: 'test', at }),
    ...Object.keys(classes).map((u) => insertClassStatement(env.DB, { unit: u, catalogId: catalog.id, classId: classes[u] as string, by: 'test', at })),
  ])
}
