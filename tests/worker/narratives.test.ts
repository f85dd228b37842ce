// The report's words through the API: bounded plain text in, kept with the revision, per commune in the
// aggregate and its workbook; the JSON shape tied to shared/api.ts at the type level.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import type { NarrativesInput } from '../../shared/narratives'
import { NARRATIVE_MAX_CHARS } from '../../shared/narratives'
import type { ReportRequest } from '../../shared/api'
import { narrativesSchema, type reportSchema } from '../../worker/schemas'
import { createApp } from '../../worker/index'
import { demoReportIndicators } from '../../worker/seed/demo'
import { readWorkbook } from '../../worker/xlsx/read-workbook'
import { writeWorkbook } from '../../worker/xlsx/write-workbook'
import { DEMO_NOW, TOKENS, client, countRevisions, reportBody, seedDemo } from './helpers'

const call = client()

beforeAll(seedDemo)

const WORDS = {
  achievements: 'Bê tông hóa 1,2 km đường trục thôn 3.\nTổng dọn vệ sinh ngày 08/11/2026.',
  difficulties: 'Thiếu 350 triệu đồng đối ứng <script>alert(1)</script>',
  requests: 'Đề nghị huyện phân bổ vốn hỗ trợ nhà văn hóa thôn 2.',
}

describe('the words of a report', () => {
  it('the zod shape and the shared type are the same contract', () => {
    expectTypeOf<z.infer<typeof narrativesSchema>>().toEqualTypeOf<NarrativesInput>()
    expectTypeOf<z.infer<typeof reportSchema>['narratives']>().toEqualTypeOf<ReportRequest['narratives']>()
  })

  it('are kept with the revision, as plain text, and answered with the report', async () => {
    const res = await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body: reportBody('tho-son', '2026-11-28', [1, 2], { narratives: WORDS }) })
    expect(res.status).toBe(201)
    const detail = await call('GET', '/api/v1/reports/tho-son/2026-11-28', { token: TOKENS.thoSon })
    expect(detail.body.latest.narratives).toEqual(WORDS)
    const row = await env.DB.prepare('SELECT narratives FROM report_revisions WHERE id = ?1').bind(res.body.id).first<{ narratives: string }>()
    expect(JSON.parse(row!.narratives)).toEqual(WORDS)
  })

  it('a report without words answers three empty sections; a later revision without them clears them', async () => {
    await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body: reportBody('tho-son', '2026-11-28', [1, 2]) })
    const detail = await call('GET', '/api/v1/reports/tho-son/2026-11-28', { token: TOKENS.thoSon })
    expect(detail.body.latest.narratives).toEqual({ achievements: '', difficulties: '', requests: '' })
    // the earlier revision still holds its words (append-only)
    const first = await env.DB.prepare("SELECT narratives FROM report_revisions WHERE unit_id = 'tho-son' AND period = '2026-11-28' AND revision = 1").first<{ narratives: string }>()
    expect(JSON.parse(first!.narratives)).toEqual(WORDS)
  })

  it('refuses a section over the bound, control characters and broken UTF-16 with 400 and the field path; nothing stored', async () => {
    const before = await countRevisions('binh-son', '2026-11-28')
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ requests: 'x'.repeat(NARRATIVE_MAX_CHARS + 1) }, 'field_too_long'],
      [{ difficulties: 'a\u0000b' }, 'field_invalid'],
      [{ achievements: 'x\ud800' }, 'field_invalid'],
      [{ achievements: 12 }, 'field_wrong_type'],
    ]
    for (const [narratives, code] of cases) {
      const res = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28', [1], { narratives }) })
      expect(res.status).toBe(400)
      expect(res.body.error).toBe('bad_request')
      expect(res.body.issues[0]).toMatchObject({ code, path: 'narratives.' + Object.keys(narratives)[0] })
    }
    const exact = await call('POST', '/api/v1/reports/validate', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-11-28', [1], { narratives: { requests: 'x'.repeat(NARRATIVE_MAX_CHARS) } }) })
    expect(exact.status).toBe(200)
    expect(await countRevisions('binh-son', '2026-11-28')).toBe(before)
  })

  it('the aggregate carries each commune’s latest words; a commune that sent nothing has none', async () => {
    const res = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-11-14' } })
    expect(res.status).toBe(200)
    const byId: Record<string, { narratives: unknown }> = {}
    for (const c of res.body.communes) byId[c.unit.id] = c
    expect(byId['binh-son']!.narratives).toMatchObject({ requests: expect.stringContaining('QĐ 6212/QĐ-UBND') })
    expect(byId['tho-binh']!.narratives).toBeNull()
    expect(byId['hop-ly']!.narratives).toEqual({ achievements: '', difficulties: expect.stringContaining('nghỉ ốm'), requests: '' })
  })
})

