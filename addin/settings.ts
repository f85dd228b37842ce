// The pane's own storage: server URL and access token, and copies of the last catalogues (one per period,
// since the set in force changes with the period) for checking offline. Kept in localStorage under a key partitioned by Office.context.partitionKey where the host gives
// one (Excel on the web, new Outlook…), never in the workbook.
import type { CatalogResponse, MeResponse } from '../shared/api'

export type PaneSettings = { serverUrl: string; token: string }

const memory: { [key: string]: string } = {}

function partition(): string {
  try {
    const pk = typeof Office !== 'undefined' && Office.context ? (Office.context as { partitionKey?: string }).partitionKey : undefined
    return pk ? pk + ':' : ''
  } catch {
    return ''
  }
}

function read(key: string): string | null {
  const k = partition() + key
  try {
    return window.localStorage.getItem(k)
  } catch {
    // storage blocked (private mode, policy): this session's memory instead
    return Object.prototype.hasOwnProperty.call(memory, k) ? (memory[k] as string) : null
  }
}

function write(key: string, value: string | null): void {
  const k = partition() + key
  try {
    if (value === null) window.localStorage.removeItem(k)
    else window.localStorage.setItem(k, value)
  } catch {
    if (value === null) delete memory[k]
    else memory[k] = value
  }
}

/** The pane's own origin (IE11 has no location.origin). */
export function defaultServerUrl(): string {
  return window.location.protocol + '//' + window.location.host
}

export function loadSettings(): PaneSettings {
  const raw = read('ntm.settings')
  let saved: Partial<PaneSettings> = {}
  try {
    saved = raw ? (JSON.parse(raw) as Partial<PaneSettings>) : {}
  } catch {
    saved = {}
  }
  return {
    serverUrl: typeof saved.serverUrl === 'string' && saved.serverUrl !== '' ? saved.serverUrl : defaultServerUrl(),
    token: typeof saved.token === 'string' ? saved.token : '',
  }
}

export function saveSettings(s: PaneSettings): void {
  write('ntm.settings', JSON.stringify({ serverUrl: s.serverUrl.replace(/\/+$/, ''), token: s.token.replace(/^\s+|\s+$/g, '') }))
}

/**
 * A catalogue saved for offline checks belongs to the connection (server and token) that fetched it: a
 * token of another unit must not check against this unit's region. The key holds a short hash, not the token.
 */
function catalogKey(s: PaneSettings): string {
  const text = s.serverUrl + '\n' + s.token
  let h = 5381
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0
  return 'ntm.catalog.' + h.toString(36)
}

/** Periods whose catalogue is kept for offline checks: enough for the current period and a few around it. */
const CACHED_PERIODS = 6

type CatalogCache = { periods: string[]; byPeriod: { [period: string]: CatalogResponse } }

function readCache(s: PaneSettings): CatalogCache {
  const raw = read(catalogKey(s))
  try {
    const parsed = raw ? (JSON.parse(raw) as Partial<CatalogCache>) : null
    if (parsed && parsed.periods instanceof Array && parsed.byPeriod && typeof parsed.byPeriod === 'object') return parsed as CatalogCache
  } catch {
    // unreadable: start again
  }
  return { periods: [], byPeriod: {} }
}

/** The catalogue last fetched for this period over this connection. */
export function loadCachedCatalog(s: PaneSettings, period: string): CatalogResponse | null {
  const cache = readCache(s)
  return Object.prototype.hasOwnProperty.call(cache.byPeriod, period) ? (cache.byPeriod[period] as CatalogResponse) : null
}

export function saveCachedCatalog(s: PaneSettings, c: CatalogResponse): void {
  const cache = readCache(s)
  const periods = cache.periods.filter((p) => p !== c.period).concat([c.period])
  const byPeriod: CatalogCache['byPeriod'] = {}
  const kept = periods.slice(-CACHED_PERIODS)
  for (const p of kept) byPeriod[p] = p === c.period ? c : (cache.byPeriod[p] as CatalogResponse)
  write(catalogKey(s), JSON.stringify({ periods: kept, byPeriod }))
}

/** Who this connection was when last reached, so the pane offers that role's buttons while offline. */
export function loadCachedMe(s: PaneSettings): MeResponse | null {
  const raw = read(catalogKey(s).replace('ntm.catalog.', 'ntm.me.'))
  try {
    return raw ? (JSON.parse(raw) as MeResponse) : null
  } catch {
    return null
  }
}

export function saveCachedMe(s: PaneSettings, me: MeResponse): void {
  write(catalogKey(s).replace('ntm.catalog.', 'ntm.me.'), JSON.stringify(me))
}
