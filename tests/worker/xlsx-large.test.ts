// fflate's async zip starts a Web Worker for parts over 160 KB, which workerd lacks; the shim aliased in
// wrangler.jsonc (and here) answers synchronously. A province-sized sheet must write and read back.
import { describe, expect, it } from 'vitest'
import { readWorkbook } from '../../worker/xlsx/read-workbook'
import { writeWorkbook } from '../../worker/xlsx/write-workbook'

describe('a large workbook in workerd', () => {
  it('writes and reads a sheet whose XML is far over 160 KB', async () => {
    const values = Array.from({ length: 3000 }, (_, r) => Array.from({ length: 8 }, (_, c) => 'Xã thử số ' + r + ' — cột ' + c))
    const bytes = await writeWorkbook([{ name: 'Tổng hợp', values }])
    expect(bytes.length).toBeGreaterThan(20_000)
    const [sheet] = await readWorkbook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    expect(sheet?.rows).toHaveLength(3000)
    expect(sheet?.rows[2999]?.[7]).toBe('Xã thử số 2999 — cột 7')
  })
})
