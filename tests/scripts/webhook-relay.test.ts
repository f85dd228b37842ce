// The worked relay of docs/webhooks.md against what the Worker sends: a second, independent HMAC implementation
// (node:crypto) checks the Worker's Web Crypto signatures.
import { describe, expect, it } from 'vitest'
import { handle, verifySignature } from '../../docs/examples/webhook-relay.mjs'
import { signBody } from '../../worker/webhook-crypto'

const SECRET = 'whsec_relay_test_0123456789abcdef'
const payload = {
  id: 'ntf_1', delivery: 'dlv_1', kind: 'report_due_soon', unit: { id: 'binh-son', name: 'Xã Bình Sơn' }, subject: '2026-11-28',
  due: '2026-11-28', createdAt: '2026-11-26T00:00:00.000Z', text: 'Xã Bình Sơn: Kỳ báo cáo 28/11 còn 2 ngày (hạn 28/11/2026), chưa gửi báo cáo.',
  text_en: 'Xã Bình Sơn: The report for period 28/11 is due in 2 days (28/11/2026) and not sent yet.',
}
const body = JSON.stringify(payload)

function relay(fail = false) {
  const sent: Array<{ to: unknown; text: string }> = []
  const context = {
    secret: SECRET, seen: new Set<string>(), recipients: { 'binh-son': { zalo: '246845' } },
    forward: async (to: unknown, p: { text: string }) => {
      if (fail) throw new Error('Zalo answered 500')
      sent.push({ to, text: p.text })
    },
  }
  return { context, sent }
}

describe('the example relay', () => {
  it('verifies what the Worker signs (Vietnamese text included) and refuses any other signature', async () => {
    const header = 'sha256=' + (await signBody(SECRET, body))
    expect(verifySignature(SECRET, body, header)).toBe(true)
    expect(verifySignature('whsec_other_secret_0123456789', body, header)).toBe(false)
    expect(verifySignature(SECRET, body.replace('28/11', '29/11'), header)).toBe(false)
    expect(verifySignature(SECRET, body, header.toUpperCase())).toBe(false)
    expect(verifySignature(SECRET, body, undefined)).toBe(false)
  })

  it('passes a message on once, answers 200, and drops a repeat of it', async () => {
    const { context, sent } = relay()
    const header = 'sha256=' + (await signBody(SECRET, body))
    expect(await handle(context, body, header)).toBe(200)
    expect(await handle(context, body, header)).toBe(200)
    expect(sent).toEqual([{ to: { zalo: '246845' }, text: payload.text }])
  })

  it('answers 401 to a bad signature and 502 when the chat app fails, so the Worker retries', async () => {
    const { context, sent } = relay(true)
    expect(await handle(context, body, 'sha256=' + '0'.repeat(64))).toBe(401)
    expect(await handle(context, body, 'sha256=' + (await signBody(SECRET, body)))).toBe(502)
    expect(sent).toEqual([])
    expect(context.seen.size).toBe(0)
  })

  it('accepts a unit it has no recipient for (202), so the Worker does not retry in vain', async () => {
    const other = JSON.stringify({ ...payload, id: 'ntf_2', unit: { id: 'tho-son', name: 'Xã Thọ Sơn' } })
    expect(await handle(relay().context, other, 'sha256=' + (await signBody(SECRET, other)))).toBe(202)
  })
})
