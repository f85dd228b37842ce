// A commune's task sheet holds its own rows and the rows the district assigned it: which goes where, which
// cells are grey, how the owner's name becomes its id, and what the info sheet's reminder row says.
import { describe, expect, it } from 'vitest'
import { nextDeadline } from '../../../shared/calendar'
import {
  SHEETS, TASK_COLUMNS, attentionWrite, flagConditionalFills, infoGrid, marksFor, placeOfIssue, readBook, taskGrid, toProgressInputs, toTaskInputs, versionWrite,
} from '../../../shared/workbook/report-book'
import { ownerIdOf, rowKind } from '../../../shared/workbook/task-rows'
import { flagTextVi } from '../../../shared/words'
import type { Grid } from '../../../shared/workbook/grid'
import { TASKS } from '../../addin/fixtures'

const OWN = { id: 'binh-son', name: 'Xã Bình Sơn' }
const NAMES = { 'trieu-son': 'Huyện Triệu Sơn', 'binh-son': 'Xã Bình Sơn' }
const col = (key: string): number => TASK_COLUMNS.map((c) => c.key).indexOf(key)

function row(values: { [key: string]: string | number }): Array<string | number> {
  return TASK_COLUMNS.map((c) => (values[c.key] === undefined ? '' : (values[c.key] as string | number)))
}

function sheet(): Grid {
  const grid = taskGrid(TASKS) // TB-2, TB-4: own
  grid.push(row({ id: 'D1', title: 'Việc huyện giao', lead: 'Xã Bình Sơn', due: '10/11/2026', status: 'Hoàn thành', completedOn: '11/11/2026', version: 4, owner: 'Huyện Triệu Sơn' }))
  grid.push(row({ id: 'D2', title: 'Việc xã phối hợp', lead: 'Văn phòng NTM', collaborators: 'Xã Bình Sơn', due: '12/11/2026', status: 'Chưa làm', version: 1, owner: 'Huyện Triệu Sơn' }))
  grid.push(row({ id: 'TB-2', title: 'Cùng mã, việc của huyện', lead: 'binh-son', due: '12/11/2026', version: 7, owner: 'trieu-son' }))
  return grid
}

function book() {
  return readBook({
    info: { sheet: SHEETS.info, address: 'A1:C14', values: infoGrid({ unitName: 'Xã Bình Sơn', unit: 'binh-son', period: '14/11/2026', due: '', catalog: '', classification: '' }) },
    indicators: null, funds: null,
    tasks: { sheet: SHEETS.tasks, address: "'Nhiệm vụ'!A1:M6", values: sheet() },
  })
}

