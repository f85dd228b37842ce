// `npm run db:create` against a stand-in for wrangler (no Cloudflare account here): it creates the database only
// when missing and writes its id into a copy of wrangler.jsonc, keeping every other line.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { databaseName, setDatabaseId } from '../../worker/scripts/d1-setup.mjs'

const ROOT = join(__dirname, '..', '..')
const CONFIG = readFileSync(join(ROOT, 'wrangler.jsonc'), 'utf8')
const ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b'
const work = mkdtempSync(join(tmpdir(), 'ntm-d1-setup-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('db:create', () => {
  it('reads the database name and sets only the DB binding’s id, comments and layout kept', () => {
    expect(databaseName(CONFIG)).toBe('ntm')
    const updated = setDatabaseId(CONFIG, ID)
    expect(updated).toContain('"database_id": "' + ID + '"')
    expect(updated.split('\n').filter((l, i) => l !== CONFIG.split('\n')[i])).toEqual(['      "database_id": "' + ID + '",'])
    expect(setDatabaseId(updated, ID)).toBe(updated)
    expect(() => setDatabaseId(CONFIG, 'not-an-id')).toThrow(/not a D1 database id/)
  })

  it('creates the database when missing, then finds it: running twice changes nothing more', () => {
    const log = join(work, 'calls.log')
    const fake = join(work, 'wrangler')
    writeFileSync(fake, `#!/usr/bin/env node
const fs = require('node:fs')
const args = process.argv.slice(2).join(' ')
fs.appendFileSync(${JSON.stringify(log)}, args + '\\n')
const made = fs.existsSync(${JSON.stringify(join(work, 'made'))})
if (args === 'd1 list --json') console.log(JSON.stringify(made ? [{ uuid: '${ID}', name: 'ntm' }, { uuid: '00000000-1111-4222-8333-444444444444', name: 'other' }] : []))
else if (args === 'd1 create ntm') { fs.writeFileSync(${JSON.stringify(join(work, 'made'))}, ''); console.log('Created ntm') }
else process.exit(3)
`)
    chmodSync(fake, 0o755)
    const config = join(work, 'wrangler.jsonc')
    writeFileSync(config, CONFIG)
    const run = (): string => execFileSync('node', [join(ROOT, 'worker', 'scripts', 'd1-setup.mjs'), '--config', config], {
      env: { ...process.env, NTM_WRANGLER_BIN: fake }, encoding: 'utf8',
    })
    expect(run()).toContain('database "ntm" (' + ID + ')')
    expect(readFileSync(config, 'utf8')).toBe(setDatabaseId(CONFIG, ID))
    run()
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['d1 list --json', 'd1 create ntm', 'd1 list --json', 'd1 list --json'])
    expect(readFileSync(config, 'utf8')).toBe(setDatabaseId(CONFIG, ID))
  })
})
