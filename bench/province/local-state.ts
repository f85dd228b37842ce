// The local D1 state the benchmark measures: wrangler's migrations applied to a fresh `--persist-to`
// directory, the demo seeded, and the path of the SQLite file wrangler dev will open.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildDemoSql } from '../../worker/seed/build-sql'
import { openLoader } from './sqlite-cli'

export const ROOT = resolve(__dirname, '..', '..')
export const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler')
export const QUIET = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false' }

export function wranglerSync(args: string[]): void {
  const res = spawnSync(WRANGLER, args, { cwd: ROOT, env: QUIET, encoding: 'utf8' })
  if (res.status !== 0) throw new Error('wrangler ' + args.join(' ') + ' failed:\n' + res.stdout + res.stderr)
}

/** The D1 SQLite file under a `--persist-to` directory, or null before migrations made it. */
export function d1File(state: string): string | null {
  const dir = join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject')
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return null
  }
  const name = names.find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')
  return name ? join(dir, name) : null
}

/** Migrations and the demo into `state`; returns the SQLite file. */
export async function migratedWithDemo(state: string): Promise<string> {
  wranglerSync(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state])
  const file = d1File(state)
  if (!file) throw new Error('no D1 file under ' + state)
  const demo = openLoader(file)
  await demo.write(await buildDemoSql())
  await demo.end()
  return file
}
