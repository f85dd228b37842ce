// Deploying to a district's communes: the organisation tree from a CSV (`npm run units`), then one token per
// commune in one command (`npm run token -- create-bulk`), its CSV read back, the printable sheets, rotation and
// revocation in bulk — against a throw-away local D1 through `wrangler d1 execute`, as on a real deploy.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BOM, parseCsv } from '../../worker/scripts/csv.mjs'
import { ROOT } from './harness'

const work = mkdtempSync(join(tmpdir(), 'ntm-bulk-'))
const state = join(work, 'state')
const QUIET = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false' }
const SERVER = 'https://ntm.thanhhoa.example.vn'

function script(name: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync('node', [join(ROOT, 'worker', 'scripts', name), ...args, '--persist-to', state], { cwd: work, env: QUIET, encoding: 'utf8' })
  return { status: res.status, stdout: res.stdout, stderr: res.stderr }
}
function ok(name: string, ...args: string[]): string {
  const res = script(name, ...args)
  if (res.status !== 0) throw new Error(name + ' ' + args.join(' ') + ' failed (' + res.status + '):\n' + res.stderr)
  return res.stdout
}
type Rows = Array<Record<string, unknown>>
/** Each statement's rows, from one `wrangler d1 execute` (every call costs seconds). */
function query(...sql: string[]): Rows[] {
  const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'wrangler'), ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--json', '--command', sql.join('; ')], { cwd: ROOT, env: QUIET, encoding: 'utf8' })
  return (JSON.parse(out) as Array<{ results: Rows }>).map((r) => r.results)
}
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

const UNITS_CSV = [
  'id,name,level,parent_id,reports_from',
  // Children before parents, names with commas, quotes and markup: the import orders them, the sheets escape them.
  'xa-a,"Xã Đông Á, thôn ""Mới""",commune,huyen-y,2026-11-28',
  'xa-b,Xã Bình Sơn,commune,huyen-y,',
  'xa-c,<b>Xã Cờ</b>,commune,huyen-y,',
  'phong-tnmt,Phòng TN&MT,office,huyen-y,',
  'huyen-y,Huyện Yên,district,tinh-x,',
  'tinh-x,Tỉnh X,province,,',
].join('\r\n')

beforeAll(() => writeFileSync(join(work, 'units.csv'), UNITS_CSV))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('npm run units', () => {
  it('refuses a file with mistakes, naming each line, and imports nothing', () => {
    writeFileSync(join(work, 'bad.csv'), 'id,name,level,parent_id,region\nXa A,Xã A,commune,huyen-z,\nxa-b,,village,xa-b,\nxa-b,Xã B,commune,,btb\n')
    const res = script('units.mjs', 'import', 'bad.csv')
    expect(res.status).toBe(1)
    expect(res.stderr).toContain('line 2: id "Xa A" must be lower-case letters, digits and dashes')
    expect(res.stderr).toContain('line 3: name is empty')
    expect(res.stderr).toContain('line 3: level "village" must be one of province, district, commune, office')
    expect(res.stderr).toContain('line 3: a unit cannot be its own parent')
    expect(res.stderr).toContain('line 4: id "xa-b" is also on line 3')
    expect(res.stderr).toContain('line 2: parent_id "huyen-z" is neither in the file nor in the database')
    // A region is the commune's class in a catalogue now, set with the catalogue's assignment: refused, not ignored.
    expect(res.stderr).toContain('line 4: region "btb" is not a unit column any more')
  }, 180_000)

  it('imports the tree (parents first), lists it back as the same CSV, and updates in place on a second import', () => {
    ok('units.mjs', 'import', 'units.csv')
    const listed = parseCsv(ok('units.mjs', 'list')).rows as Array<{ id: string }>
    const original = parseCsv(UNITS_CSV).rows as Array<{ id: string }>
    const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : 1)
    expect(listed.slice().sort(byId)).toEqual(original.slice().sort(byId))
    // A renamed commune keeps its id (and so its reports and tokens).
    writeFileSync(join(work, 'rename.csv'), 'id,name,level,parent_id\nxa-b,Xã Bình Sơn Mới,commune,huyen-y\n')
    ok('units.mjs', 'import', 'rename.csv')
    const [a, b, audit] = query(
      "SELECT id, parent_id, reports_from FROM units WHERE id = 'xa-a'",
      "SELECT name FROM units WHERE id = 'xa-b'",
      "SELECT action, COUNT(*) AS n FROM audit_log WHERE action LIKE 'unit.%' GROUP BY action ORDER BY action",
    )
    expect(a).toEqual([{ id: 'xa-a', parent_id: 'huyen-y', reports_from: '2026-11-28' }])
    expect(b).toEqual([{ name: 'Xã Bình Sơn Mới' }])
    expect(audit).toEqual([{ action: 'unit.create', n: 6 }, { action: 'unit.update', n: 1 }])
  }, 180_000)
})

