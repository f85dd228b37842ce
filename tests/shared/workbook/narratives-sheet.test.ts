import { describe, expect, it } from 'vitest'
import { NARRATIVE_LINES, NARRATIVE_SHEET, narrativeGrid, narrativeHeadingRow, narrativePlan, placeOfNarrative, readNarratives } from '../../../shared/workbook/narratives-sheet'
import type { Cell } from '../../../shared/workbook/grid'

function grid(values: Cell[][], address = 'A1') {
  return { sheet: NARRATIVE_SHEET, address: "'" + NARRATIVE_SHEET + "'!" + address, values }
}

describe('the words sheet of the report workbook', () => {
  it('lays out three headed sections with blank lines to type on', () => {
    const g = narrativeGrid()
    expect(g[narrativeHeadingRow('achievements')]).toEqual(['1. Kết quả đạt được'])
    expect(g[narrativeHeadingRow('difficulties')]).toEqual(['2. Khó khăn, vướng mắc'])
    expect(g[narrativeHeadingRow('requests')]).toEqual(['3. Kiến nghị, đề xuất'])
    expect(g).toHaveLength(2 + 3 * (NARRATIVE_LINES + 1))
    expect(String(g[1]![0])).toContain('tối đa 4.000 ký tự')
    expect(narrativePlan()).toMatchObject({ name: NARRATIVE_SHEET, textColumns: [0], wrap: true, headings: [2, 9, 16] })
  })

  it('reads an untouched sheet as three empty sections', () => {
    const read = readNarratives(grid(narrativeGrid()))
    expect(read.missing).toEqual([])
    expect(read.input).toEqual({ achievements: '', difficulties: '', requests: '' })
  })

  it('reads every non-blank row under a heading as a line of it: inserted rows, numbers, cells beside', () => {
    const g = narrativeGrid()
    g[3] = ['- Bê tông hóa 1,2 km đường']
    g[4] = ['- Họp dân', 'thôn 3']
    g.splice(5, 0, [1200])
    g[narrativeHeadingRow('requests') + 2] = ['Đề nghị huyện hỗ trợ vốn']
    const read = readNarratives(grid(g))
    expect(read.input.achievements).toBe('- Bê tông hóa 1,2 km đường\n- Họp dân thôn 3\n1200')
    expect(read.input.difficulties).toBe('')
    expect(read.input.requests).toBe('Đề nghị huyện hỗ trợ vốn')
  })

  it('knows a heading however it is numbered or cased, but not a line that merely starts with its words', () => {
    const read = readNarratives(grid([
      ['I. KẾT QUẢ ĐẠT ĐƯỢC:'], ['Kết quả đạt được ở thôn 3: làm xong đường'],
      ['b) Khó khăn vướng mắc'], ['Thiếu vốn'],
      ['Kiến nghị, đề xuất'], ['Không'],
    ]))
    expect(read.missing).toEqual([])
    expect(read.input).toEqual({ achievements: 'Kết quả đạt được ở thôn 3: làm xong đường', difficulties: 'Thiếu vốn', requests: 'Không' })
  })

  it('names a renamed heading rather than handing its lines to the section above', () => {
    const g = narrativeGrid()
    g[narrativeHeadingRow('difficulties')] = ['2. Vướng mắc']
    const read = readNarratives(grid(g))
    expect(read.missing).toEqual(['difficulties'])
    expect(read.input.difficulties).toBeUndefined()
  })

  it('points an issue at the section’s first line, or at its heading when empty, from wherever the used range starts', () => {
    const g = narrativeGrid()
    g[narrativeHeadingRow('requests') + 3] = ['Đề nghị hỗ trợ']
    const read = readNarratives(grid(g.slice(2), 'A3:A23'))
    expect(placeOfNarrative(read, 'narratives.requests')).toEqual({ sheet: NARRATIVE_SHEET, address: 'A' + (narrativeHeadingRow('requests') + 4) })
    expect(placeOfNarrative(read, 'narratives.difficulties')).toEqual({ sheet: NARRATIVE_SHEET, address: 'A' + (narrativeHeadingRow('difficulties') + 1) })
    expect(placeOfNarrative(read, 'funds')).toBeNull()
  })
})
