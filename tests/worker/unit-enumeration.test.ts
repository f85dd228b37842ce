// Finding 7 of issue 10: a unit outside the caller's reach answers exactly like a unit that does not exist
// (404, the same words), on every endpoint that names a unit, so a commune cannot list the ids of others.
import { beforeAll, describe, expect, it } from 'vitest'
import { TOKENS, addOtherDistrict, client, reportBody, seedDemo } from './helpers'

const call = client()

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
})

type Probe = { name: string; token: string; method: string; path: (unit: string) => string; body?: (unit: string) => unknown }

const PROBES: Probe[] = [
  { name: 'catalog', token: TOKENS.binhSon, method: 'GET', path: (u) => '/api/v1/catalog?unit=' + u },
  { name: 'validate', token: TOKENS.binhSon, method: 'POST', path: () => '/api/v1/reports/validate', body: (u) => reportBody(u, '2026-11-28') },
  { name: 'submit', token: TOKENS.binhSon, method: 'POST', path: () => '/api/v1/reports', body: (u) => reportBody(u, '2026-11-28') },
  { name: 'report', token: TOKENS.binhSon, method: 'GET', path: (u) => '/api/v1/reports/' + u + '/2026-11-14' },
  { name: 'template', token: TOKENS.binhSon, method: 'GET', path: (u) => '/api/v1/reports/template.xlsx?unit=' + u },
  { name: 'tasks', token: TOKENS.binhSon, method: 'GET', path: (u) => '/api/v1/units/' + u + '/tasks' },
  { name: 'put tasks', token: TOKENS.binhSon, method: 'PUT', path: (u) => '/api/v1/units/' + u + '/tasks', body: () => ({ tasks: [] }) },
  { name: 'flags', token: TOKENS.binhSon, method: 'GET', path: (u) => '/api/v1/units/' + u + '/flags' },
  { name: 'aggregate', token: TOKENS.district, method: 'POST', path: () => '/api/v1/aggregate', body: (u) => ({ unit: u, period: '2026-11-14' }) },
  { name: 'workbook', token: TOKENS.leader, method: 'GET', path: (u) => '/api/v1/aggregate/' + u + '/2026-11-14.xlsx' },
  { name: 'lock', token: TOKENS.district, method: 'POST', path: () => '/api/v1/periods/2026-11-14/lock', body: (u) => ({ unit: u }) },
  { name: 'audit', token: TOKENS.district, method: 'GET', path: (u) => '/api/v1/audit?unit=' + u },
]

// For the commune probes: its sibling commune and its own district exist but are out of reach; for the
// district probes: a district and commune elsewhere in the province, and the province itself.
const HIDDEN: { [token: string]: string[] } = {
  [TOKENS.binhSon]: ['tho-son', 'trieu-son', 'xuan-du'],
  [TOKENS.district]: ['nhu-thanh', 'thanh-hoa'],
  [TOKENS.leader]: ['nhu-thanh', 'thanh-hoa'],
}

const MISSING = 'khong-co-xa-nay'

describe('units out of reach look missing', () => {
  for (const p of PROBES) {
    it(p.name, async () => {
      const ask = (unit: string) => call(p.method, p.path(unit), { token: p.token, body: p.body?.(unit) })
      const missing = await ask(MISSING)
      expect(missing.status).toBe(404)
      expect(missing.body.error).toBe('not_found')
      for (const unit of HIDDEN[p.token] as string[]) {
        const hidden = await ask(unit)
        expect([unit, hidden.status]).toEqual([unit, 404])
        // The same body once the id itself is swapped: nothing tells "exists" from "does not".
        expect([unit, JSON.stringify(hidden.body).split(unit).join('<id>')]).toEqual([unit, JSON.stringify(missing.body).split(MISSING).join('<id>')])
      }
    })
  }
})
