import type { Role, UnitLevel } from '../shared/api'
import type { Limiter } from './rate-limit'
import type { WriteNote } from './write-log'

export type Bindings = {
  DB: D1Database
  ASSETS: Fetcher
  /** Evidence files (R2); their metadata is in D1's evidence_items. */
  EVIDENCE: R2Bucket
  /** Local demo only (`wrangler dev --var FIXED_NOW:2026-11-26T09:00:00+07:00`): the API's clock; needs LOCAL_DEMO. */
  FIXED_NOW?: string
  /**
   * Seals webhook secrets at rest (AES-GCM, key derived with HKDF): `wrangler secret put WEBHOOK_SECRET_KEY`.
   * Without it, webhooks cannot be configured (503 `not_configured`).
   */
  WEBHOOK_SECRET_KEY?: string
  /** "1" for the local demo, the e2e harness and the tests only (worker/local-demo.ts); never set when deployed. */
  LOCAL_DEMO?: string
  /** Workers Rate Limiting bindings (wrangler.jsonc "ratelimits", worker/rate-limit.ts). */
  RATE_LIMIT_IP: Limiter
  RATE_LIMIT_TOKEN: Limiter
  RATE_LIMIT_AUTH: Limiter
}

/** Who is calling: the token's role and the unit it speaks for. */
export type Principal = {
  tokenId: string
  role: Role
  unit: { id: string; name: string; level: UnitLevel }
}

export type Variables = {
  now: () => Date
  principal: Principal
  /** What a write did, for its structured log line (set by the handler; see write-log.ts). */
  write?: WriteNote
}

export type AppEnv = { Bindings: Bindings; Variables: Variables }
