// The local demo switch. `LOCAL_DEMO=1` is set only by `npm start`, the e2e harness and the tests, never in
// wrangler.jsonc: a deployed Worker ignores FIXED_NOW and refuses the demo's public tokens even if the demo
// seed ever reached its database.
import type { Bindings } from './env'

export const isLocalDemo = (env: Pick<Bindings, 'LOCAL_DEMO'>): boolean => env.LOCAL_DEMO === '1'

/** Every demo token's id starts with this (worker/seed/demo-data.ts). */
export const DEMO_TOKEN_ID_PREFIX = 'tok_demo_'
