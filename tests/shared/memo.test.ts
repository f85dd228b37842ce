import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { memoByText } from '../../shared/memo'

describe('memoByText', () => {
  it('answers as the function does, computing each text once', () => {
    const asked: string[] = []
    const length = memoByText(10, (t: string) => (asked.push(t), t.length))
    expect([length('ab'), length('abc'), length('ab'), length('abc')]).toEqual([2, 3, 2, 3])
    expect(asked).toEqual(['ab', 'abc'])
  })

  it('forgets everything past its bound and keeps answering right', () => {
    const asked: string[] = []
    const upper = memoByText(3, (t: string) => (asked.push(t), t.toUpperCase()))
    for (const t of ['a', 'b', 'c', 'd', 'a']) upper(t)
    // 'd' overflowed the three kept answers, so 'a' is worked out again.
    expect(asked).toEqual(['a', 'b', 'c', 'd', 'a'])
    fc.assert(fc.property(fc.string(), (t) => {
      expect(upper(t)).toBe(t.toUpperCase())
    }))
  })

  it('keeps null answers and takes texts that name Object.prototype members as plain texts', () => {
    const asked: string[] = []
    const none = memoByText(10, (t: string) => (asked.push(t), t === 'x' ? null : t + '!'))
    expect([none('x'), none('x'), none('__proto__'), none('constructor'), none('toString')]).toEqual([null, null, '__proto__!', 'constructor!', 'toString!'])
    expect(asked).toEqual(['x', '__proto__', 'constructor', 'toString'])
  })

  it('does not remember a text whose computation throws', () => {
    let calls = 0
    const strict = memoByText(10, (t: string) => {
      calls++
      if (t === 'bad') throw new RangeError(t)
      return t
    })
    expect(() => strict('bad')).toThrow(RangeError)
    expect(() => strict('bad')).toThrow(RangeError)
    expect(calls).toBe(2)
  })
})
