import { beforeAll, describe, expect, it } from 'vitest'
import { DECISION, FILES, evidenceClient } from './evidence-helpers'
import { TOKENS, addOtherDistrict, addToken, client, seedDemo } from './helpers'

const api = evidenceClient()
const call = client()
let decisionId = ''
let decisionUrl = ''

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
  const res = await api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'C:\\Users\\ke toan\\QĐ 125 "quy hoạch".pdf', bytes: FILES.pdf })
  decisionId = res.body.id
  decisionUrl = res.body.fileUrl
})

describe('GET /units/{unit}/evidence', () => {
  it("lists the commune's items and each criterion's dossier beside its latest verdict", async () => {
    const res = await call('GET', '/api/v1/units/binh-son/evidence', { token: TOKENS.binhSon })
    expect(res.status).toBe(200)
    expect(res.body.unit).toEqual({ id: 'binh-son', name: 'Xã Bình Sơn', level: 'commune' })
    // The set in force today (QĐ 51/2025), whose criteria the 14/11 report was judged by, named.
    expect(res.body.catalog).toMatchObject({ id: 'qd-51-2025', name: expect.stringContaining('51/2025') })
    expect(res.body.period).toBe('2026-11-14')
    expect(res.body.items.map((i: { id: string }) => i.id)).toContain(decisionId)
    expect(res.body.dossiers).toHaveLength(10)
    // Criterion 1 is met in the 14/11 report and now has its decision; criterion 5 is met with only a paper listed (the demo).
    expect(res.body.dossiers[0]).toMatchObject({ criterion: 1, name: 'Quy hoạch', met: true, complete: true, expected: 1, present: 1, missing: [] })
    expect(res.body.dossiers[4]).toMatchObject({ criterion: 5, met: true, complete: false, present: 0, missing: [{ requirement: null }] })
    expect(res.body.dossiers[2]).toMatchObject({ criterion: 3, met: false })
  })

  it('filters by criterion', async () => {
    const res = await call('GET', '/api/v1/units/binh-son/evidence?criterion=4', { token: TOKENS.binhSon })
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([])
    expect(res.body.dossiers.map((d: { criterion: number }) => d.criterion)).toEqual([4])
    const bad = await call('GET', '/api/v1/units/binh-son/evidence?criterion=abc', { token: TOKENS.binhSon })
    expect(bad.status).toBe(400)
  })

  it('does not count a paper without its file', async () => {
    await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '6', kind: 'quyet_dinh', title: 'QĐ phê duyệt danh sách hộ nghèo', number: '5/QĐ' })
    const res = await call('GET', '/api/v1/units/binh-son/evidence?criterion=6', { token: TOKENS.binhSon })
    expect(res.body.dossiers[0]).toMatchObject({ criterion: 6, met: true, items: 1, present: 0, complete: false })
  })

  // Out of reach answers 404 like a missing unit (issue 10: ids cannot be listed).
  it('is readable by the district office and its leader, not by another commune or district', async () => {
    expect((await call('GET', '/api/v1/units/binh-son/evidence', { token: TOKENS.district })).status).toBe(200)
    expect((await call('GET', '/api/v1/units/binh-son/evidence', { token: TOKENS.leader })).status).toBe(200)
    expect((await call('GET', '/api/v1/units/binh-son/evidence', { token: TOKENS.thoSon })).status).toBe(404)
    const other = await addToken('tok_evl_nhu_thanh', 'leader', 'nhu-thanh')
    expect((await call('GET', '/api/v1/units/binh-son/evidence', { token: other })).status).toBe(404)
    expect((await call('GET', '/api/v1/units/nowhere/evidence', { token: TOKENS.admin })).status).toBe(404)
  })
})

describe('GET /evidence/{id}/file', () => {
  it('sends the bytes as an attachment of the stored type, with a safe name and nosniff', async () => {
    const res = await api.get(TOKENS.binhSon, decisionUrl)
    expect(res.status).toBe(200)
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(FILES.pdf)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(res.headers.get('Content-Length')).toBe(String(FILES.pdf.byteLength))
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Cache-Control')).toBe('private, no-store')
    expect(res.headers.get('Content-Security-Policy')).toContain('sandbox')
    // The path is gone, the quotes replaced; the Vietnamese name is in filename*, an ASCII one in filename.
    expect(res.headers.get('Content-Disposition')).toBe(
      'attachment; filename="QD-125-_quy-hoach_.pdf"; filename*=UTF-8\'\'' + encodeURIComponent('QĐ 125 _quy hoạch_.pdf'),
    )
  })

  it('serves the district office and the leader; refuses another commune, an outside district and no token', async () => {
    expect((await api.get(TOKENS.district, decisionUrl)).status).toBe(200)
    expect((await api.get(TOKENS.leader, decisionUrl)).status).toBe(200)
    const theirs = await api.get(TOKENS.thoSon, decisionUrl)
    expect(theirs.status).toBe(404)
    expect(theirs.headers.get('Content-Type')).toMatch(/^application\/json/)
    const other = await addToken('tok_evf_nhu_thanh', 'district', 'nhu-thanh')
    expect((await api.get(other, decisionUrl)).status).toBe(404)
    expect((await api.get(null, decisionUrl)).status).toBe(401)
  })

  it('answers 404 for an unknown item and for an item without a file', async () => {
    expect((await api.get(TOKENS.binhSon, '/api/v1/evidence/evd_nope/file')).status).toBe(404)
    const paper = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '8', kind: 'ke_hoach', title: 'Kế hoạch', date: '2026-03-03' })
    const res = await api.get(TOKENS.binhSon, '/api/v1/evidence/' + paper.body.id + '/file')
    expect(res.status).toBe(404)
    expect(((await res.json()) as { message: string }).message).toContain('không có tệp')
  })
})
