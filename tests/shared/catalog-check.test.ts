import { describe, expect, it } from 'vitest'
import { canonicalCatalog, checkCatalog } from '../../shared/catalog-check'
import { CATALOG_ISSUE_CODES } from '../../shared/catalog-issues'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { QD_51_2025 } from '../../shared/catalogs/qd-51-2025'

/** A small province set in the flat JSON form (indicators name their criterion, thresholds are notation). */
function provinceSet(): { [key: string]: any } {
  return {
    id: 'thanh-hoa-thu', version: '2026.1', title: 'Bộ thử', effectiveFrom: '01/03/2026',
    classification: { label: 'Vùng', classes: [{ id: 'vung-1', name: 'Vùng 1' }, { id: 'vung-2', name: 'Vùng 2' }] },
    criteria: [{ no: 1, name: 'Giao thông' }, { no: 2, name: 'Thu nhập' }],
    indicators: [
      { code: '1.1', criterion: 1, name: 'Tỷ lệ đường xã được cứng hóa', unit: '%', kind: 'tỷ lệ (%)', thresholds: { 'vung-1': '≥ 80%', 'vung-2': '≥ 70%' } },
      { code: '1.2', criterion: 1, name: 'Có bến xe', unit: 'Đạt/Không đạt', kind: 'đạt / không đạt', thresholds: { 'vung-1': 'Đạt' } },
      { code: '2.1', criterion: 2, name: 'Thu nhập bình quân', unit: 'triệu đồng/người/năm', kind: 'số', thresholds: { 'vung-1': '≥ 45 triệu đồng/người', 'vung-2': '' } },
    ],
  }
}

const codesOf = (input: unknown) => checkCatalog(input).issues.map((i) => i.code + ' @ ' + i.path)

