// The API keeps to years 1900–2199, which covers every real report and task: a year outside it is a typo,
// refused with a clear message rather than stored.
import { isMonthId, isPeriodId } from '../shared/calendar'
import { isLocalDate } from '../shared/dates'

const inRange = (text: string): boolean => text >= '1900' && text < '2200'

/** The range as people read it in messages. */
export const SUPPORTED_YEARS = '1900–2199'

export const isSupportedPeriod = (text: unknown): text is string => isPeriodId(text) && inRange(text)
export const isSupportedMonth = (text: unknown): text is string => isMonthId(text) && inRange(text)
export const isSupportedDate = (text: unknown): text is string => isLocalDate(text) && inRange(text)
