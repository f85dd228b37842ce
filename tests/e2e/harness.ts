// The browser test's plumbing: a real local Worker (wrangler dev on a free port, a throw-away D1 seeded with
// the demo data), Debian's Chromium driven by playwright-core, office.js from node_modules and Excel stood in
// for by the Excel-like fake (tests/addin/fake-excel.ts, bundled for the page).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as esbuild from 'esbuild'
import { type Browser, type Page, chromium } from 'playwright-core'

export const ROOT = resolve(__dirname, '../..')
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler')
const QUIET = {
  ...process.env,
  CI: 'true', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false',
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
]

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => ok(port))
    })
  })
}

function wranglerSync(args: string[]): void {
  const res = spawnSync(WRANGLER, args, { cwd: ROOT, env: QUIET, encoding: 'utf8' })
  if (res.status !== 0) throw new Error('wrangler ' + args.join(' ') + ' failed:\n' + res.stdout + res.stderr)
}

export type Worker = { origin: string; stop(): Promise<void>; log(): string }

/** Migrations and the demo seed (plus `extraSql`) into a local D1 state folder. */
export async function seedState(state: string, extraSql?: string): Promise<void> {
  wranglerSync(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state])
  const lib = (await import(join(ROOT, 'worker', 'scripts', 'lib.mjs'))) as {
    loadSeedModule(): Promise<{ buildDemoSql(): Promise<string> | string }>
    seedEvidenceFiles(seed: unknown, persistTo: string): void
  }
  const seed = await lib.loadSeedModule()
  const sqlFile = join(state, 'seed.sql')
  writeFileSync(sqlFile, (await seed.buildDemoSql()) + (extraSql ? '\n' + extraSql : ''))
  wranglerSync(['d1', 'execute', 'DB', '--local', '--persist-to', state, '--file', sqlFile])
  lib.seedEvidenceFiles(seed, state)
}

/**
 * wrangler dev on a free port with a fresh, seeded local D1; `now` fixes the API's clock; `extraSql` adds data.
 * `deployed: true` leaves out LOCAL_DEMO, as on a deployed Worker (demo tokens refused, FIXED_NOW ignored).
 * `state` runs on a state folder the caller owns and keeps: seeded like a fresh one unless `asIs` (a database
 * already there, e.g. restored by `npm run import`).
 */
export async function startWorker(
  now: string, extraSql?: string, options: { deployed?: boolean; state?: string; asIs?: boolean } = {},
): Promise<Worker> {
  const state = options.state ?? mkdtempSync(join(tmpdir(), 'ntm-e2e-'))
  if (!options.asIs) await seedState(state, extraSql)
  const port = await freePort()
  const child: ChildProcess = spawn(
    WRANGLER,
    [
      'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', state, '--var', 'FIXED_NOW:' + now,
      ...(options.deployed ? [] : ['--var', 'LOCAL_DEMO:1']), '--test-scheduled', '--show-interactive-dev-session=false',
    ],
    { cwd: ROOT, env: QUIET, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { output += d.toString() })
  const origin = 'http://127.0.0.1:' + port
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error('wrangler dev exited:\n' + output)
    try {
      const res = await fetch(origin + '/api/v1/me')
      if (res.status === 401) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM')
      throw new Error('wrangler dev did not start:\n' + output)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    origin,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      if (!options.state) rmSync(state, { recursive: true, force: true })
    },
  }
}

/** The fake Excel and its Office stub as one script for the page. */
export async function officeStubScript(): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [join(ROOT, 'tests', 'e2e', 'office-stub-entry.ts')],
    bundle: true, format: 'iife', platform: 'browser', target: 'es2020', write: false, logLevel: 'warning',
  })
  return (out.outputFiles[0] as { text: string }).text
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium not found at ' + CHROMIUM + ': apt-get install -y chromium')
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

const OFFICE_DIST = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist')

/**
 * A page whose Office.js requests (Microsoft's CDN, unreachable here) are answered from node_modules, with the
 * fake Excel appended to office.js. `clock` fixes the page's Date (timers keep running).
 */
export async function openPane(
  browser: Browser, origin: string, stub: string, options: { clock: string; excelApi?: string; displayLanguage?: string },
): Promise<{ page: Page; errors: string[]; cspViolations: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 760 }, deviceScaleFactor: 1, locale: 'vi-VN' })
  const page = await context.newPage()
  const errors: string[] = []
  const cspViolations: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  // Chromium reports what the page's Content-Security-Policy blocked on the console.
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text())
  })
  await page.clock.setFixedTime(new Date(options.clock))
  await page.addInitScript(
    (o: { excelApi: string; displayLanguage: string }) => {
      const w = window as unknown as { __excelApi: string; __displayLanguage: string }
      w.__excelApi = o.excelApi
      w.__displayLanguage = o.displayLanguage
    },
    { excelApi: options.excelApi || '1.1', displayLanguage: options.displayLanguage || 'vi-VN' },
  )
  const officeJs = readFileSync(join(OFFICE_DIST, 'office.js'), 'utf8')
  // Only office.js itself is served: outside Office it then asks for its host mapping table
  // (o15apptofilemappingtable.js) to load a host's scripts; answering 404 keeps it inert (there is no host
  // here: Excel is the mock), so it does not redefine Office.context over the stub.
  await page.route('https://appsforoffice.microsoft.com/**', (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, '')
    if (name === 'office.js') return route.fulfill({ contentType: 'application/javascript', body: officeJs + '\n;' + stub })
    return route.fulfill({ status: 404, body: '' })
  })
  await page.goto(origin + '/taskpane.html')
  return { page, errors, cspViolations }
}

/** Clicks a pane button and waits for the action to finish; the status line it left. */
export async function press(page: Page, id: string): Promise<string> {
  await page.click('#' + id)
  await page.waitForFunction((b) => !(document.getElementById(b) as HTMLButtonElement).disabled, id)
  return ((await page.textContent('#status')) || '').trim()
}

/** Types a token into the connection settings and connects; the status line it left. */
export async function connect(page: Page, token: string): Promise<string> {
  if (!(await page.isVisible('#token'))) await page.click('#btn-settings-toggle')
  await page.fill('#token', token)
  return press(page, 'btn-save-settings')
}
