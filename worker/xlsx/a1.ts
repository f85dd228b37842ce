// A1 addresses → 0-based blocks ("B2:D4" → row 1, col 1, 3 × 3), and cell names for error messages.

export type Block = { row: number; col: number; rows: number; cols: number }

function cell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref)
  if (!m) throw new RangeError('not an A1 address: ' + ref)
  let col = 0
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64)
  return { row: Number(m[2]) - 1, col: col - 1 }
}

export function parseBlock(address: string): Block {
  const local = address.slice(address.lastIndexOf('!') + 1)
  const [from, to] = local.split(':')
  const a = cell(from as string)
  const b = to ? cell(to) : a
  return { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 }
}

export function cellName(row: number, col: number): string {
  let n = col + 1
  let letters = ''
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters + (row + 1)
}
