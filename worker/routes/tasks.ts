import { Hono } from 'hono'
import type { TasksPutResponse, TasksResponse } from '../../shared/api'
import { readJson } from '../body'
import { listOwnedTasks } from '../db/tasks'
import type { AppEnv } from '../env'
import { tasksPutSchema } from '../schemas'
import { assertCanRead, assertCanWrite, loadUnit } from '../scope'
import { syncTasks } from '../services/sync-tasks'
import { noteWrite } from '../write-log'

/** Mounted at /units: the task sheet a unit owns. */
export const tasks = new Hono<AppEnv>()
  .get('/:unit/tasks', async (c) => {
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanRead(c.get('principal'), target)
    return c.json<TasksResponse>({ unit: target.unit.id, tasks: await listOwnedTasks(c.env.DB, target.unit.id) })
  })
  .put('/:unit/tasks', async (c) => {
    const principal = c.get('principal')
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanWrite(principal, target)
    const { value: body } = await readJson(c, tasksPutSchema)
    const result = await syncTasks(c.env.DB, principal, target.unit.id, body.tasks, c.get('now')())
    noteWrite(c, { unit: target.unit.id, action: 'tasks.sync', id: null })
    return c.json<TasksPutResponse>(result)
  })
