// Thresholds as the decisions write them ("≥ 80%", "100%", "≤ 13%", "Đạt", "≥ 45 triệu đồng/người", "≥ 2")
// read into bounds a value can be compared with, and written back in the same notation.
//
// Grammar (text is folded first: case, diacritics and runs of spaces do not matter):
//   threshold  := none | yes | no | comparison [separator comparison]
//   none       := "" | "-" | "–" | "—" | "tự đánh giá" | "xã tự đánh giá"      → no threshold: the commune declares
//   yes        := "Đạt" | "Có"                                                 → a yes/no value must be yes
//   no         := "Không" | "Không có"                                         → a yes/no value must be no
//   comparison := [operator] number [unit]
//   operator   := "≥" ">=" "=>" "⩾" "tối thiểu" | "≤" "<=" "=<" "⩽" "tối đa" | ">" "trên" | "<" "dưới" | "="
//                 none: a level to reach, i.e. "≥" — except a bare 0, which can only mean "= 0"
//   number     := digits with a decimal comma or point ("45,5"); no thousands separators ("1.000" is refused)
//   unit       := "%" (percent indicators only) | the start of the indicator's unit ("triệu đồng/người" for
//                 "triệu đồng/người/năm"); may be left out
//   separator  := "," | ";" | "và"   (a range: one lower bound and one upper bound, "≥ 1 m²/người, ≤ 5 m²/người")
// A percent threshold lies within 0–100; no threshold is negative.
import { foldText } from './text'

export type ValueKind = 'number' | 'percent' | 'yesno' | 'text'

/** A numeric bound (inclusive unless marked exclusive) or, for yes/no indicators, the answer that meets it. */
export type Threshold =
  | { expect: boolean }
  | { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }

/** What a threshold is written for: the indicator's kind and unit of measure. */
export type Measure = { kind: ValueKind; unit: string }

export type ThresholdProblem = 'unreadable' | 'kind_mismatch' | 'unit_mismatch' | 'out_of_range' | 'ambiguous' | 'empty_range'

export type ThresholdParse = { ok: true; threshold: Threshold | null } | { ok: false; problem: ThresholdProblem }

const NONE = ['', '-', '–', '—', 'tu danh gia', 'xa tu danh gia']
const YES = ['dat', 'co', 'yes', 'true']
const NO = ['khong', 'khong co', 'no', 'false']

type Op = '>=' | '<=' | '>' | '<' | '=' | ''
// Longest spellings first, so ">=" is not read as ">" followed by "=".
const OPERATORS: Array<[string, Op]> = [
  ['toi thieu', '>='], ['toi da', '<='], ['tren', '>'], ['duoi', '<'],
  ['>=', '>='], ['=>', '>='], ['<=', '<='], ['=<', '<='],
  ['≥', '>='], ['⩾', '>='], ['≧', '>='], ['≤', '<='], ['⩽', '<='], ['≦', '<='],
  ['>', '>'], ['<', '<'], ['=', '='],
]
const NUMBER_RE = /^(\d+)(?:[.,](\d+))?/
const MAX_VALUE = 1e12
const MAX_DECIMALS = 6

type Comparison = { op: Op; value: number; unit: string }

const fail = (problem: ThresholdProblem): ThresholdParse => ({ ok: false, problem })
const compact = (text: string): string => foldText(text).replace(/\s+/g, '')

/** Reads one comparison at `pos` of folded text; returns it and where reading stopped, or a problem. */
function readComparison(text: string, pos: number): { c: Comparison; end: number } | ThresholdProblem {
  let i = pos
  const skip = (): void => {
    while (text.charAt(i) === ' ') i++
  }
  skip()
  let op: Op = ''
  for (const [spelling, meaning] of OPERATORS) {
    if (text.substr(i, spelling.length) === spelling) {
      op = meaning
      i += spelling.length
      break
    }
  }
  skip()
  const m = NUMBER_RE.exec(text.slice(i))
  if (!m) return 'unreadable'
  const whole = m[1] as string
  const fraction = m[2]
  // "1.000" or "2,500": a thousands separator or a decimal? Refused rather than guessed.
  if (fraction !== undefined && fraction.length === 3 && Number(whole) !== 0) return 'ambiguous'
  if (fraction !== undefined && fraction.length > MAX_DECIMALS) return 'unreadable'
  const value = Number(whole + (fraction !== undefined ? '.' + fraction : ''))
  i += m[0].length
  // The unit runs to the next separator.
  let unitEnd = i
  while (unitEnd < text.length && text.charAt(unitEnd) !== ',' && text.charAt(unitEnd) !== ';' && text.substr(unitEnd, 4) !== ' va ') unitEnd++
  const unit = text.slice(i, unitEnd).replace(/^ +| +$/g, '')
  return { c: { op, value, unit }, end: unitEnd }
}

function readComparisons(text: string): Comparison[] | ThresholdProblem {
  const out: Comparison[] = []
  let pos = 0
  for (;;) {
    const read = readComparison(text, pos)
    if (typeof read === 'string') return read
    out.push(read.c)
    pos = read.end
    if (pos >= text.length) return out
    pos += text.charAt(pos) === ',' || text.charAt(pos) === ';' ? 1 : 4
    if (out.length === 2) return 'unreadable'
  }
}

function unitFits(unit: string, measure: Measure): boolean {
  if (unit === '') return true
  if (unit === '%') return measure.kind === 'percent'
  if (measure.kind === 'percent') return false
  const want = compact(measure.unit)
  const got = unit.replace(/\s+/g, '')
  return want.length > 0 && want.indexOf(got) === 0
}

