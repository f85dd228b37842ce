import type { D1Migration } from 'cloudflare:test'
import type { Bindings } from '../../worker/env'
import type { Limiter } from '../../worker/rate-limit'

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[]
      /** Three requests a minute per key: the rate-limit tests' budget (vitest.config.ts). */
      TEST_LIMIT_3: Limiter
    }
  }
}
