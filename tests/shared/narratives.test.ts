import { describe, expect, it } from 'vitest'
import { NARRATIVE_FORBIDDEN, NARRATIVE_MAX_CHARS, checkNarratives, hasNarratives, normalizeNarrative } from '../../shared/narratives'
import { checkReport } from '../../shared/report'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'

describe('narratives', () => {
  it('keeps the three sections as typed, with the usual line breaks and no blank ends', () => {
    const check = checkNarratives({ achievements: '\r\n  Bê tông hóa 1,2 km đường  \r\nHọp dân thôn 3\r\n\r\n', requests: 'Đề nghị <b>huyện</b> hỗ trợ' })
    expect(check.issues).toEqual([])
    expect(check.narratives).toEqual({ achievements: '  Bê tông hóa 1,2 km đường\nHọp dân thôn 3', difficulties: '', requests: 'Đề nghị <b>huyện</b> hỗ trợ' })
  })

  it('reads a missing or malformed object as three empty sections', () => {
    expect(checkNarratives(undefined).narratives).toEqual({ achievements: '', difficulties: '', requests: '' })
    expect(checkNarratives({ achievements: 12, requests: null }).narratives.achievements).toBe('')
    expect(hasNarratives(checkNarratives(undefined).narratives)).toBe(false)
    expect(hasNarratives({ achievements: '', difficulties: 'x', requests: '' })).toBe(true)
  })

  it('refuses a section over the bound with its name and length, in both languages; exactly the bound passes', () => {
    expect(checkNarratives({ difficulties: 'a'.repeat(NARRATIVE_MAX_CHARS) }).issues).toEqual([])
    const [issue] = checkNarratives({ difficulties: 'a'.repeat(NARRATIVE_MAX_CHARS + 1230) }, 'narratives').issues
    expect(issue).toMatchObject({ code: 'narrative_too_long', severity: 'error', path: 'narratives.difficulties' })
    expect(issue!.message).toBe('Mục "Khó khăn, vướng mắc" dài 5.230 ký tự, quá mức 4.000 ký tự: hãy viết gọn lại.')
    expect(issue!.message_en).toBe('Section "Difficulties" is 5,230 characters long, over the limit of 4,000: shorten it.')
  })

  it('replaces control characters and broken UTF-16 that a paste brings along; the API pattern spots them', () => {
    expect(normalizeNarrative('a\u0007b\u000bc')).toBe('a b c')
    expect(normalizeNarrative('x\ud800y')).toBe('x\ufffdy')
    expect(normalizeNarrative('x\udc00')).toBe('x\ufffd')
    expect(normalizeNarrative('😀 đạt')).toBe('😀 đạt')
    for (const bad of ['a\u0000', '\u001f', 'x\ud800', '\udc00y', 'a\u007f']) expect(NARRATIVE_FORBIDDEN.test(bad)).toBe(true)
    for (const good of ['a\nb\tc', '😀', 'Kiến nghị, đề xuất']) expect(NARRATIVE_FORBIDDEN.test(good)).toBe(false)
  })

  it('is part of the report check: too long blocks submission, the words come back cleaned', () => {
    const base = { unit: 'binh-son', period: '2026-11-14', indicators: [] }
    const ok = checkReport(QD_318_2022, 'btb', { ...base, narratives: { requests: ' Đề nghị hỗ trợ \n' } }, { now: '2026-11-12T10:00:00+07:00' })
    expect(ok.narratives.requests).toBe(' Đề nghị hỗ trợ')
    const long = checkReport(QD_318_2022, 'btb', { ...base, narratives: { achievements: 'x'.repeat(NARRATIVE_MAX_CHARS + 1) } }, { now: '2026-11-12T10:00:00+07:00' })
    expect(long.issues.filter((i) => i.code === 'narrative_too_long')).toHaveLength(1)
  })
})