function bounds(list: Comparison[]): Threshold | ThresholdProblem {
  if (list.length === 1) {
    const { op, value } = list[0] as Comparison
    if (op === '=' || (op === '' && value === 0)) return { min: value, max: value }
    if (op === '>=' || op === '') return { min: value }
    if (op === '>') return { min: value, minExclusive: true }
    if (op === '<=') return { max: value }
    return { max: value, maxExclusive: true }
  }
  const lower = list.filter((c) => c.op === '>=' || c.op === '>')
  const upper = list.filter((c) => c.op === '<=' || c.op === '<')
  if (lower.length !== 1 || upper.length !== 1) return 'unreadable'
  const lo = lower[0] as Comparison
  const hi = upper[0] as Comparison
  const t: Threshold = { min: lo.value, max: hi.value }
  if (lo.op === '>') t.minExclusive = true
  if (hi.op === '<') t.maxExclusive = true
  if (lo.value > hi.value || (lo.value === hi.value && (t.minExclusive || t.maxExclusive))) return 'empty_range'
  return t
}

/**
 * Reads a threshold cell or JSON value for an indicator. Blank means "no threshold" (the commune declares
 * đạt / chưa đạt). A number is a bare level ("≥"); a number strictly between 0 and 1 for a percent indicator
 * is refused as ambiguous (0,8 % or 80 %?), since a spreadsheet may have turned "80%" into 0.8.
 */
export function parseThreshold(raw: unknown, measure: Measure): ThresholdParse {
  if (raw === null || raw === undefined) return { ok: true, threshold: null }
  if (typeof raw === 'boolean') return measure.kind === 'yesno' ? { ok: true, threshold: { expect: raw } } : fail('kind_mismatch')
  let text: string
  if (typeof raw === 'number') {
    if (!isFinite(raw)) return fail('unreadable')
    if (measure.kind === 'percent' && raw > 0 && raw < 1) return fail('ambiguous')
    text = String(raw)
  } else if (typeof raw === 'string') {
    text = foldText(raw.replace(/\u00a0/g, ' '))
  } else {
    return fail('unreadable')
  }
  if (NONE.indexOf(text) >= 0) return { ok: true, threshold: null }
  if (YES.indexOf(text) >= 0 || NO.indexOf(text) >= 0) {
    return measure.kind === 'yesno' ? { ok: true, threshold: { expect: YES.indexOf(text) >= 0 } } : fail('kind_mismatch')
  }
  const list = readComparisons(text)
  if (typeof list === 'string') return fail(list)
  if (measure.kind === 'yesno' || measure.kind === 'text') return fail('kind_mismatch')
  for (const c of list) {
    // "8O%" is a mistyped number, not a unit.
    if (c.unit !== '%' && /[%\d]/.test(c.unit)) return fail('unreadable')
    if (!unitFits(c.unit, measure)) return fail('unit_mismatch')
    if (c.value > MAX_VALUE || (measure.kind === 'percent' && c.value > 100)) return fail('out_of_range')
  }
  const t = bounds(list)
  return typeof t === 'string' ? fail(t) : { ok: true, threshold: t }
}

/** Whether a parsed value meets a threshold; undefined when the value is of the wrong shape. */
export function meetsThreshold(threshold: Threshold, value: number | boolean | string): boolean | undefined {
  if ('expect' in threshold) return typeof value === 'boolean' ? value === threshold.expect : undefined
  if (typeof value !== 'number') return undefined
  if (threshold.min !== undefined && (threshold.minExclusive ? value <= threshold.min : value < threshold.min)) return false
  if (threshold.max !== undefined && (threshold.maxExclusive ? value >= threshold.max : value > threshold.max)) return false
  return true
}

/** 45.5 → "45,5", as Vietnamese writes decimals; 12.345 → "12,3450", which cannot pass for twelve thousand. */
function numberText(n: number): string {
  const text = String(n)
  const dot = text.indexOf('.')
  const padded = dot > 0 && text.length - dot - 1 === 3 && text.slice(0, dot) !== '0' ? text + '0' : text
  return padded.replace('.', ',')
}

/**
 * The target as a commune reads it and as the catalogue workbook is filled: "≥ 80%", "100%", "≤ 13%",
 * "Đạt", "≥ 45 triệu đồng/người/năm", "≥ 1 m²/người, ≤ 5 m²/người". parseThreshold reads it back unchanged.
 */
export function formatThreshold(threshold: Threshold | null | undefined, measure: Measure): string {
  if (!threshold) return 'xã tự đánh giá'
  if ('expect' in threshold) return threshold.expect ? 'Đạt' : 'Không'
  const u = measure.kind === 'percent' ? '%' : measure.unit === '' ? '' : ' ' + measure.unit
  const { min, max } = threshold
  if (min !== undefined && max !== undefined && min === max && !threshold.minExclusive && !threshold.maxExclusive) {
    return '= ' + numberText(min) + u
  }
  if (min !== undefined && max === undefined && measure.kind === 'percent' && min === 100 && !threshold.minExclusive) return '100%'
  const parts: string[] = []
  if (min !== undefined) parts.push((threshold.minExclusive ? '> ' : '≥ ') + numberText(min) + u)
  if (max !== undefined) parts.push((threshold.maxExclusive ? '< ' : '≤ ') + numberText(max) + u)
  return parts.join(', ')
}
