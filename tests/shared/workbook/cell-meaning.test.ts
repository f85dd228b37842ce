import { describe, expect, it } from 'vitest'
import { cellMeaning, formatKind, gridMeaning, percentText } from '../../../shared/workbook/cell-meaning'
import type { Cell } from '../../../shared/workbook/grid'

describe('formatKind', () => {
  it.each([
    ['General', 'general'], ['', 'general'], [undefined, 'general'], ['@', 'text'],
    ['0%', 'percent'], ['0.00%', 'percent'], ['[Red]0.0%', 'percent'],
    ['dd/mm/yyyy', 'date'], ['DD/MM/YY', 'date'], ['m/d/yyyy', 'date'], ['[$-42A]dd/mm/yyyy', 'date'], ['d-mmm-yy', 'date'],
    ['h:mm AM/PM', 'date'], ['[h]:mm:ss', 'date'], ['yyyy-mm-dd', 'date'],
    ['#,##0', 'number'], ['0.00E+00', 'number'], ['#,##0 "đồng"', 'number'], ['#,##0 ₫', 'number'], ['0" ngày"', 'number'],
    ['#,##0;[Red]-#,##0', 'number'], ['_-* #,##0_-;-* #,##0_-', 'number'], ['"%"0', 'number'],
  ] as const)('%s → %s', (format, kind) => {
    expect(formatKind(format)).toBe(kind)
  })
})

describe('cellMeaning', () => {
  it('reads a percent-formatted number as the percentage it shows, at full precision', () => {
    expect(cellMeaning(0.85, '0%')).toBe('85%')
    expect(cellMeaning(0.855, '0%')).toBe('85.5%')
    expect(cellMeaning(0.07, '0.00%')).toBe('7%')
    expect(cellMeaning(1, '0%')).toBe('100%')
    expect(percentText(0.0085)).toBe('0.85%')
  })

  it('reads a date-formatted serial as YYYY-MM-DD, whichever order the format shows', () => {
    expect(cellMeaning(46340, 'dd/mm/yyyy')).toBe('2026-11-14')
    expect(cellMeaning(46340, 'm/d/yyyy')).toBe('2026-11-14')
    expect(cellMeaning(46340.75, 'dd/mm/yyyy hh:mm')).toBe('2026-11-14')
    expect(cellMeaning(12, 'h:mm')).toBe(12) // not a date serial
  })

  it('leaves everything else as it is', () => {
    expect(cellMeaning(0.85, 'General')).toBe(0.85)
    expect(cellMeaning(0.85)).toBe(0.85)
    expect(cellMeaning(1200000000, '#,##0')).toBe(1200000000)
    expect(cellMeaning('85%', '@')).toBe('85%')
    expect(cellMeaning('14/11/2026', 'dd/mm/yyyy')).toBe('14/11/2026')
    expect(cellMeaning(true, '0%')).toBe(true)
  })

  it('maps a grid cell by cell, and keeps values without formats', () => {
    const grid: Cell[][] = [[0.85, 'x'], [46340, 5]]
    expect(gridMeaning(grid, [['0%', 'General'], ['dd/mm/yyyy']])).toEqual([['85%', 'x'], ['2026-11-14', 5]])
    const values = [[0.85]]
    expect(gridMeaning(values)).toBe(values)
  })
})
