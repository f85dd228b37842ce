// Append-only by construction (issue 10): the D1 triggers of migration append_only make every UPDATE and DELETE of
// report revisions, audit rows, lock events and idempotency keys fail, and any insert that would replace
// one; the API's own writes (new revisions, retries, lock races) keep working on top of them.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { TOKENS, client, reportBody, seedDemo } from './helpers'

const call = client()

beforeAll(async () => {
  await seedDemo()
  const headers = { 'Idempotency-Key': 'append-only-1' }
  expect((await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28'), headers })).status).toBe(201)
  expect((await call('POST', '/api/v1/periods/2026-09-14/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })).status).toBe(200)
})

type Table = { table: string; update: string; del: string; replace: string }

const TABLES: Table[] = [
  {
    table: 'report_revisions',
    update: "UPDATE report_revisions SET achieved = 19 WHERE unit_id = 'binh-son'",
    del: "DELETE FROM report_revisions WHERE unit_id = 'binh-son'",
    replace: `INSERT OR REPLACE INTO report_revisions (id, unit_id, period, revision, received_at, submitted_by, catalog_id, catalog_version,
      region, timeliness, late_days, achieved, total, criteria, indicators, evaluation, funds, fund_totals, tasks, issues)
      SELECT id, unit_id, period, revision, received_at, submitted_by, catalog_id, catalog_version, region, timeliness, late_days,
        19, total, criteria, indicators, evaluation, funds, fund_totals, tasks, issues FROM report_revisions LIMIT 1`,
  },
  {
    table: 'audit_log',
    update: "UPDATE audit_log SET actor = 'someone-else'",
    del: 'DELETE FROM audit_log',
    replace: "INSERT OR REPLACE INTO audit_log (seq, id, at, actor, role, unit_id, action, target, detail) SELECT seq, id, at, 'x', role, unit_id, action, target, detail FROM audit_log LIMIT 1",
  },
  {
    table: 'period_lock_events',
    update: "UPDATE period_lock_events SET action = 'unlock'",
    del: 'DELETE FROM period_lock_events',
    replace: "INSERT OR REPLACE INTO period_lock_events (seq, unit_id, period, action, actor, at) SELECT seq, unit_id, period, 'unlock', actor, at FROM period_lock_events LIMIT 1",
  },
  {
    table: 'idempotency_keys',
    update: "UPDATE idempotency_keys SET response = '{}'",
    del: 'DELETE FROM idempotency_keys',
    replace: "INSERT OR REPLACE INTO idempotency_keys (unit_id, idem_key, request_hash, status, response, report_id, created_at) SELECT unit_id, idem_key, request_hash, status, '{}', report_id, created_at FROM idempotency_keys LIMIT 1",
  },
]

async function snapshot(table: string): Promise<string> {
  const { results } = await env.DB.prepare('SELECT * FROM ' + table + ' ORDER BY 1, 2').all()
  return JSON.stringify(results)
}

describe('append-only tables', () => {
  for (const t of TABLES) {
    it(t.table + ': UPDATE, DELETE and INSERT OR REPLACE fail and change nothing', async () => {
      const before = await snapshot(t.table)
      expect(JSON.parse(before).length).toBeGreaterThan(0)
      for (const sql of [t.update, t.del, t.replace, 'INSERT OR IGNORE' + t.replace.slice('INSERT OR REPLACE'.length)]) {
        await expect(env.DB.prepare(sql).run(), sql).rejects.toThrow(/append-only/)
      }
      // Inside a batch the failure rolls back the statements before it as well.
      await expect(env.DB.batch([env.DB.prepare("INSERT INTO units (id, name, level, created_at) VALUES ('batch-probe', 'x', 'commune', 'y')"), env.DB.prepare(t.del)])).rejects.toThrow(/append-only/)
      expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM units WHERE id = 'batch-probe'").first('n')).toBe(0)
      expect(await snapshot(t.table)).toBe(before)
    })
  }

  it('still takes new rows: another revision, a replayed key, an unlock', async () => {
    const headers = { 'Idempotency-Key': 'append-only-1' }
    const replay = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28'), headers })
    expect(replay.status).toBe(201)
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true')
    const second = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28', [1, 2]) })
    expect(second.body.revision).toBe(2)
    expect((await call('POST', '/api/v1/periods/2026-09-14/unlock', { token: TOKENS.district, body: { unit: 'trieu-son' } })).body.locked).toBe(false)
  })
})
