#!/usr/bin/env node
// A relay between the NTM Worker's webhook and the channel people read: a chat app's official account (Zalo OA
// "tin tư vấn" here) or e-mail (the machine's `sendmail`, e.g. msmtp or Postfix). Node ≥ 20, no dependencies.
//
//   WEBHOOK_SECRET=whsec_… RECIPIENTS=recipients.json PORT=8788 node webhook-relay.mjs
//
// recipients.json maps a unit id to where its messages go:
//   { "binh-son": { "zalo": "2468458835296117922" }, "trieu-son": { "email": "vpntm.trieuson@example.vn" } }
// ZALO_OA_ACCESS_TOKEN is needed for "zalo" recipients; SENDMAIL (default /usr/sbin/sendmail) for "email" ones.
//
// It answers 2xx only once the message is handed on, so the Worker retries until it is (1 min … 12 h, then gives
// up); it verifies the signature first (401 otherwise) and drops a repeat of a message it has already passed on.
import { spawn } from 'node:child_process'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'

const MAX_BODY = 64 * 1024

/** True when `header` is `sha256=<hex HMAC-SHA256 of rawBody under secret>`; compared in constant time. */
export function verifySignature(secret, rawBody, header) {
  const m = /^sha256=([0-9a-f]{64})$/.exec(header || '')
  if (!m) return false
  const expected = createHmac('sha256', secret).update(rawBody).digest()
  return timingSafeEqual(expected, Buffer.from(m[1], 'hex'))
}

/** Zalo OA consultation message ("tin tư vấn"): check Zalo's current rules on who may receive one and when. */
export async function sendZalo(accessToken, userId, text) {
  const res = await fetch('https://openapi.zalo.me/v3.0/oa/message/cs', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', access_token: accessToken },
    body: JSON.stringify({ recipient: { user_id: userId }, message: { text } }),
  })
  const answer = await res.json().catch(() => ({}))
  if (!res.ok || answer.error) throw new Error('Zalo answered ' + res.status + ' ' + JSON.stringify(answer).slice(0, 200))
}

/** One short e-mail through the local sendmail (`-t`: recipients from the headers). */
export function sendMail(sendmail, to, payload) {
  const subject = '=?UTF-8?B?' + Buffer.from('Nhắc việc NTM: ' + payload.unit.name).toString('base64') + '?='
  const mail = ['To: ' + to, 'Subject: ' + subject, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', '', payload.text, '', payload.text_en, ''].join('\r\n')
  return new Promise((resolve, reject) => {
    const child = spawn(sendmail, ['-t'], { stdio: ['pipe', 'ignore', 'inherit'] })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('sendmail exited with ' + code))))
    child.stdin.end(mail)
  })
}

/**
 * The request handler, apart from the network: `forward(recipient, payload)` hands a message on. Returns the HTTP
 * status to answer with. `seen` remembers the ids passed on (a repeat answers 200 without sending again).
 */
export async function handle({ secret, recipients, forward, seen }, rawBody, signature) {
  if (!verifySignature(secret, rawBody, signature)) return 401
  let payload
  try {
    payload = JSON.parse(rawBody)
  } catch {
    return 400
  }
  if (seen.has(payload.id)) return 200
  const to = recipients[payload.unit && payload.unit.id]
  if (!to) return 202 // nobody to tell for this unit: accepted, so the Worker does not retry in vain
  try {
    await forward(to, payload)
  } catch (err) {
    console.error('forwarding ' + payload.delivery + ' failed: ' + err.message)
    return 502
  }
  seen.add(payload.id)
  if (seen.size > 10000) seen.delete(seen.values().next().value)
  return 200
}

function main() {
  const secret = process.env.WEBHOOK_SECRET
  if (!secret) throw new Error('Set WEBHOOK_SECRET to the webhook secret the NTM office set.')
  const recipients = JSON.parse(readFileSync(process.env.RECIPIENTS || 'recipients.json', 'utf8'))
  const sendmail = process.env.SENDMAIL || '/usr/sbin/sendmail'
  const forward = (to, payload) =>
    to.zalo ? sendZalo(process.env.ZALO_OA_ACCESS_TOKEN, to.zalo, payload.text) : sendMail(sendmail, to.email, payload)
  const context = { secret, recipients, forward, seen: new Set() }
  createServer((req, res) => {
    const chunks = []
    let size = 0
    req.on('data', (c) => {
      size += c.length
      if (size > MAX_BODY) req.destroy()
      else chunks.push(c)
    })
    req.on('end', async () => {
      const status = req.method === 'POST' ? await handle(context, Buffer.concat(chunks).toString('utf8'), req.headers['x-ntm-signature-256']) : 405
      res.writeHead(status).end()
    })
  }).listen(Number(process.env.PORT || 8788), () => console.log('NTM webhook relay listening on ' + (process.env.PORT || 8788)))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
