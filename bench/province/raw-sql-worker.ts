// The benchmark's second baseline: a Worker that does nothing but run the statements it is sent through its
// D1 binding, on the same local D1 file as the measured Worker, in the same round trips the handler used
// (the calls of one round trip at once, a batch as one call), and answer how many rows came back. Its time is
// what the request's SQL costs through D1 from a Worker, the rows converted into the isolate included; what
// the measured request takes beyond it is the handler's own work (sending the rows back as JSON would count
// the handler's kind of work on the baseline's side: it answers a count). Writes are undone: a failing
// statement ends each call that writes, and D1 rolls the whole call back.
type Statement = { sql: string; params: unknown[] }
type Call = { statements: Statement[]; batch: boolean; writes: boolean }
type Env = { DB: D1Database }

// Fails when stepped, not when prepared, so everything before it has run.
const UNDO = "SELECT json('bench: undo this call')"

async function run(db: D1Database, call: Call): Promise<number> {
  const prepared = call.statements.map((s) => db.prepare(s.sql).bind(...s.params))
  if (call.writes) {
    try {
      await db.batch(prepared.concat(db.prepare(UNDO)))
    } catch {
      return 0 // rolled back, as intended
    }
    throw new Error('the undo statement did not fail')
  }
  if (!call.batch) return (await (prepared[0] as D1PreparedStatement).all()).results.length
  return (await db.batch(prepared)).reduce((n, r) => n + r.results.length, 0)
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== 'POST') return new Response('ready')
    const { waves } = (await request.json()) as { waves: Call[][] }
    let rows = 0
    for (const wave of waves) for (const n of await Promise.all(wave.map((c) => run(env.DB, c)))) rows += n
    return new Response(String(rows))
  },
}
