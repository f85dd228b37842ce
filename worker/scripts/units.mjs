// The organisation tree in D1 from a CSV (local by default, --remote for the deployed database):
//   npm run units -- import units.csv [--remote]
//   npm run units -- list [--remote] > units.csv          (the same columns: edit and import again)
// Columns: id, name, level (province | district | commune | office), parent_id, reports_from.
// A row whose id exists updates that unit (name, level, parent, first reporting period); others are added.
// A commune's region or group is no unit column: it is its class in a criteria catalogue, set with the
// catalogue's assignment (PUT /api/v1/units/{unit}/catalog), so a `region` column is refused, not ignored.
// Everything is checked first — ids, levels, parents (in the file or the database), no cycles — and nothing is
// written unless every row is right; each problem names its CSV line.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCsv, toCsv } from './csv.mjs'
import { wrangler } from './lib.mjs'

export const COLUMNS = ['id', 'name', 'level', 'parent_id', 'reports_from']
const LEVELS = ['province', 'district', 'commune', 'office']
const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,63}$/
const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])-(14|28)$/

function usage(message) {
  if (message) process.stderr.write('Error: ' + message + '\n')
  process.stderr.write('Usage:\n  npm run units -- import <units.csv> [--remote]\n  npm run units -- list [--remote] > units.csv\n')
  process.exit(2)
}

const lit = (value) => (value === null ? 'NULL' : "CAST(X'" + Buffer.from(String(value), 'utf8').toString('hex') + "' AS TEXT)")

/**
 * Checks the rows against each other and the units already stored (`existing`: id → parent_id). Returns the
 * problems (each naming its CSV line, the header being line 1) and the rows in an order that puts parents first.
 */
export function checkUnits(rows, existing) {
  const problems = []
  const seen = new Map()
  rows.forEach((r, i) => {
    const line = 'line ' + (i + 2)
    const id = (r.id ?? '').trim()
    if (!SLUG_RE.test(id)) problems.push(line + ': id "' + id + '" must be lower-case letters, digits and dashes (e.g. binh-son)')
    else if (seen.has(id)) problems.push(line + ': id "' + id + '" is also on line ' + (seen.get(id) + 2))
    else seen.set(id, i)
    if (!(r.name ?? '').trim()) problems.push(line + ': name is empty')
    else if (r.name.length > 200) problems.push(line + ': name is longer than 200 characters')
    if (!LEVELS.includes((r.level ?? '').trim())) problems.push(line + ': level "' + (r.level ?? '') + '" must be one of ' + LEVELS.join(', '))
    const parent = (r.parent_id ?? '').trim()
    if (parent !== '' && !SLUG_RE.test(parent)) problems.push(line + ': parent_id "' + parent + '" is not a unit id')
    if (parent === id && id !== '') problems.push(line + ': a unit cannot be its own parent')
    const region = (r.region ?? '').trim()
    if (region !== '') {
      problems.push(line + ': region "' + region + '" is not a unit column any more: a commune\'s region or group is its class in the criteria catalogue, set with PUT /api/v1/units/{unit}/catalog ("classes")')
    }
    const from = (r.reports_from ?? '').trim()
    if (from !== '' && !PERIOD_RE.test(from)) problems.push(line + ': reports_from "' + from + '" must be a period, YYYY-MM-14 or YYYY-MM-28')
  })
  const parentOf = new Map(existing)
  for (const r of rows) parentOf.set(r.id.trim(), (r.parent_id ?? '').trim() || null)
  rows.forEach((r, i) => {
    const parent = (r.parent_id ?? '').trim()
    if (parent !== '' && !parentOf.has(parent)) problems.push('line ' + (i + 2) + ': parent_id "' + parent + '" is neither in the file nor in the database')
  })
  // A cycle would make every query that walks the tree loop (they stop at 16 levels, but the data would be wrong).
  for (const r of rows) {
    let at = r.id.trim()
    for (let depth = 0; at !== null && at !== undefined; depth++) {
      if (depth > 16) {
        problems.push('line ' + (rows.indexOf(r) + 2) + ': unit "' + r.id + '" is its own ancestor (a cycle in parent_id)')
        break
      }
      at = parentOf.get(at) ?? null
    }
  }
  const depth = (id) => {
    let d = 0
    for (let at = parentOf.get(id); at && d < 17; at = parentOf.get(at)) d++
    return d
  }
  const ordered = rows.slice().sort((a, b) => depth(a.id.trim()) - depth(b.id.trim()))
  return { problems, ordered }
}

