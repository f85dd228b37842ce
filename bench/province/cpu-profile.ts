// Handler CPU time from the local Worker itself: workerd freezes Date.now() and performance.now() between
// I/O, so a timer inside the handler proves nothing. wrangler dev's inspector speaks the Chrome DevTools
// protocol; V8's sampling profiler records what the isolate executes, and the samples that are not idle are
// the isolate's CPU time (JavaScript, garbage collection, and "(program)": V8 work outside JavaScript).
// The inspector accepts a local Origin only, which a WebSocket API client cannot set: hence `ws`.
import WebSocket from 'ws'

type ProfileNode = { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }
/**
 * Per request: `handlerMs`, JavaScript of the Worker's bundle and the builtins it calls; `runtimeMs`, the
 * runtime's own JavaScript behind the bindings (`cloudflare-internal:` modules: D1's result conversion, the
 * rate limiter), which is D1's and the platform's time, not the handler's; `top`, the functions with the most
 * self time.
 */
export type CpuSplit = { handlerMs: number; runtimeMs: number; gcMs: number; programMs: number; top: Array<{ where: string; ms: number }> }
const RUNTIME = 'cloudflare-internal:'
const TOP = 8

export class Inspector {
  private id = 0
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } }
      if (msg.id === undefined) return
      const p = this.pending.get(msg.id)
      if (!p) return
      this.pending.delete(msg.id)
      if (msg.error) p.reject(new Error(msg.error.message))
      else p.resolve(msg.result)
    })
  }

  static async connect(port: number): Promise<Inspector> {
    const deadline = Date.now() + 20_000
    let last: unknown = null
    for (;;) {
      try {
        const targets = (await (await fetch('http://127.0.0.1:' + port + '/json')).json()) as Array<{ webSocketDebuggerUrl?: string; title?: string }>
        const target = targets.find((t) => t.webSocketDebuggerUrl)
        if (target?.webSocketDebuggerUrl) {
          const ws = new WebSocket(target.webSocketDebuggerUrl, { headers: { Origin: 'http://127.0.0.1' } })
          await new Promise<void>((ok, fail) => { ws.once('open', () => ok()); ws.once('error', fail) })
          const inspector = new Inspector(ws)
          await inspector.send('Profiler.enable')
          await inspector.send('Profiler.setSamplingInterval', { interval: 100 })
          return inspector
        }
      } catch (err) {
        last = err // not up yet
      }
      if (Date.now() > deadline) throw new Error('no inspector on port ' + port + ': ' + String(last))
      await new Promise((r) => setTimeout(r, 250))
    }
  }

  send(method: string, params: unknown = {}): Promise<unknown> {
    const id = ++this.id
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.ws.send(JSON.stringify({ id, method, params }))
    })
  }

  /** CPU time of the isolate while `work` runs `calls` requests, per request. */
  async cpuPerCall(calls: number, work: () => Promise<void>): Promise<CpuSplit> {
    await this.send('Profiler.start')
    await work()
    const { profile } = (await this.send('Profiler.stop')) as { profile: Profile }
    return split(profile, calls)
  }

  close(): void {
    this.ws.close()
  }
}

function split(profile: Profile, calls: number): CpuSplit {
  const names = new Map<number, string>()
  const runtime = new Set<number>()
  const places = new Map<number, string>()
  for (const n of profile.nodes) {
    const f = n.callFrame
    names.set(n.id, f.functionName)
    places.set(n.id, (f.functionName || '(anonymous)') + (f.url ? ' ' + (f.url.split('/').pop() ?? '') + ':' + (f.lineNumber + 1) : ''))
  }
  // A sample is the runtime's when any frame of its stack is: what a binding's code calls is the binding's too.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const mark = (id: number, inside: boolean): void => {
    const n = byId.get(id)
    if (!n) return
    const here = inside || n.callFrame.url.indexOf(RUNTIME) === 0
    if (here) runtime.add(id)
    for (const c of n.children ?? []) mark(c, here)
  }
  if (profile.nodes[0]) mark(profile.nodes[0].id, false)
  const sorted = profile.timeDeltas.filter((d) => d > 0).sort((a, b) => a - b)
  const cap = 4 * (sorted[Math.floor(sorted.length / 2)] ?? 100)
  const self = new Map<string, number>()
  let js = 0
  let bindings = 0
  let gc = 0
  let program = 0
  profile.samples.forEach((node, i) => {
    // Each sample's delta is the time since the previous sample, attributed to this one; capped, because while
    // the isolate waits on I/O workerd does not let V8 sample it, and the first sample after the wait would
    // otherwise take the whole wait (it showed as milliseconds in the router's match, which runs first).
    const us = Math.min(profile.timeDeltas[i] ?? 0, cap)
    const name = names.get(node)
    if (name === '(idle)') return
    if (name === '(garbage collector)') gc += us
    else if (name === '(program)') program += us
    else {
      if (runtime.has(node)) bindings += us
      else js += us
      const where = places.get(node) ?? '?'
      self.set(where, (self.get(where) ?? 0) + us)
    }
  })
  const top = Array.from(self.entries()).sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([where, us]) => ({ where, ms: us / 1000 / calls }))
  return { handlerMs: js / 1000 / calls, runtimeMs: bindings / 1000 / calls, gcMs: gc / 1000 / calls, programMs: program / 1000 / calls, top }
}
