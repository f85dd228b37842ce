import { env } from 'cloudflare:workers'
import type { Role } from '../../shared/api'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { insertTokenStatement } from '../../worker/db/tokens'
import { insertUnitStatement } from '../../worker/db/units'
import { sha256Hex } from '../../worker/hash'
import { createApp } from '../../worker/index'
import { demoIndicators, demoStatements } from '../../worker/seed/demo'
import { demoEvidenceFiles } from '../../worker/seed/demo-evidence'
import { DEMO_TOKENS } from '../../worker/seed/demo-data'

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

/** A commune body that meets exactly the criteria in `met` (valid for the demo's catalogue and region). */
export function reportBody(unit: string, period: string, met: number[] = [1, 2, 3], extra: Record<string, unknown> = {}) {
  return { unit, period, indicators: demoIndicators(QD_318_2022, 'btb', met), ...extra }
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
    insertUnitStatement(env.DB, { id: 'nhu-thanh', name: 'Huyện Như Thanh', level: 'district', parentId: 'thanh-hoa', region: null, catalogId: null, reportsFrom: null }, at),
    insertUnitStatement(env.DB, { id: 'xuan-du', name: 'Xã Xuân Du', level: 'commune', parentId: 'nhu-thanh', region: null, catalogId: null, reportsFrom: null }, at),
  ])
}

export async function countRevisions(unit: string, period: string): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM report_revisions WHERE unit_id = ?1 AND period = ?2').bind(unit, period).first<{ n: number }>()
  return row?.n ?? 0
}
