// Numbers as people read them: Vietnamese groups thousands with dots and writes a decimal comma
// ("1.200.000", "53,3 %"); English the other way round. Pure string work: IE11's toLocaleString is not
// the same in every host.
export type NumberLang = 'vi' | 'en'

/** 1200000 → "1.200.000" (vi) or "1,200,000" (en); decimals keep their own mark. */
export function formatNumber(n: number, lang: NumberLang = 'vi', decimals?: number): string {
  const text = decimals === undefined ? String(n) : n.toFixed(decimals)
  const negative = text.charAt(0) === '-'
  const body = negative ? text.slice(1) : text
  const dot = body.indexOf('.')
  const whole = dot >= 0 ? body.slice(0, dot) : body
  const fraction = dot >= 0 ? body.slice(dot + 1) : ''
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',')
  return (negative ? '-' : '') + grouped + (fraction ? (lang === 'vi' ? ',' : '.') + fraction : '')
}

/** A 0–1 share as a percentage with one decimal: 0.5333 → "53,3%" (vi) or "53.3%" (en). */
export function formatShare(share: number, lang: NumberLang = 'vi'): string {
  return formatNumber(Math.round(share * 1000) / 10, lang) + '%'
}
