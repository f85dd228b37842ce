// Two stand-ins for the D1 binding, so the Worker's own app can run in Node on the bench's SQLite file:
// - `capturingD1` runs each statement through the sqlite3 shell and records it with its rows: the exact SQL
//   a request issues (its "raw SQL"), auth and scope look-ups included;
// - `replayD1` answers a request's statements from such a record without any I/O, so the handler's own
//   computation can be timed in Node on the same rows.
import { renderStatement } from '../../worker/seed/sql-text'
import type { SqliteCli } from './sqlite-cli'

type Row = Record<string, unknown>
/**
 * `wave`: the round trip the statement belongs to — statements the handler had in flight together (Promise.all)
 * share one; `call`: the D1 call that carried it (a `batch()` carries several statements in one call).
 */
export type Captured = { template: string; text: string; params: unknown[]; rows: Row[]; changes: number; batch: number | null; wave: number; call: number }

class Statement {
  constructor(readonly owner: BaseD1, readonly sql: string, readonly params: unknown[] = []) {}
  bind(...params: unknown[]): Statement {
    return new Statement(this.owner, this.sql, params)
  }
  async all<T = Row>(): Promise<D1Result<T>> {
    const [r] = await this.owner.execute([this], null)
    return r as D1Result<T>
  }
  async first<T = Row>(column?: string): Promise<T | null> {
    const row = (await this.all<Row>()).results[0]
    if (!row) return null
    return (column ? row[column] : row) as T
  }
  async run<T = Row>(): Promise<D1Result<T>> {
    return this.all<T>()
  }
  async raw<T = unknown[]>(): Promise<T[]> {
    return (await this.all<Row>()).results.map((r) => Object.values(r) as T)
  }
}

const result = (rows: Row[], changes: number): D1Result<Row> =>
  ({ results: rows, success: true, meta: { changes, duration: 0, last_row_id: 0, changed_db: changes > 0, size_after: 0, rows_read: 0, rows_written: changes } }) as unknown as D1Result<Row>

abstract class BaseD1 {
  private batches = 0
  abstract execute(statements: Statement[], batch: number | null): Promise<D1Result<Row>[]>
  prepare(sql: string): Statement {
    return new Statement(this, sql)
  }
  batch(statements: Statement[]): Promise<D1Result<Row>[]> {
    return this.execute(statements, ++this.batches)
  }
  async exec(): Promise<never> {
    throw new Error('exec is not used by the Worker')
  }
  asD1(): D1Database {
    return this as unknown as D1Database
  }
}

const toText = (s: Statement): string => renderStatement(s as unknown as D1PreparedStatement)

export class CapturingD1 extends BaseD1 {
  readonly log: Captured[] = []
  // The Worker starts several queries at once (Promise.all); the shell runs one script at a time.
  private queue: Promise<unknown> = Promise.resolve()
  private inFlight = 0
  private waves = 0
  private calls = 0
  /** `keepWrites: false` rolls every write back (recording a submission must not store it). */
  constructor(private readonly cli: SqliteCli, private readonly options: { keepWrites: boolean } = { keepWrites: true }) {
    super()
  }
  execute(statements: Statement[], batch: number | null): Promise<D1Result<Row>[]> {
    // A call made while none is pending starts a new round trip; one made while others are pending joins theirs.
    if (this.inFlight === 0) this.waves++
    this.inFlight++
    const wave = this.waves
    const call = ++this.calls
    const run = async (): Promise<D1Result<Row>[]> => {
      const texts = statements.map(toText)
      const keep = this.options.keepWrites
      const script: string[] = [keep ? 'BEGIN;' : 'SAVEPOINT capture;']
      for (const t of texts) script.push(t, 'SELECT changes() AS c;')
      script.push(keep ? 'COMMIT;' : 'ROLLBACK TO capture;', ...(keep ? [] : ['RELEASE capture;']))
      let out: Row[][]
      try {
        out = await this.cli.rows(script)
      } catch (err) {
        await this.cli.run(['ROLLBACK;']).catch(() => undefined)
        throw err
      }
      out = out.slice(1, 1 + 2 * texts.length)
      return texts.map((text, i) => {
        const rows = out[2 * i] as Row[]
        const changes = Number((out[2 * i + 1] as Row[])[0]?.c ?? 0)
        const s = statements[i] as Statement
        this.log.push({ template: s.sql, text, params: s.params, rows, changes, batch, wave, call })
        return result(rows, changes)
      })
    }
    const next = this.queue.then(run, run).finally(() => { this.inFlight-- })
    this.queue = next.catch(() => undefined)
    return next
  }
}

export class ReplayD1 extends BaseD1 {
  private at = 0
  constructor(private readonly log: readonly Captured[]) {
    super()
  }
  rewind(): void {
    this.at = 0
  }
  async execute(statements: Statement[]): Promise<D1Result<Row>[]> {
    return statements.map((s) => {
      const c = this.log[this.at++]
      if (!c || c.template !== s.sql) throw new Error('replay out of step at statement ' + this.at + ': ' + s.sql.slice(0, 80))
      // Rows are handed out as fresh objects, as D1 does.
      return result(c.rows.map((r) => ({ ...r })), c.changes)
    })
  }
}

/** The statements of a capture as one script for the shell; writes inside a savepoint that is rolled back. */
export function rawScript(log: readonly Captured[]): string[] {
  const writes = log.some((c) => c.batch !== null || c.changes > 0)
  const body = log.map((c) => c.text)
  return writes ? ['SAVEPOINT raw;', ...body, 'ROLLBACK TO raw;', 'RELEASE raw;'] : body
}

export type RawCall = { statements: Array<{ sql: string; params: unknown[] }>; batch: boolean; writes: boolean }

const WRITES = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i

/** The statements of a capture as the bare Worker replays them: per round trip, its D1 calls. */
export function rawCalls(log: readonly Captured[]): RawCall[][] {
  const waves = new Map<number, Map<number, RawCall>>()
  for (const c of log) {
    const wave = waves.get(c.wave) ?? new Map<number, RawCall>()
    waves.set(c.wave, wave)
    const call = wave.get(c.call) ?? { statements: [], batch: c.batch !== null, writes: false }
    wave.set(c.call, call)
    call.statements.push({ sql: c.template, params: c.params })
    if (c.changes > 0 || WRITES.test(c.template)) call.writes = true
  }
  return Array.from(waves.values()).map((w) => Array.from(w.values()))
}
