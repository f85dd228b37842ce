// The facts leaders read first, as words shared by the summary workbook and the portal: the communes
// ranked by criteria met, and who is late or has not reported.
import type { CommuneRow } from './aggregate'

/** Best first; communes without a report last; ties in Vietnamese alphabetical order. */
export function rankCommunes(rows: readonly CommuneRow[]): CommuneRow[] {
  return rows.slice().sort((a, b) => {
    if (a.achieved !== b.achieved) return a.achieved === null ? 1 : b.achieved === null ? -1 : b.achieved - a.achieved
    return a.unit.name.localeCompare(b.unit.name, 'vi')
  })
}

/** `Xã Hợp Lý (3 ngày), …` or `không có`. */
export function lateNames(rows: readonly CommuneRow[]): string {
  const late = rows.filter((c) => c.timeliness.status === 'late')
  return late.length === 0 ? 'không có' : late.map((c) => c.unit.name + ' (' + c.timeliness.days + ' ngày)').join(', ')
}

/** `Xã Thọ Bình (quá hạn 12 ngày), …` — or `(còn 2 ngày)` before the deadline — or `không có`. */
export function missingNames(rows: readonly CommuneRow[]): string {
  const missing = rows.filter((c) => c.timeliness.status === 'missing' || c.timeliness.status === 'open')
  if (missing.length === 0) return 'không có'
  return missing.map((c) => c.unit.name + ' (' + (c.timeliness.status === 'missing' ? 'quá hạn ' : 'còn ') + c.timeliness.days + ' ngày)').join(', ')
}
