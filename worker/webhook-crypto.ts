// Webhook secrets and signatures, with Web Crypto only.
//
// Signing needs the secret itself (HMAC), so unlike access tokens it cannot be kept as a hash. It is stored sealed
// with AES-256-GCM under a key derived (HKDF-SHA256) from the Worker secret WEBHOOK_SECRET_KEY, with the unit id
// as associated data: a database export, a backup or a Time Travel copy alone reveals no secret, and a sealed
// secret copied onto another unit's row does not open.

const enc = new TextEncoder()
const SEALED_RE = /^v1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/
export const MIN_MASTER_KEY_CHARS = 32

function toBase64Url(bytes: Uint8Array): string {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const out = new Uint8Array(new ArrayBuffer(bin.length))
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

export function hex(bytes: ArrayBuffer): string {
  let out = ''
  for (const b of new Uint8Array(bytes)) out += b.toString(16).padStart(2, '0')
  return out
}

async function sealingKey(masterKey: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(masterKey), 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('ntm-webhook-secret'), info: enc.encode('v1') },
    base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'],
  )
}

export async function sealSecret(masterKey: string, unitId: string, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const key = await sealingKey(masterKey)
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(unitId) }, key, enc.encode(secret))
  return 'v1.' + toBase64Url(iv) + '.' + toBase64Url(new Uint8Array(sealed))
}

/** The secret, or null when it does not open (another master key, another unit, altered text). */
export async function openSecret(masterKey: string, unitId: string, sealed: string): Promise<string | null> {
  const m = SEALED_RE.exec(sealed)
  if (!m) return null
  try {
    const key = await sealingKey(masterKey)
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(m[1] as string), additionalData: enc.encode(unitId) }, key, fromBase64Url(m[2] as string),
    )
    return new TextDecoder().decode(plain)
  } catch {
    return null
  }
}

/** A new secret for a webhook: 32 random bytes. */
export function newWebhookSecret(): string {
  return 'whsec_' + toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
}

/** Hex HMAC-SHA256 of the body's UTF-8 bytes: the value after `sha256=` in the signature header. */
export async function signBody(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return hex(await crypto.subtle.sign('HMAC', key, enc.encode(body)))
}

export async function secretFingerprint(secret: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', enc.encode(secret))).slice(0, 12)
}
