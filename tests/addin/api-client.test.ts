import { describe, expect, it } from 'vitest'
import { type FetchLike, createApi, isApiFailure } from '../../addin/api-client'

type Seen = { url: string; init: Parameters<FetchLike>[1] }

function stub(status: number, body: string | (() => never)): { fetch: FetchLike; seen: Seen[] } {
  const seen: Seen[] = []
  return {
    seen,
    fetch: async (url, init) => {
      seen.push({ url, init })
      if (typeof body === 'function') body()
      return { status, ok: status < 300, text: async () => body as string }
    },
  }
}

describe('api client', () => {
  it('sends the token, JSON and the idempotency key to /api/v1', async () => {
    const s = stub(201, JSON.stringify({ id: 'r1', revision: 1 }))
    const api = createApi({ baseUrl: 'https://ntm.example.org/', token: 'tok', fetch: s.fetch })
    const receipt = await api.submit({ unit: 'binh-son', period: '2026-11-14', indicators: [] }, 'key-1')
    expect(receipt).toEqual({ id: 'r1', revision: 1 })
    expect(s.seen[0]!.url).toBe('https://ntm.example.org/api/v1/reports')
    expect(s.seen[0]!.init.method).toBe('POST')
    expect(s.seen[0]!.init.headers).toEqual({
      Accept: 'application/json', Authorization: 'Bearer tok', 'Content-Type': 'application/json', 'Idempotency-Key': 'key-1',
    })
    expect(JSON.parse(s.seen[0]!.init.body!)).toEqual({ unit: 'binh-son', period: '2026-11-14', indicators: [] })
  })

  it('encodes path and query parts', async () => {
    const s = stub(200, '{}')
    const api = createApi({ baseUrl: 'https://x.org', token: 't', fetch: s.fetch })
    await api.flags('xã 1', '2026-11-14')
    await api.lock('2026-11-14', 'trieu-son')
    expect(s.seen[0]!.url).toBe('https://x.org/api/v1/units/x%C3%A3%201/flags?date=2026-11-14')
    expect(s.seen[0]!.init.body).toBeUndefined()
    expect(s.seen[1]!.url).toBe('https://x.org/api/v1/periods/2026-11-14/lock')
    expect(JSON.parse(s.seen[1]!.init.body!)).toEqual({ unit: 'trieu-son' })
  })

  it('rejects with the server error body', async () => {
    const body = { error: 'period_locked', message: 'Kỳ đã khóa', message_en: 'Locked', issues: [] }
    const api = createApi({ baseUrl: 'https://x.org', token: 't', fetch: stub(409, JSON.stringify(body)).fetch })
    const e = await api.me().catch((x: unknown) => x)
    expect(isApiFailure(e)).toBe(true)
    expect(e).toEqual({ kind: 'api_failure', status: 409, code: 'period_locked', body })
  })

  it('maps a non-JSON error page by its status', async () => {
    const api = createApi({ baseUrl: 'https://x.org', token: 't', fetch: stub(401, '<html>nope</html>').fetch })
    await expect(api.me()).rejects.toEqual({ kind: 'api_failure', status: 401, code: 'unauthorized', body: null })
    const api5 = createApi({ baseUrl: 'https://x.org', token: 't', fetch: stub(502, 'Bad gateway').fetch })
    await expect(api5.me()).rejects.toMatchObject({ status: 502, code: 'internal' })
  })

  it('reports no connection as network, a garbled 200 as bad_response, and a hang as timeout', async () => {
    const down = createApi({ baseUrl: 'https://x.org', token: 't', fetch: stub(0, () => { throw new TypeError('Failed to fetch') }).fetch })
    await expect(down.me()).rejects.toEqual({ kind: 'api_failure', status: 0, code: 'network', body: null })
    const garbled = createApi({ baseUrl: 'https://x.org', token: 't', fetch: stub(200, 'not json').fetch })
    await expect(garbled.me()).rejects.toMatchObject({ code: 'bad_response' })
    const hang = createApi({ baseUrl: 'https://x.org', token: 't', timeoutMs: 20, fetch: () => new Promise(() => undefined) })
    await expect(hang.me()).rejects.toMatchObject({ status: 0, code: 'timeout' })
  })
})
