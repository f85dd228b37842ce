import { describe, expect, it } from 'vitest'
import { type Task, formatRecurrence, occurrences, taskFlag } from '../../shared/tasks'
import { parseRecurrence } from '../../shared/task-check'

const task = (over: Partial<Task>): Task => ({
  id: 'T', title: 'Việc', lead: 'binh-son', collaborators: [], due: '2020-11-30', status: 'todo', progress: 0, ...over,
})

// Notice item 4: clean-up across the commune in December 2020, again in March and May 2021.
const cleanUp = task({
  id: 'TB-4', title: 'Tổng dọn vệ sinh môi trường', collaborators: ['phong-tnmt'], due: '2020-12-31',
  recurrence: { kind: 'months', months: [12, 3, 5], until: '2021-05-31' },
})

describe('occurrences', () => {
  it('yields the clean-ups in December, March and May, then stops', () => {
    expect(occurrences(cleanUp, '2030-01-01')).toEqual(['2020-12-31', '2021-03-31', '2021-05-31'])
  })

  it('repeats given months every year without an end', () => {
    const yearly = { due: '2020-12-31', recurrence: { kind: 'months' as const, months: [12, 3, 5] } }
    expect(occurrences(yearly, '2021-12-31')).toEqual(['2020-12-31', '2021-03-31', '2021-05-31', '2021-12-31'])
  })

  it('clamps a monthly day to short months, February of leap years included', () => {
    const monthly = { due: '2024-01-31', recurrence: { kind: 'monthly' as const, day: 31 } }
    expect(occurrences(monthly, '2024-04-30')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'])
    const nonLeap = { due: '2025-01-30', recurrence: { kind: 'monthly' as const, day: 30 } }
    expect(occurrences(nonLeap, '2025-03-30')).toEqual(['2025-01-30', '2025-02-28', '2025-03-30'])
  })

  it('gives a one-off task its single deadline', () => {
    expect(occurrences({ due: '2020-11-30' }, '2030-01-01')).toEqual(['2020-11-30'])
  })
})

describe('taskFlag for a one-off task (notice item 2: report before 30/11/2020)', () => {
  const t = task({ id: 'TB-2' })
  it('is ok well before, due soon within 3 days, overdue after', () => {
    expect(taskFlag(t, '2020-11-20')).toEqual({ flag: 'ok', days: 10, occurrence: '2020-11-30' })
    expect(taskFlag(t, '2020-11-27')).toEqual({ flag: 'due_soon', days: 3, occurrence: '2020-11-30' })
    expect(taskFlag(t, '2020-11-30')).toEqual({ flag: 'due_soon', days: 0, occurrence: '2020-11-30' })
    expect(taskFlag(t, '2020-12-01')).toEqual({ flag: 'overdue', days: 1, occurrence: '2020-11-30' })
    expect(taskFlag(t, '2020-12-10')).toEqual({ flag: 'overdue', days: 10, occurrence: '2020-11-30' })
  })

  it('takes a configurable due-soon window', () => {
    expect(taskFlag(t, '2020-11-23', 7).flag).toBe('due_soon')
    expect(taskFlag(t, '2020-11-23', 3).flag).toBe('ok')
  })

  it('is done when done in time, done late with days otherwise, and cancelled when cancelled', () => {
    expect(taskFlag({ ...t, status: 'done', completedOn: '2020-11-29' }, '2020-12-20')).toEqual({ flag: 'done', days: 0, occurrence: '2020-11-30' })
    expect(taskFlag({ ...t, status: 'done', completedOn: '2020-12-03' }, '2020-12-20')).toEqual({ flag: 'done_late', days: 3, occurrence: '2020-11-30' })
    expect(taskFlag({ ...t, status: 'done' }, '2020-12-20').flag).toBe('done')
    expect(taskFlag({ ...t, status: 'cancelled' }, '2020-12-20').flag).toBe('cancelled')
  })

  it('ignores a completion date on a task not marked done', () => {
    expect(taskFlag({ ...t, status: 'doing', completedOn: '2020-11-29' }, '2020-12-02').flag).toBe('overdue')
  })
})

describe('taskFlag for the recurring clean-ups', () => {
  it('walks the occurrences: December first', () => {
    expect(taskFlag(cleanUp, '2020-12-01')).toEqual({ flag: 'ok', days: 30, occurrence: '2020-12-31' })
    expect(taskFlag(cleanUp, '2020-12-29')).toEqual({ flag: 'due_soon', days: 2, occurrence: '2020-12-31' })
    expect(taskFlag(cleanUp, '2021-01-05')).toEqual({ flag: 'overdue', days: 5, occurrence: '2020-12-31' })
  })

  it('after December is done, shows done until March comes near, then March', () => {
    const decDone = { ...cleanUp, status: 'done' as const, completedOn: '2020-12-20' }
    expect(taskFlag(decDone, '2021-01-10')).toEqual({ flag: 'done', days: 0, occurrence: '2020-12-31' })
    expect(taskFlag(decDone, '2021-03-29')).toEqual({ flag: 'due_soon', days: 2, occurrence: '2021-03-31' })
    expect(taskFlag(decDone, '2021-04-02')).toEqual({ flag: 'overdue', days: 2, occurrence: '2021-03-31' })
  })

  it("counts a December clean-up finished on 5 January as December's, late — not March's", () => {
    const late = { ...cleanUp, status: 'done' as const, completedOn: '2021-01-05' }
    expect(taskFlag(late, '2021-01-06')).toEqual({ flag: 'done_late', days: 5, occurrence: '2020-12-31' })
  })

  it('is done for good once May is done', () => {
    const mayDone = { ...cleanUp, status: 'done' as const, completedOn: '2021-05-25' }
    expect(taskFlag(mayDone, '2022-01-01')).toEqual({ flag: 'done', days: 0, occurrence: '2021-05-31' })
  })

  it('shows the last monthly inspection as done until the next one is due, then flags it missed', () => {
    const inspection = task({ id: 'TB-10', due: '2020-12-15', recurrence: { kind: 'monthly', day: 15 }, completedOn: '2021-01-14' })
    expect(taskFlag(inspection, '2021-02-01')).toEqual({ flag: 'done', days: 0, occurrence: '2021-01-15' })
    expect(taskFlag(inspection, '2021-02-13')).toEqual({ flag: 'due_soon', days: 2, occurrence: '2021-02-15' })
    expect(taskFlag(inspection, '2021-02-20')).toEqual({ flag: 'overdue', days: 5, occurrence: '2021-02-15' })
    expect(taskFlag(inspection, '2021-01-20')).toEqual({ flag: 'done', days: 0, occurrence: '2021-01-15' })
  })
})

describe('recurrence wording', () => {
  it('reads the Vietnamese and English cell forms', () => {
    expect(parseRecurrence('Tháng 12, 3, 5')).toEqual({ kind: 'months', months: [12, 3, 5] })
    expect(parseRecurrence('tháng 12, 3, 5, đến 31/05/2021')).toEqual({ kind: 'months', months: [12, 3, 5], until: '2021-05-31' })
    expect(parseRecurrence('Hằng tháng, ngày 20')).toEqual({ kind: 'monthly', day: 20 })
    expect(parseRecurrence('Hàng tháng', '2020-12-15')).toEqual({ kind: 'monthly', day: 15 })
    expect(parseRecurrence('monthly, day 5')).toEqual({ kind: 'monthly', day: 5 })
    expect(parseRecurrence('months 3, 9, day 10')).toEqual({ kind: 'months', months: [3, 9], day: 10 })
    expect(parseRecurrence('')).toBeNull()
    expect(parseRecurrence(null)).toBeNull()
  })

  it('refuses what it cannot read', () => {
    for (const bad of ['thỉnh thoảng', 'Tháng 13', 'Hằng tháng, ngày 32', 'Tháng', 'Hàng tháng', 'tháng 3, đến hôm nay', 42]) {
      expect(parseRecurrence(bad)).toBeUndefined()
    }
    expect(parseRecurrence({ kind: 'monthly', day: 0 })).toBeUndefined()
    expect(parseRecurrence({ kind: 'months', months: [] })).toBeUndefined()
    expect(parseRecurrence({ kind: 'weekly' })).toBeUndefined()
  })

  it('writes what it reads', () => {
    for (const r of [cleanUp.recurrence!, { kind: 'monthly' as const, day: 20 }, { kind: 'months' as const, months: [6], day: 1 }]) {
      expect(parseRecurrence(formatRecurrence(r))).toEqual(r)
    }
    expect(formatRecurrence(undefined)).toBe('')
  })
})
