// `npm run bench:province` (part of `npm run bench`): issue 12's province-scale benchmark.
// 1. Generates three provinces (600 communes, 20 districts × 30, and 166; 100 tasks per commune; 2–4
//    revisions per report) into a fresh local D1 file, first with 6 periods of history, then 24.
// 2. Runs the Worker's own app once per request in Node on that file through the sqlite3 shell, recording
//    every statement it issues and the round trip it went in: the request's raw SQL, auth included.
// 3. Starts `wrangler dev` twice on the file — the Worker, and a bare Worker that only runs statements it is
//    sent — and measures in interleaved rounds: each request through the Worker, its raw SQL in the sqlite3
//    shell, and the same statements through the bare Worker's D1 in the same round trips; medians, p95, ratios.
// 4. Handler CPU time: the app's own work timed in Node on the recorded rows (no I/O), and the isolate's
//    sampled CPU profile from wrangler dev's inspector. Then EXPLAIN QUERY PLAN of every statement, and the targets.
// Nothing here asserts a time; it prints and writes bench/results.md.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { CapturingD1, type Captured, rawCalls, rawScript } from './cli-d1'
import { startDev } from './dev-server'
import { ENV, app, capture, timeNode } from './node-app'
import { type CpuSplit, Inspector } from './cpu-profile'
import { extendHistory, generateProvinces, type LoadStats } from './generate'
import { ROOT, migratedWithDemo } from './local-state'
import { type BenchRequest, REQUESTS, requestInit } from './requests'
import { LOCKED_PERIOD, NOW, PERIOD, PROVINCES, TARGETS, tokenOf } from './shape'
import { SqliteCli, assertSqliteCli } from './sqlite-cli'
import { type Summary, ms, ratio, summarize, table } from './stats'
import { growingScans } from '../../tests/worker/query-plan'

const ROUNDS = Number(process.env.BENCH_ROUNDS || 15)
const WARMUP = 2
// Each call counts against the province token's rate limit (120 a minute) with the rounds' own.
const PROFILE_CALLS = Number(process.env.BENCH_PROFILE_CALLS || 8)
const REQUEST_TIMEOUT_MS = 120_000
// The app in Node is timed warm, as a Worker's isolate is after its first requests.
const NODE_WARMUP = 20
const NODE_ROUNDS = 30

/** `raw`: the SQL in the sqlite3 shell; `d1`: the same SQL through D1 from the bare Worker, in the same round trips. */
type Measured = { req: BenchRequest; worker: Summary; raw: Summary; d1: Summary; bytes: number; statements: number; roundTrips: number; node?: Summary; cpu?: CpuSplit }
/** `workbookMs`: writing the open period's 600-commune workbook once (the app in Node on the file); the rounds read it back. */
type Phase = { periods: number; load: LoadStats; floor: Summary; bareFloor: Summary; workbookMs: number; rows: Measured[]; plans: Plan[] }
type Plan = { requests: string[]; sql: string; detail: string[]; scans: string[] }

