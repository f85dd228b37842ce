// shared/ is bundled into the IE11 task pane and into the Worker: keep it pure and ES5-transpilable.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../../shared')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

const FORBIDDEN: Array<[string, RegExp]> = [
  ['Proxy (cannot be polyfilled in IE11)', /\bnew Proxy\b|\bReflect\./],
  ['lookbehind regex (IE11)', /\(\?<[=!]/],
  ['String.prototype.normalize (IE11)', /\.normalize\(/],
  ['BigInt (IE11)', /\bBigInt\b|\d+n\b/],
  ['the clock (time is an argument)', /Date\.now\(|new Date\(\)/],
  ['random ids (ids are arguments)', /randomUUID|Math\.random/],
  ['I/O', /\bfetch\(|\bconsole\.|\bExcel\.|\bOffice\.|D1Database|caches\./],
  ['imports from outside shared/', /from '(?!\.\/|\.\.\/(?!\.\.))[^']*'/],
]

describe('shared/ purity', () => {
  const files = sources(ROOT)
  it('has sources to check', () => expect(files.length).toBeGreaterThan(8))
  it.each(FORBIDDEN)('uses no %s', (_what, pattern) => {
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '')))
    expect(offenders).toEqual([])
  })
})
