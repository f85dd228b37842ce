import { beforeAll, describe, expect, it } from 'vitest'
import { TOKENS, client, seedDemo } from './helpers'

const call = client()

beforeAll(seedDemo)

describe('GET /api/v1/me', () => {
  it('answers with the role and unit of each demo token', async () => {
    const res = await call('GET', '/api/v1/me', { token: TOKENS.binhSon })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      role: 'commune', unit: { id: 'binh-son', name: 'Xã Bình Sơn', level: 'commune' },
      settings: { reminderLeadDays: 2, dueSoonDays: 3, peopleSharePercent: 30 },
      today: '2026-11-26',
    })
    const district = await call('GET', '/api/v1/me', { token: TOKENS.district })
    expect(district.body).toMatchObject({ role: 'district', unit: { id: 'trieu-son', level: 'district' } })
    expect((await call('GET', '/api/v1/me', { token: TOKENS.leader })).body.role).toBe('leader')
    expect((await call('GET', '/api/v1/me', { token: TOKENS.admin })).body).toMatchObject({ role: 'admin', unit: { id: 'thanh-hoa', level: 'province' } })
  })

  it('refuses a missing, malformed or unknown token with 401 and the error shape', async () => {
    const variants: Array<Record<string, string>> = [{}, { Authorization: 'Basic abc' }, { Authorization: 'Bearer ntm_not_a_real_token' }, { Authorization: 'Bearer' }]
    for (const headers of variants) {
      const res = await call('GET', '/api/v1/me', { headers })
      expect(res.status).toBe(401)
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer')
      expect(res.body).toMatchObject({ error: 'unauthorized' })
      expect(typeof res.body.message).toBe('string')
      expect(typeof res.body.message_en).toBe('string')
    }
  })
})

describe('unknown paths', () => {
  it('answers JSON 404 for an unknown API path', async () => {
    const res = await call('GET', '/api/v1/nothing-here', { token: TOKENS.admin })
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ error: 'not_found' })
    const outside = await call('GET', '/api/v2/me')
    expect(outside.status).toBe(404)
    expect(outside.body).toMatchObject({ error: 'not_found' })
  })
})