/** One request through the app in Node on the file, its writes kept; returns its time. */
async function keptOnFile(cli: SqliteCli, method: string, path: string, body?: unknown): Promise<number> {
  const d1 = new CapturingD1(cli, { keepWrites: true })
  const start = performance.now()
  const res = await app.request('/api/v1' + path, {
    method, headers: { Authorization: 'Bearer ' + tokenOf(TARGETS.province600), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }, { ...ENV, DB: d1.asD1() })
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(method + ' ' + path + ' → ' + res.status)
  return performance.now() - start
}

async function count(cli: SqliteCli, sql: string): Promise<number> {
  const [rows] = await cli.rows([sql])
  return Number(rows?.[0]?.n ?? 0)
}

/**
 * The province locks LOCKED_PERIOD through the app in Node on the file, which stores the snapshot (aggregate and
 * workbook) as the lock route does; returns the lock request's time (it writes the workbook once).
 */
async function lockForSnapshot(file: string): Promise<number> {
  const cli = new SqliteCli(file)
  try {
    const t = await keptOnFile(cli, 'POST', '/periods/' + LOCKED_PERIOD + '/lock', { unit: TARGETS.province600 })
    if (!(await count(cli, "SELECT length(workbook) AS n FROM period_snapshots WHERE unit_id = '" + TARGETS.province600 + "';"))) throw new Error('no snapshot stored for ' + LOCKED_PERIOD)
    return t
  } finally {
    await cli.close()
  }
}

/**
 * The open period's workbook, written once through the app in Node on the file (the same day and release as the
 * Worker's, so the Worker reads it back); returns the time writing it took.
 */
async function writeOpenWorkbook(file: string): Promise<number> {
  const cli = new SqliteCli(file)
  try {
    const t = await keptOnFile(cli, 'GET', '/aggregate/' + TARGETS.province600 + '/' + PERIOD + '.xlsx')
    if (!(await count(cli, "SELECT length(workbook) AS n FROM summary_workbook_cache WHERE unit_id = '" + TARGETS.province600 + "';"))) throw new Error('no workbook kept for ' + PERIOD)
    return t
  } finally {
    await cli.close()
  }
}

async function explainAll(cli: SqliteCli, logs: Map<string, Captured[]>): Promise<Plan[]> {
  const byTemplate = new Map<string, { text: string; requests: string[] }>()
  for (const [key, log] of logs) {
    for (const c of log) {
      const seen = byTemplate.get(c.template)
      if (seen) { if (seen.requests.indexOf(key) < 0) seen.requests.push(key) } else byTemplate.set(c.template, { text: c.text, requests: [key] })
    }
  }
  const plans: Plan[] = []
  for (const [template, { text, requests }] of byTemplate) {
    const detail = await cli.explain(text)
    plans.push({ requests, sql: template.replace(/\s+/g, ' ').trim(), detail, scans: growingScans(template, detail) })
  }
  return plans
}

async function measurePhase(file: string, state: string, periods: number, load: LoadStats, full: boolean): Promise<Phase> {
  const workbookMs = await writeOpenWorkbook(file)
  const cli = new SqliteCli(file)
  console.log('  recording each request\'s statements (the app in Node on the same file)…')
  const logs = await capture(cli)
  const plans = await explainAll(cli, logs)
  const chosen = full ? REQUESTS : REQUESTS.filter((r) => ['agg30', 'agg600', 'flags'].indexOf(r.key) >= 0)
  console.log('  starting wrangler dev (the Worker, and the bare Worker of the D1 baseline)…')
  const dev = await startDev(state, ['--var', 'FIXED_NOW:' + NOW, '--var', 'LOCAL_DEMO:1'], '/api/v1/me', (s) => s === 401)
  const bare = await startDev(state, ['-c', join('bench', 'province', 'raw-sql.jsonc')], '/', (s) => s === 200)
  const floorTimes: number[] = []
  const bareFloorTimes: number[] = []
  const times = { worker: new Map<string, number[]>(), raw: new Map<string, number[]>(), d1: new Map<string, number[]>() }
  const push = (m: Map<string, number[]>, key: string, t: number) => (m.get(key) ?? m.set(key, []).get(key) as number[]).push(t)
  const bareBodies = new Map(chosen.map((req) => [req.key, JSON.stringify({ waves: rawCalls(logs.get(req.key) as Captured[]) })]))
  const timeBare = async (body: string): Promise<number> => {
    const start = performance.now()
    const res = await fetch(bare.origin + '/', { method: 'POST', body })
    const text = await res.text()
    if (res.status !== 200) throw new Error('the bare Worker answered ' + res.status + ': ' + text.slice(0, 500) + '\n' + bare.log())
    return performance.now() - start
  }
  // The bare Worker must leave no write behind (its write calls end in a failing statement and roll back).
  const written = async (): Promise<string> => JSON.stringify(await cli.rows(['SELECT (SELECT COUNT(*) FROM report_revisions) AS r, (SELECT COUNT(*) FROM audit_log) AS a;']))
  const before = await written()
  for (const body of bareBodies.values()) await timeBare(body)
  if ((await written()) !== before) throw new Error('the bare Worker left writes behind: ' + before + ' → ' + (await written()))
  const bytes = new Map<string, number>()
  const meToken = tokenOf(TARGETS.province600)
  let call = 0
  try {
    for (let round = -WARMUP; round < ROUNDS; round++) {
      {
        const start = performance.now()
        const res = await fetch(dev.origin + '/api/v1/me', { headers: { Authorization: 'Bearer ' + meToken } })
        await res.arrayBuffer()
        const meT = performance.now() - start
        const bareT = await timeBare('{"waves":[]}')
        if (round >= 0) { floorTimes.push(meT); bareFloorTimes.push(bareT) }
      }
      for (const req of chosen) {
        const start = performance.now()
        let res: Response
        let body: ArrayBuffer
        try {
          res = await fetch(dev.origin + '/api/v1' + req.path, { ...requestInit(req, ++call), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
          body = await res.arrayBuffer()
        } catch (err) {
          throw new Error(req.name + ' failed in round ' + round + ': ' + String(err) + '\nwrangler dev said:\n' + dev.log())
        }
        const t = performance.now() - start
        if (res.status >= 300) throw new Error(req.name + ' → ' + res.status + ': ' + new TextDecoder().decode(body).slice(0, 500))
        const rawT = await cli.time(rawScript(logs.get(req.key) as Captured[]))
        const d1T = await timeBare(bareBodies.get(req.key) as string)
        if (round < 0) continue
        bytes.set(req.key, body.byteLength)
        push(times.worker, req.key, t)
        push(times.raw, req.key, rawT)
        push(times.d1, req.key, d1T)
      }
      if (round >= 0) process.stdout.write('  round ' + (round + 1) + '/' + ROUNDS + '\r')
    }
    process.stdout.write('\n')
    const rows: Measured[] = chosen.map((req) => ({
      req, worker: summarize(times.worker.get(req.key) ?? []), raw: summarize(times.raw.get(req.key) ?? []), d1: summarize(times.d1.get(req.key) ?? []),
      bytes: bytes.get(req.key) ?? 0, statements: (logs.get(req.key) ?? []).length, roundTrips: new Set((logs.get(req.key) ?? []).map((c) => c.wave)).size,
    }))
    if (full) {
      console.log('  CPU profile of the isolate (inspector), ' + PROFILE_CALLS + ' calls per request…')
      const inspector = await Inspector.connect(dev.inspectorPort)
      try {
        for (const m of rows) {
          m.cpu = await inspector.cpuPerCall(PROFILE_CALLS, async () => {
            for (let i = 0; i < PROFILE_CALLS; i++) {
              const res = await fetch(dev.origin + '/api/v1' + m.req.path, requestInit(m.req, ++call))
              await res.arrayBuffer()
            }
          })
        }
      } finally {
        inspector.close()
      }
      console.log('  the app in Node on the recorded rows…')
      for (const m of rows) m.node = await timeNode(m.req, logs.get(m.req.key) as Captured[], NODE_ROUNDS, NODE_WARMUP)
    }
    return { periods, load, floor: summarize(floorTimes), bareFloor: summarize(bareFloorTimes), workbookMs, rows, plans }
  } finally {
    await bare.stop()
    await dev.stop()
    await cli.close()
  }
}

function targets(p6: Phase, p24: Phase): Array<{ target: string; value: string; holds: boolean }> {
  const get = (p: Phase, key: string) => p.rows.find((r) => r.req.key === key) as Measured
  const a600 = get(p24, 'agg600')
  const a30 = get(p24, 'agg30')
  const flags = get(p24, 'flags')
  const node600 = a600.node?.median ?? NaN
  const scans = p24.plans.filter((p) => p.scans.length > 0)
  const hist = get(p24, 'agg600').worker.median / get(p6, 'agg600').worker.median
  const histFlags = get(p24, 'flags').worker.median / get(p6, 'flags').worker.median
  const growth = a600.worker.median / a30.worker.median
  // The phases run minutes apart: the SQL's own growth says whether a change came from the data or the machine.
  const sqlGrowth = (key: string) => get(p24, key).raw.median / get(p6, key).raw.median
  const within = (m: Measured, base: Summary, limit: number) => ({ value: ratio(m.worker.median / base.median), holds: m.worker.median <= limit * base.median })
  return [
    { target: 'aggregate, 600 communes ≤ ×1.5 its raw SQL in the sqlite3 shell', ...within(a600, a600.raw, 1.5) },
    { target: 'aggregate, 600 communes ≤ ×1.5 its raw SQL through D1 (bare Worker, same round trips)', ...within(a600, a600.d1, 1.5) },
    { target: 'aggregate, 600 communes: handler computation ≤ 10 ms (the app in Node on the same rows, median)', value: ms(node600), holds: node600 <= 10 },
    { target: 'flags ≤ ×1.2 its raw SQL in the sqlite3 shell', ...within(flags, flags.raw, 1.2) },
    { target: 'flags ≤ ×1.2 its raw SQL through D1 (bare Worker, same round trips)', ...within(flags, flags.d1, 1.2) },
    { target: 'no SCAN of a table that grows with the province', value: scans.length + ' statement(s) with SCAN', holds: scans.length === 0 },
    { target: '30 → 600 communes at most linear (≤ ×20)', value: ratio(growth), holds: growth <= 20 },
    { target: 'aggregate 600, 6 → 24 periods ≤ ×1.1', value: ratio(hist) + ' (its SQL in sqlite3 ' + ratio(sqlGrowth('agg600')) + ')', holds: hist <= 1.1 },
    { target: 'flags, 6 → 24 periods ≤ ×1.1', value: ratio(histFlags) + ' (its SQL in sqlite3 ' + ratio(sqlGrowth('flags')) + ')', holds: histFlags <= 1.1 },
  ]
}

function phaseTable(p: Phase): string {
  return table(
    ['request', 'Worker median', 'Worker p95', 'SQL in sqlite3', 'Worker ÷ sqlite3', 'SQL through D1', 'Worker ÷ through D1', 'statements (round trips)', 'response'],
    p.rows.map((m) => [
      m.req.name, ms(m.worker.median), ms(m.worker.p95), ms(m.raw.median), ratio(m.worker.median / m.raw.median),
      ms(m.d1.median), ratio(m.worker.median / m.d1.median),
      m.statements + ' (' + m.roundTrips + ')', (m.bytes / 1024).toFixed(m.bytes < 10240 ? 1 : 0) + ' KB',
    ]),
  )
}

function cpuTable(p: Phase): string {
  return table(
    ['request', 'app in Node on the same rows (median)', 'isolate: our JavaScript', 'isolate: runtime bindings (D1, rate limits)', 'GC', '(program)'],
    p.rows.map((m) => [
      m.req.name, ms(m.node?.median ?? NaN), ms(m.cpu?.handlerMs ?? NaN), ms(m.cpu?.runtimeMs ?? NaN), ms(m.cpu?.gcMs ?? NaN), ms(m.cpu?.programMs ?? NaN),
    ]),
  )
}

function topText(p: Phase): string {
  return p.rows.filter((m) => m.cpu && m.cpu.top.length > 0).map((m) =>
    '- ' + m.req.name + ': ' + (m.cpu as CpuSplit).top.map((t) => '`' + t.where + '` ' + ms(t.ms)).join(', ')).join('\n')
}

function planText(plans: readonly Plan[]): string {
  return plans.map((p) => '- `' + p.sql.slice(0, 160) + (p.sql.length > 160 ? '…' : '') + '` (' + p.requests.join(', ') + ')\n' +
    p.detail.map((d) => '  - ' + (p.scans.indexOf(d) >= 0 ? '**' + d + '**' : d)).join('\n')).join('\n')
}

async function main(): Promise<void> {
  assertSqliteCli()
  // wrangler dev needs the pane's asset directory to exist; the API does not need the pane itself.
  mkdirSync(join(ROOT, 'addin', 'dist'), { recursive: true })
  const started = Date.now()
  const loadStart = loadavg()[0]?.toFixed(2)
  const state = mkdtempSync(join(tmpdir(), 'ntm-bench-province-'))
  try {
    console.log('Province benchmark: ' + PROVINCES.map((p) => p.communes.length + ' communes').join(', ') + '; state in ' + state)
    const file = await migratedWithDemo(state)

    const load6 = await generateProvinces(file, 6)
    console.log('Generated 6 periods: ' + load6.statements + ' statements, ' + (load6.bytes / 1e6).toFixed(0) + ' MB of SQL in ' + (load6.ms / 1000).toFixed(1) + ' s')
    const lockMs = await lockForSnapshot(file)
    console.log('Locked ' + LOCKED_PERIOD + ' for the 600-commune province (snapshot stored) in ' + ms(lockMs) + ' (app in Node on the file)')
    const p6 = await measurePhase(file, state, 6, load6, false)
    const load24 = await extendHistory(file, 6, 24)
    console.log('Extended to 24 periods: ' + load24.statements + ' statements, ' + (load24.bytes / 1e6).toFixed(0) + ' MB of SQL in ' + (load24.ms / 1000).toFixed(1) + ' s')
    const cli = new SqliteCli(file)
    const [[counts]] = [await cli.rows([
      "SELECT (SELECT COUNT(*) FROM units WHERE level = 'commune') AS communes, (SELECT COUNT(*) FROM report_revisions) AS revisions, (SELECT COUNT(*) FROM tasks) AS tasks, (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()) AS bytes;",
    ])]
    await cli.close()
    const p24 = await measurePhase(file, state, 24, load24, true)

    const c = (counts ?? [])[0] ?? {}
    const size = 'communes ' + c.communes + ', revisions ' + c.revisions + ', tasks ' + c.tasks + ', database ' + (Number(c.bytes) / 1e6).toFixed(0) + ' MB'
    const checks = targets(p6, p24)
    const cpu = cpus()[0]?.model ?? 'unknown CPU'
    const out = [
      '# Province benchmark (`npm run bench:province`)',
      '',
      'Run ' + new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC on ' + cpu + ' × ' + cpus().length + ' cores, Node ' + process.version +
        ', wrangler dev (workerd, local D1) and sqlite3 ' + spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).stdout.split(' ')[0] + '. ' +
        ROUNDS + ' interleaved rounds after ' + WARMUP + ' warm-up rounds; total run ' + ((Date.now() - started) / 60000).toFixed(1) + ' min. ' +
        'Load average (1 min) at the start ' + loadStart + ', at the end ' + loadavg()[0]?.toFixed(2) + ': the bench itself keeps about one ' +
        'core busy; more means another process shared the machine, and the medians carry it.',
      '',
      'Data (fixed seed): ' + size + '. Generation: 6 periods in ' + (load6.ms / 1000).toFixed(0) + ' s, 18 more in ' + (load24.ms / 1000).toFixed(0) + ' s. ' +
        'Period ' + LOCKED_PERIOD + ' was locked by the 600-commune province before measuring (the lock, which writes its snapshot, took ' +
        ms(lockMs) + ' as the app in Node on the file). The open period\'s workbook of the 600-commune province was written once the same ' +
        'way before each phase (' + ms(p24.workbookMs) + ' with 24 periods), as its first download would; the measured downloads read it back.',
      '',
      '## Targets',
      '',
      table(['target', 'measured', 'holds'], checks.map((t) => [t.target, t.value, t.holds ? 'yes' : '**no**'])),
      '',
      'Two baselines. The SQL in the sqlite3 shell is the issue\'s: it has no hop at all, so a small request cannot come near it — ' +
        'every D1 call from a Worker leaves the isolate (under wrangler dev ' + ms(p24.bareFloor.median) + ' for an empty call to a Worker, ' +
        'several milliseconds more per round trip to D1; in production a network round trip), and the token look-up alone is one; the ' +
        'flags\' whole SQL takes less than one such hop. The bare Worker sends the same statements through the same hops, so ' +
        '"Worker ÷ through D1" is what the handler itself adds: its JavaScript (the CPU table), the two rate-limit checks (each a call out ' +
        'of the isolate in the local simulation) and its response.',
      '',
      '## 24 periods of history',
      '',
      'Worker: wall time of the request through `wrangler dev` on loopback. SQL in sqlite3: the statements the same request issues ' +
        '(recorded by running the Worker\'s app in Node on the file), run by the sqlite3 shell on the same file in the same round. ' +
        'SQL through D1: the same statements sent by a bare Worker (bench/province/raw-sql-worker.ts, its own `wrangler dev` on the same ' +
        'file) through its D1 binding, in the same round trips as the handler (calls it had in flight together at once, a batch as one ' +
        'call): what the SQL costs from a Worker, D1\'s hop and result conversion included, so the ratio is what the handler adds. ' +
        'Fixed costs: `GET /me` (token look-up only) through the Worker ' + ms(p24.floor.median) + '; an empty call to the bare Worker ' +
        ms(p24.bareFloor.median) + '.',
      '',
      phaseTable(p24),
      '',
      '### Handler CPU time',
      '',
      '"App in Node": the Worker\'s Hono app run in Node with a D1 that answers from the recorded rows, no I/O: the handler\'s own ' +
        'computation (Node\'s Request and Response plumbing included, which workerd does natively). Isolate: the V8 sampling profile of ' +
        'the local Worker (inspector), ' + PROFILE_CALLS + ' calls per request; samples under the runtime\'s binding code ' +
        '(`cloudflare-internal:`) are D1\'s and the rate limiter\'s, not the handler\'s. "(program)" is V8 outside JavaScript (in workerd it may ' +
        'include waiting for I/O); it is left out. The isolate\'s figures are indicative only: workerd lets V8 sample irregularly (not while ' +
        'the isolate waits, and late when both cores are busy), so the targets use the app in Node, which is measured, not sampled.',
      '',
      cpuTable(p24),
      '',
      'Where the JavaScript time goes: the functions with the most self time in the profile, per request (bundled names).',
      '',
      topText(p24),
      '',
      '## 6 periods of history (same provinces)',
      '',
      'Fixed costs: `GET /me` ' + ms(p6.floor.median) + '; an empty call to the bare Worker ' + ms(p6.bareFloor.median) + '.',
      '',
      phaseTable(p6),
      '',
      '## EXPLAIN QUERY PLAN of every statement measured',
      '',
      planText(p24.plans),
      '',
    ].join('\n')
    console.log('\n' + out)
    writeFileSync(join(ROOT, 'bench', 'results.md'), out)
    console.log('Written to bench/results.md')
  } finally {
    rmSync(state, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
