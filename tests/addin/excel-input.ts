// How Excel reads text typed into a cell, or written as a string to Range.values / Range.formulas
// ("If the value starts with a plus, minus or equal sign, Excel interprets it as a formula"; any other
// string that looks like a number, percentage or date in the user's regional format becomes one):
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values and
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member.
// Regional formats: vi-VN writes 1.234.567,5 and dates day first; en-US writes 1,234,567.5 and month first
// (Windows' region setting, not the Office display language). Percent entry into a percent-formatted cell
// follows Excel's "automatic percent entry" (on by default): 85 → 85 %, .5 → 50 %, 0.5 → 0.5 % (Microsoft KB
// 215203). Only what the add-in's users type is modelled: numbers, percentages, dates, TRUE/FALSE, formulas.
import { formatKind } from '../../shared/workbook/cell-meaning'

export type InputLocale = 'vi-VN' | 'en-US'

export type InputRead = {
  value: string | number | boolean
  /** The number format Excel gives the cell, when it changes it. */
  format?: string
  formula?: string
}

const SEPARATORS: { [l in InputLocale]: { decimal: string; group: string; dayFirst: boolean; dateFormat: string } } = {
  'vi-VN': { decimal: ',', group: '.', dayFirst: true, dateFormat: 'dd/mm/yyyy' },
  'en-US': { decimal: '.', group: ',', dayFirst: false, dateFormat: 'm/d/yyyy' },
}

const esc = (ch: string): string => '\\' + ch

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Days from 1899-12-30 (Excel's 1900 date system, correct from March 1900 on). */
function serial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000)
}

function readDate(text: string, locale: InputLocale): number | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  let y: number, m: number, d: number
  if (iso) {
    y = Number(iso[1]); m = Number(iso[2]); d = Number(iso[3])
  } else {
    const parts = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(text)
    if (!parts) return null
    const first = Number(parts[1])
    const second = Number(parts[2])
    d = SEPARATORS[locale].dayFirst ? first : second
    m = SEPARATORS[locale].dayFirst ? second : first
    // No year: this year ("9/19" is 19 September under en-US). Two-digit years: 00–29 → 20xx, 30–99 → 19xx.
    y = parts[3] === undefined ? new Date().getFullYear() : Number(parts[3])
    if (parts[3] !== undefined && parts[3].length === 2) y += y < 30 ? 2000 : 1900
  }
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999 || d > daysInMonth(y, m)) return null
  return serial(y, m, d)
}

function readNumber(text: string, locale: InputLocale): { n: number; grouped: boolean; decimals: boolean; leadingDigit: boolean } | null {
  const { decimal, group } = SEPARATORS[locale]
  const re = new RegExp('^([+-]?)((?:\\d{1,3}(?:' + esc(group) + '\\d{3})+)|\\d*)(?:' + esc(decimal) + '(\\d+))?$')
  const m = re.exec(text)
  if (!m || (m[2] === '' && m[3] === undefined)) return null
  const whole = (m[2] as string).split(group).join('')
  const n = Number(m[1] + (whole || '0') + (m[3] !== undefined ? '.' + m[3] : ''))
  if (!isFinite(n)) return null
  return { n, grouped: (m[2] as string).indexOf(group) >= 0, decimals: m[3] !== undefined, leadingDigit: whole !== '' }
}

/** What a cell holds after `input` is typed into it, given the cell's current number format. */
export function excelInput(input: string, locale: InputLocale, currentFormat: string): InputRead {
  if (input.charAt(0) === "'") return { value: input.slice(1) }
  const kind = formatKind(currentFormat)
  if (kind === 'text') return { value: input }
  if (input.charAt(0) === '=' && input.length > 1) return { value: '', formula: input }
  const text = input.trim()
  if (/^true$/i.test(text)) return { value: true }
  if (/^false$/i.test(text)) return { value: false }
  const percent = /^(.*?)\s?%$/.exec(text)
  if (percent) {
    const num = readNumber(percent[1] as string, locale)
    if (num) return { value: num.n / 100, format: kind === 'percent' ? undefined : num.decimals ? '0.00%' : '0%' }
  }
  const num = readNumber(text, locale)
  if (num) {
    if (kind === 'percent') {
      // Automatic percent entry: a number ≥ 1, or written with a leading digit, is taken as percent.
      return { value: Math.abs(num.n) >= 1 || num.leadingDigit ? num.n / 100 : num.n }
    }
    if (num.grouped && kind === 'general') return { value: num.n, format: num.decimals ? '#,##0.00' : '#,##0' }
    return { value: num.n }
  }
  const date = readDate(text, locale)
  if (date !== null) return { value: date, format: kind === 'date' ? undefined : SEPARATORS[locale].dateFormat }
  return { value: input }
}
