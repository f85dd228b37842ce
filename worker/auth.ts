import type { MiddlewareHandler } from 'hono'
import type { Role } from '../shared/api'
import type { AppEnv, Principal } from './env'
import { findActiveToken } from './db/tokens'
import { ApiError, roleNotAllowed } from './errors'
import { sha256Hex } from './hash'
import { DEMO_TOKEN_ID_PREFIX, isLocalDemo } from './local-demo'

const BEARER_RE = /^Bearer[ \t]+([A-Za-z0-9_\-.~+/]{8,200}=*)[ \t]*$/

/** `Authorization: Bearer <token>` → the principal; only the token's SHA-256 is looked up. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const match = BEARER_RE.exec(c.req.header('Authorization') ?? '')
  if (!match) throw new ApiError(401, 'unauthorized')
  const record = await findActiveToken(c.env.DB, await sha256Hex(match[1] as string))
  if (!record) throw new ApiError(401, 'unauthorized')
  // The demo's tokens are public (README): a deployed Worker treats them as unknown.
  if (record.id.indexOf(DEMO_TOKEN_ID_PREFIX) === 0 && !isLocalDemo(c.env)) throw new ApiError(401, 'unauthorized')
  c.set('principal', { tokenId: record.id, role: record.role, unit: record.unit })
  await next()
}

export function requireRole(principal: Principal, ...roles: Role[]): void {
  if (roles.indexOf(principal.role) < 0) throw roleNotAllowed(principal.role)
}
