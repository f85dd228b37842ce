import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatKind, gridMeaning } from '../../shared/workbook/cell-meaning'
import { readWorkbook } from '../../worker/xlsx/read-workbook'
import { writeWorkbook } from '../../worker/xlsx/write-workbook'
import { convert, sheetsAsCsv } from './libreoffice'

const dir = mkdtempSync(join(tmpdir(), 'xlsx-test-'))

describe('writeWorkbook, read back by LibreOffice', () => {
  it('keeps Vietnamese text, numbers and every sheet', async () => {
    const bytes = await writeWorkbook([
      {
        name: 'Tổng hợp',
        values: [['Mã xã', 'Xã', 'Số tiêu chí đạt'], ['binh-son', 'Bình Sơn', 9], ['tho-son', 'Thọ Sơn', 12.5]],
        fills: [{ address: 'A1:C1', color: '#DDEBF7' }, { address: 'C2', color: '#F4B6B6' }],
        formats: [{ address: 'C2:C3', format: '0.0' }],
        bold: ['A1:C1'],
        widths: [12, 20, 16],
        frozenRows: 1,
      },
      { name: 'Việc quá hạn', values: [['Mã', 'Nội dung'], ['TB-4', 'Tổng dọn vệ sinh môi trường đường làng, ngõ xóm']] },
    ])
    expect(bytes[0]).toBe(0x50) // "PK": a zip archive
    const file = join(dir, 'tong-hop.xlsx')
    writeFileSync(file, bytes)
    const csv = sheetsAsCsv(file)
    expect(Object.keys(csv).sort()).toEqual(['Tổng hợp', 'Việc quá hạn'])
    expect(csv['Tổng hợp']!.trim().split('\n')).toEqual(['Mã xã,Xã,Số tiêu chí đạt', 'binh-son,Bình Sơn,9', 'tho-son,Thọ Sơn,12.5'])
    expect(csv['Việc quá hạn']).toContain('TB-4,"Tổng dọn vệ sinh môi trường đường làng, ngõ xóm"')
    // Our own reader agrees.
    const sheets = await readWorkbook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    expect(sheets[0]).toMatchObject({ name: 'Tổng hợp', rows: [['Mã xã', 'Xã', 'Số tiêu chí đạt'], ['binh-son', 'Bình Sơn', 9], ['tho-son', 'Thọ Sơn', 12.5]] })
    expect(sheets[0]!.formats.map((r) => r[2])).toEqual(['General', '0.0', '0.0'])
  })
})

describe('readWorkbook, on a file LibreOffice wrote', () => {
  it('reads cells in place: blank rows and columns stay, dates keep their serial and date format', async () => {
    const csv = join(dir, 'bao-cao.csv')
    writeFileSync(csv, ',,\nMã,Giá trị,Hạn\n2.1,"85,5",2020-11-30\n3.1,80,\n')
    const [xlsx] = convert(csv, 'xlsx:Calc MS Excel 2007 XML', 'Text - txt - csv (StarCalc):44,34,76,1')
    const bytes = readFileSync(xlsx!)
    const sheets = await readWorkbook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    expect(sheets).toHaveLength(1)
    const rows = sheets[0]!.rows
    expect(rows[1]).toEqual(['Mã', 'Giá trị', 'Hạn'])
    expect(rows[2]?.[0]).toBe(2.1)
    expect(rows[2]?.[2]).toBe(44165)
    expect(formatKind(sheets[0]!.formats[2]?.[2])).toBe('date')
    expect(gridMeaning(rows, sheets[0]!.formats)[2]?.[2]).toBe('2020-11-30')
    expect(rows[3]?.slice(0, 2)).toEqual([3.1, 80])
  })

  it('refuses bytes that are not a workbook', async () => {
    await expect(readWorkbook(new TextEncoder().encode('not a zip').buffer as ArrayBuffer)).rejects.toThrow()
  })
})
