import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_EVIDENCE_FILE_BYTES } from '../../shared/evidence'
import { DECISION, FILES, ascii, evidenceClient, stored } from './evidence-helpers'
import { TOKENS, addOtherDistrict, addToken, seedDemo } from './helpers'

const api = evidenceClient()

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
})

describe('POST /units/{unit}/evidence: accepted files', () => {
  it('stores a PDF in R2 and its details in D1, audited, and answers 201 with the item', async () => {
    const before = await stored('binh-son')
    const res = await api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'QĐ 125 quy hoạch.pdf', bytes: FILES.pdf, type: 'application/pdf' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      unit: 'binh-son', catalog: 'qd-51-2025', criterion: 1, kind: 'quyet_dinh', number: '125/QĐ-UBND', date: '2024-03-15',
      issuer: 'UBND huyện Triệu Sơn', title: DECISION.title, supersedes: null, supersededBy: null, createdBy: 'Xã Bình Sơn',
      file: { type: 'pdf', mime: 'application/pdf', size: FILES.pdf.byteLength, name: 'QĐ 125 quy hoạch.pdf' },
    })
    expect(res.body.id).toMatch(/^evd_[0-9a-f]{32}$/)
    expect(res.body.fileUrl).toBe('/api/v1/evidence/' + res.body.id + '/file')
    expect(await stored('binh-son')).toEqual({ rows: before.rows + 1, files: before.files + 1, audits: before.audits + 1 })
    const object = await env.EVIDENCE.get('evidence/binh-son/' + res.body.id)
    expect(new Uint8Array(await (object as R2ObjectBody).arrayBuffer())).toEqual(FILES.pdf)
    expect(object?.httpMetadata?.contentType).toBe('application/pdf')
    const audit = await env.DB.prepare('SELECT action, actor, target, detail FROM audit_log WHERE target = ?1').bind(res.body.id).first<{ action: string; actor: string; detail: string }>()
    expect(audit).toMatchObject({ action: 'evidence.add', actor: 'tok_demo_binh_son' })
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ criterion: 1, file: { type: 'pdf', sha256: res.body.file.sha256 } })
  })

  it.each([
    ['jpeg', 'ảnh đường thôn 3.jpg', 'image/jpeg', 'ảnh đường thôn 3.jpg'],
    ['png', 'so-do.png', 'image/png', 'so-do.png'],
    ['docx', 'Biên bản nghiệm thu.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Biên bản nghiệm thu.docx'],
    ['xlsx', 'so-lieu.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'so-lieu.xlsx'],
  ] as const)('accepts a real %s file', async (type, name, mime, storedName) => {
    const res = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '2', kind: 'anh_cong_trinh', title: 'Đường thôn 3 sau khi bê tông hóa' }, { name, bytes: FILES[type] })
    expect(res.status).toBe(201)
    expect(res.body.file).toMatchObject({ type, mime, name: storedName })
  })

  it('decides the type from the bytes: a PDF sent as "photo.jpg" with image/jpeg is stored and served as a PDF', async () => {
    const res = await api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'photo.jpg', bytes: FILES.pdf, type: 'image/jpeg' })
    expect(res.status).toBe(201)
    expect(res.body.file).toMatchObject({ type: 'pdf', mime: 'application/pdf', name: 'photo.pdf' })
    const file = await api.get(TOKENS.binhSon, res.body.fileUrl)
    expect(file.headers.get('Content-Type')).toBe('application/pdf')
  })

  it('lets the district office file for a commune of its district', async () => {
    // Thọ Sơn files under the province's own set (its criterion 6 is the environment).
    const res = await api.upload(TOKENS.district, 'tho-son', { criterion: '6', kind: 'bien_ban', title: 'Biên bản kiểm tra môi trường' }, { name: 'bb.pdf', bytes: FILES.pdf })
    expect(res.status).toBe(201)
    expect(res.body.catalog).toBe('demo-thanh-hoa-nang-cao')
    expect(res.body.createdBy).toBe('Huyện Triệu Sơn')
  })

  it('lists a paper kept in a cabinet by its number and date, without a file', async () => {
    const res = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '2', kind: 'ke_hoach', title: 'Kế hoạch cải tạo lưới điện', number: '12/KH-UBND', date: '2026-02-01' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ file: null, fileUrl: null, number: '12/KH-UBND', date: '2026-02-01' })
  })

  it('reads the kind from its Vietnamese name and the criterion as "TC 7"', async () => {
    const res = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: 'TC 7', kind: 'Biên bản', title: 'Biên bản nghiệm thu chợ' }, { name: 'x.png', bytes: FILES.png })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ criterion: 7, kind: 'bien_ban' })
  })
})