describe('the words in the report workbook (template and upload)', () => {
  const app = createApp({ now: () => DEMO_NOW })
  const filled = async (words: { [heading: string]: string[] }): Promise<Uint8Array> => {
    const res = await app.request('/api/v1/reports/template.xlsx', { headers: { Authorization: 'Bearer ' + TOKENS.binhSon } }, env)
    const sheets = await readWorkbook(await res.arrayBuffer())
    const entries = new Map(demoReportIndicators('binh-son', '2026-11-28', [1, 2]).map((e) => [String(e.code), e]))
    const out = sheets.map((s) => {
      if (s.name === 'Chỉ tiêu') {
        return { name: s.name, rows: s.rows.map((r, i) => {
          const e = entries.get(String(r[0]))
          return i === 0 || !e ? r : [r[0] ?? null, r[1] ?? null, r[2] ?? null, r[3] ?? null, r[4] ?? null, (e.value ?? null) as string | number | null, (e.status ?? null) as string | null, null, null]
        }) }
      }
      if (s.name !== 'Kết quả, kiến nghị') return s
      const rows: Array<Array<string | number | boolean | null>> = []
      for (const r of s.rows) {
        rows.push(r)
        const lines = typeof r[0] === 'string' ? words[r[0]] : undefined
        if (lines) for (const l of lines) rows.push([l])
      }
      return { name: s.name, rows }
    })
    return writeWorkbook(out.map((s) => ({ name: s.name, values: s.rows })))
  }
  const upload = async (bytes: Uint8Array) => {
    const res = await app.request('/api/v1/reports/upload', {
      method: 'POST', headers: { Authorization: 'Bearer ' + TOKENS.binhSon, 'Content-Type': 'application/octet-stream' }, body: bytes,
    }, env)
    return { status: res.status, body: (await res.json()) as any }
  }

  it('the template has the words sheet; lines typed under the headings arrive as the report’s sections', async () => {
    const res = await upload(await filled({ '1. Kết quả đạt được': ['Làm xong 1,2 km đường', 'Họp dân thôn 3'], '3. Kiến nghị, đề xuất': ['Đề nghị hỗ trợ vốn'] }))
    expect(res.status).toBe(201)
    const detail = await call('GET', '/api/v1/reports/binh-son/2026-11-28', { token: TOKENS.binhSon })
    expect(detail.body.latest.narratives).toEqual({ achievements: 'Làm xong 1,2 km đường\nHọp dân thôn 3', difficulties: '', requests: 'Đề nghị hỗ trợ vốn' })
  })

  it('an over-long section is refused with the rule’s sentence at its cell, not as a malformed body', async () => {
    const before = await countRevisions('binh-son', '2026-11-28')
    const res = await upload(await filled({ '2. Khó khăn, vướng mắc': ['x'.repeat(NARRATIVE_MAX_CHARS - 10), 'y'.repeat(20)] }))
    expect(res.status).toBe(422)
    expect(res.body.issues).toEqual([expect.objectContaining({
      code: 'narrative_too_long', path: 'narratives.difficulties', cell: "'Kết quả, kiến nghị'!A11",
      message: "'Kết quả, kiến nghị'!A11: Mục \"Khó khăn, vướng mắc\" dài 4.011 ký tự, quá mức 4.000 ký tự: hãy viết gọn lại.",
    })])
    expect(await countRevisions('binh-son', '2026-11-28')).toBe(before)
  })
})
