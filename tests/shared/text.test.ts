import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldText, isBlank, parseAmount, parseNumber, parseYesNo } from '../../shared/text'

describe('foldText', () => {
  it('drops case, diacritics and extra spaces', () => {
    expect(foldText('  Chưa   ĐẠT ')).toBe('chua dat')
    expect(foldText('Hằng tháng')).toBe('hang thang')
    expect(foldText('Nhân dân đóng góp')).toBe('nhan dan dong gop')
    expect(foldText('ỲÝỶỸỴ ĐƯỜNG')).toBe('yyyyy duong')
  })

  it('folds decomposed Unicode too (Unikey "Unicode tổ hợp")', () => {
    const decomposed = 'Chu\u031Ba đa\u0323t' // "Chưa đạt" with the horn and the dot below as marks
    expect(decomposed).not.toBe('Chưa đạt')
    expect(foldText(decomposed)).toBe('chua dat')
    expect(parseYesNo('đa\u0323t')).toBe(true)
    expect(parseYesNo(decomposed)).toBe(false)
  })

  it('is idempotent and never longer than its input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = foldText(s)
        expect(foldText(once)).toBe(once)
        expect(once.length).toBeLessThanOrEqual(s.length)
      }),
    )
  })
})

describe('parseYesNo', () => {
  it.each(['đạt', 'Đạt', 'ĐẠT', 'dat', ' Dat ', 'x', 'X', 'có', 'Co', 'yes', 'TRUE', '1', '✓'])('reads %j as yes', (v) => {
    expect(parseYesNo(v)).toBe(true)
  })
  it.each(['chưa đạt', 'Chưa Đạt', 'chua dat', 'không đạt', 'Không', 'khong', 'no', 'false', '0'])('reads %j as no', (v) => {
    expect(parseYesNo(v)).toBe(false)
  })
  it('reads booleans and 1/0 numbers, blank as null and anything else as undefined', () => {
    expect(parseYesNo(true)).toBe(true)
    expect(parseYesNo(false)).toBe(false)
    expect(parseYesNo(1)).toBe(true)
    expect(parseYesNo(0)).toBe(false)
    expect(parseYesNo(2)).toBeUndefined()
    expect(parseYesNo('')).toBeNull()
    expect(parseYesNo('   ')).toBeNull()
    expect(parseYesNo(null)).toBeNull()
    expect(parseYesNo(undefined)).toBeNull()
    expect(parseYesNo('đạt một phần')).toBeUndefined()
    expect(parseYesNo('maybe')).toBeUndefined()
    expect(parseYesNo({})).toBeUndefined()
  })
})

describe('parseNumber', () => {
  it('reads numbers and numeric text with a decimal comma or point', () => {
    expect(parseNumber(85.5)).toBe(85.5)
    expect(parseNumber('85,5')).toBe(85.5)
    expect(parseNumber(' 85.5 ')).toBe(85.5)
    expect(parseNumber('-3')).toBe(-3)
    expect(parseNumber(',5')).toBe(0.5)
    expect(parseNumber('90%', true)).toBe(90)
  })
  it('refuses ambiguous or non-numeric text and non-finite numbers', () => {
    expect(parseNumber('90%')).toBeUndefined()
    expect(parseNumber('1.234,5')).toBeUndefined()
    expect(parseNumber('1,234,567')).toBeUndefined()
    expect(parseNumber('abc')).toBeUndefined()
    expect(parseNumber('12a')).toBeUndefined()
    expect(parseNumber(NaN)).toBeUndefined()
    expect(parseNumber(Infinity)).toBeUndefined()
    expect(parseNumber(true)).toBeUndefined()
    expect(parseNumber('')).toBeNull()
    expect(isBlank(' \t')).toBe(true)
    expect(isBlank(0)).toBe(false)
  })
  it('round-trips any finite number written with a comma', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (n) => {
        const text = String(n)
        if (/e/i.test(text)) return
        // −0 prints as "0"; on a sheet they are the same number.
        expect(parseNumber(text.replace('.', ',')) === n).toBe(true)
      }),
    )
  })
})

describe('parseAmount', () => {
  it('reads whole đồng written with thousands separators, as Vietnamese or English Excel shows them', () => {
    expect(parseAmount('1.200.000.000')).toBe(1200000000)
    expect(parseAmount('1,200,000,000')).toBe(1200000000)
    expect(parseAmount(' 150.000.000 đ')).toBe(150000000)
    expect(parseAmount('1.200 ₫')).toBe(1200)
    expect(parseAmount(1200000000)).toBe(1200000000)
    expect(parseAmount('')).toBeNull()
  })
  it('refuses mixed or misplaced separators, and reads anything else as parseNumber does', () => {
    expect(parseAmount('1.200,000')).toBeUndefined()
    expect(parseAmount('12.00.000')).toBeUndefined()
    expect(parseAmount('1.200.000,5')).toBeUndefined()
    expect(parseAmount('1,5')).toBe(1.5) // then refused by the funds check: not whole đồng
    expect(parseAmount('nhiều')).toBeUndefined()
  })
})