describe('own rows and assigned rows', () => {
  it('tells them apart by the owner cell (blank, the unit\'s id or name: own) and the lead cell', () => {
    expect(rowKind({ owner: '' }, OWN)).toBe('own')
    expect(rowKind({ owner: ' xa binh son ' }, OWN)).toBe('own')
    expect(rowKind({ owner: 'Huyện Triệu Sơn', lead: 'binh-son' }, OWN)).toBe('lead')
    expect(rowKind({ owner: 'Huyện Triệu Sơn', lead: 'Văn phòng NTM' }, OWN)).toBe('other')
    expect(ownerIdOf('huyen trieu son', NAMES)).toBe('trieu-son')
    expect(ownerIdOf('trieu-son', NAMES)).toBe('trieu-son')
    expect(ownerIdOf('Huyện khác', NAMES)).toBe('')
  })

  it('sends own rows as the task sheet and the led assigned rows as progress, never the other way', () => {
    const b = book()
    expect(toTaskInputs(b).map((t) => t.id)).toEqual(['TB-2', 'TB-4'])
    expect(toProgressInputs(b, NAMES)).toEqual([
      { owner: 'trieu-son', id: 'D1', status: 'Hoàn thành', progress: null, completedOn: '2026-11-11', version: 4 },
      { owner: 'trieu-son', id: 'TB-2', status: null, progress: null, completedOn: null, version: 7 },
    ])
  })

  it('places tasks[i] on the i-th own row and updates[i] on the i-th led assigned row', () => {
    const b = book()
    expect(placeOfIssue(b, { path: 'tasks[1].due' })).toEqual({ sheet: SHEETS.tasks, address: 'E3' })
    expect(placeOfIssue(b, { path: 'updates[0].status' })).toEqual({ sheet: SHEETS.tasks, address: 'G4' })
    expect(placeOfIssue(b, { path: 'updates[1]' })).toEqual({ sheet: SHEETS.tasks, address: 'A6' })
  })

  it('keeps assigned rows grey after clearing marks (a helper\'s status too), an issue\'s colour winning', () => {
    const marks = marksFor(book(), [{ path: 'updates[0].completedOn', severity: 'error', message: '', message_en: '' }])
    const at = (address: string) => marks.fills.filter((f) => f.address === address).map((f) => f.color)
    expect(at('B4')).toEqual(['#EDEDED'])
    expect(at('G4')).toEqual([]) // the lead reports its status
    expect(at('I4')).toEqual(['#F4B6B6'])
    expect(at('G5')).toEqual(['#EDEDED']) // only helps: all read-only
    expect(at('B2')).toEqual([])
  })

  it('gives each row the version of its own task, the same id under another owner kept apart', () => {
    const b = book()
    const w = versionWrite(b.tasks!, OWN, [{ owner: 'binh-son', id: 'TB-2', version: 2 }, { owner: 'trieu-son', id: 'TB-2', version: 8 }], NAMES)
    expect(w!.address).toBe('L2:L6')
    expect(w!.values).toEqual([[2], [1], [4], [1], [8]])
    expect(col('owner')).toBe(12)
  })
})

describe('the info sheet\'s reminder row', () => {
  const flag = (flag: 'overdue' | 'due_soon' | 'ok') => ({ ...TASKS[0]!, role: 'lead' as const, flag, days: 1, occurrence: '2026-11-10' })

  it('counts overdue and due-soon tasks and gives the next deadline with the days left', () => {
    const w = attentionWrite({ tasks: [flag('overdue'), flag('overdue'), flag('due_soon'), flag('ok')], reports: [] }, '2026-11-12', 'commune')
    expect(w).toEqual({ sheet: SHEETS.info, address: 'B13:C13', values: [['2 việc quá hạn, 1 việc sắp đến hạn', 'Hạn nộp báo cáo kỳ 14/11/2026: 14/11/2026 (còn 2 ngày)']] })
    const none = attentionWrite({ tasks: [], reports: [{ period: '2026-11-14', status: 'on_time', days: 0 }] }, '2026-11-14', 'commune')
    expect(none.values).toEqual([['Không có việc quá hạn hay sắp đến hạn', 'Hạn nộp báo cáo kỳ 28/11/2026: 28/11/2026 (còn 14 ngày)']])
  })

  it('next deadline: a commune moves on once it reported; a district keeps its own later day', () => {
    expect(nextDeadline('2026-11-14', 'commune')).toEqual({ period: '2026-11-14', due: '2026-11-14', days: 0 })
    expect(nextDeadline('2026-11-14', 'commune', ['2026-11-14'])).toEqual({ period: '2026-11-28', due: '2026-11-28', days: 14 })
    expect(nextDeadline('2026-11-29', 'district')).toEqual({ period: '2026-11-28', due: '2026-11-30', days: 1 })
    expect(nextDeadline('2026-12-01', 'district')).toEqual({ period: '2026-12-14', due: '2026-12-15', days: 14 })
    expect(nextDeadline('2027-02-28', 'district')).toEqual({ period: '2027-02-28', due: '2027-02-28', days: 0 })
  })
})

it('colours the flag column by the words the flags are written in', () => {
  const words = flagConditionalFills().map((r) => r.contains)
  expect(words.map((w, i) => flagTextVi({ flag: (['overdue', 'due_soon', 'done_late'] as const)[i]!, days: 3 }).indexOf(w))).toEqual([0, 0, 0])
})
