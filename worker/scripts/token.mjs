// Issue and revoke API tokens in D1 (local by default, --remote for the deployed database).
//   npm run token -- create --role commune --unit binh-son [--label "Cán bộ NTM xã"] [--remote]
//   npm run token -- revoke --id tok_… | --token ntm_… [--remote]
//   npm run token -- list [--remote]
// For a whole district or province at once (one token per unit of the role's level below --parent):
//   npm run token -- create-bulk --parent trieu-son --role commune --server https://… [--remote] > tokens.csv
//   npm run token -- rotate-bulk --parent trieu-son --role commune --server https://… [--remote] > tokens.csv
//   npm run token -- revoke-bulk (--parent trieu-son --role commune | --csv tokens.csv) [--remote]
// create-bulk skips units that already hold a live token of the role (--all to issue anyway); rotate-bulk gives
// every unit a new token and revokes its old ones. Both write the CSV (unit_id, unit_name, role, token_id, token)
// to stdout and a printable sheet per unit to --sheets <dir> (default token-sheets/<parent>-<time>/).
// (--persist-to <dir> points the local D1 at another state folder, as wrangler's own flag does.)
// Only the token's SHA-256 is stored. `create` prints the token once, alone on the last line of its output.
// `wrangler d1 execute` cannot bind parameters, so every value goes into the SQL as a hex literal
// (`lit`): SQL reads it as data whatever it contains, which is what binding would give. Values are also
// validated (slugs, fixed words) so a typo is refused before it reaches the database.
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCsv, toCsv } from './csv.mjs'
import { wrangler } from './lib.mjs'
import { writeSheets } from './token-sheets.mjs'

const ROLES = ['commune', 'district', 'leader', 'admin']
const LEVELS_FOR_ROLE = {
  commune: ['commune'],
  district: ['district', 'province'],
  leader: ['district', 'province', 'commune'],
  admin: ['province', 'district', 'commune', 'office'],
}
const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,63}$/
const TOKEN_ID_RE = /^tok_[a-z0-9_]{1,64}$/
const TOKEN_RE = /^ntm_[A-Za-z0-9_-]{8,200}$/

function usage(message) {
  if (message) process.stderr.write('Error: ' + message + '\n')
  process.stderr.write(
    'Usage:\n' +
      '  npm run token -- create --role <commune|district|leader|admin> --unit <unit-id> [--label <text>] [--remote]\n' +
      '  npm run token -- revoke (--id <tok_…> | --token <ntm_…>) [--remote]\n' +
      '  npm run token -- list [--remote]\n' +
      '  npm run token -- create-bulk --parent <unit-id> --role <role> --server <https://…> [--label <text>] [--all] [--sheets <dir>] [--remote] > tokens.csv\n' +
      '  npm run token -- rotate-bulk --parent <unit-id> --role <role> --server <https://…> [--sheets <dir>] [--remote] > tokens.csv\n' +
      '  npm run token -- revoke-bulk (--parent <unit-id> --role <role> | --csv <tokens.csv>) [--remote]\n',
  )
  process.exit(2)
}

function parseArgs(argv) {
  const [command, ...rest] = argv
  const opts = { command, remote: false }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    if (arg === '--remote') opts.remote = true
    else if (arg === '--local') opts.remote = false
    else if (arg === '--all') opts.all = true
    else if (['--role', '--unit', '--label', '--id', '--token', '--persist-to', '--parent', '--csv', '--server', '--portal', '--sheets'].includes(arg)) {
      const value = rest[++i]
      if (value === undefined) usage(arg + ' needs a value')
      opts[arg.slice(2)] = value
    } else usage('unknown argument ' + arg)
  }
  return opts
}

const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex')
/** A value as a SQL literal that cannot be read as SQL: its UTF-8 bytes in hex, cast back to text. */
const lit = (value) => "CAST(X'" + Buffer.from(String(value), 'utf8').toString('hex') + "' AS TEXT)"

function d1Target(opts) {
  if (opts.remote) return ['--remote']
  return opts['persist-to'] ? ['--local', '--persist-to', opts['persist-to']] : ['--local']
}

function d1(opts, sql) {
  const out = wrangler(['d1', 'execute', 'DB', ...d1Target(opts), '--json', '--command', sql], { quiet: true })
  const parsed = JSON.parse(out)
  return parsed.flatMap((r) => r.results || [])
}

