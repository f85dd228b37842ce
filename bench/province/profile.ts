// `npm run bench:profile -- [request keys…]`: where the handler's own time goes, for working on it. Builds
// the 24-period provinces once into node_modules/.cache/bench/province (kept between runs; delete it after
// changing the generator or a migration), records the requests' statements on that file, then replays each
// request in Node with V8's profiler on and prints the functions with the most self time. Writes the
// profiles as .cpuprofile files beside the state (open them in Chrome's DevTools).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { join } from 'node:path'
import type { Captured } from './cli-d1'
import { extendHistory, generateProvinces } from './generate'
import { ROOT, d1File, migratedWithDemo } from './local-state'
import { callApp, capture, timeNode } from './node-app'
import { REQUESTS } from './requests'
import { ReplayD1 } from './cli-d1'
import { SqliteCli, assertSqliteCli } from './sqlite-cli'
import { ms } from './stats'

const STATE = join(ROOT, 'node_modules', '.cache', 'bench', 'province')
const CALLS = 200
const TOP = 15

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] }

function post<T>(session: Session, method: string, params: object = {}): Promise<T> {
  return new Promise((ok, fail) => session.post(method, params, (err, res) => (err ? fail(err) : ok(res as T))))
}

function selfTimes(profile: Profile, calls: number): Array<[string, number]> {
  const where = new Map<number, string>()
  for (const n of profile.nodes) {
    const f = n.callFrame
    where.set(n.id, (f.functionName || '(anonymous)') + (f.url ? ' ' + f.url.split('/').pop() + ':' + (f.lineNumber + 1) : ''))
  }
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const w = where.get(id) ?? '?'
    if (w.startsWith('(idle)')) return
    self.set(w, (self.get(w) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  return Array.from(self.entries()).sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([w, us]) => [w, us / 1000 / calls])
}

async function main(): Promise<void> {
  assertSqliteCli()
  const keys = process.argv.slice(2)
  const chosen = keys.length ? REQUESTS.filter((r) => keys.indexOf(r.key) >= 0) : REQUESTS.filter((r) => r.key === 'agg600' || r.key === 'flags')
  if (chosen.length === 0) throw new Error('unknown request; one of: ' + REQUESTS.map((r) => r.key).join(', '))
  let file = d1File(STATE)
  if (!file || !existsSync(join(STATE, 'ready'))) {
    mkdirSync(STATE, { recursive: true })
    console.log('Building the provinces into ' + STATE + ' (once)…')
    file = await migratedWithDemo(STATE)
    await generateProvinces(file, 6)
    await extendHistory(file, 6, 24)
    writeFileSync(join(STATE, 'ready'), new Date().toISOString())
  }
  const cli = new SqliteCli(file)
  const logs = await capture(cli, chosen)
  await cli.close()
  const session = new Session()
  session.connect()
  await post(session, 'Profiler.enable')
  await post(session, 'Profiler.setSamplingInterval', { interval: 100 })
  for (const req of chosen) {
    const log = logs.get(req.key) as Captured[]
    const before = await timeNode(req, log, 30, 20)
    const replay = new ReplayD1(log)
    await post(session, 'Profiler.start')
    for (let i = 0; i < CALLS; i++) {
      replay.rewind()
      await callApp(replay.asD1(), req, 0)
    }
    const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop')
    const out = join(STATE, req.key + '.cpuprofile')
    writeFileSync(out, JSON.stringify(profile))
    console.log('\n' + req.name + ': median ' + ms(before.median) + ' per call in Node (' + log.length + ' statements); self time per call:')
    for (const [w, t] of selfTimes(profile, CALLS)) console.log('  ' + ms(t).padStart(9) + '  ' + w)
    console.log('  profile: ' + out)
  }
  session.disconnect()
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
