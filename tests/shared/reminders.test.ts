import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/dates'
import {
  CHASE_DAYS, type NotificationDraft, type ReminderFacts, type ReminderTask, type ReminderUnit, computeReminders, factKey, reminderTaskWindow,
} from '../../shared/reminders'
import { taskSchedule } from '../../shared/tasks'
import { DEFAULT_SETTINGS, type UnitSettings } from '../../shared/settings'

const unit = (id: string, level: string, parentId: string | null, over: Partial<ReminderUnit> = {}): ReminderUnit => ({
  id, name: 'Tên ' + id, level, parentId, reportsFrom: null, settings: DEFAULT_SETTINGS, ...over,
})

const UNITS: ReminderUnit[] = [
  unit('tinh', 'province', null),
  unit('huyen', 'district', 'tinh'),
  unit('xa-a', 'commune', 'huyen'),
  unit('xa-b', 'commune', 'huyen'),
]

function run(today: string, over: Partial<ReminderFacts> = {}): NotificationDraft[] {
  return computeReminders({ today, units: UNITS, received: {}, lockedByUnit: {}, tasks: [], ...over })
}

/** `unit kind subject days` per reminder, sorted: one line says what a day brings. */
function lines(drafts: readonly NotificationDraft[]): string[] {
  return drafts.map((d) => d.unit + ' ' + d.facts.kind + ' ' + d.subject + ' ' + d.facts.days).sort()
}

const only = (drafts: readonly NotificationDraft[], unitId: string): string[] => lines(drafts.filter((d) => d.unit === unitId))

describe('computeReminders: reports and the office aggregate, around the 14th/15th', () => {
  it.each([
    ['2026-11-11', []],
    ['2026-11-12', ['xa-a report_due_soon 2026-11-14 2']],
    ['2026-11-13', ['xa-a report_due_soon 2026-11-14 1']],
    ['2026-11-14', ['xa-a report_due_soon 2026-11-14 0']],
    ['2026-11-15', ['xa-a report_missing 2026-11-14 1']],
    ['2026-11-16', ['xa-a report_missing 2026-11-14 2']],
    ['2026-11-21', ['xa-a report_missing 2026-11-14 7']],
    ['2026-11-22', []],
  ])('on %s a commune that has not reported gets %j', (today, expected) => {
    expect(only(run(today), 'xa-a')).toEqual(expected)
  })

  it.each([
    ['2026-11-12', []],
    ['2026-11-13', ['huyen aggregate_due 2026-11-14 2']],
    ['2026-11-14', ['huyen aggregate_due 2026-11-14 1']],
    ['2026-11-15', ['huyen aggregate_due 2026-11-14 0']],
    ['2026-11-16', []],
  ])('on %s the office above the communes gets %j (its report to the committee head is due on the 15th)', (today, expected) => {
    expect(only(run(today), 'huyen')).toEqual(expected)
  })

  it('never reminds the province, which has no commune directly below it', () => {
    for (const day of ['2026-11-13', '2026-11-15', '2026-11-28', '2026-11-30']) expect(only(run(day), 'tinh')).toEqual([])
  })

  it('marks the daily kinds daily and counts who has reported for the office', () => {
    const drafts = run('2026-11-14', { received: { [factKey('xa-b', '2026-11-14')]: true } })
    expect(lines(drafts)).toEqual(['huyen aggregate_due 2026-11-14 1', 'xa-a report_due_soon 2026-11-14 0'])
    expect(drafts.every((d) => d.repeat === 'daily')).toBe(true)
    const office = drafts.find((d) => d.unit === 'huyen')
    expect(office?.due).toBe('2026-11-15')
    expect(office?.facts).toEqual({ kind: 'aggregate_due', period: '2026-11-14', days: 1, received: 1, expected: 2, missing: ['Tên xa-a'] })
  })
})

