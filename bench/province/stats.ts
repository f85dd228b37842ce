// Medians and 95th percentiles of a list of times (nearest rank), and their formatting.
export type Summary = { median: number; p95: number; n: number }

export function summarize(times: readonly number[]): Summary {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
  return { median: at(0.5), p95: at(0.95), n: sorted.length }
}

export const ms = (v: number): string => (!isFinite(v) ? '—' : v >= 100 ? v.toFixed(0) + ' ms' : v >= 10 ? v.toFixed(1) + ' ms' : v.toFixed(2) + ' ms')
export const ratio = (v: number): string => (!isFinite(v) ? '—' : '×' + v.toFixed(2))

/** A Markdown table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => '| ' + cells.join(' | ') + ' |'
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}
