import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BOM, parseCsv, toCsv } from '../../worker/scripts/csv.mjs'

describe('CSV', () => {
  it('writes RFC 4180 with a BOM (Excel reads Vietnamese right) and CRLF line ends', () => {
    const csv = toCsv(['unit_id', 'unit_name'], [{ unit_id: 'binh-son', unit_name: 'Xã Bình Sơn' }, { unit_id: 'x', unit_name: 'Tên, có "ngoặc"\nxuống dòng' }])
    expect(csv).toBe(BOM + 'unit_id,unit_name\r\nbinh-son,Xã Bình Sơn\r\nx,"Tên, có ""ngoặc""\nxuống dòng"\r\n')
  })

  it('reads back exactly what it wrote, whatever the text (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ă', 'Đ', ',', '"', '\n', '\r', ' ', 'x', '1', '\u00a0'), maxLength: 12 })
    fc.assert(
      fc.property(fc.array(fc.record({ a: text, b: text, c: text }), { maxLength: 8 }), (rows) => {
        const parsed = parseCsv(toCsv(['a', 'b', 'c'], rows))
        expect(parsed.header).toEqual(['a', 'b', 'c'])
        expect(parsed.rows).toEqual(rows)
      }),
      { numRuns: 500 },
    )
  })

  it('reads what people save from a spreadsheet: no BOM, LF only, short rows, blank lines', () => {
    expect(parseCsv('id,name,level\nbinh-son,Xã Bình Sơn,commune\n\ntho-son,Xã Thọ Sơn\n').rows).toEqual([
      { id: 'binh-son', name: 'Xã Bình Sơn', level: 'commune' },
      { id: 'tho-son', name: 'Xã Thọ Sơn', level: '' },
    ])
  })

  it('names the line of a broken file', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/line 2: a quoted field is not closed/)
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(/line 2: text after a closing quote/)
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/line 2: 3 fields, the header has 2/)
  })
})