describe('POST /units/{unit}/evidence: refusals store nothing', () => {
  async function refused(run: () => Promise<{ status: number; body: any }>, status: number, error: string, unit = 'binh-son') {
    const before = await stored(unit)
    const res = await run()
    expect(res.status).toBe(status)
    expect(res.body).toMatchObject({ error })
    expect(typeof res.body.message).toBe('string')
    expect(typeof res.body.message_en).toBe('string')
    expect(await stored(unit)).toEqual(before)
    return res.body
  }

  it('refuses bytes that are no allowed type whatever the name and header say (415)', async () => {
    const body = await refused(() => api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'quyet-dinh.pdf', bytes: ascii('<html><script>alert(1)</script></html>'), type: 'application/pdf' }), 415, 'unsupported_file_type')
    expect(body.message).toContain('"quyet-dinh.pdf"')
    expect(body.message).toContain('xét theo nội dung tệp')
  })

  it('refuses a Windows program named as a photo (415)', async () => {
    const exe = new Uint8Array(4096)
    exe.set(ascii('MZ'), 0)
    await refused(() => api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'anh.jpg', bytes: exe, type: 'image/jpeg' }), 415, 'unsupported_file_type')
  })

  it('refuses an old .doc with advice to save as .docx (415)', async () => {
    const body = await refused(() => api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'bien-ban.docx', bytes: FILES.doc }), 415, 'unsupported_file_type')
    expect(body.message).toContain('.docx')
  })

  it('refuses a PDF signature that is not at the very start (415)', async () => {
    await refused(() => api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'x.pdf', bytes: ascii(' %PDF-1.4 not really') }), 415, 'unsupported_file_type')
  })

  it('refuses an empty file (400)', async () => {
    const body = await refused(() => api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'trong.pdf', bytes: new Uint8Array(0) }), 400, 'bad_request')
    expect(body.message).toContain('rỗng')
  })

  it('refuses a file one byte over 10 MB (413), a valid PDF otherwise', async () => {
    const big = new Uint8Array(MAX_EVIDENCE_FILE_BYTES + 1)
    big.set(FILES.pdf, 0)
    const body = await refused(() => api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'lon.pdf', bytes: big }), 413, 'payload_too_large')
    expect(body.message).toContain('10 MB')
  })

  it('accepts a PDF of exactly 10 MB', async () => {
    const exact = new Uint8Array(MAX_EVIDENCE_FILE_BYTES)
    exact.set(FILES.pdf, 0)
    const res = await api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'vua-du.pdf', bytes: exact })
    expect(res.status).toBe(201)
    expect(res.body.file.size).toBe(MAX_EVIDENCE_FILE_BYTES)
  })

  it('stops reading a body without Content-Length once it passes the limit (413)', async () => {
    let pulled = 0
    const chunk = new Uint8Array(1024 * 1024)
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        if (pulled > 64) controller.close()
        else controller.enqueue(chunk)
      },
    })
    await refused(() => api.raw('/api/v1/units/binh-son/evidence', {
      method: 'POST', body: stream, headers: { Authorization: 'Bearer ' + TOKENS.binhSon, 'Content-Type': 'multipart/form-data; boundary=x' },
      duplex: 'half',
    } as RequestInit), 413, 'payload_too_large')
    // 10 MB and a little: the 11th or 12th chunk crosses the limit; the remaining 50 MB are never pulled.
    expect(pulled).toBeLessThan(16)
  })

  it('refuses at once a body whose Content-Length is over the limit (413)', async () => {
    await refused(() => api.raw('/api/v1/units/binh-son/evidence', {
      method: 'POST', body: 'x', headers: { Authorization: 'Bearer ' + TOKENS.binhSon, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(50 * 1024 * 1024) },
    }), 413, 'payload_too_large')
  })

  // Another commune's unit is out of reach: 404, as if it did not exist (issue 10).
  it("refuses a commune writing into another commune's dossier (404)", async () => {
    await refused(() => api.upload(TOKENS.thoSon, 'binh-son', DECISION, { name: 'a.pdf', bytes: FILES.pdf }), 404, 'not_found')
  })

  it('refuses a leader, who reads only (403)', async () => {
    const body = await refused(() => api.upload(TOKENS.leader, 'binh-son', DECISION, { name: 'a.pdf', bytes: FILES.pdf }), 403, 'forbidden')
    expect(body.message).toContain('Lãnh đạo')
  })

  it('refuses a district office outside its district (404)', async () => {
    const other = await addToken('tok_evd_nhu_thanh', 'district', 'nhu-thanh')
    await refused(() => api.upload(other, 'binh-son', DECISION, { name: 'a.pdf', bytes: FILES.pdf }), 404, 'not_found')
  })

  it('refuses without a token (401)', async () => {
    await refused(() => api.upload(null, 'binh-son', DECISION, { name: 'a.pdf', bytes: FILES.pdf }), 401, 'unauthorized')
  })

  it('refuses a unit that is not a commune (400)', async () => {
    await refused(() => api.upload(TOKENS.district, 'trieu-son', DECISION, { name: 'a.pdf', bytes: FILES.pdf }), 400, 'bad_request', 'trieu-son')
  })

  it('names every wrong field (400)', async () => {
    const body = await refused(() => api.upload(TOKENS.binhSon, 'binh-son', { criterion: '20', kind: 'thu', date: '31/02/2026', colour: 'red' }, { name: 'a.pdf', bytes: FILES.pdf }), 400, 'bad_request')
    const paths = body.issues.map((i: { path: string }) => i.path).sort()
    expect(paths).toEqual(['colour', 'criterion', 'date', 'kind', 'title'])
    const criterion = body.issues.find((i: { path: string }) => i.path === 'criterion')
    // Dossiers are filed under the set in force today (QĐ 51/2025: criteria 1 to 10).
    expect(criterion.message).toContain('từ 1 đến 10')
  })

  it('refuses an indicator of another criterion and an issue date in the future (400)', async () => {
    const body = await refused(() => api.upload(TOKENS.binhSon, 'binh-son', { ...DECISION, indicator: '2.1', date: '2026-12-01' }, { name: 'a.pdf', bytes: FILES.pdf }), 400, 'bad_request')
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['date', 'indicator'])
  })

  it('refuses an item with neither a file nor a number or date (400)', async () => {
    const body = await refused(() => api.upload(TOKENS.binhSon, 'binh-son', { criterion: '3', kind: 'khac', title: 'Tài liệu' }), 400, 'bad_request')
    expect(body.issues).toMatchObject([{ path: 'file', code: 'field_required' }])
  })

  it('refuses a body that is not multipart (400)', async () => {
    await refused(() => api.raw('/api/v1/units/binh-son/evidence', {
      method: 'POST', body: JSON.stringify(DECISION), headers: { Authorization: 'Bearer ' + TOKENS.binhSon, 'Content-Type': 'application/json' },
    }), 400, 'bad_request')
  })

  it('refuses two files in one upload (400)', async () => {
    const form = new FormData()
    for (const [k, v] of Object.entries(DECISION)) form.append(k, v)
    form.append('file', new File([FILES.pdf as Uint8Array<ArrayBuffer>], 'a.pdf'))
    form.append('file', new File([FILES.png as Uint8Array<ArrayBuffer>], 'b.png'))
    await refused(() => api.raw('/api/v1/units/binh-son/evidence', { method: 'POST', body: form, headers: { Authorization: 'Bearer ' + TOKENS.binhSon } }), 400, 'bad_request')
  })
})

