// Renders D1 statements as a plain SQL script for `wrangler d1 execute --file`: a stand-in D1 records each
// prepare/bind, and the bound values become SQL literals (strings quoted with '' escaping, numbers, bytes as X'…', NULL).

type Recorded = { sql: string; params: unknown[] }

class RecordingStatement {
  constructor(readonly sql: string, readonly params: unknown[] = []) {}
  bind(...params: unknown[]): RecordingStatement {
    return new RecordingStatement(this.sql, params)
  }
}

/** A D1Database look-alike that only records; enough for the statement builders of worker/db. */
export function recordingDb(): D1Database {
  return { prepare: (sql: string) => new RecordingStatement(sql) } as unknown as D1Database
}

export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') {
    if (!isFinite(value)) throw new Error('cannot write a non-finite number into SQL')
    return String(value)
  }
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'string') return "'" + value.replace(/'/g, "''") + "'"
  if (value instanceof Uint8Array) {
    let hex = ''
    for (let i = 0; i < value.length; i++) hex += (value[i] as number).toString(16).padStart(2, '0')
    return "X'" + hex + "'"
  }
  throw new Error('unsupported SQL value: ' + typeof value)
}

/** `?N` placeholders replaced by literals; statement text must not contain `?` elsewhere. */
export function renderStatement(statement: D1PreparedStatement): string {
  const { sql, params } = statement as unknown as Recorded
  const template = sql.replace(/\s+/g, ' ').trim()
  return template.replace(/\?(\d+)/g, (_, n: string) => sqlLiteral(params[Number(n) - 1])) + ';'
}
