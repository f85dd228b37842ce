// Idempotency keys for submissions and a short fingerprint of the body they were made for.

/** A random UUID v4 (crypto.getRandomValues where present, msCrypto in IE11, else Math.random). */
export function newIdempotencyKey(): string {
  const bytes: number[] = []
  const w = window as unknown as { crypto?: Crypto; msCrypto?: Crypto }
  const c = w.crypto || w.msCrypto
  if (c && c.getRandomValues) {
    const a = new Uint8Array(16)
    c.getRandomValues(a)
    for (let i = 0; i < 16; i++) bytes.push(a[i] as number)
  } else {
    for (let i = 0; i < 16; i++) bytes.push(Math.floor(Math.random() * 256))
  }
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80
  let hex = ''
  for (let i = 0; i < 16; i++) {
    hex += ((bytes[i] as number) + 0x100).toString(16).slice(1)
    if (i === 3 || i === 5 || i === 7 || i === 9) hex += '-'
  }
  return hex
}

/** FNV-1a (32-bit) of a text, with its length: enough to tell whether the workbook changed since a submit. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = (h + ((h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24))) >>> 0
  }
  return ('0000000' + h.toString(16)).slice(-8) + '-' + text.length
}
