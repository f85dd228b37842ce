// Where the built pane lives, and a build when a test runs before `npm run build` (npm test builds first).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

export const ROOT = resolve(__dirname, '../..')
export const DIST = join(ROOT, 'addin', 'dist')

export function ensureBuilt(): void {
  if (existsSync(join(DIST, 'taskpane.html'))) return
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'addin/vite.config.ts'], { cwd: ROOT, stdio: 'pipe' })
}

export function builtFiles(ext: string): string[] {
  const dir = join(DIST, 'assets')
  return readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => join(dir, f))
}

export type Size = { file: string; bytes: number; gzip: number }

export function sizeOf(file: string): Size {
  const bytes = readFileSync(file)
  return { file: file.slice(DIST.length + 1), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

/** The legacy entry and polyfills named by taskpane.html, in load order. */
export function scriptsOfPage(): { polyfills: string; entry: string } {
  const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8')
  const polyfills = /id="vite-legacy-polyfill" src="\.\/([^"]+)"/.exec(html)
  const entry = /id="vite-legacy-entry" data-src="\.\/([^"]+)"/.exec(html)
  if (!polyfills || !entry) throw new Error('taskpane.html does not name the legacy scripts')
  return { polyfills: join(DIST, polyfills[1] as string), entry: join(DIST, entry[1] as string) }
}
