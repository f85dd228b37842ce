import { describe, expect, it } from 'vitest'
import { formatTimeVi } from '../../shared/dates'
import { changeText, daysLeftText, flagTextVi, periodText, timelinessText } from '../../shared/words'

describe('Vietnamese words for facts', () => {
  it('names a period by its date, day first', () => expect(periodText('2026-11-14')).toBe('kỳ 14/11/2026'))

  it('writes an instant in Vietnam time, time first, whatever the offset it came with', () => {
    expect(formatTimeVi('2026-11-29T01:15:00Z')).toBe('08:15 29/11/2026')
    expect(formatTimeVi('2026-11-28T23:30:00+07:00')).toBe('23:30 28/11/2026')
    expect(formatTimeVi('2026-11-28T17:30:00Z')).toBe('00:30 29/11/2026')
  })

  it('says how a report stands', () => {
    expect(timelinessText({ status: 'late', days: 3 })).toBe('Trễ 3 ngày')
    expect(timelinessText({ status: 'missing', days: 12 })).toBe('Chưa nộp (quá hạn 12 ngày)')
  })

  it('says a change with its sign, or none', () => {
    expect([changeText(2), changeText(-1), changeText(0)]).toEqual(['+2 tiêu chí', '−1 tiêu chí', 'không đổi'])
  })

  it('says how far a deadline is', () => {
    expect([daysLeftText(2), daysLeftText(0), daysLeftText(-3)]).toEqual(['còn 2 ngày', 'hạn là hôm nay', 'quá hạn 3 ngày'])
  })

  it('words a task flag', () => expect(flagTextVi({ flag: 'overdue', days: 6 })).toBe('Quá hạn 6 ngày'))
})
