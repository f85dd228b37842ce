// Colours and small helpers shared by the sheets of the leaders' workbook.
import { AGG_COLORS } from '../../shared/workbook/aggregate-sheets'
import type { Timeliness } from '../../shared/calendar'

export const COLORS = { ...AGG_COLORS, title: '#1F3864', muted: '#595959', bar: '#2E7D32', up: '#006100', down: '#9C0006' } as const

export const TITLE_SIZE = 14

export function timelinessFill(t: Timeliness): string | null {
  return t.status === 'on_time' ? COLORS.met : t.status === 'late' ? COLORS.late : t.status === 'missing' ? COLORS.notMet : null
}

/** `Huyện Triệu Sơn` for a unit id the aggregate names, the text itself otherwise (a person, a free-text office). */
export function nameOf(names: { [id: string]: string } | undefined, id: string): string {
  return (names && names[id]) || id
}

/** `80%` (Vietnamese writes a decimal comma: `66,7%`). */
export function percentText(rate: number): string {
  const p = Math.round(rate * 1000) / 10
  return String(p).replace('.', ',') + '%'
}

/** A line spanning the table (`across` characters wide, wrapped): as tall as its text needs, 13 points a line. */
export const wrappedLineHeight = (text: unknown, across: number): number => 13 * Math.max(1, Math.ceil(String(text ?? '').length / across))