describe('checkCatalog: a good table', () => {
  it('normalises the flat JSON form: thresholds parsed, blank = declared, criteria in order', () => {
    const { catalog, issues } = checkCatalog(provinceSet())
    expect(issues).toEqual([])
    expect(catalog).toMatchObject({ id: 'thanh-hoa-thu', version: '2026.1', title: 'Bộ thử', name: 'Bộ thử', effectiveFrom: '2026-03-01' })
    expect(catalog!.criteria.map((c) => [c.no, c.indicators.map((i) => i.code)])).toEqual([[1, ['1.1', '1.2']], [2, ['2.1']]])
    const [road, station] = catalog!.criteria[0]!.indicators
    expect(road).toEqual({ code: '1.1', name: 'Tỷ lệ đường xã được cứng hóa', unit: '%', kind: 'percent', thresholds: { 'vung-1': { min: 80 }, 'vung-2': { min: 70 } } })
    expect(station!.thresholds).toEqual({ 'vung-1': { expect: true } })
    expect(catalog!.criteria[1]!.indicators[0]!.thresholds).toEqual({ 'vung-1': { min: 45 } })
  })

  it('takes the shipped catalogues back in the nested form GET /catalog returns, unchanged', () => {
    for (const shipped of [QD_318_2022, QD_51_2025]) {
      const { catalog, issues } = checkCatalog(JSON.parse(JSON.stringify(shipped)))
      expect(issues).toEqual([])
      expect(canonicalCatalog(catalog!)).toBe(canonicalCatalog(shipped))
    }
  })

  it('keeps the documents a criterion\'s dossier needs, given as JSON', () => {
    const input = provinceSet()
    input.criteria[0].evidence = [{ id: '1.a', title: 'Quyết định phê duyệt', kind: 'quyet_dinh' }, { id: '1.b', title: 'Ảnh' }]
    expect(checkCatalog(input).catalog!.criteria[0]!.evidence).toEqual([{ id: '1.a', title: 'Quyết định phê duyệt', kind: 'quyet_dinh' }, { id: '1.b', title: 'Ảnh' }])
    input.criteria[1].evidence = [{ id: '2.a', title: 'x', kind: 'thu' }]
    expect(codesOf(input)).toEqual(['evidence_kind_unknown @ criteria[1].evidence[0].kind'])
  })

  it('takes the documents as flat rows naming their criterion (the workbook sheet), kinds by id or name', () => {
    const input = provinceSet()
    input.criteria[0].evidence = [{ id: '1.a', title: 'Quyết định phê duyệt quy hoạch' }]
    input.evidence = [
      { criterion: 2, id: '2.a', title: 'Báo cáo thu nhập của xã', kind: 'Báo cáo' },
      { criterion: '1. Giao thông', id: '1.b', title: 'Ảnh tuyến đường', kind: 'ảnh công trình' },
      { criterion: 1, id: '1.c', title: 'Biên bản nghiệm thu', kind: 'Minutes' },
    ]
    const { catalog, issues } = checkCatalog(input)
    expect(issues).toEqual([])
    expect(catalog!.criteria.map((c) => c.evidence)).toEqual([
      [{ id: '1.a', title: 'Quyết định phê duyệt quy hoạch' }, { id: '1.b', title: 'Ảnh tuyến đường', kind: 'anh_cong_trinh' }, { id: '1.c', title: 'Biên bản nghiệm thu', kind: 'bien_ban' }],
      [{ id: '2.a', title: 'Báo cáo thu nhập của xã', kind: 'bao_cao' }],
    ])
  })

  it('every problem of a document list is located, and nothing is taken', () => {
    const input = provinceSet()
    input.criteria[0].evidence = [{ id: '1.a', title: 'Quyết định' }]
    input.evidence = [
      { criterion: 1, id: '1.a', title: 'Trùng mã' },
      { criterion: 1, id: 'a b', title: 'Mã có dấu cách' },
      { criterion: 2, id: '2.a', title: '' },
      { criterion: 2, id: '2.b', title: 'Loại lạ', kind: 'công văn' },
      { criterion: 7, id: '7.a', title: 'Tiêu chí không có' },
      { id: '9.a', title: 'Không ghi tiêu chí' },
      'một dòng chữ',
    ]
    expect(codesOf(input)).toEqual([
      'catalog_field_invalid @ evidence[6]',
      'evidence_duplicate @ evidence[0].id',
      'evidence_id_invalid @ evidence[1].id',
      'evidence_title_missing @ evidence[2].title',
      'evidence_kind_unknown @ evidence[3].kind',
      'evidence_criterion_unknown @ evidence[4].criterion',
      'evidence_criterion_unknown @ evidence[5]',
    ])
    const issues = checkCatalog(input).issues
    expect(issues.find((i) => i.code === 'evidence_kind_unknown')!.message).toContain('loại "công văn" không hợp lệ; ghi Quyết định, Biên bản')
    expect(issues.find((i) => i.code === 'evidence_criterion_unknown')!.message_en).toBe('Document "7.a": criterion "7" is not on the criteria sheet.')
    expect(checkCatalog(input).catalog).toBeNull()
  })

  it('at most 50 documents per criterion', () => {
    const input = provinceSet()
    input.evidence = Array.from({ length: 51 }, (_, n) => ({ criterion: 1, id: '1.' + n, title: 'Tài liệu ' + n }))
    expect(codesOf(input)).toEqual(['catalog_too_large @ evidence[50]'])
    input.evidence.pop()
    expect(checkCatalog(input).catalog!.criteria[0]!.evidence).toHaveLength(50)
  })

  it('compares catalogues regardless of key order', () => {
    const a = checkCatalog(provinceSet()).catalog!
    const reverse = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reverse)
      if (typeof v !== 'object' || v === null) return v
      return Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reverse((v as Record<string, unknown>)[k])]))
    }
    const reordered = reverse(a) as typeof a
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(a))
    expect(canonicalCatalog(reordered)).toBe(canonicalCatalog(a))
    expect(canonicalCatalog({ ...a, version: '2026.2' })).not.toBe(canonicalCatalog(a))
  })
})

