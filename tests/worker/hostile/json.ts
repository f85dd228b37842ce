// A JSON model that can say what JSON.stringify cannot: raw tokens (1e999, NaN, lone surrogate escapes,
// nesting thousands deep) and objects with keys such as "__proto__" kept as plain data.
export class Raw {
  constructor(readonly text: string) {}
}
export class Obj {
  constructor(readonly entries: Array<[string, J]>) {}
}
export type J = null | boolean | number | string | Raw | Obj | J[]

/** Plain data (test fixtures) into the model. */
export function toJ(value: unknown): J {
  if (value instanceof Obj || value instanceof Raw) return value
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return value.map(toJ)
  if (typeof value === 'object') return new Obj(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toJ(v)]))
  return value as J
}

export function serialize(value: J): string {
  if (value instanceof Raw) return value.text
  if (value instanceof Obj) return '{' + value.entries.map(([k, v]) => JSON.stringify(k) + ':' + serialize(v)).join(',') + '}'
  if (Array.isArray(value)) return '[' + value.map(serialize).join(',') + ']'
  return JSON.stringify(value) ?? 'null'
}

export type Path = Array<string | number>

export function get(value: J, path: Path): J | undefined {
  let at: J | undefined = value
  for (const p of path) {
    if (typeof p === 'number' && Array.isArray(at)) at = at[p]
    else if (typeof p === 'string' && at instanceof Obj) at = at.entries.filter(([k]) => k === p).map(([, v]) => v)[0]
    else return undefined
  }
  return at
}

/** A copy with the value at `path` replaced (or the key added); a path that no longer leads anywhere is left. */
export function set(value: J, path: Path, next: J): J {
  if (path.length === 0) return next
  const [head, ...rest] = path as [string | number, ...Path]
  if (typeof head === 'number' && Array.isArray(value)) {
    if (head >= value.length) return value
    return value.map((v, i) => (i === head ? set(v, rest, next) : v))
  }
  if (typeof head === 'string' && value instanceof Obj) {
    const has = value.entries.some(([k]) => k === head)
    if (!has) return rest.length === 0 ? new Obj([...value.entries, [head, next]]) : value
    return new Obj(value.entries.map(([k, v]) => [k, k === head ? set(v, rest, next) : v] as [string, J]))
  }
  return value
}

export function remove(value: J, path: Path): J {
  if (path.length === 1 && value instanceof Obj) return new Obj(value.entries.filter(([k]) => k !== path[0]))
  if (path.length === 1 && Array.isArray(value) && typeof path[0] === 'number') return value.filter((_, i) => i !== path[0])
  const [head, ...rest] = path as [string | number, ...Path]
  const child = get(value, [head])
  return child === undefined ? value : set(value, [head], remove(child, rest))
}

/** Every path in the value (objects' keys and arrays' items), the root excluded. */
export function paths(value: J, prefix: Path = []): Path[] {
  const out: Path[] = []
  if (value instanceof Obj) for (const [k, v] of value.entries) out.push([...prefix, k], ...paths(v, [...prefix, k]))
  else if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...paths(v, [...prefix, i])))
  return out
}

export const isPrefix = (a: Path, b: Path): boolean => a.length <= b.length && a.every((p, i) => p === b[i])