describe('replacing a document', () => {
  it('appends a new item that supersedes the old one; both are kept, listed and audited', async () => {
    const first = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '4', kind: 'bao_cao', title: 'Báo cáo lao động có việc làm', date: '2026-06-30' }, { name: 'bc.pdf', bytes: FILES.pdf })
    expect(first.status).toBe(201)
    const second = await api.upload(TOKENS.binhSon, 'binh-son', { supersedes: first.body.id }, { name: 'bc-sua.docx', bytes: FILES.docx })
    expect(second.status).toBe(201)
    // Fields not sent are those of the replaced item.
    expect(second.body).toMatchObject({ criterion: 4, kind: 'bao_cao', title: 'Báo cáo lao động có việc làm', date: '2026-06-30', supersedes: first.body.id, file: { type: 'docx' } })
    const list = await api.get(TOKENS.binhSon, '/api/v1/units/binh-son/evidence?criterion=4')
    const items = ((await list.json()) as { items: Array<{ id: string; supersededBy: string | null }> }).items
    // Both were created at the test clock's one instant: their order in the list is not part of the contract.
    expect(items.map((i) => [i.id, i.supersededBy]).sort()).toEqual([[first.body.id, second.body.id], [second.body.id, null]].sort())
    const old = await api.get(TOKENS.binhSon, first.body.fileUrl)
    expect(old.status).toBe(200)
    expect(new Uint8Array(await old.arrayBuffer())).toEqual(FILES.pdf)
    const audit = await env.DB.prepare('SELECT action FROM audit_log WHERE target = ?1').bind(second.body.id).first<{ action: string }>()
    expect(audit?.action).toBe('evidence.supersede')
  })

  it('keeps the file when only the details are corrected', async () => {
    const first = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '5', kind: 'quyet_dinh', title: 'QĐ công nhận trạm y tế', number: '1/QĐ' }, { name: 'qd.pdf', bytes: FILES.pdf })
    const fixed = await api.upload(TOKENS.binhSon, 'binh-son', { supersedes: first.body.id, number: '101/QĐ-UBND' })
    expect(fixed.status).toBe(201)
    expect(fixed.body).toMatchObject({ number: '101/QĐ-UBND', file: { sha256: first.body.file.sha256 } })
    const file = await api.get(TOKENS.binhSon, fixed.body.fileUrl)
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(FILES.pdf)
  })

  it('refuses to replace an item twice (409) and an item of another commune (404), storing nothing', async () => {
    const first = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '9', kind: 'bien_ban', title: 'Biên bản họp', date: '2026-05-05' })
    await api.upload(TOKENS.binhSon, 'binh-son', { supersedes: first.body.id, title: 'Biên bản họp (bản ký)' }, { name: 'a.pdf', bytes: FILES.pdf })
    const before = await stored('binh-son')
    const again = await api.upload(TOKENS.binhSon, 'binh-son', { supersedes: first.body.id }, { name: 'b.pdf', bytes: FILES.pdf })
    expect(again.status).toBe(409)
    expect(again.body.error).toBe('conflict')
    const theirs = await api.upload(TOKENS.district, 'tho-son', { criterion: '8', kind: 'khac', title: 'x', date: '2026-01-01' })
    const cross = await api.upload(TOKENS.binhSon, 'binh-son', { supersedes: theirs.body.id }, { name: 'b.pdf', bytes: FILES.pdf })
    expect(cross.status).toBe(404)
    expect(await stored('binh-son')).toEqual(before)
  })

  it('refuses a replacement under another criterion (400)', async () => {
    const first = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '10', kind: 'khac', title: 'x', date: '2026-01-01' })
    const moved = await api.upload(TOKENS.binhSon, 'binh-son', { supersedes: first.body.id, criterion: '6' })
    expect(moved.status).toBe(400)
    expect(moved.body.issues).toMatchObject([{ path: 'criterion' }])
  })
})

