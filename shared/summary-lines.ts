// The facts leaders read first, as words shared by the summary workbook and the portal: the communes
// ranked by criteria met, who is late or has not reported, and the criteria columns when several catalogues
// judge the period (each catalogue its own columns, the second set's headed B·TC1 …, said in one line).
import type { CatalogTally, CommuneRow } from './aggregate'
import type { AggregateResponse } from './api'

/** The share of its catalogue's criteria a commune meets (its own N: 19, 10 or a province's); -1 without a report. */
const share = (r: CommuneRow): number => (r.achieved === null ? -1 : r.total > 0 ? r.achieved / r.total : 0)

/**
 * Best first, by share of its own catalogue's criteria (communes judged by different catalogues compare fairly);
 * communes without a report last; ties in Vietnamese alphabetical order.
 */
export function rankCommunes(rows: readonly CommuneRow[]): CommuneRow[] {
  return rows.slice().sort((a, b) => {
    if (share(a) !== share(b)) return share(b) - share(a)
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

/** The criteria columns: each catalogue's criteria in turn, the second set's headed "B·TC1" and so on. */
export type CriteriaColumn = { tally: CatalogTally; no: number; name: string; communes: number; header: string }
const SET_LETTERS = 'ABCDEFGH'

/** The prefix of the i-th catalogue's columns: none for the first, then "B·", "C·"… */
export const setPrefix = (i: number): string => (i === 0 ? '' : (SET_LETTERS.charAt(i) || String(i + 1)) + '·')

export function criteriaColumns(a: AggregateResponse): CriteriaColumn[] {
  const out: CriteriaColumn[] = []
  a.catalogs.forEach((tally, i) => {
    for (const k of tally.criteriaMet) out.push({ tally, no: k.no, name: k.name, communes: k.communes, header: setPrefix(i) + 'TC' + k.no })
  })
  return out
}

/** Said above the table when several catalogues judge the period. */
export function catalogsLine(a: AggregateResponse): string {
  if (a.catalogs.length < 2) return ''
  const sets = a.catalogs.map((t, i) => 'cột ' + setPrefix(i) + 'TC…' + ': ' + t.title + ' (' + t.communes + ' xã, ' + t.total + ' tiêu chí)')
  return 'Lưu ý: các xã được chấm theo ' + a.catalogs.length + ' bộ tiêu chí khác nhau, mỗi xã trên tổng số tiêu chí của bộ mình — ' + sets.join('; ') + '.'
}

/** Whether a commune's row was judged by the catalogue of a column (another set's columns stay empty for it). */
export const sameCatalog = (row: CommuneRow, t: CatalogTally): boolean => row.catalog !== null && row.catalog.id === t.id && row.catalog.version === t.version