describe('npm run token -- create-bulk / rotate-bulk / revoke-bulk', () => {
  let first: Array<Record<string, string>> = []
  type CsvRows = Array<Record<string, string>>

  it('refuses to start without the server address the sheets must print, before touching the database', () => {
    const res = script('token.mjs', 'create-bulk', '--parent', 'huyen-y', '--role', 'commune')
    expect(res.status).toBe(2)
    expect(res.stderr).toContain('--server <https://…> is needed')
    expect(script('token.mjs', 'revoke-bulk', '--csv', 'units.csv').stderr).toContain('every row needs a token_id')
  })

  it('issues one token per commune below the unit: the CSV reads back, the database holds only hashes', () => {
    const out = ok('token.mjs', 'create-bulk', '--parent', 'huyen-y', '--role', 'commune', '--server', SERVER, '--sheets', 'sheets-1')
    expect(out.startsWith(BOM + 'unit_id,unit_name,role,token_id,token\r\n')).toBe(true)
    writeFileSync(join(work, 'tokens.csv'), out)
    first = parseCsv(readFileSync(join(work, 'tokens.csv'), 'utf8')).rows as CsvRows
    expect(first.map((r) => [r.unit_id, r.unit_name, r.role])).toEqual([
      ['xa-a', 'Xã Đông Á, thôn "Mới"', 'commune'], ['xa-b', 'Xã Bình Sơn Mới', 'commune'], ['xa-c', '<b>Xã Cờ</b>', 'commune'],
    ])
    const [stored, tokens, audit] = query(
      'SELECT id, token_hash, unit_id, role, revoked_at FROM tokens ORDER BY unit_id', 'SELECT * FROM tokens', 'SELECT * FROM audit_log',
    )
    // Nothing was issued before this run (the refused one above wrote nothing).
    expect(stored).toEqual(first.map((r) => ({ id: r.token_id, token_hash: sha256(r.token as string), unit_id: r.unit_id, role: 'commune', revoked_at: null })))
    for (const r of first) expect(JSON.stringify(tokens) + JSON.stringify(audit)).not.toContain(r.token)
    expect((audit as Array<{ action: string }>).filter((e) => e.action === 'token.create')).toHaveLength(3)
  }, 180_000)

  it('writes a printable sheet per commune (and all in one), with the code, the address and both ways to report', () => {
    const dir = join(work, 'sheets-1')
    const index = readFileSync(join(dir, 'index.html'), 'utf8')
    for (const r of first) {
      const sheet = readFileSync(join(dir, r.unit_id + '.html'), 'utf8')
      expect(sheet).toContain(r.token as string)
      expect(sheet).toContain(SERVER)
      expect(sheet).toContain('Trong Excel')
      expect(sheet).toContain('Trên trình duyệt')
      expect(index).toContain(r.token as string)
    }
    const c = readFileSync(join(dir, 'xa-c.html'), 'utf8')
    expect(c).toContain('&lt;b&gt;Xã Cờ&lt;/b&gt;')
    expect(c).not.toContain('<b>Xã Cờ</b>')
    expect(readFileSync(join(dir, 'xa-a.html'), 'utf8')).toContain('Xã Đông Á, thôn &quot;Mới&quot; — Huyện Yên')
    expect(index.match(/class="sheet"/g)).toHaveLength(3)
  }, 180_000)

  it('run again, skips communes that already hold a token', () => {
    const res = script('token.mjs', 'create-bulk', '--parent', 'huyen-y', '--role', 'commune', '--server', SERVER, '--sheets', 'sheets-2')
    expect(res.status).toBe(0)
    expect(parseCsv(res.stdout).rows).toEqual([])
    expect(res.stderr).toContain('Skipped 3 unit(s)')
    expect(existsSync(join(work, 'sheets-2'))).toBe(false)
  }, 180_000)

  it('rotates: every commune gets a new token, the old ones are revoked', () => {
    const out = ok('token.mjs', 'rotate-bulk', '--parent', 'huyen-y', '--role', 'commune', '--server', SERVER, '--sheets', 'sheets-3')
    const rotated = parseCsv(out).rows as CsvRows
    writeFileSync(join(work, 'rotated.csv'), out)
    expect(rotated.map((r) => r.unit_id)).toEqual(['xa-a', 'xa-b', 'xa-c'])
    const [live, old, audit] = query(
      'SELECT id FROM tokens WHERE revoked_at IS NULL ORDER BY unit_id',
      'SELECT id FROM tokens WHERE revoked_at IS NOT NULL ORDER BY unit_id',
      "SELECT action, COUNT(*) AS n FROM audit_log WHERE action IN ('token.revoke', 'token.rotate') GROUP BY action ORDER BY action",
    )
    expect(live?.map((r) => r.id)).toEqual(rotated.map((r) => r.token_id))
    expect(old?.map((r) => r.id)).toEqual(first.map((r) => r.token_id))
    expect(audit).toEqual([{ action: 'token.revoke', n: 3 }, { action: 'token.rotate', n: 3 }])
  }, 180_000)

  it('revokes exactly the tokens of a CSV it wrote', () => {
    const out = ok('token.mjs', 'revoke-bulk', '--csv', 'rotated.csv')
    expect(out.trim().split('\n')).toHaveLength(3)
    expect(query('SELECT COUNT(*) AS n FROM tokens WHERE revoked_at IS NULL')).toEqual([[{ n: 0 }]])
  }, 180_000)
})
