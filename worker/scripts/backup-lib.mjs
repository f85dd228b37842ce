// Shared by `npm run export` and `npm run import`: which D1 to talk to, reading it through
// `wrangler d1 execute --json`, and the dump's format. Every table of the database is dumped (migrations'
// bookkeeping and SQLite's own excepted), so tables added later are backed up without touching this file.
import { wrangler } from './lib.mjs'

export const FORMAT = 'ntm-d1-export'
export const FORMAT_VERSION = 1

/** --remote, or the local D1 (optionally another state folder with --persist-to, as wrangler's own flag). */
export function d1Target(opts) {
  if (opts.remote) return ['--remote']
  return opts['persist-to'] ? ['--local', '--persist-to', opts['persist-to']] : ['--local']
}

/** Runs SQL (one or more statements) and returns each statement's rows. */
export function query(opts, sql) {
  const out = wrangler(['d1', 'execute', 'DB', ...d1Target(opts), '--json', '--command', sql], { quiet: true })
  return JSON.parse(out).map((r) => r.results || [])
}

export function runFile(opts, file) {
  wrangler(['d1', 'execute', 'DB', ...d1Target(opts), '--file', file, ...(opts.remote ? ['--yes'] : [])], { quiet: true })
}

export function applyMigrations(opts) {
  wrangler(['d1', 'migrations', 'apply', 'DB', ...d1Target(opts)], { quiet: true })
}

/** A name as a quoted SQL identifier. */
export const ident = (name) => '"' + String(name).replace(/"/g, '""') + '"'

/**
 * Read models (migration read_models): rows derived from tasks and report_revisions by triggers. They are not
 * dumped: the import's inserts rebuild them through the same triggers, and the import checks each against its
 * source with the statement below (which counts the rows missing or left over; 0 when rebuilt).
 */
export const READ_MODELS = {
  report_latest:
    'SELECT abs((SELECT COUNT(*) FROM report_latest) - (SELECT COUNT(*) FROM (SELECT DISTINCT unit_id, period FROM report_revisions))) ' +
    '+ (SELECT COUNT(*) FROM report_latest l WHERE l.revision <> (SELECT MAX(r.revision) FROM report_revisions r ' +
    'WHERE r.unit_id = l.unit_id AND r.period = l.period)) AS n',
  task_units:
    "WITH derived AS (SELECT owner_id AS unit_id, owner_id, id AS task_id, 'owner' AS role FROM tasks " +
    "UNION SELECT lead, owner_id, id, 'lead' FROM tasks UNION SELECT c.value, t.owner_id, t.id, 'collaborator' " +
    "FROM tasks t, json_each(t.collaborators) c WHERE c.type = 'text') " +
    'SELECT (SELECT COUNT(*) FROM (SELECT * FROM derived EXCEPT SELECT unit_id, owner_id, task_id, role FROM task_units)) ' +
    '+ (SELECT COUNT(*) FROM (SELECT unit_id, owner_id, task_id, role FROM task_units EXCEPT SELECT * FROM derived)) AS n',
}

/** The data tables (read models apart) and the migrations applied, in one round trip. */
export function describeDatabase(opts) {
  const [tables, migrations] = query(
    opts,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' " +
      "AND name NOT IN ('d1_migrations', '_ntm_import_parts') ORDER BY name; SELECT name FROM d1_migrations ORDER BY id",
  )
  const names = tables.map((t) => t.name)
  return {
    tables: names.filter((t) => !(t in READ_MODELS)),
    readModels: names.filter((t) => t in READ_MODELS),
    migrations: migrations.map((m) => m.name),
  }
}


/**
 * Each table's columns, the tables its foreign keys point at and its row count, with `extra` statements in the
 * same round trip (wrangler starts a process per call: fewer calls, faster scripts). Returns the extras' rows.
 */
export function describeTables(opts, tables, extra = []) {
  const statements = tables.flatMap((t) => [
    'SELECT name FROM pragma_table_info(' + sqlText(t) + ') ORDER BY cid',
    'SELECT "table" AS parent, "from" AS col, "to" AS ref FROM pragma_foreign_key_list(' + sqlText(t) + ')',
    'SELECT COUNT(*) AS n FROM ' + ident(t),
  ])
  const results = query(opts, statements.concat(extra).join('; '))
  const shapes = {}
  tables.forEach((t, i) => {
    shapes[t] = {
      columns: results[3 * i].map((c) => c.name),
      references: results[3 * i + 1].map((f) => ({ parent: f.parent, column: f.col, to: f.ref })),
      rows: results[3 * i + 2][0].n,
    }
  })
  return { shapes, extra: results.slice(3 * tables.length) }
}

/** The statement that reads a table's next page of rows after `afterRowid`. */
export const pageSql = (table, afterRowid, size) =>
  'SELECT rowid AS "__rowid", * FROM ' + ident(table) + ' WHERE rowid > ' + afterRowid + ' ORDER BY rowid LIMIT ' + size

/** A value as an SQL literal: text quoted (quotes doubled), numbers as they are, BLOBs (byte arrays) in hex. */
export function sqlLiteral(value) {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('cannot write a non-finite number into SQL')
    return String(value)
  }
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (Array.isArray(value)) return "X'" + Buffer.from(value).toString('hex') + "'"
  return sqlText(value)
}

export function sqlText(text) {
  return "'" + String(text).replace(/'/g, "''") + "'"
}

export function parseArgs(argv, flags, usage) {
  const opts = { remote: false, _: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--remote') opts.remote = true
    else if (arg === '--local') opts.remote = false
    else if (flags.includes(arg)) {
      const value = argv[++i]
      if (value === undefined) usage(arg + ' needs a value')
      opts[arg.slice(2)] = value
    } else if (arg.startsWith('--')) usage('unknown argument ' + arg)
    else opts._.push(arg)
  }
  return opts
}
