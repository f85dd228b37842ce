// The built pane must parse in Internet Explorer 11 (volume-licensed Office 2016/2019): es-check es5 over every
// emitted script, no module scripts, Office.js from Microsoft's CDN. Also reports the pane's size.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DIST, ROOT, builtFiles, ensureBuilt, sizeOf } from './bundle'

const ES_CHECK = join(ROOT, 'node_modules', '.bin', 'es-check')

function esCheck(files: string[]): { status: number | null; output: string } {
  const run = spawnSync(ES_CHECK, ['es5', ...files, '--noColor'], { cwd: ROOT, encoding: 'utf8' })
  return { status: run.status, output: run.stdout + run.stderr }
}

beforeAll(() => ensureBuilt(), 120_000)

describe('built task pane', () => {
  it('emits only legacy (ES5) scripts', () => {
    const js = builtFiles('.js')
    expect(js.length).toBeGreaterThanOrEqual(2)
    for (const f of js) expect(f).toMatch(/-legacy-[\w-]+\.js$/)
  })

  it('passes es-check es5', () => {
    const result = esCheck(builtFiles('.js'))
    expect(result.output).not.toMatch(/error/i)
    expect(result.status).toBe(0)
  })

  it('es-check catches ES2015 syntax (the check is real)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'es5-'))
    const file = join(dir, 'modern.js')
    writeFileSync(file, 'var f = (x) => `${x}`;\n')
    expect(esCheck([file]).status).not.toBe(0)
  })

  it('loads Office.js from the CDN and no module script', () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8')
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>')
    expect(html).not.toMatch(/type="module"/)
    expect(html).toMatch(/<meta http-equiv="X-UA-Compatible" content="IE=edge"/)
    expect(readdirSync(join(DIST, 'assets'))).toEqual(expect.arrayContaining(['icon-16.png', 'icon-32.png', 'icon-80.png']))
  })

  it('stays light (reports minified and gzipped size)', () => {
    const sizes = builtFiles('.js').concat(builtFiles('.css')).map(sizeOf)
    const html = sizeOf(join(DIST, 'taskpane.html'))
    const all = sizes.concat([html])
    const total = all.reduce((a, s) => ({ bytes: a.bytes + s.bytes, gzip: a.gzip + s.gzip }), { bytes: 0, gzip: 0 })
    const table = all.map((s) => s.file + ': ' + (s.bytes / 1024).toFixed(1) + ' KB min, ' + (s.gzip / 1024).toFixed(1) + ' KB gzip')
    console.log('Task pane size\n  ' + table.join('\n  ') + '\n  total: ' + (total.bytes / 1024).toFixed(1) + ' KB min, ' + (total.gzip / 1024).toFixed(1) + ' KB gzip')
    writeFileSync(join(DIST, 'size.json'), JSON.stringify({ files: all, total }, null, 2))
    const app = sizes.filter((s) => /taskpane-legacy/.test(s.file))
    expect(app.length).toBe(1)
    expect((app[0] as { gzip: number }).gzip).toBeLessThan(60 * 1024)
    expect(total.gzip).toBeLessThan(150 * 1024)
  })
})

