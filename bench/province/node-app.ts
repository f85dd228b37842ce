// The Worker's own Hono app run in Node: once on the bench's SQLite file to record each request's statements
// (its raw SQL), then on those recorded rows without any I/O to time the handler's own computation.
import { createApp } from '../../worker/index'
import { CapturingD1, type Captured, ReplayD1 } from './cli-d1'
import { type BenchRequest, REQUESTS, requestInit } from './requests'
import { NOW } from './shape'
import type { SqliteCli } from './sqlite-cli'
import { type Summary, summarize } from './stats'

// The app in Node measures work, not rate limits: limiters that always let the request through. Its clock is
// the Worker's (FIXED_NOW, honoured with LOCAL_DEMO), so both issue the same statements for the same day.
const UNLIMITED = { limit: async () => ({ success: true }) }
export const ENV = {
  ASSETS: { fetch: async () => new Response('', { status: 404 }) }, FIXED_NOW: NOW, LOCAL_DEMO: '1',
  RATE_LIMIT_IP: UNLIMITED, RATE_LIMIT_TOKEN: UNLIMITED, RATE_LIMIT_AUTH: UNLIMITED,
}
export const app = createApp()

export async function callApp(db: D1Database, req: BenchRequest, call: number): Promise<Response> {
  const res = await app.request('/api/v1' + req.path, requestInit(req, call), { ...ENV, DB: db })
  await res.arrayBuffer()
  return res
}

/** Each request once through the app in Node on the file: its statements and their rows. */
export async function capture(cli: SqliteCli, requests: readonly BenchRequest[] = REQUESTS): Promise<Map<string, Captured[]>> {
  const out = new Map<string, Captured[]>()
  for (const req of requests) {
    const d1 = new CapturingD1(cli, { keepWrites: false })
    const res = await callApp(d1.asD1(), req, 0)
    if (res.status >= 300) throw new Error(req.name + ' → ' + res.status + ' in Node')
    out.set(req.key, d1.log)
  }
  return out
}

/** The handler's computation alone: the app answering from the recorded rows, `rounds` times after `warmup`. */
export async function timeNode(req: BenchRequest, log: readonly Captured[], rounds: number, warmup: number): Promise<Summary> {
  const replay = new ReplayD1(log)
  const times: number[] = []
  for (let i = -warmup; i < rounds; i++) {
    replay.rewind()
    const start = performance.now()
    const res = await callApp(replay.asD1(), req, 0)
    const t = performance.now() - start
    if (res.status >= 300) throw new Error(req.name + ' → ' + res.status + ' in replay')
    if (i >= 0) times.push(t)
  }
  return summarize(times)
}
