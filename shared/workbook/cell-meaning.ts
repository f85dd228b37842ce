// What a spreadsheet cell means, from what it holds and how it is formatted. Excel and LibreOffice both
// store a typed "85%" as 0.85 with a percent format and a typed "14/11/2026" as a date serial with a date
// format; the pane (Range.values + Range.numberFormat, ExcelApi 1.1) and the upload reader (the file's
// styles part) both pass value and format through here, so they read the same cell the same way.
// Pure; number formats are the invariant (en-US) codes that Office.js `numberFormat` and styles.xml use.
import { parseDateInput } from '../dates'
import type { Cell } from './grid'

export type FormatKind = 'general' | 'text' | 'percent' | 'date' | 'number'

/** What kind of value a number format shows, judged by its first section (the one for positive numbers). */
export function formatKind(format: string | null | undefined): FormatKind {
  if (!format) return 'general'
  // Quoted text, escaped characters, padding (_x, *x) and [...] blocks (colours, locales, conditions) say nothing of the kind,
  // except elapsed-time blocks such as [h] or [mm].
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
  const first = bare.split(';')[0] as string
  if (/^\s*general\s*$/i.test(first)) return 'general'
  if (first.indexOf('@') >= 0) return 'text'
  if (first.indexOf('%') >= 0) return 'percent'
  // Scientific notation (0.00E+00) is a number; any other d, m, y, h or s is a date or time part.
  if (/[dmyhs]/i.test(first.replace(/e[+-]/gi, '').replace(/general/gi, ''))) return 'date'
  return 'number'
}

/** 0.855 → "85.5%": the percentage a percent-formatted cell shows, at full precision. */
export function percentText(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12))) + '%'
}

/**
 * The cell as a person reads it: a percent-formatted number becomes its percentage as text ("85%", which
 * the report rules read as 85 for a percent indicator and refuse for any other), a date-formatted serial
 * becomes `YYYY-MM-DD`; anything else is the value itself.
 */
export function cellMeaning<T extends Cell | null>(value: T, format?: string | null): T | string {
  if (typeof value !== 'number' || !isFinite(value)) return value
  const kind = formatKind(format)
  if (kind === 'percent') return percentText(value)
  if (kind === 'date') {
    const date = parseDateInput(value)
    return date ? date : value
  }
  return value
}

/** cellMeaning over a grid; without formats the values are taken as they are. */
export function gridMeaning<T extends Cell | null>(values: T[][], formats?: ReadonlyArray<ReadonlyArray<string | null | undefined>> | null): Array<Array<T | string>> {
  if (!formats) return values
  return values.map((line, r) => {
    const f = formats[r]
    return f ? line.map((v, c) => cellMeaning(v, f[c])) : line
  })
}
