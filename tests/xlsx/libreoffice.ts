// Drives LibreOffice headless to convert files, or to type into them, in a private profile so parallel runs
// do not collide.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
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

/**
 * Every sheet of a workbook as CSV text (UTF-8), keyed by sheet name. `asShown`: cells as their number
 * format displays them (dates `15/11/2026`, `+2`, `1,350,000,000` in LibreOffice's en-US locale).
 */
export function sheetsAsCsv(xlsx: string, options: { asShown?: boolean } = {}): { [sheet: string]: string } {
  // Filter options: comma, double quote, UTF-8, from row 1, …, as shown, …, sheet -1 = every sheet into its own file.
  const files = convert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,' + (options.asShown ? 'true' : 'false') + ',false,false,-1')
  const base = basename(xlsx).replace(/\.xlsx$/, '') + '-'
  const out: { [sheet: string]: string } = {}
  for (const f of files) {
    const name = basename(f).slice(base.length).replace(/\.csv$/, '')
    out[name] = readFileSync(f, 'utf8')
  }
  return out
}

const FILL_MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
REM Opens a workbook, enters text into cells as if typed (FormulaLocal: read in the profile's locale, like the
REM input line), saves it as .xlsx. Each line of the spec file: sheet TAB cell TAB text.
Sub Fill(inUrl As String, outUrl As String, specUrl As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, args())
  sfa = createUnoService(&quot;com.sun.star.ucb.SimpleFileAccess&quot;)
  stream = createUnoService(&quot;com.sun.star.io.TextInputStream&quot;)
  stream.setInputStream(sfa.openFileRead(specUrl))
  stream.setEncoding(&quot;UTF-8&quot;)
  Do While Not stream.isEOF()
    line = stream.readLine()
    If Len(line) &gt; 0 Then
      parts = Split(line, Chr(9))
      doc.Sheets.getByName(parts(0)).getCellRangeByName(parts(1)).FormulaLocal = parts(2)
    End If
  Loop
  stream.closeInput()
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  doc.storeToURL(outUrl, save())
  doc.close(True)
End Sub
</script:module>
`

export type Typed = { sheet: string; cell: string; text: string }

/**
 * Types `entries` into a copy of `xlsx` with LibreOffice Calc set to `locale` (a BCP 47 tag such as vi-VN),
 * the way a person would type them, and saves it as .xlsx: LibreOffice itself decides what "85%",
 * "1.200.000.000" or "14/11/2026" are. Returns the saved file's path.
 */
export function typeInto(xlsx: string, entries: readonly Typed[], locale: string): string {
  const work = mkdtempSync(join(tmpdir(), 'lo-typed-'))
  const profile = join(work, 'profile')
  // A first start lays out the profile; then the macro and the locale are put in it.
  execFileSync(soffice(), ['-env:UserInstallation=file://' + profile, '--headless', '--terminate_after_init'], { stdio: 'pipe', timeout: 90_000 })
  writeFileSync(join(profile, 'user', 'basic', 'Standard', 'Module1.xba'), FILL_MACRO)
  const registry = join(profile, 'user', 'registrymodifications.xcu')
  writeFileSync(registry, readFileSync(registry, 'utf8').replace('</oor:items>',
    '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>' + locale + '</value></prop></item>\n</oor:items>'))
  const spec = join(work, 'cells.txt')
  writeFileSync(spec, entries.map((e) => e.sheet + '\t' + e.cell + '\t' + e.text).join('\n'))
  const out = join(work, 'typed.xlsx')
  const url = (path: string): string => 'file://' + path.split('/').map(encodeURIComponent).join('/')
  execFileSync(soffice(), ['-env:UserInstallation=file://' + profile, '--headless',
    'macro:///Standard.Module1.Fill("' + url(xlsx) + '","' + url(out) + '","' + url(spec) + '")'], { stdio: 'pipe', timeout: 90_000 })
  if (!existsSync(out)) throw new Error('LibreOffice did not save ' + out)
  return out
}

/** Pages of a PDF LibreOffice wrote: how many, and each page's size in points (width, height). */
export function pdfPages(pdf: string): Array<{ width: number; height: number }> {
  const text = readFileSync(pdf, 'latin1')
  const pages: Array<{ width: number; height: number }> = []
  // Page objects are plain text even when their content streams are compressed.
  for (const m of text.matchAll(/\/Type\s*\/Page\b(?!s)[^]*?\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)) {
    pages.push({ width: Number(m[1]), height: Number(m[2]) })
  }
  return pages
}

/** The workbook as LibreOffice understands it, in its flat XML format (.fods): page styles, print ranges, protection. */
export function flatOds(xlsx: string): string {
  const [fods] = convert(xlsx, 'fods')
  return readFileSync(fods!, 'utf8')
}

/** Each page style of a flat ODS document: orientation, paper width in millimetres, and "fit to N pages wide". */
export function pageLayouts(fods: string): Array<{ orientation: string; widthMm: number; pagesWide: number }> {
  return [...fods.matchAll(/<style:page-layout-properties [^>]*>/g)].map((m) => {
    const tag = m[0]
    const width = /fo:page-width="([\d.]+)(in|cm|mm)"/.exec(tag)
    const mm = width ? Number(width[1]) * (width[2] === 'in' ? 25.4 : width[2] === 'cm' ? 10 : 1) : NaN
    return {
      orientation: /style:print-orientation="(\w+)"/.exec(tag)?.[1] ?? '',
      widthMm: Math.round(mm),
      pagesWide: Number(/style:scale-to-X="(\d+)"/.exec(tag)?.[1] ?? 0),
    }
  })
}
