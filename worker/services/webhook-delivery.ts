// Draining the webhook outbox: POST each due delivery, signed, to the nearest webhook; a 2xx answer is the
// acknowledgement (never sent again), anything else is retried with growing waits, then given up.
import { WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER } from '../../shared/api'
import { type DeliveryOutcome, claimDeliveries, listWebhooks, recordOutcomesStatement } from '../db/webhooks'
import { logWrite } from '../write-log'
import { openSecret, signBody } from '../webhook-crypto'

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>

/** Minutes to wait after the 1st, 2nd, … failed attempt; one attempt more than waits, then the delivery gives up (~22 h). */
export const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360, 720]
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1
/** Deliveries per run: within a cron invocation's outbound-request budget. */
export const DRAIN_BATCH = 40
const LEASE_MS = 10 * 60_000
const TIMEOUT_MS = 10_000

export type DrainResult = { delivered: number; retried: number; failed: number }

/** One signed POST; the answer's status, or the reason it did not arrive. */
export async function postSigned(fetchFn: FetchFn, url: string, secret: string, deliveryId: string, body: string): Promise<{ status: number | null; error: string | null }> {
  try {
    const res = await fetchFn(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'ntm-reports-webhook/1',
        [WEBHOOK_SIGNATURE_HEADER]: 'sha256=' + (await signBody(secret, body)),
        [WEBHOOK_DELIVERY_HEADER]: deliveryId,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    await res.body?.cancel()
    return res.status >= 200 && res.status < 300 ? { status: res.status, error: null } : { status: res.status, error: 'HTTP ' + res.status }
  } catch (err) {
    return { status: null, error: (err instanceof Error ? err.name + ': ' + err.message : String(err)).slice(0, 200) }
  }
}

function outcomeOf(result: { status: number | null; error: string | null }, attempts: number, now: number): DeliveryOutcome {
  if (result.error === null) return { kind: 'delivered', status: result.status as number }
  if (attempts >= MAX_ATTEMPTS) return { kind: 'failed', status: result.status, error: result.error }
  const wait = BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] as number
  return { kind: 'retry', status: result.status, error: result.error, nextAttemptAt: new Date(now + wait * 60_000).toISOString() }
}

export async function drainOutbox(db: D1Database, masterKey: string | undefined, now: Date, fetchFn: FetchFn): Promise<DrainResult> {
  const at = now.toISOString()
  const claimed = await claimDeliveries(db, at, new Date(now.getTime() + LEASE_MS).toISOString(), DRAIN_BATCH)
  const result: DrainResult = { delivered: 0, retried: 0, failed: 0 }
  if (claimed.length === 0) return result
  const hooks = await listWebhooks(db, Array.from(new Set(claimed.map((d) => d.webhookUnitId))))
  const secrets: { [unitId: string]: { url: string; secret: string | null } } = {}
  for (const h of hooks) secrets[h.unitId] = { url: h.url, secret: masterKey ? await openSecret(masterKey, h.unitId, h.secretSealed) : null }

  const outcomes = await Promise.all(
    claimed.map(async (d): Promise<DeliveryOutcome> => {
      const hook = secrets[d.webhookUnitId]
      if (!hook) return { kind: 'failed', status: null, error: 'webhook removed' }
      // Without the key the secret cannot be read: keep trying (someone may set the key), as for a failed POST.
      if (hook.secret === null) return outcomeOf({ status: null, error: 'WEBHOOK_SECRET_KEY missing or changed' }, d.attempts, now.getTime())
      return outcomeOf(await postSigned(fetchFn, hook.url, hook.secret, d.id, d.body), d.attempts, now.getTime())
    }),
  )
  await recordOutcomesStatement(db, claimed.map((d, i) => ({ id: d.id, outcome: outcomes[i] as DeliveryOutcome })), at).run()
  claimed.forEach((d, i) => {
    const o = outcomes[i] as DeliveryOutcome
    if (o.kind === 'delivered') result.delivered++
    else if (o.kind === 'retry') result.retried++
    else result.failed++
    logWrite({
      level: o.kind === 'delivered' ? 'info' : 'warn', actor: 'cron', role: null, unit: d.webhookUnitId,
      action: 'webhook.' + o.kind, id: d.id, status: o.status ?? 0,
    })
  })
  return result
}
