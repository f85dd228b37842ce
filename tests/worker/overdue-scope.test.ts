// Which overdue tasks a unit's report counts (issue 12's count and page come from the index alone): every task
// of a sheet in its subtree, and a task of a sheet above it once however many of its units the task involves.
import { beforeAll, describe, expect, it } from 'vitest'
import { TOKENS, client, seedDemo } from './helpers'

const call = client()

beforeAll(seedDemo)

type Overdue = { owner: string; id: string }

async function overdueOf(unit: string): Promise<{ total: number; keys: string[] }> {
  const agg = await call('POST', '/api/v1/aggregate', { token: TOKENS.admin, body: { unit, period: '2026-11-14' } })
  expect(agg.status).toBe(200)
  const keys: string[] = (agg.body.overdueTasks as Overdue[]).map((t) => t.owner + '/' + t.id)
  let cursor: string | null = agg.body.overdueNext
  while (cursor) {
    const page = await call('GET', '/api/v1/aggregate/' + unit + '/overdue?limit=1000&cursor=' + cursor, { token: TOKENS.admin })
    keys.push(...(page.body.tasks as Overdue[]).map((t) => t.owner + '/' + t.id))
    cursor = page.body.next
  }
  return { total: agg.body.overdueTotal, keys }
}

describe('the overdue tasks a report counts', () => {
  it('a province task led by one commune of the district and helped by two more counts once in the district, once in the province', async () => {
    const before = { district: await overdueOf('trieu-son'), province: await overdueOf('thanh-hoa') }
    const put = await call('PUT', '/api/v1/units/thanh-hoa/tasks', {
      token: TOKENS.admin,
      body: { tasks: [{ id: 'TINH-OD-1', title: 'Rà soát tiêu chí môi trường', lead: 'binh-son', collaborators: ['tho-son', 'hop-ly', 'trieu-son'], due: '2026-11-02' }] },
    })
    expect(put.status).toBe(200)
    const district = await overdueOf('trieu-son')
    expect(district.total).toBe(before.district.total + 1)
    expect(district.keys.filter((k) => k === 'thanh-hoa/TINH-OD-1')).toHaveLength(1)
    expect(new Set(district.keys).size).toBe(district.total)
    const province = await overdueOf('thanh-hoa')
    expect(province.total).toBe(before.province.total + 1)
    expect(province.keys.filter((k) => k === 'thanh-hoa/TINH-OD-1')).toHaveLength(1)
    expect(new Set(province.keys).size).toBe(province.total)
  })

})
