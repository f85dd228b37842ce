// The report template explains itself, as LibreOffice reads it: a guide sheet first, drop-down lists that
// offer the guide's lists, the key columns locked and the input cells open, A4 landscape printing with the
// header row repeated — and a file typed into by LibreOffice still uploads.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { infoFacts } from '../../shared/workbook/report-book'
import { writeReportFile } from '../../worker/xlsx/report-file'
import { flatOds, pageLayouts, sheetsAsCsv } from './libreoffice'

const dir = mkdtempSync(join(tmpdir(), 'xlsx-template-'))
const facts = infoFacts({ id: 'binh-son', name: 'Xã Bình Sơn' }, '2026-11-28', QD_318_2022, 'btb', false)

type Table = { name: string; xml: string }
let file = ''
let fods = ''
let tables: Table[] = []

/** The tables of a flat ODS document, by sheet name. */
function tablesOf(doc: string): Table[] {
  return doc.split('<table:table table:name="').slice(1).map((part) => ({ name: part.slice(0, part.indexOf('"')), xml: part.slice(0, part.indexOf('</table:table>')) }))
}
const table = (name: string): Table => tables.find((t) => t.name === name) as Table

/** Cell styles LibreOffice marks unprotected (`style:cell-protect="none"`). */
function openStyles(doc: string): string[] {
  return [...doc.matchAll(/<style:style style:name="(ce\d+)"[^>]*>([\s\S]*?)<\/style:style>/g)].filter((m) => /cell-protect="none"/.test(m[2] as string)).map((m) => m[1] as string)
}

/** The default cell style of each column (expanded over repeats), as LibreOffice wrote them. */
function columnStyles(t: Table, count: number): string[] {
  const out: string[] = []
  for (const m of t.xml.matchAll(/<table:table-column ([^>]*)\/>/g)) {
    const attrs = m[1] as string
    const repeat = Number(/number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1)
    const style = /default-cell-style-name="([^"]+)"/.exec(attrs)?.[1] ?? ''
    for (let i = 0; i < repeat && out.length < count; i++) out.push(style)
  }
  return out
}

beforeAll(async () => {
  file = join(dir, 'mau.xlsx')
  writeFileSync(file, await writeReportFile(facts, QD_318_2022, 'btb', [], 'https://ntm.example.vn/'))
  fods = flatOds(file)
  tables = tablesOf(fods)
}, 120_000)

describe('the report template, opened in LibreOffice', () => {
  it('opens on a guide in plain Vietnamese: the commune, the period, the steps, where to upload', () => {
    expect(tables.map((t) => t.name)).toEqual(['Hướng dẫn', 'Thông tin', 'Chỉ tiêu', 'Nhiệm vụ', 'Nguồn vốn', 'Kết quả, kiến nghị'])
    const guide = sheetsAsCsv(file)['Hướng dẫn']!
    expect(guide).toContain('Xã Bình Sơn — kỳ báo cáo 28/11/2026, hạn nộp 28/11/2026.')
    expect(guide).toContain('Cột ""Mục tiêu"" ngay bên trái cho biết ngưỡng cần đạt.')
    expect(guide).toContain('mở https://ntm.example.vn/, đăng nhập bằng mã truy cập của xã')
  })

  it('offers drop-down lists (đạt / chưa đạt, task status, fund source) taken from the guide', () => {
    const named = Object.fromEntries([...fods.matchAll(/<table:named-range table:name="(Ds\w+)" [^>]*table:cell-range-address="([^"]+)"/g)].map((m) => [m[1], (m[2] as string).replace(/&apos;/g, "'")]))
    expect(named).toEqual({
      DsDanhGia: "$'Hướng dẫn'.$A$20:.$A$21",
      DsTrangThai: "$'Hướng dẫn'.$B$20:.$B$23",
      DsNguonVon: "$'Hướng dẫn'.$C$20:.$C$27",
    })
    const csv = sheetsAsCsv(file)['Hướng dẫn']!.split('\n')
    expect(csv[18]).toBe('Đánh giá,Trạng thái,Nguồn vốn')
    expect(csv.slice(19, 21).map((l) => l.split(',')[0])).toEqual(['đạt', 'chưa đạt'])
    const rules = Object.fromEntries([...fods.matchAll(/<table:content-validation table:name="(val\d+)" table:condition="of:cell-content-is-in-list\((\w+)\)"/g)].map((m) => [m[1], m[2]]))
    const used = (sheet: string) => [...table(sheet).xml.matchAll(/content-validation-name="(val\d+)"/g)].map((m) => rules[m[1] as string])
    expect(new Set(used('Chỉ tiêu'))).toEqual(new Set(['DsDanhGia']))
    expect(used('Chỉ tiêu')).toHaveLength(55)
    expect(new Set(used('Nhiệm vụ'))).toEqual(new Set(['DsTrangThai']))
    expect(new Set(used('Nguồn vốn'))).toEqual(new Set(['DsNguonVon']))
  })

  it('locks the key columns and opens only the highlighted input cells on the indicators sheet', () => {
    for (const name of ['Hướng dẫn', 'Thông tin', 'Chỉ tiêu']) expect(fods).toContain('table:name="' + name + '" table:style-name="ta' + (tables.findIndex((t) => t.name === name) + 1) + '" table:protected="true"')
    for (const name of ['Nhiệm vụ', 'Nguồn vốn', 'Kết quả, kiến nghị']) expect(fods).not.toContain('table:name="' + name + '" table:style-name="ta' + (tables.findIndex((t) => t.name === name) + 1) + '" table:protected="true"')
    const open = openStyles(fods)
    // Mã, Tiêu chí, Chỉ tiêu, Đơn vị tính, Mục tiêu locked; Giá trị, Đánh giá, Minh chứng, Ghi chú open.
    expect(columnStyles(table('Chỉ tiêu'), 9).map((s) => open.includes(s))).toEqual([false, false, false, false, false, true, true, true, true])
    // The target stands right beside the value.
    expect(sheetsAsCsv(file)['Chỉ tiêu']!.split('\n')[0]).toBe('Mã,Tiêu chí,Chỉ tiêu,Đơn vị tính,Mục tiêu,Giá trị,Đánh giá,Minh chứng,Ghi chú')
  })

  it('prints every sheet on A4 landscape, one page wide, the tables with their header row repeated', () => {
    const layouts = pageLayouts(fods)
    expect(layouts.length).toBeGreaterThan(0)
    for (const l of layouts) expect(l).toEqual({ orientation: 'landscape', widthMm: 297, pagesWide: 1 })
    for (const name of ['Chỉ tiêu', 'Nhiệm vụ', 'Nguồn vốn']) expect(table(name).xml).toContain('<table:table-header-rows>')
  })
})