describe('computeReminders: around the 28th/30th and month ends', () => {
  it.each([
    ['2026-11-26', ['xa-a report_due_soon 2026-11-28 2']],
    ['2026-11-28', ['huyen aggregate_due 2026-11-28 2', 'xa-a report_due_soon 2026-11-28 0']],
    ['2026-11-29', ['huyen aggregate_due 2026-11-28 1', 'xa-a report_missing 2026-11-28 1']],
    ['2026-11-30', ['huyen aggregate_due 2026-11-28 0', 'xa-a report_missing 2026-11-28 2']],
    ['2026-12-01', ['xa-a report_missing 2026-11-28 3']],
    // December has 31 days; the 29th–31st already belong to January's first period.
    ['2026-12-31', ['xa-a report_missing 2026-12-28 3']],
    // Across the year: January's first period is due on 14/01.
    ['2027-01-12', ['xa-a report_due_soon 2027-01-14 2']],
    // A 30-day month: the office's deadline is the 30th itself.
    ['2027-04-30', ['huyen aggregate_due 2027-04-28 0', 'xa-a report_missing 2027-04-28 2']],
  ])('on %s: %j', (today, expected) => {
    expect(lines(run(today).filter((d) => d.unit !== 'xa-b'))).toEqual(expected)
  })

  it('February of a common year: the office is due on the 28th, the same day as the communes', () => {
    expect(lines(run('2027-02-26').filter((d) => d.unit !== 'xa-b'))).toEqual(['huyen aggregate_due 2027-02-28 2', 'xa-a report_due_soon 2027-02-28 2'])
    expect(lines(run('2027-02-28').filter((d) => d.unit !== 'xa-b'))).toEqual(['huyen aggregate_due 2027-02-28 0', 'xa-a report_due_soon 2027-02-28 0'])
    expect(lines(run('2027-03-01').filter((d) => d.unit !== 'xa-b'))).toEqual(['xa-a report_missing 2027-02-28 1'])
    expect(run('2027-02-26').find((d) => d.unit === 'huyen')?.due).toBe('2027-02-28')
  })

  it('February of a leap year: the office is due on the 29th', () => {
    expect(lines(run('2028-02-27').filter((d) => d.unit !== 'xa-b'))).toEqual(['huyen aggregate_due 2028-02-28 2', 'xa-a report_due_soon 2028-02-28 1'])
    expect(lines(run('2028-02-29').filter((d) => d.unit !== 'xa-b'))).toEqual(['huyen aggregate_due 2028-02-28 0', 'xa-a report_missing 2028-02-28 1'])
    expect(run('2028-02-29').find((d) => d.unit === 'huyen')?.due).toBe('2028-02-29')
    expect(lines(run('2028-03-01').filter((d) => d.unit !== 'xa-b'))).toEqual(['xa-a report_missing 2028-02-28 2'])
  })
})

describe('computeReminders: what stops a reminder', () => {
  it('a report that has arrived', () => {
    const received = { [factKey('xa-a', '2026-11-14')]: true, [factKey('xa-b', '2026-11-14')]: true }
    expect(lines(run('2026-11-13', { received }))).toEqual(['huyen aggregate_due 2026-11-14 2'])
    expect(run('2026-11-13', { received }).find((d) => d.unit === 'huyen')?.facts).toMatchObject({ received: 2, expected: 2, missing: [] })
  })

  it("a period locked by the commune's office (or above): no chasing what cannot be sent, no aggregate reminder", () => {
    expect(lines(run('2026-11-15', { lockedByUnit: { [factKey('huyen', '2026-11-14')]: true } }))).toEqual([])
    expect(lines(run('2026-11-15', { lockedByUnit: { [factKey('tinh', '2026-11-14')]: true } }))).toEqual([])
    // A lock of another period leaves this one alone.
    expect(only(run('2026-11-15', { lockedByUnit: { [factKey('huyen', '2026-10-28')]: true } }), 'xa-a')).toEqual(['xa-a report_missing 2026-11-14 1'])
  })

  it('a commune not yet expected (reports_from) is neither reminded nor counted', () => {
    const units = UNITS.map((u) => (u.id === 'xa-b' ? { ...u, reportsFrom: '2026-11-28' } : u))
    const drafts = computeReminders({ today: '2026-11-14', units, received: {}, lockedByUnit: {}, tasks: [] })
    expect(only(drafts, 'xa-b')).toEqual([])
    expect(drafts.find((d) => d.unit === 'huyen')?.facts).toMatchObject({ received: 0, expected: 1 })
    const later = computeReminders({ today: '2026-11-26', units, received: {}, lockedByUnit: {}, tasks: [] })
    expect(only(later, 'xa-b')).toEqual(['xa-b report_due_soon 2026-11-28 2'])
  })

  it(`chases a missing report ${CHASE_DAYS} days, then leaves it to the aggregate and the flags`, () => {
    expect(only(run('2026-11-21'), 'xa-a')).toEqual(['xa-a report_missing 2026-11-14 7'])
    expect(only(run('2026-11-22'), 'xa-a')).toEqual([])
  })
})