describe('Idempotency-Key on uploads', () => {
  it('answers a retry with the first item and stores one', async () => {
    const key = { 'Idempotency-Key': 'evd-retry-1' }
    const before = await stored('binh-son')
    const a = await api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'a.pdf', bytes: FILES.pdf }, key)
    const b = await api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'a.pdf', bytes: FILES.pdf }, key)
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(b.headers.get('Idempotent-Replayed')).toBe('true')
    expect(b.body.id).toBe(a.body.id)
    expect(await stored('binh-son')).toEqual({ rows: before.rows + 1, files: before.files + 1, audits: before.audits + 1 })
  })

  it('refuses the same key with another file (409 idempotency_mismatch)', async () => {
    const key = { 'Idempotency-Key': 'evd-retry-2' }
    await api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'a.pdf', bytes: FILES.pdf }, key)
    const before = await stored('binh-son')
    const other = await api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'a.png', bytes: FILES.png }, key)
    expect(other.status).toBe(409)
    expect(other.body.error).toBe('idempotency_mismatch')
    expect(await stored('binh-son')).toEqual(before)
  })

  it('answers concurrent retries with one item', async () => {
    const key = { 'Idempotency-Key': 'evd-concurrent' }
    const before = await stored('binh-son')
    const results = await Promise.all([1, 2, 3].map(() => api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'c.pdf', bytes: FILES.pdf }, key)))
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]))
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
    expect(await stored('binh-son')).toEqual({ rows: before.rows + 1, files: before.files + 1, audits: before.audits + 1 })
  })
})
