// App assembly only: the share links' read-only summary, the /api/v1 resources, the portal's pages, then the
// static files (task pane and portal) for everything else.
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { except } from 'hono/combine'
import { MAX_BODY_BYTES, SHARE_PAGE } from '../shared/api'
import { authenticate } from './auth'
import { clock } from './clock'
import type { AppEnv } from './env'
import { ApiError, notFound, onError } from './errors'
import { aggregate } from './routes/aggregate'
import { audit } from './routes/audit'
import { catalog } from './routes/catalog'
import { EVIDENCE_UPLOAD_PATH, evidenceFiles, unitEvidence } from './routes/evidence'
import { catalogs } from './routes/catalogs'
import { flags } from './routes/flags'
import { health } from './routes/health'
import { locks } from './routes/locks'
import { me } from './routes/me'
import { notifications } from './routes/notifications'
import { periods } from './routes/periods'
import { reportWorkbook } from './routes/report-workbook'
import { reports } from './routes/reports'
import { settings } from './routes/settings'
import { sharedSummary } from './routes/shared-summary'
import { shares } from './routes/shares'
import { taskProgress } from './routes/task-progress'
import { tasks } from './routes/tasks'
import { webhooks } from './routes/webhooks'
import { createScheduled } from './scheduled'
import { limitByClient } from './rate-limit'
import { apiHeaders } from './security-headers'
import { writeLog } from './write-log'
import { unitCatalog } from './routes/unit-catalog'

export type AppOptions = { now?: () => Date }

const servePortal = (c: Context<AppEnv>): Promise<Response> => c.env.ASSETS.fetch(new Request(new URL('/index.html', c.req.url), c.req.raw))

export function createApp(options: AppOptions = {}) {
  const api = new Hono<AppEnv>()
    // Evidence uploads (up to 10 MB) are bounded by their own route while they stream, after the token is checked.
    .use(except(
      (c) => c.req.method === 'POST' && EVIDENCE_UPLOAD_PATH.test(c.req.path),
      bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new ApiError(413, 'payload_too_large') } }),
    ))
    .use(clock(options.now))
    .use(authenticate)
    .use(writeLog)
    .route('/me', me)
    .route('/catalog', catalog)
    .route('/catalogs', catalogs)
    .route('/periods', periods)
    .route('/periods', locks)
    .route('/reports', reportWorkbook)
    .route('/reports', reports)
    .route('/units', tasks)
    .route('/units', taskProgress)
    .route('/units', flags)
    .route('/units', unitEvidence)
    .route('/evidence', evidenceFiles)
    .route('/units', settings)
    .route('/units', notifications)
    .route('/units', webhooks)
    .route('/units', unitCatalog)
    .route('/aggregate', aggregate)
    .route('/audit', audit)
    .route('/shares', shares)

  // Share links carry their own secret instead of an account token: mounted first, it answers before the
  // API's authentication runs.
  const shared = new Hono<AppEnv>().use(clock(options.now)).route('/', sharedSummary)

  const app = new Hono<AppEnv>()
  app.use('/api/*', apiHeaders)
  app.use('/api/*', limitByClient)
  // Before the API's middleware: the health check answers without a token.
  app.route('/api/v1/health', health)
  app.route('/api/v1/shared', shared)
  app.route('/api/v1', api)
  app.all('/api/*', (c) => notFound(c))
  // The portal is one page: `/` and the share page `/xem` (its secret after `#`) both serve it.
  app.get('/', (c) => servePortal(c))
  app.get(SHARE_PAGE, (c) => servePortal(c))
  app.all('*', (c) => c.env.ASSETS.fetch(c.req.raw))
  app.onError(onError)
  app.notFound(notFound)
  return app
}

/** The Worker: the HTTP app (still a Hono app, so `.request()` works in tests) with the Cron Triggers' handler. */
export default Object.assign(createApp(), { scheduled: createScheduled() })
