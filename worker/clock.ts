import type { MiddlewareHandler } from 'hono'
import type { AppEnv, Bindings } from './env'
import { isLocalDemo } from './local-demo'

/**
 * The clock FIXED_NOW sets, or null when it is unset, not an instant, or the Worker is not the local demo
 * (LOCAL_DEMO): a deployed Worker always runs on the real clock. The cron's scheduled() uses it too.
 */
export function fixedClock(env: Pick<Bindings, 'FIXED_NOW' | 'LOCAL_DEMO'>): (() => Date) | null {
  const fixed = env.FIXED_NOW && isLocalDemo(env) ? Date.parse(env.FIXED_NOW) : NaN
  return isFinite(fixed) ? () => new Date(fixed) : null
}

/**
 * Puts the request clock in the context. Tests pass a fixed `now`; otherwise FIXED_NOW (set only with
 * `wrangler dev --var FIXED_NOW:…` for demos and the add-in's e2e, and honoured only with LOCAL_DEMO) or the
 * real clock.
 */
export function clock(now?: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('now', now ?? fixedClock(c.env) ?? (() => new Date()))
    await next()
  }
}