describe('computeReminders: per-unit settings', () => {
  it('a longer lead set on the district reaches its communes; a commune may have its own', () => {
    const lead = (n: number): UnitSettings => ({ ...DEFAULT_SETTINGS, reminderLeadDays: n })
    const units = UNITS.map((u) => (u.id === 'huyen' || u.id === 'xa-b' ? { ...u, settings: lead(5) } : u.id === 'xa-a' ? { ...u, settings: lead(0) } : u))
    const drafts = computeReminders({ today: '2026-11-09', units, received: {}, lockedByUnit: {}, tasks: [] })
    expect(lines(drafts)).toEqual(['xa-b report_due_soon 2026-11-14 5'])
    const on14 = computeReminders({ today: '2026-11-14', units, received: {}, lockedByUnit: {}, tasks: [] })
    expect(only(on14, 'xa-a')).toEqual(['xa-a report_due_soon 2026-11-14 0'])
    expect(only(computeReminders({ today: '2026-11-10', units, received: {}, lockedByUnit: {}, tasks: [] }), 'huyen')).toEqual(['huyen aggregate_due 2026-11-14 5'])
  })
})

describe('computeReminders: tasks', () => {
  const taskLines = (drafts: readonly NotificationDraft[]): string[] => lines(drafts.filter((d) => d.facts.kind.indexOf('task_') === 0))
  const task = (over: Partial<ReminderTask>): ReminderTask => ({
    id: 'TB-4', title: 'Tổng dọn vệ sinh', lead: 'xa-a', collaborators: ['xa-b'], due: '2026-11-20', status: 'doing', progress: 10, owner: 'huyen', ...over,
  })

  it('due soon: once, to the lead unit only, within its window', () => {
    expect(taskLines(run('2026-11-16', { tasks: [task({})] }))).toEqual([])
    const soon = run('2026-11-17', { tasks: [task({})] }).filter((d) => d.facts.kind === 'task_due_soon')
    expect(lines(soon)).toEqual(['xa-a task_due_soon huyen/TB-4@2026-11-20 3'])
    expect(soon[0]).toMatchObject({ repeat: 'once', due: '2026-11-20', facts: { kind: 'task_due_soon', task: 'TB-4', owner: 'huyen', title: 'Tổng dọn vệ sinh' } })
    const wide = UNITS.map((u) => (u.id === 'xa-a' ? { ...u, settings: { ...DEFAULT_SETTINGS, dueSoonDays: 10 } } : u))
    expect(taskLines(computeReminders({ today: '2026-11-10', units: wide, received: {}, lockedByUnit: {}, tasks: [task({})] }))).toEqual([
      'xa-a task_due_soon huyen/TB-4@2026-11-20 10',
    ])
  })

  it('newly overdue: once, to the lead and to the office whose sheet holds it (which is told who leads)', () => {
    const drafts = run('2026-11-23', { tasks: [task({})] })
    expect(lines(drafts)).toEqual(['huyen task_overdue huyen/TB-4@2026-11-20 3', 'xa-a task_overdue huyen/TB-4@2026-11-20 3'])
    expect(drafts.find((d) => d.unit === 'huyen')?.facts).toMatchObject({ lead: 'Tên xa-a' })
    expect(drafts.find((d) => d.unit === 'xa-a')?.facts).not.toHaveProperty('lead')
    expect(drafts.every((d) => d.repeat === 'once')).toBe(true)
    expect(taskLines(run('2026-11-27', { tasks: [task({})] }))).toEqual([
      'huyen task_overdue huyen/TB-4@2026-11-20 7', 'xa-a task_overdue huyen/TB-4@2026-11-20 7',
    ])
    expect(taskLines(run('2026-11-28', { tasks: [task({})] }))).toEqual([])
  })

  it('a lead that is not a unit (a person): the office alone is told, with the name as written', () => {
    const drafts = run('2026-11-21', { tasks: [task({ lead: 'Phó Chủ tịch UBND huyện' })] }).filter((d) => d.facts.kind === 'task_overdue')
    expect(lines(drafts)).toEqual(['huyen task_overdue huyen/TB-4@2026-11-20 1'])
    expect(drafts[0]?.facts).toMatchObject({ lead: 'Phó Chủ tịch UBND huyện' })
  })

  it('done, cancelled or far ahead: nothing; a recurring task speaks of its current deadline', () => {
    expect(taskLines(run('2026-11-23', { tasks: [task({ status: 'done', completedOn: '2026-11-19', progress: 100 })] }))).toEqual([])
    expect(taskLines(run('2026-11-23', { tasks: [task({ status: 'cancelled' })] }))).toEqual([])
    expect(taskLines(run('2026-10-01', { tasks: [task({})] }))).toEqual([])
    const monthly = task({ id: 'KT', due: '2026-09-28', recurrence: { kind: 'monthly', day: 28 }, completedOn: '2026-10-27', lead: 'huyen', owner: 'huyen' })
    expect(taskLines(run('2026-11-25', { tasks: [monthly] }))).toEqual(['huyen task_due_soon huyen/KT@2026-11-28 3'])
  })
})

