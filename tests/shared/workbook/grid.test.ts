import { describe, expect, it } from 'vitest'
import { a1, a1Block, blockOf, columnIndex, fillBlock, columnLetter, qualified, rectangular, topLeftOf } from '../../../shared/workbook/grid'

describe('A1 helpers', () => {
  it('turns column numbers into letters and back', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA'])
    for (const n of [0, 7, 25, 26, 300, 16383]) expect(columnIndex(columnLetter(n))).toBe(n)
  })
  it('addresses cells and blocks', () => {
    expect(a1(0, 0)).toBe('A1')
    expect(a1(39, 10)).toBe('K40')
    expect(a1Block(0, 0, 40, 11)).toBe('A1:K40')
    expect(a1Block(4, 2, 1, 1)).toBe('C5')
    expect(() => a1Block(0, 0, 0, 3)).toThrow()
  })
  it('finds the top-left of qualified addresses', () => {
    expect(topLeftOf("'Chỉ tiêu'!B2:K40")).toEqual({ row: 1, col: 1 })
    expect(topLeftOf('Sheet1!$C$7')).toEqual({ row: 6, col: 2 })
    expect(() => topLeftOf('nonsense!')).toThrow()
  })
  it('quotes sheet names that need it', () => {
    expect(qualified('Sheet1', 'A1')).toBe('Sheet1!A1')
    expect(qualified('Chỉ tiêu', 'F5')).toBe("'Chỉ tiêu'!F5")
    expect(qualified("Xã O'Neil", 'A1')).toBe("'Xã O''Neil'!A1")
  })
  it('pads rows to a rectangle', () => {
    expect(rectangular([[1], [1, 2, 3], []])).toEqual([[1, '', ''], [1, 2, 3], ['', '', '']])
  })
})

describe('blockOf', () => {
  it('reads single cells, blocks and sheet-qualified addresses', () => {
    expect(blockOf('C5')).toEqual({ row: 4, col: 2, rows: 1, cols: 1 })
    expect(blockOf('B2:D4')).toEqual({ row: 1, col: 1, rows: 3, cols: 3 })
    expect(blockOf("'Chỉ tiêu'!$AA$10:$AB$12")).toEqual({ row: 9, col: 26, rows: 3, cols: 2 })
    expect(() => blockOf('nowhere')).toThrow(RangeError)
  })
})

describe('fillBlock', () => {
  it('repeats one value over a block, row by row', () => {
    expect(fillBlock(2, 3, '@')).toEqual([['@', '@', '@'], ['@', '@', '@']])
    expect(fillBlock(0, 3, 'x')).toEqual([])
  })
})
