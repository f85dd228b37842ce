// Helpers shared by the worker's Node scripts: quiet offline wrangler, the pane placeholder, the seed bundle.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The project's wrangler (NTM_WRANGLER_BIN points elsewhere: the scripts' tests use a stand-in that needs no account). */
export const WRANGLER = process.env.NTM_WRANGLER_BIN || join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'wrangler.cmd' : 'wrangler')

/** No telemetry, no update check, no cf.json fetch, no banner: wrangler works offline and quietly. */
export const QUIET_ENV = {
  ...process.env,
  CI: 'true',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
}

/** Runs wrangler to completion; exits the script with wrangler's output when it fails. */
export function wrangler(args, { quiet = false } = {}) {
  const res = spawnSync(WRANGLER, args, { cwd: ROOT, env: QUIET_ENV, encoding: 'utf8' })
  if (res.status !== 0) {
    process.stderr.write((res.stdout || '') + (res.stderr || ''))
    throw new Error('wrangler ' + args.join(' ') + ' failed with status ' + res.status)
  }
  if (!quiet) process.stderr.write(res.stdout || '')
  return res.stdout || ''
}

export function spawnWrangler(args, extraEnv = {}) {
  return spawn(WRANGLER, args, { cwd: ROOT, env: { ...QUIET_ENV, ...extraEnv }, stdio: 'inherit' })
}

const PANE_DIR = join(ROOT, 'addin', 'dist')

/**
 * wrangler.jsonc serves addin/dist. Build the pane when it is missing and a build script exists; otherwise
 * (or if the build fails) leave a placeholder page so the Worker still starts and deploys.
 */
export function ensurePane({ build = true } = {}) {
  // The pane (taskpane.html) and the portal (index.html) are built together by `npm run build`.
  if (existsSync(join(PANE_DIR, 'taskpane.html')) && existsSync(join(PANE_DIR, 'index.html'))) return 'present'
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  if (build && pkg.scripts && pkg.scripts.build) {
    const res = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env })
    if (res.status === 0 && existsSync(PANE_DIR)) return 'built'
    process.stderr.write('Pane build failed; serving a placeholder page instead.\n')
  }
  mkdirSync(PANE_DIR, { recursive: true })
  writeFileSync(
    join(PANE_DIR, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>NTM</title><p>Task pane not built yet: run <code>npm run build</code>.</p>\n',
  )
  return 'placeholder'
}

/** Bundles a TypeScript entry (it imports shared/ and worker/) for Node and imports it. */
export async function importBundled(entry, tag) {
  const esbuild = await import('esbuild')
  // One file per process: npm start and the e2e harness may bundle at the same time.
  const outfile = join(ROOT, '.wrangler', 'tmp', tag + '-' + process.pid + '.mjs')
  mkdirSync(dirname(outfile), { recursive: true })
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' })
  try {
    return await import(outfile + '?t=' + Date.now())
  } finally {
    rmSync(outfile, { force: true })
  }
}

/** Bundles worker/seed/build-sql.ts for Node and imports it. */
export function loadSeedModule() {
  return importBundled(join(ROOT, 'worker', 'seed', 'build-sql.ts'), 'seed-build')
}

/** Writes the demo SQL and applies it to the local D1 (INSERT OR IGNORE with fixed ids: repeatable). */
export async function seedLocal() {
  const seed = await loadSeedModule()
  const file = join(ROOT, '.wrangler', 'tmp', 'demo-seed-' + process.pid + '.sql')
  writeFileSync(file, await seed.buildDemoSql())
  try {
    wrangler(['d1', 'execute', 'DB', '--local', '--file', file], { quiet: true })
  } finally {
    rmSync(file, { force: true })
  }
  seedEvidenceFiles(seed)
  return seed.DEMO_TOKENS
}

/** The bucket of the EVIDENCE binding in wrangler.jsonc. */
export const EVIDENCE_BUCKET = 'ntm-evidence'

/**
 * Puts the demo's evidence files (all PDFs) into the local R2 under the keys the seeded rows name, in one
 * wrangler call; putting them again writes the same bytes. `persistTo`: a state folder other than .wrangler.
 */
export function seedEvidenceFiles(seed, persistTo) {
  const dir = join(ROOT, '.wrangler', 'tmp', 'demo-evidence-' + process.pid)
  mkdirSync(dir, { recursive: true })
  try {
    const pairs = seed.demoEvidenceFiles().map((f, i) => {
      const file = join(dir, i + '.pdf')
      writeFileSync(file, f.bytes)
      return { key: f.key, file }
    })
    const list = join(dir, 'files.json')
    writeFileSync(list, JSON.stringify(pairs))
    const args = ['r2', 'bulk', 'put', EVIDENCE_BUCKET, '--filename', list, '--content-type', 'application/pdf', '--local']
    wrangler(persistTo ? args.concat(['--persist-to', persistTo]) : args, { quiet: true })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
