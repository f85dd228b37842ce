// Drives LibreOffice headless to convert files, in a private profile so parallel runs do not collide.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

export function soffice(): string {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      execFileSync('which', [bin], { stdio: 'ignore' })
      return bin
    } catch {}
  }
  throw new Error('LibreOffice is not installed: apt-get install -y libreoffice-calc (see .ci/run)')
}

/** Converts `file` with a LibreOffice filter and returns the output files' paths. */
export function convert(file: string, filter: string, infilter?: string): string[] {
  const out = mkdtempSync(join(tmpdir(), 'lo-out-'))
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'))
  execFileSync(soffice(), ['-env:UserInstallation=file://' + profile, '--headless', ...(infilter ? ['--infilter=' + infilter] : []), '--convert-to', filter, '--outdir', out, file], {
    stdio: 'pipe',
    timeout: 90_000,
  })
  return readdirSync(out).map((f) => join(out, f))
}

/** Every sheet of a workbook as CSV text (UTF-8), keyed by sheet name. */
export function sheetsAsCsv(xlsx: string): { [sheet: string]: string } {
  // Filter options: comma, double quote, UTF-8, from row 1, …, sheet -1 = every sheet into its own file.
  const files = convert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1')
  const base = basename(xlsx).replace(/\.xlsx$/, '') + '-'
  const out: { [sheet: string]: string } = {}
  for (const f of files) {
    const name = basename(f).slice(base.length).replace(/\.csv$/, '')
    out[name] = readFileSync(f, 'utf8')
  }
  return out
}
