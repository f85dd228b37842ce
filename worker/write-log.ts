// Structured JSON logs of every write, one line each (Workers Logs indexes JSON fields): who (token id and role),
// which unit, what, which record, how it ended. Never a token, never what a report or a task says.
import type { Context, MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { AppEnv } from './env'

export type WriteNote = { unit: string; action: string; id?: string | null }

export type WriteLogLine = {
  level: 'info' | 'warn'
  event: 'write'
  at: string
  /** A token id (`tok_…`), or `cron` for the scheduled job. */
  actor: string
  role: string | null
  unit: string | null
  action: string
  id: string | null
  status?: number
}

export function logWrite(line: Omit<WriteLogLine, 'event' | 'at' | 'level'> & { level?: WriteLogLine['level'] }): void {
  const out: WriteLogLine = { level: line.level ?? 'info', event: 'write', at: new Date().toISOString(), ...line }
  console.log(JSON.stringify(out))
}

/** A handler says what it wrote; the middleware logs it with the outcome. */
export function noteWrite(c: Context<AppEnv>, note: WriteNote): void {
  c.set('write', note)
}

const READS = ['GET', 'HEAD', 'OPTIONS']
// POSTs that store nothing: a body too large for a query string, not a write.
const READ_POSTS = ['/api/v1/aggregate', '/api/v1/reports/validate']

/**
 * After authentication: every non-read request is logged once it has an answer, refused ones included (their
 * status says so). A handler that did not note its write is logged by method and route.
 */
export const writeLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  if (READS.indexOf(c.req.method) >= 0 || (c.req.method === 'POST' && READ_POSTS.indexOf(routePath(c)) >= 0)) return
  const principal = c.get('principal')
  const note = c.get('write')
  const status = c.res.status
  logWrite({
    level: status >= 400 ? 'warn' : 'info',
    actor: principal.tokenId,
    role: principal.role,
    // A refused write has no note: the unit in its path, else the caller's own.
    unit: note?.unit ?? c.req.param('unit') ?? principal.unit.id,
    action: note?.action ?? c.req.method + ' ' + routePath(c),
    id: note?.id ?? null,
    status,
  })
}
