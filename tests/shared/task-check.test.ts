import { describe, expect, it } from 'vitest'
import { type TaskDraft, checkTasks, parseTaskStatus, parseUnitList } from '../../shared/task-check'

const TODAY = '2020-12-10'
const row = (over: TaskDraft): TaskDraft => ({
  id: 'TB-2', title: 'Gửi báo cáo tiến độ về BCĐ huyện', lead: 'binh-son', collaborators: 'van-phong-ntm', due: '30/11/2020', ...over,
})

describe('checkTasks', () => {
  it('reads a sheet row into a task', () => {
    const result = checkTasks([row({ status: 'Hoàn thành', progress: '100%', completedOn: 44163, source: 'TB mục 2' })], TODAY)
    expect(result.issues).toEqual([])
    expect(result.tasks).toEqual([{
      id: 'TB-2', title: 'Gửi báo cáo tiến độ về BCĐ huyện', lead: 'binh-son', collaborators: ['van-phong-ntm'],
      due: '2020-11-30', status: 'done', progress: 100, completedOn: '2020-11-28', source: 'TB mục 2',
    }])
  })

  it('keeps "one lead per task": several leads are an error, lead among collaborators a warning', () => {
    const multi = checkTasks([row({ lead: 'binh-son; tho-son' })], TODAY)
    expect(multi.issues.map((i) => i.code)).toEqual(['task_lead_multiple'])
    expect(multi.tasks).toEqual([])
    const both = checkTasks([row({ collaborators: ['binh-son', 'phong-tnmt'] })], TODAY)
    expect(both.issues.map((i) => [i.code, i.severity])).toEqual([['task_collaborator_is_lead', 'warning']])
    expect(both.tasks).toHaveLength(1)
  })

  it('lets a single lead carry commas in its title, but not a list of unit ids', () => {
    const person = checkTasks([row({ lead: 'Lê Phú Quốc - HUV, Phó Chủ tịch UBND huyện' })], TODAY)
    expect(person.issues).toEqual([])
    expect(person.tasks[0]?.lead).toBe('Lê Phú Quốc - HUV, Phó Chủ tịch UBND huyện')
    expect(checkTasks([row({ lead: 'binh-son,tho-son' })], TODAY).issues.map((i) => i.code)).toEqual(['task_lead_multiple'])
    expect(checkTasks([row({ lead: 'Phòng TN&MT\nPhòng KT-HT' })], TODAY).issues.map((i) => i.code)).toEqual(['task_lead_multiple'])
    expect(checkTasks([row({ lead: ['binh-son', 'tho-son'] })], TODAY).issues.map((i) => i.code)).toEqual(['task_lead_multiple'])
  })

  it('reports each bad field with its path and task id', () => {
    const cases: Array<[TaskDraft, string, string]> = [
      [row({ id: '' }), 'task_id_required', 'tasks[0].id'],
      [row({ title: '  ' }), 'task_title_required', 'tasks[0].title'],
      [row({ lead: '' }), 'task_lead_required', 'tasks[0].lead'],
      [row({ due: '31/11/2020' }), 'task_due_invalid', 'tasks[0].due'],
      [row({ due: undefined }), 'task_due_invalid', 'tasks[0].due'],
      [row({ recurrence: 'thỉnh thoảng' }), 'task_recurrence_invalid', 'tasks[0].recurrence'],
      [row({ status: 'sắp xong' }), 'task_status_invalid', 'tasks[0].status'],
      [row({ progress: 120 }), 'task_progress_invalid', 'tasks[0].progress'],
      [row({ progress: 'nửa' }), 'task_progress_invalid', 'tasks[0].progress'],
      [row({ completedOn: 'hôm qua' }), 'task_completed_invalid', 'tasks[0].completedOn'],
      [row({ completedOn: '2020-12-11' }), 'task_completed_in_future', 'tasks[0].completedOn'],
    ]
    for (const [draft, code, path] of cases) {
      const result = checkTasks([draft], TODAY)
      expect(result.issues.map((i) => [i.code, i.path])).toEqual([[code, path]])
      expect(result.tasks).toEqual([])
    }
  })

  it('warns when done has no date, refuses duplicate ids', () => {
    expect(checkTasks([row({ status: 'done' })], TODAY).issues.map((i) => [i.code, i.severity])).toEqual([['task_done_without_date', 'warning']])
    const dup = checkTasks([row({}), row({})], TODAY)
    expect(dup.issues.map((i) => [i.code, i.path, i.task])).toEqual([['task_id_duplicate', 'tasks[1].id', 'TB-2']])
    expect(dup.tasks).toHaveLength(1)
  })

  it('reads statuses and unit lists tolerantly', () => {
    expect(['Chưa làm', 'dang lam', 'XONG', 'Hủy', 'done', '', null].map(parseTaskStatus)).toEqual(['todo', 'doing', 'done', 'cancelled', 'done', 'todo', 'todo'])
    expect(parseTaskStatus(3)).toBeUndefined()
    expect(parseUnitList('phong-tnmt, van-phong-ntm;\nbinh-son, phong-tnmt')).toEqual(['phong-tnmt', 'van-phong-ntm', 'binh-son'])
    expect(parseUnitList(['a', 7, ' b '])).toEqual(['a', 'b'])
    expect(parseUnitList(undefined)).toEqual([])
  })
})
