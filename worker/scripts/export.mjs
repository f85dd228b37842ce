// `npm run export [-- --remote] [--out file.json]`: every row of every table of the D1 database (units,
// catalogues, tokens as hashes, report revisions, idempotency keys, tasks, lock events, audit, evidence
// metadata, settings, notifications, webhooks…) into one JSON file, for `npm run import` into an empty database.
// Evidence files themselves live in R2 and are not in the file (see README, Operations).
// (--persist-to <dir> reads a local D1 in another state folder, as wrangler's own flag does.)
import { writeFileSync } from 'node:fs'
import { FORMAT, FORMAT_VERSION, describeDatabase, describeTables, pageSql, parseArgs, query } from './backup-lib.mjs'

function usage(message) {
  if (message) process.stderr.write('Error: ' + message + '\n')
  process.stderr.write('Usage: npm run export -- [--remote] [--out <file.json>] [--persist-to <dir>]\n')
  process.exit(2)
}

const opts = parseArgs(process.argv.slice(2), ['--out', '--persist-to'], usage)
if (opts._.length > 0) usage('unexpected ' + opts._.join(' '))
const out = opts.out || 'ntm-export-' + new Date().toISOString().replace(/[:.]/g, '-') + (opts.remote ? '-remote' : '-local') + '.json'

// Rows per table per round trip: small for the tables whose rows carry whole reports.
const PAGE = { report_revisions: 100, idempotency_keys: 100 }
const pageOf = (table) => PAGE[table] ?? 1000

const { tables, migrations } = describeDatabase(opts)
// The tables' shapes come with their first pages; then every unfinished table's next page in each round trip.
const after = Object.fromEntries(tables.map((t) => [t, 0]))
const first = describeTables(opts, tables, tables.map((t) => pageSql(t, 0, pageOf(t))))
const dump = {}
for (const t of tables) dump[t] = { columns: first.shapes[t].columns, rows: [] }
let open = tables.slice()
let pages = first.extra
while (open.length > 0) {
  if (!pages) pages = query(opts, open.map((t) => pageSql(t, after[t], pageOf(t))).join('; '))
  const next = []
  open.forEach((t, i) => {
    const rows = pages[i]
    for (const row of rows) dump[t].rows.push(dump[t].columns.map((c) => row[c] ?? null))
    if (rows.length > 0) after[t] = rows[rows.length - 1].__rowid
    if (rows.length === pageOf(t)) next.push(t)
  })
  open = next
  pages = null
}

writeFileSync(out, JSON.stringify({
  format: FORMAT, version: FORMAT_VERSION, exportedAt: new Date().toISOString(), source: opts.remote ? 'remote' : 'local', migrations, tables: dump,
}))
const counts = tables.map((t) => t + ' ' + dump[t].rows.length).join(', ')
console.log('Exported ' + (opts.remote ? 'the remote' : 'the local') + ' D1 (' + counts + ') to ' + out)
