import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'

/**
 * Puts the request clock in the context. Tests pass a fixed `now`; otherwise FIXED_NOW (set only with
 * `wrangler dev --var FIXED_NOW:…` for demos and the add-in's e2e) or the real clock.
 */
export function clock(now?: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (now) c.set('now', now)
    else {
      const fixed = c.env.FIXED_NOW ? Date.parse(c.env.FIXED_NOW) : NaN
      c.set('now', isFinite(fixed) ? () => new Date(fixed) : () => new Date())
    }
    await next()
  }
}
