import { describe, expect, it } from 'vitest'
import { applyTaskProgress, checkTaskProgress } from '../../shared/task-progress'
import type { Task } from '../../shared/tasks'

const task: Task = { id: 'NV-1', title: 'Làm đường', lead: 'binh-son', collaborators: [], due: '2026-11-20', status: 'doing', progress: 40 }

describe('checkTaskProgress', () => {
  it('reads the words and cells a sheet holds: status wording, percent text, dd/mm/yyyy, a version as text', () => {
    const { updates, issues } = checkTaskProgress([
      { owner: 'trieu-son', id: 'NV-1', status: 'Đang làm', progress: '60%', completedOn: '', version: '3' },
      { owner: 'trieu-son', id: 'NV-2', status: 'hoàn thành', completedOn: '25/11/2026' },
    ], '2026-11-26')
    expect(issues).toEqual([])
    expect(updates).toEqual([
      { index: 0, owner: 'trieu-son', id: 'NV-1', status: 'doing', progress: 60, completedOn: null, version: 3 },
      { index: 1, owner: 'trieu-son', id: 'NV-2', status: 'done', progress: 100, completedOn: '2026-11-25', version: null },
    ])
  })

  it('names what is wrong and where; rows with errors are left out', () => {
    const { updates, issues } = checkTaskProgress([{ id: 'NV-1', status: 'done' }, { owner: 'x', id: 'NV-3', progress: -5, version: 0 }], '2026-11-26')
    expect(updates).toEqual([])
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['task_id_required', 'updates[0].owner'],
      ['task_done_without_date', 'updates[0].completedOn'],
      ['task_progress_invalid', 'updates[1].progress'],
      ['task_version_invalid', 'updates[1].version'],
    ])
  })
})

describe('applyTaskProgress', () => {
  it('changes status, progress and completion date only; a blank progress keeps the stored one', () => {
    const [u] = checkTaskProgress([{ owner: 'o', id: 'NV-1', status: 'todo', progress: null }], '2026-11-26').updates
    expect(applyTaskProgress({ ...task, completedOn: '2026-11-01' }, u!)).toEqual({ ...task, status: 'todo', progress: 40 })
  })
})
