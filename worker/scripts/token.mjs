// Issue and revoke API tokens in D1 (local by default, --remote for the deployed database).
//   npm run token -- create --role commune --unit binh-son [--label "Cán bộ NTM xã"] [--remote]
//   npm run token -- revoke --id tok_… | --token ntm_… [--remote]
//   npm run token -- list [--remote]
// (--persist-to <dir> points the local D1 at another state folder, as wrangler's own flag does.)
// Only the token's SHA-256 is stored. `create` prints the token once, alone on the last line of its output.
// `wrangler d1 execute` cannot bind parameters, so every value goes into the SQL as a hex literal
// (`lit`): SQL reads it as data whatever it contains, which is what binding would give. Values are also
// validated (slugs, fixed words) so a typo is refused before it reaches the database.
import { createHash, randomBytes } from 'node:crypto'
import { wrangler } from './lib.mjs'

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
      '  npm run token -- list [--remote]\n',
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
    else if (['--role', '--unit', '--label', '--id', '--token', '--persist-to'].includes(arg)) {
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

function auditSql(id, at, action, tokenId, detail) {
  return (
    'INSERT INTO audit_log (id, at, actor, role, unit_id, action, target, detail) SELECT ' + lit(id) + ', ' + lit(at) +
    ", 'cli', 'admin', unit_id, " + lit(action) + ', id, ' + lit(JSON.stringify(detail)) + ' FROM tokens WHERE id = ' + lit(tokenId)
  )
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
  const token = 'ntm_' + randomBytes(32).toString('base64url')
  const id = 'tok_' + randomBytes(8).toString('hex')
  const at = new Date().toISOString()
  d1(
    opts,
    'INSERT INTO tokens (id, token_hash, role, unit_id, label, created_at) VALUES (' +
      [id, sha256Hex(token), opts.role, opts.unit, label, at].map(lit).join(', ') + '); ' +
      auditSql('aud_' + randomBytes(12).toString('hex'), at, 'token.create', id, { role: opts.role, label }),
  )
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
      auditSql('aud_' + randomBytes(12).toString('hex'), at, 'token.revoke', row.id, { role: row.role }),
  )
  console.log('Token ' + row.id + ' (' + row.role + ', ' + row.unit_id + ') revoked at ' + at + '.')
}

function list(opts) {
  const rows = d1(opts, 'SELECT id, role, unit_id, label, created_at, revoked_at FROM tokens ORDER BY created_at, id')
  for (const r of rows) {
    console.log([r.id, r.role, r.unit_id, r.revoked_at ? 'revoked ' + r.revoked_at : 'active', r.label].join('\t'))
  }
}

const opts = parseArgs(process.argv.slice(2))
if (!opts.remote) wrangler(['d1', 'migrations', 'apply', 'DB', ...d1Target(opts)], { quiet: true })
if (opts.command === 'create') create(opts)
else if (opts.command === 'revoke') revoke(opts)
else if (opts.command === 'list') list(opts)
else usage(opts.command ? 'unknown command ' + opts.command : undefined)
