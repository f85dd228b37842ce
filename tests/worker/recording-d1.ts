// A D1 binding that runs every statement on the test database and records it with its parameters (each
// statement of a batch counted, as D1 counts them against its per-invocation query limit).
import { env } from 'cloudflare:workers'

export type Recorded = { sql: string; params: unknown[] }

/** A D1 that runs every statement on the test database and records it with its parameters. */
export function recordingD1(log: Recorded[]): D1Database {
  const wrap = (inner: D1PreparedStatement, sql: string, params: unknown[]): D1PreparedStatement => {
    const note = () => log.push({ sql, params })
    return {
      inner, sqlText: sql, paramsList: params,
      bind: (...p: unknown[]) => wrap(inner.bind(...p), sql, p),
      all: () => { note(); return inner.all() },
      first: (col?: string) => { note(); return col ? inner.first(col) : inner.first() },
      run: () => { note(); return inner.run() },
      raw: () => { note(); return inner.raw() },
    } as unknown as D1PreparedStatement
  }
  return {
    prepare: (sql: string) => wrap(env.DB.prepare(sql), sql, []),
    batch: (list: D1PreparedStatement[]) => {
      for (const s of list) {
        const w = s as unknown as { sqlText: string; paramsList: unknown[] }
        log.push({ sql: w.sqlText, params: w.paramsList })
      }
      return env.DB.batch(list.map((s) => (s as unknown as { inner: D1PreparedStatement }).inner))
    },
  } as unknown as D1Database
}
