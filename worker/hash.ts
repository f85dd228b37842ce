// Web Crypto only, so the same code runs in the Worker, in its tests and in the Node scripts (Node ≥ 20).

export async function sha256Hex(text: string): Promise<string> {
  return sha256HexOfBytes(new TextEncoder().encode(text))
}

export function newId(prefix: string): string {
  return prefix + '_' + crypto.randomUUID().replace(/-/g, '')
}

export async function sha256HexOfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  let out = ''
  for (const b of new Uint8Array(digest)) out += b.toString(16).padStart(2, '0')
  return out
}

/** A secret of 32 random bytes in base64url after `prefix` (256 bits: not guessable, safe in a URL fragment). */
export function newSecret(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return prefix + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
