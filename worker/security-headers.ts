// Headers on every API answer, errors included: nothing cached (answers hold a unit's data), no MIME sniffing
// (a JSON error echoing input must never be read as HTML), no referrer leaking ids in URLs.
import type { MiddlewareHandler } from 'hono'

export const apiHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'no-referrer')
}
