// The shared calendar writes years as plain numbers ("0-01-14" for year 0), so ids of years before 1000
// break its arithmetic. The API keeps to years 1900–2199, which covers every real report and task.
import { isMonthId, isPeriodId } from '../shared/calendar'
import { isLocalDate } from '../shared/dates'

const inRange = (text: string): boolean => text >= '1900' && text < '2200'

export const isSupportedPeriod = (text: unknown): text is string => isPeriodId(text) && inRange(text)
export const isSupportedMonth = (text: unknown): text is string => isMonthId(text) && inRange(text)
export const isSupportedDate = (text: unknown): text is string => isLocalDate(text) && inRange(text)
