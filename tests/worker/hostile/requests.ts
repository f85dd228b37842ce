// One arbitrary per write endpoint, each request certain to be refused: a valid request, then up to three
// hostile changes anywhere (noise), then one change that makes it wrong for sure (the poison: a rule broken, a
// field of the wrong shape, a unit out of reach, a body that is not the endpoint's at all). Noise never
// touches the poison's path, so no noise can undo it.
import fc from 'fast-check'
import { type J, Obj, type Path, get, isPrefix, paths, remove, serialize, set, toJ } from './json'
import { contentType, hostileAuthorization, hostileKey, hostileString, hostileValue, idempotencyKey, longString, notJson } from './values'

export type Req = { endpoint: string; method: string; path: string; headers: Record<string, string>; body?: string | Uint8Array }

/** `guard`: other paths the poison relies on (a duplicate id needs the first id to stay as it is). */
export type Poison =
  | { kind: 'set'; path: Path; value: J; guard?: Path[] }
  | { kind: 'remove'; path: Path }
  | { kind: 'text'; text: string }
  | { kind: 'url' }

type Noise = { at: number; value: J; key: string; addKey: boolean }
const noise: fc.Arbitrary<Noise[]> = fc.array(fc.record({ at: fc.nat(), value: hostileValue, key: hostileKey, addKey: fc.boolean() }), { maxLength: 3 })

function withNoise(base: J, poison: Poison, changes: Noise[]): J {
  const guarded = poison.kind === 'set' ? [poison.path, ...(poison.guard ?? [])] : poison.kind === 'remove' ? [poison.path] : []
  let body = base
  for (const n of changes) {
    const free = paths(body).filter((p) => guarded.every((g) => !isPrefix(p, g) && !isPrefix(g, p)))
    if (n.addKey) {
      const objects = [[] as Path, ...free].filter((p) => get(body, p) instanceof Obj)
      const at = objects[n.at % objects.length] as Path
      body = set(body, at, new Obj([...(get(body, at) as Obj).entries, [n.key, n.value]]))
    } else if (free.length > 0) {
      body = set(body, free[n.at % free.length] as Path, n.value)
    }
  }
  if (poison.kind === 'set') body = set(body, poison.path, poison.value)
  if (poison.kind === 'remove') body = remove(body, poison.path)
  return body
}

/**
 * A path segment, percent-encoded; a lone surrogate (which encodeURIComponent refuses) goes in as the bytes a
 * careless encoder would send (WTF-8), so the Worker sees that too.
 */
export function segment(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += '%' + (0xe0 | (code >> 12)).toString(16) + '%' + (0x80 | ((code >> 6) & 0x3f)).toString(16) + '%' + (0x80 | (code & 0x3f)).toString(16)
    } else out += encodeURIComponent(ch)
  }
  return out
}
const q = segment
/**
 * Units a token may not touch: missing, out of its reach (`outOfReach`: for a commune its neighbours and the
 * units above, for the district office the province and another district), or not a unit id at all.
 */
export const hostileUnit = (outOfReach: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(fc.constantFrom('khong-co-xa-nay', 'BINH-SON', 'binh-son ', '..', '%00', ...outOfReach), hostileString)
export const NOT_FOR_COMMUNE = ['tho-son', 'trieu-son', 'xuan-du', 'thanh-hoa']
export const NOT_FOR_DISTRICT = ['xuan-du', 'nhu-thanh', 'thanh-hoa']

export type JsonEndpoint = {
  name: string
  method: string
  /** The URL of the valid request, and one for a `url` poison (a unit or period the endpoint must refuse). */
  url: string
  badUrl?: fc.Arbitrary<string>
  token: string
  base: unknown
  poisons: fc.Arbitrary<Poison>
  idempotent?: boolean
}

export function jsonRequests(e: JsonEndpoint): fc.Arbitrary<Req> {
  const base = toJ(e.base)
  const poisons = e.badUrl ? fc.oneof({ arbitrary: e.poisons, weight: 6 }, { arbitrary: fc.constant<Poison>({ kind: 'url' }), weight: 1 }) : e.poisons
  return fc.record({
    poison: poisons,
    noise,
    badUrl: e.badUrl ?? fc.constant(e.url),
    type: contentType,
    key: e.idempotent ? idempotencyKey : fc.constant(undefined),
    auth: fc.oneof({ arbitrary: fc.constant('Bearer ' + e.token), weight: 12 }, { arbitrary: hostileAuthorization, weight: 1 }),
  }).map(({ poison, noise: changes, badUrl, type, key, auth }) => {
    const headers: Record<string, string> = { Authorization: auth }
    if (type !== undefined) headers['Content-Type'] = type
    if (key !== undefined) headers['Idempotency-Key'] = key
    const body = poison.kind === 'text' ? poison.text : serialize(withNoise(base, poison, changes))
    return { endpoint: e.name, method: e.method, path: poison.kind === 'url' ? badUrl : e.url, headers, body }
  })
}

// Poison builders shared by several endpoints.
export const setAt = (path: Path, values: fc.Arbitrary<unknown>): fc.Arbitrary<Poison> => values.map((v) => ({ kind: 'set', path, value: toJ(v) }))
export const removeAt = (...options: Path[]): fc.Arbitrary<Poison> => fc.constantFrom(...options).map((path) => ({ kind: 'remove', path }))
export const wholeBody: fc.Arbitrary<Poison> = notJson.map((text) => ({ kind: 'text', text }))
/** A value of the wrong type for a field that takes text or numbers. */
export const notText: fc.Arbitrary<unknown> = fc.oneof(fc.constant(new Obj([['__proto__', new Obj([['x', 1]])]])), fc.array(hostileString, { minLength: 1, maxLength: 2 }), fc.boolean(), longString)

/** Dates the API refuses: outside 1900–2199, impossible, or not dates. */
export const badDate: fc.Arbitrary<unknown> = fc.constantFrom('1800-01-01', '9999-12-31', '1899-12-31', '2200-01-01', '2026-02-30', '31/02/2026', '2026-13-01', 'mai', 'hôm qua', 2958465, 60, -1, 1e308)
/** Period ids the API refuses: not the 14th or 28th, outside the supported years, not started, or not ids. */
export const badPeriod: fc.Arbitrary<string> = fc.constantFrom('2026-11-15', '2026-11-30', '0000-01-14', '9999-12-28', '1899-12-14', '2200-01-14', '2026-12-14', '2027-03-28', '14/11/2026', '', 'kỳ 14/11/2026', '2026-1-14')

// ---------------------------------------------------------------------------------------------------------
// Multipart bodies (evidence uploads), written by hand so a part can be sent twice or be of the wrong kind.

export type Part = { name: string; value: string; file?: { name: string; type: string; bytes: Uint8Array } }

export function multipart(parts: Part[], boundary = '----ntm-fuzz'): Uint8Array {
  const enc = new TextEncoder()
  const chunks: Uint8Array[] = []
  for (const p of parts) {
    const disposition = 'Content-Disposition: form-data; name="' + p.name + '"' + (p.file ? '; filename="' + p.file.name + '"\r\nContent-Type: ' + p.file.type : '')
    chunks.push(enc.encode('--' + boundary + '\r\n' + disposition + '\r\n\r\n'), p.file ? p.file.bytes : enc.encode(p.value), enc.encode('\r\n'))
  }
  chunks.push(enc.encode('--' + boundary + '--\r\n'))
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
