// A D1 binding that runs every statement on the test database and records it with its parameters (each
// statement of a batch counted, as D1 counts them against its per-invocation query limit) and the round trip
// it went in: calls made while others are still pending (Promise.all) share one.
import { env } from 'cloudflare:workers'

export type Recorded = { sql: string; params: unknown[]; roundTrip: number }

/** A D1 that runs every statement on the test database and records it with its parameters. */
export function recordingD1(log: Recorded[]): D1Database {
  let pending = 0
  let trips = 0
  const call = <T>(statements: Array<{ sql: string; params: unknown[] }>, run: () => Promise<T>): Promise<T> => {
    if (pending === 0) trips++
    pending++
    for (const s of statements) log.push({ sql: s.sql, params: s.params, roundTrip: trips })
    return run().finally(() => { pending-- })
  }
  const wrap = (inner: D1PreparedStatement, sql: string, params: unknown[]): D1PreparedStatement => {
    const one = [{ sql, params }]
    return {
      inner, sqlText: sql, paramsList: params,
      bind: (...p: unknown[]) => wrap(inner.bind(...p), sql, p),
      all: () => call(one, () => inner.all()),
      first: (col?: string) => call(one, () => (col ? inner.first(col) : inner.first())),
      run: () => call(one, () => inner.run()),
      raw: () => call(one, () => inner.raw()),
    } as unknown as D1PreparedStatement
  }
  return {
    prepare: (sql: string) => wrap(env.DB.prepare(sql), sql, []),
    batch: (list: D1PreparedStatement[]) => {
      const statements = list.map((s) => {
        const w = s as unknown as { sqlText: string; paramsList: unknown[] }
        return { sql: w.sqlText, params: w.paramsList }
      })
      return call(statements, () => env.DB.batch(list.map((s) => (s as unknown as { inner: D1PreparedStatement }).inner)))
    },
  } as unknown as D1Database
}

/** How many round trips a log took. */
export const roundTrips = (log: readonly Recorded[]): number => log.reduce((n, s) => Math.max(n, s.roundTrip), 0)
