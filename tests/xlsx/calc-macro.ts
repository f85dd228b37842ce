// LibreOffice Calc fills cells of a workbook and saves it as .xlsx, as a person with Calc would: a Basic
// macro in a private profile opens the file, enters each text with setFormula (Calc's own reading of typed
// input: "85%" becomes 0.85 with a percent format, text stays text in a text-formatted cell) and stores it
// with Calc's own xlsx filter. What comes back was written by LibreOffice, not by us.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { soffice } from './libreoffice'

export type Entry = { sheet: string; address: string; text: string }

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

// Reads "sheet<TAB>address<TAB>text" lines (UTF-8) and types each text into its cell. readLine keeps the line
// feed of the file's last line, so line ends are dropped. setFormula reads "75%" as 0.75 but, unlike typing in
// Calc's window, gives it no format, and reads "1.10" as 1.1 even in a text cell: as Calc's input line does, a
// text-formatted cell takes the text as it is, and "75%" gets the percent format.
const MACRO = `Sub Fill(src As String, dst As String, spec As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, args())
  sfa = createUnoService("com.sun.star.ucb.SimpleFileAccess")
  stream = createUnoService("com.sun.star.io.TextInputStream")
  stream.setInputStream(sfa.openFileRead(ConvertToURL(spec)))
  stream.setEncoding("UTF-8")
  Do While Not stream.isEOF()
    line = Replace(Replace(stream.readLine(), Chr(10), ""), Chr(13), "")
    If Len(line) > 0 Then
      parts = Split(line, Chr(9))
      cell = doc.Sheets.getByName(parts(0)).getCellRangeByName(parts(1))
      ' A text-formatted cell (@) takes what is typed as text, as Calc's input line does.
      If doc.getNumberFormats().getByKey(cell.NumberFormat).Type = com.sun.star.util.NumberFormat.TEXT Then
        cell.setString(parts(2))
      Else
        cell.setFormula(parts(2))
      End If
      If Right(parts(2), 1) = "%" And cell.getType() = com.sun.star.table.CellContentType.VALUE Then
        Dim loc As New com.sun.star.lang.Locale
        cell.NumberFormat = doc.getNumberFormats().getStandardFormat(com.sun.star.util.NumberFormat.PERCENT, loc)
      End If
    End If
  Loop
  stream.closeInput()
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "Calc MS Excel 2007 XML"
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
End Sub
`

function module(): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n' +
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">' +
    xml(MACRO) + '</script:module>\n'
}

/** Types `entries` into a copy of `src` with LibreOffice Calc; returns the .xlsx Calc saved. */
export function fillWithCalc(src: string, entries: readonly Entry[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'calc-fill-'))
  const profile = join(dir, 'profile')
  const env = '-env:UserInstallation=file://' + profile
  // A fresh profile gets its Basic library on first start; the macro then replaces the empty Module1.
  execFileSync(soffice(), [env, '--headless', '--terminate_after_init'], { stdio: 'pipe', timeout: 90_000 })
  writeFileSync(join(profile, 'user', 'basic', 'Standard', 'Module1.xba'), module())
  for (const e of entries) if (/[\t\n]/.test(e.sheet + e.address + e.text)) throw new Error('tabs and newlines cannot be typed here')
  const spec = join(dir, 'spec.txt')
  writeFileSync(spec, entries.map((e) => e.sheet + '\t' + e.address + '\t' + e.text).join('\n') + '\n', 'utf8')
  const dst = join(dir, 'filled.xlsx')
  const quote = (p: string): string => '"' + p.replace(/"/g, '') + '"'
  execFileSync(soffice(), [env, '--headless', 'macro:///Standard.Module1.Fill(' + [src, dst, spec].map(quote).join(',') + ')'], {
    stdio: 'pipe',
    timeout: 90_000,
  })
  return dst
}
