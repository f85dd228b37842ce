// The built portal: small (under 50 KB gzipped, everything it loads), same-origin files only, and nothing
// inline a strict Content-Security-Policy (script-src/style-src 'self') would block.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { DIST, PORTAL_HTML, ROOT, ensurePortalBuilt } from './build'

beforeAll(() => ensurePortalBuilt(), 120_000)

const html = (): string => readFileSync(PORTAL_HTML, 'utf8')

describe('the built portal', () => {
  it('loads one module script and one stylesheet from /portal/, nothing inline', () => {
    const page = html()
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts).toHaveLength(1)
    expect(scripts[0]).toMatch(/^<script type="module" crossorigin src="\/portal\/portal-[\w-]+\.js">$/)
    // No inline script body, no inline style element or attribute, no event-handler attributes.
    expect(page).not.toMatch(/<script\b[^>]*>[^<\s]/)
    expect(page).not.toMatch(/<style\b/)
    expect(page).not.toMatch(/\sstyle=/)
    expect(page).not.toMatch(/\son[a-z]+=/)
    expect(page).toMatch(/<link rel="stylesheet" crossorigin href="\/portal\/portal-[\w-]+\.css">/)
    // Same origin only: no absolute URL to load from elsewhere.
    expect(page.match(/(src|href)="https?:/g)).toBeNull()
  })

  it('builds its DOM without innerHTML, eval or new Function', () => {
    const sources = readdirSync(join(ROOT, 'portal'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('vite.config.ts'))
    expect(sources.length).toBeGreaterThan(8)
    for (const f of sources) {
      const text = readFileSync(join(ROOT, 'portal', f), 'utf8')
      expect({ f, bad: text.match(/\.innerHTML|outerHTML|insertAdjacentHTML|\beval\(|new Function|setAttribute\('style'/g) }).toEqual({ f, bad: null })
    }
  })

  it('stays under 50 KB gzipped (reports its size)', () => {
    const files = [PORTAL_HTML].concat(readdirSync(join(DIST, 'portal')).map((f) => join(DIST, 'portal', f)))
    const sizes = files.map((f) => {
      const bytes = readFileSync(f)
      return { file: f.slice(DIST.length + 1), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
    })
    const total = sizes.reduce((a, s) => ({ bytes: a.bytes + s.bytes, gzip: a.gzip + s.gzip }), { bytes: 0, gzip: 0 })
    console.log('Portal size\n  ' + sizes.map((s) => s.file + ': ' + (s.bytes / 1024).toFixed(1) + ' KB, ' + (s.gzip / 1024).toFixed(1) + ' KB gzip').join('\n  ') +
      '\n  total: ' + (total.bytes / 1024).toFixed(1) + ' KB, ' + (total.gzip / 1024).toFixed(1) + ' KB gzip')
    writeFileSync(join(DIST, 'portal-size.json'), JSON.stringify({ files: sizes, total }, null, 2))
    expect(sizes.some((s) => s.file.endsWith('.js'))).toBe(true)
    expect(total.gzip).toBeLessThan(50 * 1024)
  })
})
