#!/usr/bin/env node
// The first and last steps of `npm test`.
//
//   node tests/prerequisites.mjs            before the tests: Debian's chromium (the pane in a browser) and
//                                           libreoffice-calc (every .xlsx we write or read) must be installed.
//                                           Missing, as root with apt-get: installs them; otherwise stops at once,
//                                           printing the one command to run. NTM_NO_INSTALL=1: never installs.
//   node tests/prerequisites.mjs --summary  after them: says which optional checks ran, e.g. the manifest's
//                                           validation against Microsoft's XSDs, which needs ../shared/schemas.
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync } from 'node:fs'
import { delimiter, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SCHEMA_DIR, schemasAvailable } from '../addin/scripts/manifest-lib.mjs'

/** What the tests need: the program looked for, where a test may be pointed elsewhere, and its Debian package. */
export const NEEDS = [
  { what: 'Chromium', programs: ['chromium'], env: 'CHROMIUM_PATH', fixed: '/usr/bin/chromium', pkg: 'chromium' },
  { what: 'LibreOffice Calc', programs: ['soffice', 'libreoffice'], env: null, fixed: null, pkg: 'libreoffice-calc' },
]

function onPath(program, path) {
  for (const dir of (path || '').split(delimiter)) {
    if (!dir) continue
    try {
      accessSync(join(dir, program), constants.X_OK)
      return true
    } catch {
      // not here
    }
  }
  return false
}

/** The Debian packages still missing, given the environment (PATH, CHROMIUM_PATH). */
export function missingPackages(env = process.env) {
  return NEEDS.filter((n) => {
    // The browser test uses CHROMIUM_PATH or /usr/bin/chromium (tests/e2e/harness.ts), not the PATH.
    if (n.env) return !existsSync(env[n.env] || n.fixed)
    return !n.programs.some((p) => onPath(p, env.PATH))
  }).map((n) => n.pkg)
}

export const installCommand = (pkgs, sudo) =>
  (sudo ? 'sudo ' : '') + 'apt-get update && ' + (sudo ? 'sudo ' : '') + 'apt-get install -y --no-install-recommends ' + pkgs.join(' ')

/**
 * What to do about missing packages: nothing, install them (root with apt-get, installing allowed), or stop and
 * print the one command that installs them.
 */
export function plan({ missing, isRoot, hasApt, allowInstall }) {
  if (missing.length === 0) return { action: 'none' }
  if (isRoot && hasApt && allowInstall) return { action: 'install', packages: missing }
  const command = hasApt ? installCommand(missing, !isRoot) : null
  return { action: 'stop', packages: missing, command }
}

function stopMessage(p) {
  const lines = ['npm test needs ' + p.packages.join(' and ') + ' (Debian packages), which ' + (p.packages.length > 1 ? 'are' : 'is') + ' missing.']
  if (p.command) lines.push('Run once:', '', '  ' + p.command, '', 'then run npm test again.')
  else {
    lines.push(
      'This machine has no apt-get: install Chromium and LibreOffice (Calc) yourself; point CHROMIUM_PATH at the',
      'Chromium binary and put soffice on the PATH, then run npm test again.',
    )
  }
  return lines.join('\n') + '\n'
}

function checkBefore() {
  const missing = missingPackages()
  const p = plan({
    missing,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasApt: onPath('apt-get', process.env.PATH),
    allowInstall: process.env.NTM_NO_INSTALL !== '1',
  })
  if (p.action === 'none') return 0
  if (p.action === 'stop') {
    process.stderr.write(stopMessage(p))
    return 1
  }
  process.stderr.write('Installing the test prerequisites: ' + p.packages.join(' ') + ' (apt-get, as root)…\n')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...p.packages]]) {
    const res = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (res.status !== 0) {
      process.stderr.write('apt-get ' + args.join(' ') + ' failed; install them by hand:\n  ' + installCommand(p.packages, false) + '\n')
      return 1
    }
  }
  const still = missingPackages()
  if (still.length > 0) {
    process.stderr.write('Still missing after apt-get: ' + still.join(' ') + '\n')
    return 1
  }
  return 0
}

function summary() {
  const lines = ['', 'Optional checks:']
  lines.push(
    schemasAvailable()
      ? '  manifest: repository rules and Microsoft XSD validation both ran (' + SCHEMA_DIR + ').'
      : '  manifest: repository rules ran; Microsoft XSD validation did NOT run — no schemas in ' + SCHEMA_DIR +
        ' (set OFFICE_MANIFEST_XSD_DIR to a folder with them, or run npm run manifest:validate online).',
  )
  process.stdout.write(lines.join('\n') + '\n')
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exit(process.argv.includes('--summary') ? summary() : checkBefore())
}
