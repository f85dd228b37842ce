// What differs between two versions of a task, field by field, in the words and formats people read:
// the field's column name, dates as dd/mm/yyyy, statuses and recurrences as the workbook writes them.
import { formatDateVi } from './dates'
import { type Task, TASK_STATUSES, formatRecurrence } from './tasks'

export const TASK_FIELDS = ['title', 'lead', 'collaborators', 'due', 'recurrence', 'status', 'progress', 'completedOn', 'source', 'note'] as const
export type TaskField = (typeof TASK_FIELDS)[number]

/** Each field's name in Vietnamese (the task sheet's column header) and English. */
export const TASK_FIELD_NAMES: { [f in TaskField]: [vi: string, en: string] } = {
  title: ['Nội dung', 'Title'],
  lead: ['Chủ trì', 'Lead'],
  collaborators: ['Phối hợp', 'Collaborators'],
  due: ['Hạn', 'Due date'],
  recurrence: ['Lặp lại', 'Recurrence'],
  status: ['Trạng thái', 'Status'],
  progress: ['Tiến độ (%)', 'Progress (%)'],
  completedOn: ['Ngày hoàn thành', 'Completed on'],
  source: ['Nguồn', 'Source'],
  note: ['Ghi chú', 'Note'],
}

/** The fields whose values differ (a missing optional field equals an empty one). */
export function changedTaskFields(before: Task, after: Task): TaskField[] {
  return TASK_FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
}

/** A field's value as the workbook shows it. */
export function taskFieldText(task: Task, field: TaskField): string {
  switch (field) {
    case 'due':
      return formatDateVi(task.due)
    case 'completedOn':
      return task.completedOn ? formatDateVi(task.completedOn) : ''
    case 'collaborators':
      return task.collaborators.join(', ')
    case 'recurrence':
      return formatRecurrence(task.recurrence)
    case 'status':
      for (const s of TASK_STATUSES) if (s.id === task.status) return s.name
      return task.status
    case 'progress':
      return String(task.progress)
    default:
      return task[field] || ''
  }
}
