// `npm run db:create`: the D1 database named in wrangler.jsonc ("ntm") in your Cloudflare account — created when
// it does not exist yet — and its id written into wrangler.jsonc in place of the placeholder (or of an old id).
// Run `npx wrangler login` first. Running it again finds the same database and changes nothing.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT, wrangler } from './lib.mjs'

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The DB binding's database_name, read from the config text. */
export function databaseName(configText) {
  const m = /"binding"\s*:\s*"DB"[\s\S]*?"database_name"\s*:\s*"([^"]+)"/.exec(configText)
  if (!m) throw new Error('wrangler.jsonc has no D1 binding "DB" with a database_name')
  return m[1]
}

/** The config text with the DB binding's database_id set to `id`; comments and layout are kept. */
export function setDatabaseId(configText, id) {
  if (!UUID_RE.test(id)) throw new Error('not a D1 database id: ' + id)
  const re = /("binding"\s*:\s*"DB"[\s\S]*?"database_id"\s*:\s*")([^"]*)(")/
  if (!re.test(configText)) throw new Error('wrangler.jsonc has no database_id for the D1 binding "DB"')
  return configText.replace(re, (_, head, _old, tail) => head + id + tail)
}

function findDatabase(name) {
  const list = JSON.parse(wrangler(['d1', 'list', '--json'], { quiet: true }))
  return list.find((d) => d.name === name) ?? null
}

function main(argv) {
  // --config <file>: another copy of the configuration (the script's own test uses one).
  const at = argv.indexOf('--config')
  const config = at >= 0 && argv[at + 1] ? resolve(argv[at + 1]) : join(ROOT, 'wrangler.jsonc')
  const text = readFileSync(config, 'utf8')
  const name = databaseName(text)
  let db = findDatabase(name)
  if (db) process.stderr.write('D1 database "' + name + '" already exists (' + db.uuid + ').\n')
  else {
    process.stderr.write(wrangler(['d1', 'create', name], { quiet: true }))
    db = findDatabase(name)
    if (!db) throw new Error('wrangler d1 create ' + name + ' did not leave a database of that name')
  }
  const updated = setDatabaseId(text, db.uuid)
  if (updated !== text) writeFileSync(config, updated)
  console.log('wrangler.jsonc: D1 binding DB → database "' + name + '" (' + db.uuid + ').')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main(process.argv.slice(2))
