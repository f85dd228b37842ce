// Flags for one unit on one day: each task it owns, leads or helps with (the task itself too, so a commune's
// sheet can show the rows the district assigned it), the names of the units they mention, and its recent
// reporting periods.
import type { FlagsResponse, ReportFlagRow, TaskFlagRow } from '../../shared/api'
import { deadlineEndsAt, periodIdForDate, previousPeriodId, reportTimeliness } from '../../shared/calendar'
import { flagFromSchedule, taskFlag } from '../../shared/tasks'
import { listFirstReceived } from '../db/reports'
import { listNamesAroundTasksOf, listTasksInvolvingUnit } from '../db/tasks'
import type { UnitContext } from '../scope'
import { settingsFor } from './settings'

/** How many periods, ending with the one the date falls in, the report flags cover (about three months). */
export const REPORT_FLAG_WINDOW = 6

export function flagWindow(date: string, reportsFrom: string | null): string[] {
  const periods: string[] = []
  let id = periodIdForDate(date)
  for (let i = 0; i < REPORT_FLAG_WINDOW; i++) {
    periods.unshift(id)
    id = previousPeriodId(id)
  }
  return reportsFrom ? periods.filter((p) => p >= reportsFrom) : periods
}

/**
 * One round trip to D1 after the unit's own: its settings (the due-soon window), the tasks that involve it,
 * the names of the units those tasks mention and its reports' arrivals, all at once.
 */
export async function computeFlags(db: D1Database, target: UnitContext, date: string, now: Date): Promise<FlagsResponse> {
  const unit = target.unit
  const periods = unit.level === 'commune' ? flagWindow(date, unit.reportsFrom) : []
  const [{ settings }, involved, mentioned, received] = await Promise.all([
    settingsFor(db, target),
    listTasksInvolvingUnit(db, unit.id),
    listNamesAroundTasksOf(db, unit.id),
    periods.length > 0 ? listFirstReceived(db, unit.id, periods) : Promise.resolve<{ [period: string]: string }>({}),
  ])
  // The stored flag inputs make each flag O(1); a row stored before them is flagged from the task.
  const tasks: TaskFlagRow[] = involved.map(({ task: t, schedule, role }) => {
    const f = schedule ? flagFromSchedule(schedule, date, settings.dueSoonDays) : taskFlag(t, date, settings.dueSoonDays)
    return { ...t, role, flag: f.flag, days: f.days, occurrence: f.occurrence }
  })
  const names = { ...mentioned, [unit.id]: unit.name }

  // As of the end of the asked day (or now, for today): later arrivals do not count yet.
  const asOf = Math.min(now.getTime(), deadlineEndsAt(date))
  const reports: ReportFlagRow[] = periods.map((period) => {
    const first = received[period]
    const arrived = first !== undefined && Date.parse(first) <= asOf ? first : null
    const t = reportTimeliness(period, arrived, asOf)
    return { period, status: t.status, days: t.days }
  })
  return { unit: unit.id, date, tasks, reports, names }
}
