import type { MiddlewareHandler } from 'hono'
import type { Role } from '../shared/api'
import type { AppEnv, Principal } from './env'
import { findActiveToken } from './db/tokens'
import { ApiError, roleNotAllowed } from './errors'
import { sha256Hex } from './hash'
import { DEMO_TOKEN_ID_PREFIX, isLocalDemo } from './local-demo'
import { assertTokenBudget, refusedToken } from './rate-limit'

const BEARER_RE = /^Bearer[ \t]+([A-Za-z0-9_\-.~+/]{8,200}=*)[ \t]*$/

/**
 * `Authorization: Bearer <token>` → the principal; only the token's SHA-256 is looked up. A request without
 * the header is a plain 401; a token presented and refused counts against the address's failed-auth limit.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('Authorization')
  if (header === undefined) throw new ApiError(401, 'unauthorized')
  const match = BEARER_RE.exec(header)
  const record = match ? await findActiveToken(c.env.DB, await sha256Hex(match[1] as string)) : null
  // The demo's tokens are public (README): a deployed Worker treats them as unknown.
  if (!record || (record.id.indexOf(DEMO_TOKEN_ID_PREFIX) === 0 && !isLocalDemo(c.env))) throw await refusedToken(c)
  await assertTokenBudget(c, record.id)
  c.set('principal', { tokenId: record.id, role: record.role, unit: record.unit })
  await next()
}

export function requireRole(principal: Principal, ...roles: Role[]): void {
  if (roles.indexOf(principal.role) < 0) throw roleNotAllowed(principal.role)
}
