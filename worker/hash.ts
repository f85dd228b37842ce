// Web Crypto only, so the same code runs in the Worker, in its tests and in the Node scripts (Node ≥ 20).

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  let out = ''
  for (const b of new Uint8Array(digest)) out += b.toString(16).padStart(2, '0')
  return out
}

export function newId(prefix: string): string {
  return prefix + '_' + crypto.randomUUID().replace(/-/g, '')
}
