import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type LocalDate, addDays, daysBetween } from '../../shared/dates'
import { type Task, type TaskFlag, flagFromSchedule, occurrences, taskFlag, taskSchedule } from '../../shared/tasks'

/** The flag as it was computed before flag inputs were stored: every occurrence up to the day, each time. */
function referenceFlag(task: Task, today: LocalDate, dueSoonDays = 3): TaskFlag {
  if (task.status === 'cancelled') return { flag: 'cancelled', days: 0, occurrence: task.due }
  const completedOn = task.completedOn
  const dates = occurrences(task, addDays(completedOn !== undefined && completedOn > today ? completedOn : today, 400))
  const nearest = (date: LocalDate): number => {
    let best = 0
    for (let i = 1; i < dates.length; i++) {
      if (Math.abs(daysBetween(date, dates[i] as LocalDate)) <= Math.abs(daysBetween(date, dates[best] as LocalDate))) best = i
    }
    return best
  }
  let covered = -1
  if (task.recurrence) {
    if (completedOn !== undefined) covered = nearest(completedOn)
    else if (task.status === 'done') covered = nearest(today)
  } else if (task.status === 'done') covered = 0
  const pending = covered + 1 < dates.length ? dates[covered + 1] : undefined
  if (pending !== undefined) {
    const left = daysBetween(today, pending)
    if (left < 0) return { flag: 'overdue', days: -left, occurrence: pending }
    if (left <= dueSoonDays) return { flag: 'due_soon', days: left, occurrence: pending }
    if (covered < 0) return { flag: 'ok', days: left, occurrence: pending }
  }
  const doneDue = dates[covered] as LocalDate
  const late = completedOn !== undefined ? daysBetween(doneDue, completedOn) : 0
  return late > 0 ? { flag: 'done_late', days: late, occurrence: doneDue } : { flag: 'done', days: 0, occurrence: doneDue }
}

const day = (offset: number): LocalDate => addDays('2020-01-01', offset)

const taskArb = fc.record({
  due: fc.integer({ min: 0, max: 2500 }),
  status: fc.constantFrom('todo', 'doing', 'done', 'cancelled' as const),
  completed: fc.option(fc.integer({ min: -60, max: 900 }), { nil: undefined }),
  recurrence: fc.option(
    fc.oneof(
      fc.record({ kind: fc.constant('monthly' as const), day: fc.integer({ min: 1, max: 31 }) }),
      fc.record({ kind: fc.constant('months' as const), months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }), day: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }) }),
    ),
    { nil: undefined },
  ),
  until: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
}).map((r): Task => {
  const task: Task = { id: 'T', title: 'T', lead: 'x', collaborators: [], due: day(r.due), status: r.status as Task['status'], progress: 0 }
  if (r.recurrence) {
    const rec = { ...r.recurrence } as NonNullable<Task['recurrence']>
    if (rec.kind === 'months' && rec.day === undefined) delete (rec as { day?: number }).day
    if (r.until !== undefined) rec.until = day(r.due + r.until)
    task.recurrence = rec
  }
  if (r.completed !== undefined) task.completedOn = day(r.due + r.completed)
  return task
})

describe('taskSchedule', () => {
  it('stored on any earlier day, flags later days as the full computation does', () => {
    fc.assert(
      fc.property(taskArb, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 1500 }), (task, written, later) => {
        // A recurring task done without a date counts for the day it was written: compared on that day only.
        const dependsOnDay = task.recurrence !== undefined && task.status === 'done' && task.completedOn === undefined
        const asOf = day(written)
        const today = dependsOnDay ? asOf : day(written + later)
        expect(flagFromSchedule(taskSchedule(task, asOf), today)).toEqual(referenceFlag(task, today))
        expect(taskFlag(task, today)).toEqual(referenceFlag(task, today))
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps the next deadline of a long-running monthly task however old it is', () => {
    const task: Task = { id: 'M', title: 'M', lead: 'x', collaborators: [], due: '2001-01-20', recurrence: { kind: 'monthly', day: 20 }, status: 'doing', progress: 0, completedOn: '2026-10-19' }
    expect(taskSchedule(task, '2026-10-19')).toMatchObject({ covered: '2026-10-20', pending: '2026-11-20', coveredLateDays: 0 })
    expect(flagFromSchedule(taskSchedule(task, '2026-10-19'), '2026-11-26')).toEqual({ flag: 'overdue', days: 6, occurrence: '2026-11-20' })
  })

  it('a recurring task marked done without a date counts for the occurrence nearest the day it was written', () => {
    const task: Task = { id: 'D', title: 'D', lead: 'x', collaborators: [], due: '2026-01-31', recurrence: { kind: 'monthly', day: 31 }, status: 'done', progress: 100 }
    const s = taskSchedule(task, '2026-06-29')
    expect(s).toMatchObject({ covered: '2026-06-30', pending: '2026-07-31' })
    expect(flagFromSchedule(s, '2026-08-05')).toEqual({ flag: 'overdue', days: 5, occurrence: '2026-07-31' })
  })
})
