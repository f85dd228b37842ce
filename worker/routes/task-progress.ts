import { Hono } from 'hono'
import type { TaskProgressResponse } from '../../shared/api'
import { readJson } from '../body'
import type { AppEnv } from '../env'
import { taskProgressPostSchema } from '../schemas'
import { assertCanWrite, loadUnit } from '../scope'
import { reportTaskProgress } from '../services/task-progress'
import { noteWrite } from '../write-log'

/** Mounted at /units: POST /units/{lead}/task-progress — the lead's status and progress on tasks others own. */
export const taskProgress = new Hono<AppEnv>().post('/:unit/task-progress', async (c) => {
  const principal = c.get('principal')
  const target = await loadUnit(c.env.DB, c.req.param('unit'))
  assertCanWrite(principal, target)
  const { value: body } = await readJson(c, taskProgressPostSchema)
  const updates = body.updates.map((u) => ({ ...u, id: String(u.id) }))
  const result = await reportTaskProgress(c.env.DB, principal, target.unit.id, updates, c.get('now')())
  noteWrite(c, { unit: target.unit.id, action: 'tasks.progress', id: null })
  return c.json<TaskProgressResponse>(result)
})
