// `npm run token`: issues and revokes tokens in a local D1 (a throw-away state folder here) through
// `wrangler d1 execute`, storing only hashes, with odd labels kept as data.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './harness'

const state = mkdtempSync(join(tmpdir(), 'ntm-token-'))
const QUIET = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false' }

function token(...args: string[]): string {
  return execFileSync('node', [join(ROOT, 'worker', 'scripts', 'token.mjs'), ...args, '--persist-to', state], { cwd: ROOT, env: QUIET, encoding: 'utf8' })
}
function query(sql: string): Array<Record<string, unknown>> {
  const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'wrangler'), ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--json', '--command', sql], { cwd: ROOT, env: QUIET, encoding: 'utf8' })
  return (JSON.parse(out) as Array<{ results: Array<Record<string, unknown>> }>).flatMap((r) => r.results)
}

beforeAll(() => {
  token('list') // applies the migrations to the fresh state
  query("INSERT INTO units (id, name, level, parent_id, created_at) VALUES ('binh-son', 'Xã Bình Sơn', 'commune', NULL, '2026-01-01T00:00:00Z')")
}, 120_000)
afterAll(() => rmSync(state, { recursive: true, force: true }))

describe('npm run token', () => {
  it('creates a token: printed once on the last line, stored as its SHA-256, the label kept as typed', () => {
    const label = `Kế toán xã O'Brien "x"); DROP TABLE units; --`
    const out = token('create', '--role', 'commune', '--unit', 'binh-son', '--label', label).trim().split('\n')
    const printed = out[out.length - 1] as string
    expect(printed).toMatch(/^ntm_[A-Za-z0-9_-]{43}$/)
    const [row] = query("SELECT id, token_hash, role, unit_id, label FROM tokens")
    expect(row).toMatchObject({ token_hash: createHash('sha256').update(printed).digest('hex'), role: 'commune', unit_id: 'binh-son', label })
    expect(JSON.stringify(query('SELECT * FROM tokens'))).not.toContain(printed)
    expect(query("SELECT COUNT(*) AS n FROM units")[0]).toEqual({ n: 1 })
    expect(query("SELECT action, unit_id FROM audit_log")).toEqual([{ action: 'token.create', unit_id: 'binh-son' }])

    token('revoke', '--token', printed)
    expect(query('SELECT revoked_at FROM tokens')[0]?.revoked_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(query("SELECT action FROM audit_log ORDER BY at").map((r) => r.action)).toEqual(['token.create', 'token.revoke'])
  }, 120_000)

  it('refuses a unit that does not exist, and a role the unit cannot hold', () => {
    expect(() => token('create', '--role', 'commune', '--unit', 'tho-son')).toThrow(/does not exist/)
    expect(() => token('create', '--role', 'district', '--unit', 'binh-son')).toThrow(/cannot belong to a commune/)
    expect(() => token('create', '--role', 'commune', '--unit', "x'; DROP TABLE units; --")).toThrow(/--unit must be a unit id/)
  }, 120_000)
})
