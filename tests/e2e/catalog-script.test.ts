// `npm run catalog`: loads a catalogue file into a local D1 (a throw-away state folder here) exactly as the
// API would — same checks, append-only versions — and exports a stored version as the catalogue workbook.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PROVINCE_CATALOG } from '../../worker/seed/demo-catalog'
import { ROOT } from './harness'

const state = mkdtempSync(join(tmpdir(), 'ntm-catalog-'))
const QUIET = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false' }

function catalog(...args: string[]): { status: number; out: string; err: string } {
  try {
    const out = execFileSync('node', [join(ROOT, 'worker', 'scripts', 'catalog.mjs'), ...args, '--persist-to', state], { cwd: ROOT, env: QUIET, encoding: 'utf8', stdio: 'pipe' })
    return { status: 0, out, err: '' }
  } catch (e) {
    const failed = e as { status: number; stdout: string; stderr: string }
    return { status: failed.status, out: failed.stdout, err: failed.stderr }
  }
}
function query(sql: string): Array<Record<string, unknown>> {
  const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'wrangler'), ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--json', '--command', sql], { cwd: ROOT, env: QUIET, encoding: 'utf8' })
  return (JSON.parse(out) as Array<{ results: Array<Record<string, unknown>> }>).flatMap((r) => r.results)
}
const file = (name: string, text: string): string => {
  const path = join(state, name)
  writeFileSync(path, text)
  return path
}

beforeAll(() => {
  expect(catalog('list').status).toBe(0) // applies the migrations to the fresh state
}, 120_000)
afterAll(() => rmSync(state, { recursive: true, force: true }))

describe('npm run catalog', () => {
  it('imports a JSON table; other content under that version is refused', () => {
    const json = file('nang-cao.json', JSON.stringify(DEMO_PROVINCE_CATALOG))
    const first = catalog('import', json)
    expect(first.status).toBe(0)
    expect(first.out).toContain('Loaded catalogue demo-thanh-hoa-nang-cao version 2026.1')
    const listed = catalog('list')
    expect(listed.out).toContain('demo-thanh-hoa-nang-cao\t2026.1\t')
    expect(listed.out).toContain('\t' + DEMO_PROVINCE_CATALOG.title + '\n')
    const changed = { ...DEMO_PROVINCE_CATALOG, indicators: DEMO_PROVINCE_CATALOG.indicators.map((i, n) => (n === 0 ? { ...i, thresholds: { ...i.thresholds, 'vung-2': '≥ 95%' } } : i)) }
    const refused = catalog('import', file('changed.json', JSON.stringify(changed)))
    expect(refused.status).toBe(1)
    expect(refused.err).toContain('đã được nạp với nội dung khác')
    expect(query('SELECT id, version FROM catalogs')).toEqual([{ id: 'demo-thanh-hoa-nang-cao', version: '2026.1' }])
    expect(query("SELECT action, target FROM audit_log")).toEqual([{ action: 'catalog.load', target: 'demo-thanh-hoa-nang-cao@2026.1' }])
  }, 180_000)

  it('exports a stored version as the workbook, which imports back unchanged; a broken table stores nothing', () => {
    const out = join(state, 'export.xlsx')
    const exported = catalog('export', '--id', 'demo-thanh-hoa-nang-cao', '--out', out)
    expect(exported.status).toBe(0)
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')
    expect(catalog('import', out).out).toContain('already loaded with this content')
    const broken = { ...DEMO_PROVINCE_CATALOG, version: '2026.2', indicators: [{ ...DEMO_PROVINCE_CATALOG.indicators[0], thresholds: { 'vung-1': '≥ 8O%' } }] }
    const refused = catalog('import', file('broken.json', JSON.stringify(broken)))
    expect(refused.status).toBe(1)
    expect(refused.err).toContain('"≥ 8O%" không đọc được ngưỡng')
    expect(query('SELECT COUNT(*) AS n FROM catalogs')).toEqual([{ n: 1 }])
    expect(catalog('export', '--id', 'nowhere').status).toBe(1)
  }, 180_000)
})