describe('checkCatalog: every problem located by its JSON path, nothing half-accepted', () => {
  it('duplicate codes', () => {
    const input = provinceSet()
    input.indicators[2].code = '1.1'
    expect(codesOf(input)).toEqual(['indicator_code_duplicate @ indicators[2].code'])
    expect(checkCatalog(input).catalog).toBeNull()
  })

  it('an indicator without a kind, or with a kind nobody knows', () => {
    const input = provinceSet()
    input.indicators[0].kind = ''
    input.indicators[1].kind = 'boolean-ish'
    expect(codesOf(input)).toEqual(['indicator_kind_missing @ indicators[0].kind', 'indicator_kind_unknown @ indicators[1].kind'])
  })

  it('a threshold that does not parse, with the words of the issue', () => {
    const input = provinceSet()
    input.indicators[0].thresholds['vung-2'] = '≥ 8O%'
    const { issues } = checkCatalog(input)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ code: 'threshold_unreadable', path: "indicators[0].thresholds.vung-2", severity: 'error' })
    expect(issues[0]!.message).toMatch(/^"≥ 8O%" không đọc được ngưỡng \(chỉ tiêu 1\.1, Vùng 2\)/)
    expect(issues[0]!.message_en).toMatch(/^"≥ 8O%" is not a readable threshold/)
  })

  it('thresholds of the wrong kind or unit, or out of range', () => {
    const input = provinceSet()
    input.indicators[0].thresholds['vung-1'] = 'Đạt'
    input.indicators[1].thresholds['vung-1'] = '≥ 2'
    input.indicators[2].thresholds['vung-1'] = '≥ 45 nghìn đồng'
    input.indicators[0].thresholds['vung-2'] = '≥ 120%'
    expect(codesOf(input)).toEqual([
      'threshold_kind_mismatch @ indicators[0].thresholds.vung-1',
      'threshold_out_of_range @ indicators[0].thresholds.vung-2',
      'threshold_kind_mismatch @ indicators[1].thresholds.vung-1',
      'threshold_unit_mismatch @ indicators[2].thresholds.vung-1',
    ])
  })

  it('a class missing from the classification', () => {
    const input = provinceSet()
    input.indicators[0].thresholds['vung-3'] = '≥ 60%'
    const { issues } = checkCatalog(input)
    expect(issues.map((i) => i.code + ' @ ' + i.path)).toEqual(['class_unknown @ indicators[0].thresholds.vung-3'])
    expect(issues[0]!.message).toContain('Vùng 1, Vùng 2')
  })

  it('a criterion with no indicator, an indicator of no criterion', () => {
    const input = provinceSet()
    input.criteria.push({ no: 3, name: 'Môi trường' })
    input.indicators.push({ code: '9.1', criterion: 9, name: 'Lạc', unit: '%', kind: 'percent' })
    expect(codesOf(input)).toEqual(['indicator_criterion_unknown @ indicators[3].criterion', 'criterion_without_indicator @ criteria[2].no'])
  })

  it('identity fields, classes and criteria numbers', () => {
    const input = provinceSet()
    input.id = 'Thanh Hóa'
    input.version = ''
    input.title = ''
    input.effectiveFrom = '31/02/2026'
    input.classification.classes.push({ id: 'vung-1', name: 'Lặp' }, { id: 'Vùng 3', name: 'x' })
    input.criteria.push({ no: 2, name: 'Lặp' }, { no: 'ba', name: 'Sai' })
    expect(codesOf(input)).toEqual([
      'catalog_id_invalid @ id', 'catalog_version_invalid @ version', 'catalog_title_missing @ title', 'catalog_date_invalid @ effectiveFrom',
      'class_duplicate @ classification.classes[2].id', 'class_id_invalid @ classification.classes[3].id',
      'criterion_duplicate @ criteria[2].no', 'criterion_no_invalid @ criteria[3].no',
    ])
  })

  it('no classes, no criteria, wrong types, too many rows', () => {
    expect(codesOf({ id: 'x', version: '1', title: 'X', effectiveFrom: '2026-01-01', classification: { classes: [] }, criteria: [] }))
      .toEqual(['classification_empty @ classification.classes', 'criteria_empty @ criteria'])
    expect(codesOf('a string')).toEqual(['catalog_field_invalid @ (body)'])
    const input = provinceSet()
    input.criteria = 'many'
    input.title = { vi: 'x' }
    expect(codesOf(input).slice(0, 2)).toEqual(['catalog_field_invalid @ title', 'catalog_field_invalid @ criteria'])
    const big = provinceSet()
    big.indicators = Array.from({ length: 601 }, (_, n) => ({ code: 'c' + n, criterion: 1, name: 'x', kind: 'số' }))
    expect(codesOf(big)).toContain('catalog_too_large @ indicators')
  })

  it('optional and provenance columns take only their words', () => {
    const input = provinceSet()
    input.indicators[0].optional = 'có lẽ'
    input.indicators[1].provenance = 'Q'
    expect(codesOf(input)).toEqual(['indicator_optional_invalid @ indicators[0].optional', 'indicator_provenance_invalid @ indicators[1].provenance'])
    const fine = provinceSet()
    fine.indicators[0].optional = 'x'
    fine.indicators[1].provenance = 'v'
    const c = checkCatalog(fine).catalog!
    expect(c.criteria[0]!.indicators[0]!.optional).toBe(true)
    expect(c.criteria[0]!.indicators[1]!.provenance).toBe('V')
  })

  it('has wording in both languages for every code', () => {
    expect(CATALOG_ISSUE_CODES.length).toBeGreaterThan(30)
  })
})

describe('checkCatalog and parseThreshold are total', () => {
  it('never throw on arbitrary input, and every issue has words', async () => {
    const fc = (await import('fast-check')).default
    const { parseThreshold } = await import('../../shared/threshold')
    fc.assert(
      fc.property(fc.anything(), (input) => {
        for (const i of checkCatalog(input).issues) expect(i.message.length).toBeGreaterThan(0)
        for (const kind of ['percent', 'number', 'yesno', 'text'] as const) parseThreshold(input, { kind, unit: '%' })
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.string(), (text) => {
        const set = provinceSet()
        set.indicators[0].thresholds['vung-1'] = text
        const { catalog, issues } = checkCatalog(set)
        expect(catalog === null).toBe(issues.length > 0)
      }),
      { numRuns: 300 },
    )
  })
})
