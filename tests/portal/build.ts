// Where the built portal lives, and a build when a test runs before `npm run build` (npm test builds first).
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')
export const DIST = join(ROOT, 'addin', 'dist')
export const PORTAL_HTML = join(DIST, 'index.html')

export function ensurePortalBuilt(): void {
  if (existsSync(PORTAL_HTML) && readFileSync(PORTAL_HTML, 'utf8').includes('/portal/')) return
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'portal/vite.config.ts'], { cwd: ROOT, stdio: 'pipe' })
}