function target(opts) {
  if (opts.remote) return ['--remote']
  return opts['persist-to'] ? ['--local', '--persist-to', opts['persist-to']] : ['--local']
}

function query(opts, sql) {
  return JSON.parse(wrangler(['d1', 'execute', 'DB', ...target(opts), '--json', '--command', sql], { quiet: true })).flatMap((r) => r.results || [])
}

/** The file's rows, or an exit naming what is wrong with the file itself. */
function readUnitsFile(file) {
  let parsed
  try {
    parsed = parseCsv(readFileSync(file, 'utf8'))
  } catch (err) {
    process.stderr.write('Error: ' + file + ': ' + err.message + '\n')
    process.exit(1)
  }
  const missing = ['id', 'name', 'level', 'parent_id'].filter((c) => !parsed.header.includes(c))
  if (missing.length > 0) usage(file + ' has no column ' + missing.join(', ') + ' (columns: ' + COLUMNS.join(', ') + ')')
  return parsed
}

function importUnits(opts, file, parsed) {
  const existing = new Map(query(opts, 'SELECT id, parent_id FROM units').map((u) => [u.id, u.parent_id]))
  const { problems, ordered } = checkUnits(parsed.rows, existing)
  if (problems.length > 0) {
    process.stderr.write('Nothing imported; ' + file + ':\n' + problems.map((p) => '  ' + p).join('\n') + '\n')
    process.exit(1)
  }
  const at = new Date().toISOString()
  const sql = ordered.flatMap((r) => {
    const v = [r.id, r.name, r.level, r.parent_id, r.reports_from].map((x) => ((x ?? '').trim() === '' ? null : x.trim()))
    return [
      'INSERT INTO units (id, name, level, parent_id, reports_from, created_at) VALUES (' + [...v, at].map(lit).join(', ') + ')' +
        ' ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, parent_id = excluded.parent_id,' +
        ' reports_from = excluded.reports_from;',
      'INSERT INTO audit_log (id, at, actor, role, unit_id, action, target, detail) VALUES (' +
        ['aud_' + randomBytes(12).toString('hex'), at, 'cli', 'admin', v[0], existing.has(v[0]) ? 'unit.update' : 'unit.create', v[0],
          JSON.stringify({ name: v[1], level: v[2], parent: v[3], reportsFrom: v[4] })].map(lit).join(', ') + ');',
    ]
  })
  const dir = mkdtempSync(join(tmpdir(), 'ntm-units-'))
  try {
    writeFileSync(join(dir, 'units.sql'), sql.join('\n'))
    wrangler(['d1', 'execute', 'DB', ...target(opts), '--yes', '--file', join(dir, 'units.sql')], { quiet: true })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const added = ordered.filter((r) => !existing.has(r.id.trim())).length
  process.stderr.write('Units: ' + added + ' added, ' + (ordered.length - added) + ' updated (' + (opts.remote ? 'remote' : 'local') + ' D1).\n')
}

function listUnits(opts) {
  process.stdout.write(toCsv(COLUMNS, query(opts, 'SELECT ' + COLUMNS.join(', ') + ' FROM units ORDER BY id')))
}

function main(argv) {
  const [command, ...rest] = argv
  const opts = { remote: false }
  const positional = []
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--remote') opts.remote = true
    else if (rest[i] === '--local') opts.remote = false
    else if (rest[i] === '--persist-to') opts['persist-to'] = rest[++i]
    else if (rest[i].startsWith('--')) usage('unknown argument ' + rest[i])
    else positional.push(rest[i])
  }
  let run
  if (command === 'import' && positional.length === 1) {
    const parsed = readUnitsFile(positional[0])
    run = () => importUnits(opts, positional[0], parsed)
  } else if (command === 'list' && positional.length === 0) run = () => listUnits(opts)
  else usage(command ? 'unknown command or arguments: ' + argv.join(' ') : undefined)
  if (!opts.remote) wrangler(['d1', 'migrations', 'apply', 'DB', ...target(opts)], { quiet: true })
  run()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main(process.argv.slice(2))
