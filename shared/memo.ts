// Pure functions of a short text asked the same question many times in one request (the period of 600
// communes, the day number of one deadline): each answer is kept, up to a bound so that arbitrary input
// cannot grow the cache without limit; past the bound everything is forgotten at once.

/** `compute` remembered per text; answers must be immutable (the same value is handed to every caller). */
export function memoByText<T>(max: number, compute: (text: string) => T): (text: string) => T {
  // A prototype-less object: '__proto__' or 'constructor' look up nothing.
  let known: { [text: string]: { value: T } } = Object.create(null) as { [text: string]: { value: T } }
  let size = 0
  return (text: string): T => {
    const hit = known[text]
    if (hit !== undefined) return hit.value
    const value = compute(text)
    if (size >= max) {
      known = Object.create(null) as { [text: string]: { value: T } }
      size = 0
    }
    known[text] = { value }
    size++
    return value
  }
}
