// Which periods a page offers, counted from the API's today (a device's clock may be wrong).
import { nextPeriodId, periodIdForDate, previousPeriodId } from '../shared/calendar'
import { formatDateVi } from '../shared/dates'
import { h } from './dom'

/** The period a date falls in: its commune deadline is still ahead (or today). */
export function currentPeriod(today: string): string {
  return periodIdForDate(today)
}

/** The period an office reviews: the last one whose commune deadline has passed. */
export function reviewPeriod(today: string): string {
  return previousPeriodId(periodIdForDate(today))
}

/** The current period and `back` before it, newest first. */
export function recentPeriods(today: string, back: number): string[] {
  const out = [currentPeriod(today)]
  for (let i = 0; i < back; i++) out.push(previousPeriodId(out[out.length - 1] as string))
  return out
}

export function nextPeriod(id: string): string {
  return nextPeriodId(id)
}

export function periodSelect(id: string, periods: readonly string[], selected: string, onChange: (period: string) => void): HTMLSelectElement {
  const select = h('select', { id, name: id }, periods.map((p) => h('option', { value: p, selected: p === selected }, 'Kỳ ' + formatDateVi(p))))
  select.addEventListener('change', () => onChange(select.value))
  return select
}
