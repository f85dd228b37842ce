// `npm run import -- <file.json> [--remote]`: loads a file written by `npm run export` into an EMPTY D1
// database (local by default): applies the migrations, refuses a database that holds any row, inserts every
// row in an order the foreign keys accept (parents before children, a unit before the units below it), and
// checks the row counts. Rows keep their ids, sequence numbers, versions and times, so aggregates, flags,
// idempotent replays and the audit read exactly as before.
// (--persist-to <dir> writes a local D1 in another state folder, as wrangler's own flag does.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  FORMAT, FORMAT_VERSION, READ_MODELS, applyMigrations, describeDatabase, describeTables, ident, parseArgs, query, runFile, sqlLiteral, sqlText,
} from './backup-lib.mjs'

function usage(message) {
  if (message) process.stderr.write('Error: ' + message + '\n')
  process.stderr.write('Usage: npm run import -- <file.json> [--remote] [--persist-to <dir>]\n')
  process.exit(2)
}

function fail(message) {
  process.stderr.write('Error: ' + message + '\n')
  process.exit(1)
}

const opts = parseArgs(process.argv.slice(2), ['--persist-to'], usage)
if (opts._.length !== 1) usage('name one file written by npm run export')
const dump = JSON.parse(readFileSync(opts._[0], 'utf8'))
if (dump.format !== FORMAT || dump.version !== FORMAT_VERSION) fail(opts._[0] + ' is not a file written by npm run export (format ' + FORMAT + ' ' + FORMAT_VERSION + ').')
const where = opts.remote ? 'the remote D1' : 'the local D1'

applyMigrations(opts)
const target = describeDatabase(opts)
const newer = dump.migrations.filter((m) => !target.migrations.includes(m))
if (newer.length > 0) fail('the file comes from a newer version of the product (migrations ' + newer.join(', ') + '); update the code first.')
const tables = Object.keys(dump.tables)
const unknown = tables.filter((t) => !target.tables.includes(t))
if (unknown.length > 0) fail(where + ' has no table ' + unknown.join(', ') + '.')

const { shapes } = describeTables(opts, target.tables)
// Only into an empty database: merging would mix two histories of append-only rows.
const filled = target.tables.map((t) => [t, shapes[t].rows]).filter(([, n]) => n > 0)
if (filled.length > 0) {
  fail(where + ' is not empty (' + filled.map(([t, n]) => t + ' ' + n + ' rows').join(', ') + '). Import only into a new database: ' +
    (opts.remote ? '`wrangler d1 create`, put its id in wrangler.jsonc, then import.' : 'remove .wrangler/state (or use another --persist-to).'))
}

for (const t of tables) {
  const missing = dump.tables[t].columns.filter((c) => !shapes[t].columns.includes(c))
  if (missing.length > 0) fail('table ' + t + ' of ' + where + ' has no column ' + missing.join(', ') + '.')
}

/** Tables ordered so that every table comes after the tables its foreign keys point at. */
function tableOrder() {
  const done = []
  const visit = (t, path) => {
    if (done.includes(t)) return
    if (path.includes(t)) fail('foreign keys go round in a circle: ' + path.concat(t).join(' → '))
    for (const r of shapes[t].references) if (r.parent !== t && tables.includes(r.parent)) visit(r.parent, path.concat(t))
    done.push(t)
  }
  for (const t of tables) visit(t, [])
  return done
}

/**
 * Rows of a table that points at itself (units.parent_id → units.id, evidence_items.supersedes → id) put each
 * parent before its children, otherwise in the order exported: rows exported by rowid are already in an order
 * the keys accepted, so they come back with the same rowids (an evidence item right after the one it replaced).
 */
function rowOrder(table) {
  const { columns, rows } = dump.tables[table]
  const self = shapes[table].references.find((r) => r.parent === table)
  if (!self) return rows
  const from = columns.indexOf(self.column)
  const to = columns.indexOf(self.to)
  const present = new Set(rows.map((r) => r[to]))
  const placed = new Set()
  const out = []
  let pending = rows
  while (pending.length > 0) {
    const later = []
    for (const r of pending) {
      if (r[from] === null || !present.has(r[from]) || placed.has(r[from])) {
        out.push(r)
        placed.add(r[to])
      } else later.push(r)
    }
    if (later.length === pending.length) fail('the rows of ' + table + ' point at each other in a circle.')
    pending = later
  }
  return out
}

// D1 takes statements of at most 100 KB: a longer value (a report with long notes) goes in parts into a
// staging table and is put back together inside the INSERT.
const MAX_STATEMENT_BYTES = 90_000
const PART_CHARS = 20_000
let partKey = 0
const statements = ['CREATE TABLE IF NOT EXISTS _ntm_import_parts (k INTEGER NOT NULL, seq INTEGER NOT NULL, part TEXT NOT NULL, PRIMARY KEY (k, seq));']

function splitText(text) {
  const parts = []
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + PART_CHARS)
    // Never cut a surrogate pair (an emoji, a rare character) in two.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--
    parts.push(text.slice(i, end))
    i = end
  }
  return parts
}

function valueSql(value) {
  const literal = sqlLiteral(value)
  if (typeof value !== 'string' || Buffer.byteLength(literal) < MAX_STATEMENT_BYTES / 4) return literal
  const k = ++partKey
  splitText(value).forEach((part, i) => statements.push('INSERT INTO _ntm_import_parts (k, seq, part) VALUES (' + k + ', ' + (i + 1) + ', ' + sqlText(part) + ');'))
  return "(WITH RECURSIVE cat (seq, acc) AS (SELECT 0, '' UNION ALL SELECT p.seq, cat.acc || p.part FROM cat JOIN _ntm_import_parts p " +
    'ON p.k = ' + k + ' AND p.seq = cat.seq + 1) SELECT acc FROM cat ORDER BY seq DESC LIMIT 1)'
}

for (const t of tableOrder()) {
  const { columns } = dump.tables[t]
  const head = 'INSERT INTO ' + ident(t) + ' (' + columns.map(ident).join(', ') + ') SELECT '
  for (const row of rowOrder(t)) statements.push(head + row.map(valueSql).join(', ') + ';')
}
statements.push('DROP TABLE _ntm_import_parts;')

const dir = mkdtempSync(join(tmpdir(), 'ntm-import-'))
const file = join(dir, 'import.sql')
writeFileSync(file, statements.join('\n') + '\n')
try {
  runFile(opts, file)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const after = query(opts, tables.map((t) => 'SELECT COUNT(*) AS n FROM ' + ident(t)).concat(target.readModels.map((t) => READ_MODELS[t])).join('; '))
const wrong = tables.filter((t, i) => after[i][0].n !== dump.tables[t].rows.length)
if (wrong.length > 0) fail('row counts differ after the import in ' + wrong.join(', ') + '.')
const stale = target.readModels.filter((t, i) => after[tables.length + i][0].n !== 0)
if (stale.length > 0) fail('the read models ' + stale.join(', ') + ' do not match their tables after the import.')
console.log('Imported ' + opts._[0] + ' into ' + where + ' (' + tables.map((t) => t + ' ' + dump.tables[t].rows.length).join(', ') + ').')
