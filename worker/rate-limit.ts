// Rate limits (issue 10): per client address on every API request, per token once it is known, and a
// stricter one per address on failed authentication. In production these are Workers Rate Limiting bindings
// (wrangler.jsonc "ratelimits"); `npm start`, the e2e harness and the vitest pool run miniflare's local
// simulation of the same bindings. Cloudflare counts per location and approximately: a guard against
// floods and guessing, not a quota.
import type { Context, MiddlewareHandler } from 'hono'
import { RATE_LIMIT_PERIOD_SECONDS } from '../shared/api'
import type { AppEnv } from './env'
import { ApiError } from './errors'


export type Limiter = { limit(options: { key: string }): Promise<{ success: boolean }> }

/** IPv6 `2001:db8::1` → its first four groups, `2001:db8:0:0` (the /64 one household or office gets). */
function ipv6Prefix(ip: string): string {
  const [head = '', tail] = ip.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = tail === undefined ? left : left.concat(Array(Math.max(0, 8 - left.length - right.length)).fill('0'), right)
  return groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')
}

/** The client's address as Cloudflare reports it (CF-Connecting-IP); an IPv6 address counts as its /64. */
function clientKey(c: Context): string {
  const ip = (c.req.header('CF-Connecting-IP') ?? '').trim()
  if (ip === '') return 'ip:unknown'
  return ip.indexOf(':') >= 0 ? 'ip6:' + ipv6Prefix(ip) : 'ip:' + ip
}

function rateLimited(): ApiError {
  const error = new ApiError(429, 'rate_limited')
  error.retryAfter = RATE_LIMIT_PERIOD_SECONDS
  return error
}

/** True when `key` is still within `limiter`'s budget (and counts this request). */
async function within(limiter: Limiter, key: string): Promise<boolean> {
  return (await limiter.limit({ key })).success
}

/** Every API request, before anything else: the client address's budget. */
export const limitByClient: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!(await within(c.env.RATE_LIMIT_IP, clientKey(c)))) throw rateLimited()
  await next()
}

/**
 * A presented token that is not accepted: 401, or 429 once the address has failed too often. A valid token
 * is still accepted from such an address (tokens are 256-bit random, so guessing is not the threat; the limit
 * stops a client from hammering the token lookup, and tells a misconfigured one to stop).
 */
export async function refusedToken(c: Context<AppEnv>): Promise<ApiError> {
  return (await within(c.env.RATE_LIMIT_AUTH, clientKey(c))) ? new ApiError(401, 'unauthorized') : rateLimited()
}

/** A known token's budget, counted once it is authenticated. */
export async function assertTokenBudget(c: Context<AppEnv>, tokenId: string): Promise<void> {
  if (!(await within(c.env.RATE_LIMIT_TOKEN, tokenId))) throw rateLimited()
}
