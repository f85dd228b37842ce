// The summary workbook of an open period, written once per fingerprint and kept (summary_workbook_cache):
// leaders download it again and again on the 15th and the 30th, and for a province writing it costs far more
// than reading it back. The fingerprint covers everything the workbook shows (the aggregate, its generation
// time aside), the Vietnam day (overdue days count from today, and a release's new layout reaches the cache
// by the next day at the latest) and the release.
import type { AggregateResponse } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import pkg from '../../package.json'
import { type CachedWorkbook, putCachedWorkbookStatement } from '../db/workbook-cache'
import { sha256Hex } from '../hash'
import { writeSummaryWorkbook } from '../summary-book'

async function summaryWorkbookFingerprint(a: AggregateResponse, now: Date): Promise<string> {
  return sha256Hex(pkg.version + '\n' + vnDate(now) + '\n' + JSON.stringify({ ...a, generatedAt: null }))
}

/** `cached`: what the cache holds for the unit and period (read with the aggregate, in the same round trip). */
export async function cachedSummaryWorkbook(db: D1Database, a: AggregateResponse, cached: CachedWorkbook | null, now: Date): Promise<Uint8Array> {
  const fingerprint = await summaryWorkbookFingerprint(a, now)
  if (cached && cached.fingerprint === fingerprint) return cached.workbook
  const workbook = await writeSummaryWorkbook(a)
  try {
    await putCachedWorkbookStatement(db, { unitId: a.unit.id, period: a.period, fingerprint, createdAt: now.toISOString(), workbook }).run()
  } catch (err) {
    // The workbook is still right; only the next download pays for writing it again.
    console.error(JSON.stringify({ level: 'error', event: 'summary_workbook_cache', error: err instanceof Error ? err.message : String(err) }))
  }
  return workbook
}
