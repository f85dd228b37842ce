// CSV as Excel and LibreOffice read and write it (RFC 4180): a field is quoted when it holds a comma, a quote or a
// line break, quotes doubled; lines end in CRLF. Written with a UTF-8 byte-order mark so Excel on Windows shows
// Vietnamese names as they are (without it, "Xã Bình Sơn" opens as mojibake); read with or without one.

export const BOM = '\uFEFF'

function field(value) {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text
}

/** `columns` names the fields of each row, in order; the header is the column names. */
export function toCsv(columns, rows) {
  const lines = [columns.map(field).join(',')]
  for (const row of rows) lines.push(columns.map((c) => field(row[c])).join(','))
  return BOM + lines.join('\r\n') + '\r\n'
}

/**
 * Rows as objects keyed by the header's names. Throws, naming the line, on an unterminated quote, on text after a
 * closing quote, or on a row with more fields than the header; a shorter row leaves the rest empty.
 */
export function parseCsv(text) {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records = []
  let record = []
  let value = ''
  let quoted = false
  let line = 1
  let startLine = 1
  let i = 0
  let atFieldStart = true
  while (i < src.length) {
    const ch = src[i]
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          value += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        if (i < src.length && src[i] !== ',' && src[i] !== '\r' && src[i] !== '\n') {
          throw new Error('CSV line ' + line + ': text after a closing quote')
        }
        continue
      }
      if (ch === '\n') line++
      value += ch
      i++
      continue
    }
    if (ch === '"' && atFieldStart) {
      quoted = true
      atFieldStart = false
      i++
      continue
    }
    if (ch === ',') {
      record.push(value)
      value = ''
      atFieldStart = true
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      record.push(value)
      records.push({ fields: record, line: startLine })
      record = []
      value = ''
      atFieldStart = true
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1
      line++
      startLine = line
      continue
    }
    value += ch
    atFieldStart = false
    i++
  }
  if (quoted) throw new Error('CSV line ' + startLine + ': a quoted field is not closed')
  if (value !== '' || record.length > 0) {
    record.push(value)
    records.push({ fields: record, line: startLine })
  }
  const nonEmpty = records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''))
  if (nonEmpty.length === 0) return { header: [], rows: [] }
  const [head, ...body] = nonEmpty
  const header = head.fields.map((h) => h.trim())
  const rows = body.map((r) => {
    if (r.fields.length > header.length) throw new Error('CSV line ' + r.line + ': ' + r.fields.length + ' fields, the header has ' + header.length)
    const row = {}
    header.forEach((h, k) => (row[h] = r.fields[k] ?? ''))
    return row
  })
  return { header, rows }
}
