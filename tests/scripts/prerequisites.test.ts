// `npm test` on a fresh machine: its first step finds Chromium and LibreOffice, installs them when it may (root
// with apt-get), or stops at once with the one command to run. Run here against stand-ins for apt-get and the
// programs, in a PATH of their own.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { installCommand, missingPackages, plan } from '../prerequisites.mjs'

const ROOT = join(__dirname, '..', '..')
const work = mkdtempSync(join(tmpdir(), 'ntm-prereq-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function bin(dir: string, name: string, body = 'exit 0'): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, name), '#!/bin/sh\n' + body + '\n')
  chmodSync(join(dir, name), 0o755)
}

function run(env: Record<string, string>, ...args: string[]) {
  const node = process.execPath
  return spawnSync(node, [join(ROOT, 'tests', 'prerequisites.mjs'), ...args], { env, encoding: 'utf8' })
}

describe('test prerequisites', () => {
  it('decide: nothing to do, install (root with apt-get), or stop with the command', () => {
    expect(plan({ missing: [], isRoot: false, hasApt: true, allowInstall: true })).toEqual({ action: 'none' })
    expect(plan({ missing: ['chromium'], isRoot: true, hasApt: true, allowInstall: true })).toEqual({ action: 'install', packages: ['chromium'] })
    expect(plan({ missing: ['chromium', 'libreoffice-calc'], isRoot: false, hasApt: true, allowInstall: true })).toEqual({
      action: 'stop', packages: ['chromium', 'libreoffice-calc'],
      command: 'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium libreoffice-calc',
    })
    expect(plan({ missing: ['chromium'], isRoot: true, hasApt: true, allowInstall: false })).toMatchObject({
      action: 'stop', command: installCommand(['chromium'], false),
    })
    expect(plan({ missing: ['chromium'], isRoot: false, hasApt: false, allowInstall: true })).toEqual({ action: 'stop', packages: ['chromium'], command: null })
  })

  it('finds soffice on the PATH and Chromium where the browser test looks for it', () => {
    const path = join(work, 'found')
    bin(path, 'soffice')
    bin(path, 'chromium-bin')
    expect(missingPackages({ PATH: path, CHROMIUM_PATH: join(path, 'chromium-bin') })).toEqual([])
    expect(missingPackages({ PATH: join(work, 'empty'), CHROMIUM_PATH: join(work, 'nope') })).toEqual(['chromium', 'libreoffice-calc'])
  })

  it('without the right to install, stops at once and prints the one command', () => {
    const path = join(work, 'user')
    bin(path, 'apt-get', 'echo "apt-get must not run" >&2; exit 9')
    const res = run({ PATH: path, CHROMIUM_PATH: join(work, 'nope'), NTM_NO_INSTALL: '1' })
    expect(res.status).toBe(1)
    expect(res.stderr).toContain('npm test needs chromium and libreoffice-calc (Debian packages), which are missing.')
    expect(res.stderr).toContain('  apt-get update && apt-get install -y --no-install-recommends chromium libreoffice-calc')
    expect(res.stderr).not.toContain('must not run')
  })

  it.runIf(process.getuid?.() === 0)('as root with apt-get, installs what is missing and goes on', () => {
    const path = join(work, 'root')
    const chromium = join(work, 'installed-chromium')
    const log = join(work, 'apt.log')
    // The stand-in apt-get "installs" by creating the programs, as the real packages would.
    bin(path, 'apt-get', [
      'echo "$@" >> ' + log,
      'if [ "$1" = install ]; then printf "#!/bin/sh\\n" > ' + chromium + '; /bin/chmod +x ' + chromium + '; printf "#!/bin/sh\\n" > ' + path + '/soffice; /bin/chmod +x ' + path + '/soffice; fi',
    ].join('\n'))
    const res = run({ PATH: path, CHROMIUM_PATH: chromium })
    expect(res.status).toBe(0)
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['update', 'install -y --no-install-recommends chromium libreoffice-calc'])
    expect(existsSync(chromium)).toBe(true)
    // Present now: nothing more to do.
    expect(run({ PATH: path, CHROMIUM_PATH: chromium }).status).toBe(0)
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(2)
  })

  it('says at the end whether the XSD validation of the manifest ran', () => {
    const absent = run({ PATH: process.env.PATH ?? '', OFFICE_MANIFEST_XSD_DIR: join(work, 'no-schemas') }, '--summary')
    expect(absent.status).toBe(0)
    expect(absent.stdout).toContain('Microsoft XSD validation did NOT run')
  })
})
