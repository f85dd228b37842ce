// Load and export criteria catalogues in D1 (local by default, --remote for the deployed database).
//   npm run catalog -- import FILE [--remote]          FILE: the filled catalogue workbook (.xlsx) or the same as .json
//   npm run catalog -- export --id ID [--version V] [--out FILE.xlsx] [--remote]   (newest version without --version)
//   npm run catalog -- list [--remote]
// (--persist-to <dir> points the local D1 at another state folder, as wrangler's own flag does.)
// The file is checked exactly as POST /api/v1/catalogs checks it, and stored the same way: a version already
// loaded with the same content is left alone, with other content refused (a loaded version never changes).
// `wrangler d1 execute` cannot bind parameters, so every value enters the SQL as a hex literal (see token.mjs).
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { applyMigrations, parseArgs, query as queryAll, runFile } from './backup-lib.mjs'
import { ROOT, importBundled } from './lib.mjs'

function usage(message) {
  if (message) process.stderr.write('Error: ' + message + '\n')
  process.stderr.write(
    'Usage:\n' +
      '  npm run catalog -- import <file.xlsx|file.json> [--remote]\n' +
      '  npm run catalog -- export --id <catalogue id> [--version <version>] [--out <file.xlsx>] [--remote]\n' +
      '  npm run catalog -- list [--remote]\n',
  )
  process.exit(2)
}

const lit = (value) => "CAST(X'" + Buffer.from(String(value), 'utf8').toString('hex') + "' AS TEXT)"

/** Every row of one statement. */
const query = (opts, sql) => queryAll(opts, sql).flat()

/** Statements too long for a command line (a catalogue body) go through a file. */
function executeFile(opts, sql) {
  const file = join(ROOT, '.wrangler', 'tmp', 'catalog-' + process.pid + '.sql')
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, sql)
  try {
    runFile(opts, file)
  } finally {
    rmSync(file, { force: true })
  }
}

/** worker/cli/catalog.ts, bundled for Node. */
const cliModule = () => importBundled(join(ROOT, 'worker', 'cli', 'catalog.ts'), 'catalog-cli')

async function importFile(opts) {
  const [path] = opts.files
  if (!path || opts.files.length > 1) usage('import takes one file')
  const cli = await cliModule()
  const buf = readFileSync(path)
  const result = await cli.catalogFromFile(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength))
  if (result.issues) {
    process.stderr.write('Bộ tiêu chí có ' + result.issues.length + ' lỗi, chưa nạp gì / The catalogue has ' + result.issues.length + ' problem(s); nothing was stored:\n')
    for (const i of result.issues) process.stderr.write('  ' + i.message + '\n    ' + i.message_en + '\n')
    process.exit(1)
  }
  migrate(opts)
  const { catalog, body } = result
  const where = 'id = ' + lit(catalog.id) + ' AND version = ' + lit(catalog.version)
  const [existing] = query(opts, 'SELECT body FROM catalogs WHERE ' + where)
  if (existing) {
    if (cli.sameCatalog(existing.body, catalog)) {
      console.log('Catalogue ' + catalog.id + ' version ' + catalog.version + ' is already loaded with this content; nothing changed.')
      return
    }
    process.stderr.write(
      (result.versionCell ? result.versionCell + ': ' : '') + 'Phiên bản "' + catalog.version + '" của bộ tiêu chí ' + catalog.id +
        ' đã được nạp với nội dung khác; đổi số phiên bản rồi nạp lại.\n' +
        'Version "' + catalog.version + '" of ' + catalog.id + ' was already loaded with other content; give the table a new version and load it again.\n',
    )
    process.exit(1)
  }
  const at = new Date().toISOString()
  const detail = JSON.stringify({ title: catalog.title, effectiveFrom: catalog.effectiveFrom, criteria: catalog.criteria.length })
  executeFile(
    opts,
    'INSERT INTO catalogs (id, version, body, loaded_at) VALUES (' + [catalog.id, catalog.version, body, at].map(lit).join(', ') + ');\n' +
      'INSERT INTO audit_log (id, at, actor, role, unit_id, action, target, detail) VALUES (' +
      ['aud_' + randomBytes(12).toString('hex'), at, 'cli', 'admin', 'cli', 'catalog.load', catalog.id + '@' + catalog.version, detail].map(lit).join(', ') + ');\n',
  )
  console.log('Loaded catalogue ' + catalog.id + ' version ' + catalog.version + ' (' + catalog.title + '), ' + catalog.criteria.length +
    ' criteria, into the ' + (opts.remote ? 'remote' : 'local') + ' D1. Assign it with PUT /api/v1/units/{unit}/catalog.')
}

async function exportFile(opts) {
  if (!opts.id) usage('export needs --id')
  migrate(opts)
  const sql = 'SELECT version, body FROM catalogs WHERE id = ' + lit(opts.id) +
    (opts.version !== undefined ? ' AND version = ' + lit(opts.version) : '') + ' ORDER BY loaded_at DESC, version DESC LIMIT 1'
  const [row] = query(opts, sql)
  if (!row) {
    process.stderr.write('Error: no catalogue ' + opts.id + (opts.version !== undefined ? ' version ' + opts.version : '') + ' in the ' + (opts.remote ? 'remote' : 'local') + ' D1.\n')
    process.exit(1)
  }
  const cli = await cliModule()
  const out = opts.out || 'bo-tieu-chi-' + opts.id + '-' + row.version + '.xlsx'
  writeFileSync(out, await cli.catalogWorkbook(row.body))
  console.log('Wrote ' + out + ' (' + cli.titleOf(row.body) + ', version ' + row.version + ').')
}

async function list(opts) {
  migrate(opts)
  const rows = query(opts, 'SELECT id, version, loaded_at, body FROM catalogs ORDER BY id, loaded_at, version')
  // The title as the product reads it (an older body may name it differently).
  const cli = await cliModule()
  for (const r of rows) console.log([r.id, r.version, r.loaded_at, cli.titleOf(r.body)].join('\t'))
}

/** The local database gets its tables first (a fresh clone has none); the remote one is migrated by deploy. */
function migrate(opts) {
  if (!opts.remote) applyMigrations(opts)
}

const parsed = parseArgs(process.argv.slice(2), ['--id', '--version', '--out', '--persist-to'], usage)
const opts = { ...parsed, command: parsed._[0], files: parsed._.slice(1) }
if (opts.command === 'import') await importFile(opts)
else if (opts.command === 'export') await exportFile(opts)
else if (opts.command === 'list') await list(opts)
else usage(opts.command ? 'unknown command ' + opts.command : undefined)
