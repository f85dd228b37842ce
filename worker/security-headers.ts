// Headers on every API answer, errors included: nothing cached (answers hold a unit's data), no MIME sniffing
// (a JSON error echoing input must never be read as HTML), no referrer leaking ids in URLs. A route that set
// a stricter or more specific value (evidence files: `private, no-store` and a sandbox CSP) keeps it.
import type { MiddlewareHandler } from 'hono'

export const apiHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  const cache = c.res.headers.get('Cache-Control')
  if (!cache || cache.indexOf('no-store') < 0) c.header('Cache-Control', 'no-store')
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'no-referrer')
}