describe('computeReminders: only the tasks in reminderTaskWindow can speak (the job reads no others)', () => {
  const ids = UNITS.map((u) => u.id)
  const today = '2026-11-20'
  const unitsArb = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: UNITS.length, maxLength: UNITS.length })
    .map((days) => UNITS.map((u, i) => ({ ...u, settings: { ...DEFAULT_SETTINGS, dueSoonDays: days[i] as number } })))
  const taskArb = fc.record({
    n: fc.nat(999),
    owner: fc.constantFrom(...ids),
    lead: fc.constantFrom(...ids, 'Chủ tịch UBND xã'),
    due: fc.integer({ min: -400, max: 60 }),
    status: fc.constantFrom('todo', 'doing', 'done', 'cancelled' as const),
    completed: fc.option(fc.integer({ min: -40, max: 40 }), { nil: undefined }),
    monthly: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
  }).map((r): ReminderTask => {
    const t: ReminderTask = {
      id: 'T' + r.n, title: 'Việc ' + r.n, lead: r.lead, collaborators: [], due: addDays(today, r.due), status: r.status, progress: 0, owner: r.owner,
    }
    if (r.monthly !== undefined) t.recurrence = { kind: 'monthly', day: r.monthly }
    if (r.completed !== undefined) t.completedOn = addDays(today, r.completed)
    return t
  })

  it('the same reminders from every task flagged from its history as from the window\'s tasks with stored flag inputs', () => {
    fc.assert(
      fc.property(unitsArb, fc.uniqueArray(taskArb, { selector: (t) => t.owner + '/' + t.id, maxLength: 40 }), (units, tasks) => {
        const facts = { today, units, received: {}, lockedByUnit: {} }
        const everything = computeReminders({ ...facts, tasks })
        const { from, to } = reminderTaskWindow(today, units)
        const stored = tasks.map((t) => ({ ...t, schedule: taskSchedule(t, today) }))
        const read = stored.filter((t) => t.schedule.pending !== null && t.schedule.pending >= from && t.schedule.pending <= to)
        expect(computeReminders({ ...facts, tasks: read })).toEqual(everything)
      }),
      { numRuns: 300 },
    )
  })
})
