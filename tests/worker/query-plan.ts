// Reading EXPLAIN QUERY PLAN: which lines scan a table that grows with the province (used by the read-model
// test and by the province benchmark).

/** Tables whose size grows with the number of communes, reports or tasks. */
export const GROWING_TABLES = [
  'units', 'tokens', 'report_revisions', 'report_latest', 'idempotency_keys', 'tasks', 'task_units', 'period_lock_events',
  'audit_log', 'evidence_items',
]

const NOT_ALIAS = /^(where|on|join|left|inner|cross|natural|order|group|limit|select|values|set|using|union|default|as)$/

/** The plan lines `SCAN x` (or `SCAN t AS x`) where x is, or is an alias of, a growing table. */
export function growingScans(sql: string, detail: readonly string[]): string[] {
  const alias = new Map<string, string>()
  const re = /\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_]+)(?:\s+(?:AS\s+)?([a-z_]+))?/gi
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    const table = (m[1] as string).toLowerCase()
    alias.set(table, table)
    const a = m[2]?.toLowerCase()
    if (a && !NOT_ALIAS.test(a)) alias.set(a, table)
  }
  return detail.filter((d) => {
    const m = /^SCAN (\w+)(?: AS (\w+))?/.exec(d.trim())
    if (!m) return false
    const names = [m[1], m[2]].filter((n): n is string => n !== undefined).map((n) => n.toLowerCase())
    return names.some((n) => GROWING_TABLES.indexOf(alias.get(n) ?? n) >= 0)
  })
}
