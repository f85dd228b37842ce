// Tolerant reading of what people type into cells: case, spacing and Vietnamese diacritics are ignored.
// A hand table rather than String.prototype.normalize, which IE11 (Office 2016/2019) lacks.

const FOLD_GROUPS: Array<[string, string]> = [
  ['a', 'àáảãạăằắẳẵặâầấẩẫậ'],
  ['e', 'èéẻẽẹêềếểễệ'],
  ['i', 'ìíỉĩị'],
  ['o', 'òóỏõọôồốổỗộơờớởỡợ'],
  ['u', 'ùúủũụưừứửữự'],
  ['y', 'ỳýỷỹỵ'],
  ['d', 'đ'],
]

const FOLD: { [ch: string]: string } = {}
for (const [base, variants] of FOLD_GROUPS) {
  for (let i = 0; i < variants.length; i++) FOLD[variants.charAt(i)] = base
}

// Combining marks: text typed as decomposed Unicode ("Unicode tổ hợp" in Unikey) carries its tones and
// vowel marks as separate characters after the letter.
const COMBINING_MARKS = /[\u0300-\u036f]/g

/** Lower case, Vietnamese diacritics removed, runs of spaces collapsed: "  Chưa  ĐẠT " → "chua dat". */
export function foldText(text: string): string {
  const lower = text.toLowerCase().replace(COMBINING_MARKS, '').replace(/\s+/g, ' ').replace(/^ | $/g, '')
  let out = ''
  for (let i = 0; i < lower.length; i++) {
    const ch = lower.charAt(i)
    out += FOLD[ch] || ch
  }
  return out
}

const YES = ['dat', 'x', 'co', 'yes', 'y', 'true', '1', 'v', '✓', '✔', 'achieved', 'met']
const NO = ['chua dat', 'khong dat', 'khong', 'ko', 'k', 'no', 'n', 'false', '0', 'not achieved', 'not met', '-']

/** The spellings accepted for yes/no values, shown to users in messages. */
export const YES_NO_HINT = 'đạt / chưa đạt, có / không, x'

/**
 * Reads a yes/no answer. Returns null for an empty cell and undefined for text that is neither.
 * Accepts booleans, 1/0 and the Vietnamese and English spellings, with or without diacritics.
 */
export function parseYesNo(value: unknown): boolean | null | undefined {
  if (value === null || value === undefined) return null
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined
  if (typeof value !== 'string') return undefined
  const folded = foldText(value)
  if (folded === '') return null
  if (YES.indexOf(folded) >= 0) return true
  if (NO.indexOf(folded) >= 0) return false
  return undefined
}

/** True for null, undefined and strings of only spaces: what an untouched cell reads as. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.replace(/\s+/g, '') === '')
}

const NUMBER_RE = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/
// 1.200.000.000 or 1,200,000,000: groups of three after one to three digits, one separator throughout.
const GROUPED_RE = /^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/
const CURRENCY_RE = /(đồng|đ|₫|vnđ|vnd)$/i

/**
 * Reads a number typed as a number or as text. A comma is taken as the decimal mark ("85,5"), as
 * Vietnamese writes it; thousands separators are refused because "1.234" is ambiguous.
 * Returns null for blank and undefined for anything that is not a finite number.
 */
export function parseNumber(value: unknown, allowPercentSign = false): number | null | undefined {
  if (isBlank(value)) return null
  if (typeof value === 'number') return isFinite(value) ? value : undefined
  if (typeof value !== 'string') return undefined
  let text = value.replace(/\s+/g, '')
  if (allowPercentSign && text.charAt(text.length - 1) === '%') text = text.slice(0, -1)
  if (!NUMBER_RE.test(text)) return undefined
  const n = Number(text.replace(',', '.'))
  return isFinite(n) ? n : undefined
}

/**
 * Reads an amount of money in whole đồng: a number, or text written with thousands separators as people
 * write it ("1.200.000.000" in Vietnam, "1,200,000,000" in an English-language Excel), optionally followed
 * by đ, ₫ or đồng. Đồng has no smaller unit, so "1.200" is 1200. Anything else is read as parseNumber reads it.
 */
export function parseAmount(value: unknown): number | null | undefined {
  if (typeof value !== 'string') return parseNumber(value)
  const text = value.replace(/[\s\u00a0]+/g, '').replace(CURRENCY_RE, '')
  if (GROUPED_RE.test(text)) return Number(text.replace(/[.,]/g, ''))
  return parseNumber(text)
}