/** Many statements at once, from a file: a command line cannot carry 166 units' worth of SQL. */
function d1File(opts, sql) {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-token-'))
  const file = join(dir, 'tokens.sql')
  writeFileSync(file, sql, { mode: 0o600 })
  try {
    wrangler(['d1', 'execute', 'DB', ...d1Target(opts), '--yes', '--file', file], { quiet: true })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function auditSql(id, at, action, tokenId, detail) {
  return (
    'INSERT INTO audit_log (id, at, actor, role, unit_id, action, target, detail) SELECT ' + lit(id) + ', ' + lit(at) +
    ", 'cli', 'admin', unit_id, " + lit(action) + ', id, ' + lit(JSON.stringify(detail)) + ' FROM tokens WHERE id = ' + lit(tokenId)
  )
}

const newToken = () => ({ token: 'ntm_' + randomBytes(32).toString('base64url'), id: 'tok_' + randomBytes(8).toString('hex') })
const auditId = () => 'aud_' + randomBytes(12).toString('hex')

function insertTokenSql(t, role, unitId, label, at) {
  return 'INSERT INTO tokens (id, token_hash, role, unit_id, label, created_at) VALUES (' + [t.id, sha256Hex(t.token), role, unitId, label, at].map(lit).join(', ') + ');'
}

function create(opts) {
  if (!ROLES.includes(opts.role)) usage('--role must be one of ' + ROLES.join(', '))
  if (!opts.unit || !SLUG_RE.test(opts.unit)) usage('--unit must be a unit id (lower-case letters, digits and dashes)')
  const label = (opts.label ?? '').slice(0, 200)
  const [unit] = d1(opts, 'SELECT id, name, level FROM units WHERE id = ' + lit(opts.unit))
  if (!unit) {
    process.stderr.write('Error: unit "' + opts.unit + '" does not exist in the ' + (opts.remote ? 'remote' : 'local') + ' D1.\n')
    process.exit(1)
  }
  if (!LEVELS_FOR_ROLE[opts.role].includes(unit.level)) {
    process.stderr.write('Error: a ' + opts.role + ' token cannot belong to a ' + unit.level + ' unit.\n')
    process.exit(1)
  }
  const { token, id } = newToken()
  const at = new Date().toISOString()
  d1(opts, insertTokenSql({ token, id }, opts.role, opts.unit, label, at) + ' ' + auditSql(auditId(), at, 'token.create', id, { role: opts.role, label }))
  console.log('Token ' + id + ' created: role ' + opts.role + ', unit ' + unit.id + ' (' + unit.name + '), ' + (opts.remote ? 'remote' : 'local') + ' D1.')
  console.log('It is shown only now; store it safely. Revoke with: npm run token -- revoke --id ' + id + (opts.remote ? ' --remote' : ''))
  console.log(token)
}

function revoke(opts) {
  let where
  if (opts.id !== undefined) {
    if (!TOKEN_ID_RE.test(opts.id)) usage('--id must look like tok_…')
    where = 'id = ' + lit(opts.id)
  } else if (opts.token !== undefined) {
    if (!TOKEN_RE.test(opts.token)) usage('--token must look like ntm_…')
    where = 'token_hash = ' + lit(sha256Hex(opts.token))
  } else usage('revoke needs --id or --token')
  const [row] = d1(opts, 'SELECT id, role, unit_id, revoked_at FROM tokens WHERE ' + where)
  if (!row) {
    process.stderr.write('Error: no such token.\n')
    process.exit(1)
  }
  if (row.revoked_at) {
    console.log('Token ' + row.id + ' was already revoked at ' + row.revoked_at + '.')
    return
  }
  const at = new Date().toISOString()
  d1(
    opts,
    'UPDATE tokens SET revoked_at = ' + lit(at) + ' WHERE id = ' + lit(row.id) + ' AND revoked_at IS NULL; ' +
      auditSql(auditId(), at, 'token.revoke', row.id, { role: row.role }),
  )
  console.log('Token ' + row.id + ' (' + row.role + ', ' + row.unit_id + ') revoked at ' + at + '.')
}

function list(opts) {
  const rows = d1(opts, 'SELECT id, role, unit_id, label, created_at, revoked_at FROM tokens ORDER BY created_at, id')
  for (const r of rows) {
    console.log([r.id, r.role, r.unit_id, r.revoked_at ? 'revoked ' + r.revoked_at : 'active', r.label].join('\t'))
  }
}

// ---------------------------------------------------------------------------------------------------------
// Bulk: every unit of the role's level below a parent. Each command checks its arguments before touching the
// database and reads what it needs in one `wrangler d1 execute` (statements separated by ';').

/** Each statement's rows, in order. */
function d1Many(opts, statements) {
  const out = wrangler(['d1', 'execute', 'DB', ...d1Target(opts), '--json', '--command', statements.join('; ')], { quiet: true })
  return JSON.parse(out).map((r) => r.results || [])
}

function requireRoleAndParent(opts) {
  if (!ROLES.includes(opts.role)) usage('--role must be one of ' + ROLES.join(', '))
  if (!opts.parent || !SLUG_RE.test(opts.parent)) usage('--parent must be a unit id (lower-case letters, digits and dashes)')
}

/** The server address the sheets print. */
function serverOf(opts) {
  const text = opts.server ?? process.env.NTM_SERVER_URL
  if (!text) usage('--server <https://…> is needed: the sheets tell each unit where to connect (or set NTM_SERVER_URL)')
  let url
  try {
    url = new URL(text)
  } catch {
    usage('--server must be a URL, got "' + text + '"')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') usage('--server must be an http(s) address')
  const server = url.origin + url.pathname.replace(/\/+$/, '')
  return { server, portal: opts.portal ?? server + '/' }
}

/** SQL for the units of the role's levels below the parent (not the parent itself), with their parent's name. */
function unitsBelowSql(opts) {
  return (
    'WITH RECURSIVE sub (id, depth) AS (SELECT id, 0 FROM units WHERE id = ' + lit(opts.parent) +
    ' UNION ALL SELECT u.id, sub.depth + 1 FROM units u JOIN sub ON u.parent_id = sub.id WHERE sub.depth < 16) ' +
    'SELECT u.id, u.name, u.level, p.name AS parent_name FROM sub JOIN units u ON u.id = sub.id LEFT JOIN units p ON p.id = u.parent_id ' +
    'WHERE sub.depth > 0 AND u.level IN (' + LEVELS_FOR_ROLE[opts.role].map(lit).join(', ') + ') ORDER BY u.id'
  )
}

/** The parent, the units below it and the live tokens of the role they hold, in one round trip. */
function readBelow(opts) {
  const [parents, units, live] = d1Many(opts, [
    'SELECT id, name FROM units WHERE id = ' + lit(opts.parent),
    unitsBelowSql(opts),
    'SELECT id, unit_id FROM tokens WHERE role = ' + lit(opts.role) + ' AND revoked_at IS NULL AND unit_id IN (SELECT id FROM (' + unitsBelowSql(opts) + ')) ORDER BY unit_id, id',
  ])
  const parent = parents[0]
  if (!parent) {
    process.stderr.write('Error: unit "' + opts.parent + '" does not exist in the ' + (opts.remote ? 'remote' : 'local') + ' D1.\n')
    process.exit(1)
  }
  return { parent, units, live }
}

const CSV_COLUMNS = ['unit_id', 'unit_name', 'role', 'token_id', 'token']

function defaultSheetsDir(parent, at) {
  return join('token-sheets', parent + '-' + at.replace(/[-:]/g, '').replace('T', '-').slice(0, 15))
}

/** Issues a token to each of `targets` (revoking the unit's older ones when `rotate`), then the CSV and the sheets. */
function issue(opts, targets, { server, portal }, rotate) {
  const at = new Date().toISOString()
  const label = (opts.label ?? (rotate ? 'Cấp lại hàng loạt ' : 'Cấp hàng loạt ') + at.slice(0, 10)).slice(0, 200)
  const issued = targets.map((u) => ({ unit: u, ...newToken() }))
  const sql = []
  for (const t of issued) {
    sql.push(insertTokenSql(t, opts.role, t.unit.id, label, at))
    if (rotate) {
      const older = ' FROM tokens WHERE unit_id = ' + lit(t.unit.id) + ' AND role = ' + lit(opts.role) + ' AND revoked_at IS NULL AND id <> ' + lit(t.id)
      sql.push(
        'INSERT INTO audit_log (id, at, actor, role, unit_id, action, target, detail) SELECT ' + lit(auditId()) + " || '_' || id, " + lit(at) +
          ", 'cli', 'admin', unit_id, 'token.revoke', id, " + lit(JSON.stringify({ role: opts.role, rotatedTo: t.id })) + older + ';',
        'UPDATE tokens SET revoked_at = ' + lit(at) + ' WHERE id IN (SELECT id' + older + ');',
      )
    }
    sql.push(auditSql(auditId(), at, rotate ? 'token.rotate' : 'token.create', t.id, { role: opts.role, label, bulk: true }) + ';')
  }
  if (issued.length > 0) d1File(opts, sql.join('\n'))
  process.stdout.write(toCsv(CSV_COLUMNS, issued.map((t) => ({ unit_id: t.unit.id, unit_name: t.unit.name, role: opts.role, token_id: t.id, token: t.token }))))
  if (issued.length === 0) return { issued, index: null }
  const index = writeSheets(opts.sheets ?? defaultSheetsDir(opts.parent, at), issued.map((t) => ({
    unitId: t.unit.id, unitName: t.unit.name, parentName: t.unit.parent_name, token: t.token, tokenId: t.id, issuedAt: at, server, portal,
  })))
  return { issued, index }
}

function createBulk(opts, address) {
  const { parent, units, live } = readBelow(opts)
  if (units.length === 0) {
    process.stderr.write('Error: no unit below ' + parent.id + ' can hold a ' + opts.role + ' token.\n')
    process.exit(1)
  }
  const holders = new Set(live.map((t) => t.unit_id))
  const targets = opts.all ? units : units.filter((u) => !holders.has(u.id))
  const { issued, index } = issue(opts, targets, address, false)
  const skipped = units.length - targets.length
  process.stderr.write(
    'Issued ' + issued.length + ' ' + opts.role + ' token(s) below ' + parent.id + ' (' + parent.name + '), ' + (opts.remote ? 'remote' : 'local') + ' D1.\n' +
      (skipped > 0 ? 'Skipped ' + skipped + ' unit(s) that already hold one (rotate-bulk replaces them; --all issues a second).\n' : '') +
      (index ? 'Printable sheets: ' + index + ' (one page per unit). They hold live tokens: delete them once handed over.\n' : ''),
  )
}

function rotateBulk(opts, address) {
  const { parent, units, live } = readBelow(opts)
  const { issued, index } = issue(opts, units, address, true)
  process.stderr.write(
    'Rotated ' + issued.length + ' unit(s) below ' + parent.id + ': ' + issued.length + ' new ' + opts.role + ' token(s), ' + live.length + ' old one(s) revoked.\n' +
      (index ? 'Printable sheets: ' + index + '\n' : ''),
  )
}

/** The token ids of a CSV this script wrote, checked before the database is touched. */
function idsFromCsv(file) {
  const { header, rows } = parseCsv(readFileSync(file, 'utf8'))
  if (!header.includes('token_id') || rows.length === 0) usage(file + ': every row needs a token_id like tok_… (the CSV create-bulk wrote)')
  const bad = rows.findIndex((r) => !TOKEN_ID_RE.test(r.token_id))
  if (bad >= 0) usage(file + ' line ' + (bad + 2) + ': every row needs a token_id like tok_…, got "' + rows[bad].token_id + '"')
  return rows.map((r) => r.token_id)
}

function revokeBulk(opts, ids) {
  const rows = ids
    ? d1(opts, 'SELECT id, unit_id FROM tokens WHERE revoked_at IS NULL AND id IN (' + ids.map(lit).join(', ') + ') ORDER BY unit_id, id')
    : readBelow(opts).live
  const at = new Date().toISOString()
  const sql = rows.flatMap((r) => [
    'UPDATE tokens SET revoked_at = ' + lit(at) + ' WHERE id = ' + lit(r.id) + ' AND revoked_at IS NULL;',
    auditSql(auditId(), at, 'token.revoke', r.id, { bulk: true }) + ';',
  ])
  if (sql.length > 0) d1File(opts, sql.join('\n'))
  for (const r of rows) console.log(r.id + '\t' + r.unit_id + '\trevoked')
  process.stderr.write('Revoked ' + rows.length + ' token(s) at ' + at + '.\n')
}

const opts = parseArgs(process.argv.slice(2))
// Arguments first (a typo never reaches the database), then the local migrations, then the command.
const COMMANDS = {
  create: () => () => create(opts),
  revoke: () => () => revoke(opts),
  list: () => () => list(opts),
  'create-bulk': () => {
    requireRoleAndParent(opts)
    const address = serverOf(opts)
    return () => createBulk(opts, address)
  },
  'rotate-bulk': () => {
    requireRoleAndParent(opts)
    const address = serverOf(opts)
    return () => rotateBulk(opts, address)
  },
  'revoke-bulk': () => {
    if (opts.csv !== undefined) {
      const ids = idsFromCsv(opts.csv)
      return () => revokeBulk(opts, ids)
    }
    requireRoleAndParent(opts)
    return () => revokeBulk(opts, null)
  },
}
const prepare = Object.prototype.hasOwnProperty.call(COMMANDS, opts.command) ? COMMANDS[opts.command] : null
if (!prepare) usage(opts.command ? 'unknown command ' + opts.command : undefined)
const run = prepare()
if (!opts.remote) wrangler(['d1', 'migrations', 'apply', 'DB', ...d1Target(opts)], { quiet: true })
run()
