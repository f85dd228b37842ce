// Catalogues through the API: listing and exporting, loading a filled workbook or JSON as a new version
// (append-only, every problem located, nothing stored on error), assigning a version to units from a date
// with communes' classes, and judging reports by the version in force — old revisions keep their verdicts.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { catalogWorkbookPath } from '../../shared/api'
import { insertUnitStatement } from '../../worker/db/units'
import { createApp } from '../../worker/index'
import { DEMO_PROVINCE_CATALOG } from '../../worker/seed/demo-catalog'
import { type ReadSheet, readWorkbook } from '../../worker/xlsx/read-workbook'
import { writeWorkbook } from '../../worker/xlsx/write-workbook'
import { DEMO_NOW, TOKENS, addOtherDistrict, addToken, client, countRevisions, reportBody, seedDemo } from './helpers'

const call = client()
const app = createApp({ now: () => DEMO_NOW })
let provinceOffice = ''

beforeAll(async () => {
  await seedDemo()
  await addOtherDistrict()
  provinceOffice = await addToken('tok_cat_province', 'district', 'thanh-hoa')
})

async function download(path: string, token: string): Promise<Response> {
  return app.request(path, { headers: { Authorization: 'Bearer ' + token } }, env)
}

async function post(token: string, body: Uint8Array | string, type: string) {
  const res = await app.request('/api/v1/catalogs', { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': type }, body }, env)
  return { status: res.status, body: (await res.json()) as any }
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const postJson = (token: string, data: unknown) => post(token, JSON.stringify(data), 'application/json')

async function countCatalogs(): Promise<number> {
  return (await env.DB.prepare('SELECT COUNT(*) AS n FROM catalogs').first<{ n: number }>())?.n ?? 0
}

/** The exported workbook of a stored version, read back into sheets a test can edit. */
async function exported(id: string, version: string): Promise<ReadSheet[]> {
  const res = await download(catalogWorkbookPath(id, version), TOKENS.binhSon)
  expect(res.status).toBe(200)
  return readWorkbook(await res.arrayBuffer())
}

function edit(sheets: ReadSheet[], sheet: string, change: (rows: ReadSheet['rows']) => void): ReadSheet[] {
  return sheets.map((s) => {
    if (s.name !== sheet) return s
    const rows = s.rows.map((r) => r.slice())
    change(rows)
    return { ...s, rows }
  })
}
const bytesOf = (sheets: ReadSheet[]) => writeWorkbook(sheets.map((s) => ({ name: s.name, values: s.rows })))
const setVersion = (sheets: ReadSheet[], version: string) => edit(sheets, 'Thông tin', (rows) => {
  rows.find((r) => r[0] === 'Phiên bản')![1] = version
})

describe('GET /catalogs and the catalogue workbook', () => {
  it('lists every stored version, with what it holds', async () => {
    const res = await call('GET', '/api/v1/catalogs', { token: TOKENS.binhSon })
    expect(res.status).toBe(200)
    const byKey = Object.fromEntries(res.body.catalogs.map((c: { id: string; version: string }) => [c.id + '@' + c.version, c]))
    expect(byKey['qd-318-2022@2022.1']).toMatchObject({ title: 'QĐ 318/QĐ-TTg', effectiveFrom: '2022-03-08', criteria: 19, indicators: 55 })
    expect(byKey['qd-51-2025@2025.1']).toMatchObject({ effectiveFrom: '2026-02-15', criteria: 10, indicators: 10, thresholds: 0, classification: { label: 'Nhóm xã' } })
    expect(byKey['demo-thanh-hoa-nang-cao@2026.1']).toMatchObject({ criteria: 8, indicators: 12, thresholds: 23, documents: 6 })
    expect(byKey['qd-51-2025@2025.1'].documents).toBe(0)
  })

  it('exports a version as the workbook a province fills, and its JSON', async () => {
    const res = await download(catalogWorkbookPath('qd-51-2025', '2025.1'), TOKENS.district)
    expect(res.headers.get('Content-Disposition')).toContain('filename="bo-tieu-chi-qd-51-2025-2025.1.xlsx"')
    const sheets = await readWorkbook(await res.arrayBuffer())
    expect(sheets.map((s) => s.name)).toEqual(['Thông tin', 'Tiêu chí', 'Chỉ tiêu', 'Cách ghi ngưỡng', 'Hồ sơ minh chứng'])
    expect(sheets[2]!.rows[0]!.slice(0, 8)).toEqual(['Mã', 'Tiêu chí', 'Tên chỉ tiêu', 'Đơn vị tính', 'Kiểu', 'Xã nhóm 1', 'Xã nhóm 2', 'Xã nhóm 3'])
    const json = await call('GET', '/api/v1/catalogs/qd-51-2025/2025.1', { token: TOKENS.binhSon })
    expect(json.body).toMatchObject({ id: 'qd-51-2025', version: '2025.1', criteria: expect.any(Array) })
    expect((await download(catalogWorkbookPath('qd-51-2025', '9.9'), TOKENS.binhSon)).status).toBe(404)
  })
})

describe('POST /catalogs', () => {
  it('stores an edited workbook as a new version (201), a repeat as nothing new (200), other content under that version never (409)', async () => {
    const changed = edit(setVersion(await exported('demo-thanh-hoa-nang-cao', '2026.1'), '2026.9'), 'Chỉ tiêu', (rows) => {
      const header = rows[0]!
      rows.find((r) => r[0] === '6.1')![header.indexOf('Vùng 1 — đồng bằng, ven biển')] = '>= 50 %'
    })
    const bytes = await bytesOf(changed)
    const before = await countCatalogs()
    const created = await post(provinceOffice, bytes, XLSX)
    expect(created).toMatchObject({ status: 201, body: { id: 'demo-thanh-hoa-nang-cao', version: '2026.9', created: true } })
    const again = await post(provinceOffice, bytes, XLSX)
    expect(again).toMatchObject({ status: 200, body: { created: false } })
    expect(await countCatalogs()).toBe(before + 1)

    const other = await post(TOKENS.admin, await bytesOf(edit(changed, 'Chỉ tiêu', (rows) => {
      rows.find((r) => r[0] === '6.1')![rows[0]!.indexOf('Vùng 1 — đồng bằng, ven biển')] = '≥ 55%'
    })), XLSX)
    expect(other.status).toBe(409)
    expect(other.body.error).toBe('conflict')
    expect(other.body.issues).toMatchObject([{ code: 'catalog_version_conflict', path: 'version', cell: "'Thông tin'!B3" }])
    expect(other.body.issues[0].message).toMatch(/^'Thông tin'!B3: Phiên bản "2026.9" của bộ tiêu chí này đã được nạp với nội dung khác/)
    expect(await countCatalogs()).toBe(before + 1)
    const stored = await call('GET', '/api/v1/catalogs/demo-thanh-hoa-nang-cao/2026.9', { token: TOKENS.admin })
    expect(stored.body.criteria[5].indicators[0].thresholds['vung-1']).toEqual({ min: 50 })
    const audit = await env.DB.prepare("SELECT actor, action FROM audit_log WHERE target = 'demo-thanh-hoa-nang-cao@2026.9'").all()
    expect(audit.results).toEqual([{ actor: 'tok_cat_province', action: 'catalog.load' }])
  })

  it('names the sheet and cell of every problem and stores nothing', async () => {
    const broken = edit(setVersion(await exported('qd-318-2022', '2022.1'), '2026.1'), 'Chỉ tiêu', (rows) => {
      const col = rows[0]!.indexOf('Bắc Trung Bộ')
      rows.find((r) => r[0] === '3.1')![col] = '≥ 8O%'
      rows.find((r) => r[0] === '4.1')![rows[0]!.indexOf('Kiểu')] = null
      rows.find((r) => r[0] === '11')![0] = '10'
    })
    const before = await countCatalogs()
    const res = await post(TOKENS.admin, await bytesOf(broken), XLSX)
    expect(res.status).toBe(422)
    expect(res.body.error).toBe('validation_failed')
    expect(res.body.message).toBe('Bộ tiêu chí có 3 lỗi, chưa nạp gì. Sửa các ô được nêu rồi gửi lại.')
    expect(res.body.issues.map((i: { cell: string; code: string }) => i.cell + ' ' + i.code)).toEqual([
      "'Chỉ tiêu'!H8 threshold_unreadable", "'Chỉ tiêu'!E10 indicator_kind_missing", "'Chỉ tiêu'!A24 indicator_code_duplicate",
    ])
    expect(res.body.issues[0].message).toMatch(/^'Chỉ tiêu'!H8: "≥ 8O%" không đọc được ngưỡng/)
    expect(await countCatalogs()).toBe(before)
  })

  it('refuses a workbook that is not the catalogue template, and a file that is neither a workbook nor JSON', async () => {
    const reportBook = await download('/api/v1/reports/template.xlsx', TOKENS.binhSon)
    const res = await post(TOKENS.admin, new Uint8Array(await reportBook.arrayBuffer()), XLSX)
    expect(res.status).toBe(400)
    expect(res.body.issues).toMatchObject([{ code: 'catalog_not_template' }])
    expect(res.body.issues[0].message).toContain('thiếu trang "Tiêu chí"')
    const garbage = await post(TOKENS.admin, 'PK không phải', 'application/octet-stream')
    expect(garbage.status).toBe(400)
    expect(garbage.body.message).toContain('không phải sổ Excel')
  })

  it('takes the same table as JSON, with every problem at its JSON path', async () => {
    const ok = await postJson(TOKENS.admin, { ...DEMO_PROVINCE_CATALOG, id: 'tinh-json', version: '1' })
    expect(ok).toMatchObject({ status: 201, body: { id: 'tinh-json', version: '1', created: true } })
    const bad = await postJson(TOKENS.admin, {
      ...DEMO_PROVINCE_CATALOG, id: 'tinh-json', version: '2',
      indicators: DEMO_PROVINCE_CATALOG.indicators.map((i, n) => (n === 0 ? { ...i, thresholds: { ...i.thresholds, 'vung-3': '≥ 1%' } } : i)),
    })
    expect(bad.status).toBe(422)
    expect(bad.body.issues).toMatchObject([{ code: 'class_unknown', path: 'indicators[0].thresholds.vung-3' }])
    expect(bad.body.issues[0].cell).toBeUndefined()
    expect((await post(TOKENS.admin, '{"id":', 'application/json')).status).toBe(400)
  })

  it('is for the province office and administrators only', async () => {
    const body = { ...DEMO_PROVINCE_CATALOG, id: 'tinh-roles', version: '1' }
    for (const token of [TOKENS.binhSon, TOKENS.district, TOKENS.leader]) {
      const res = await postJson(token, body)
      expect(res.status).toBe(403)
      expect(res.body.message).toContain('Văn phòng NTM cấp tỉnh')
    }
    expect((await call('GET', '/api/v1/catalogs/tinh-roles/1', { token: TOKENS.admin })).status).toBe(404)
  })
})

describe('PUT /units/{unit}/catalog', () => {
  it('assigns a version from a date with classes (by id or name), and the period after that date uses it', async () => {
    await postJson(TOKENS.admin, { ...DEMO_PROVINCE_CATALOG, id: 'tinh-moi', version: '1', effectiveFrom: '01/12/2026' })
    const res = await call('PUT', '/api/v1/units/trieu-son/catalog', {
      token: TOKENS.district,
      body: { catalog: 'tinh-moi', version: '1', from: '2026-12-01', classes: { 'binh-son': 'vung-2', 'hop-ly': 'Vùng 1 — đồng bằng, ven biển' } },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ unit: 'trieu-son', catalog: { id: 'tinh-moi', version: '1' }, from: '2026-12-01' })
    const classes = Object.fromEntries(res.body.communes.map((c: { unit: string; classId: string | null }) => [c.unit, c.classId]))
    expect(classes).toEqual({ 'binh-son': 'vung-2', 'hop-ly': 'vung-1', 'tho-binh': null, 'dan-luc': null, 'tho-son': null })
    expect((await call('GET', '/api/v1/catalog?period=2026-11-28', { token: TOKENS.binhSon })).body.catalog.id).toBe('qd-51-2025')
    const next = await call('GET', '/api/v1/catalog?period=2026-12-14', { token: TOKENS.binhSon })
    expect(next.body).toMatchObject({ catalog: { id: 'tinh-moi' }, classId: 'vung-2', assignment: { unit: 'trieu-son', from: '2026-12-01' } })
    // Thọ Sơn's own assignment is nearer than the district's.
    expect((await call('GET', '/api/v1/catalog?period=2026-12-14&unit=tho-son', { token: TOKENS.district })).body.catalog.id).toBe('demo-thanh-hoa-nang-cao')
    const rows = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM catalog_assignments WHERE unit_id = 'trieu-son'").first<{ n: number }>())?.n
    const n = await rows()
    await call('PUT', '/api/v1/units/trieu-son/catalog', { token: TOKENS.district, body: { catalog: 'tinh-moi', version: '1', from: '2026-12-01', classes: { 'binh-son': 'vung-2' } } })
    expect(await rows()).toBe(n)
  })

  it('refuses an unknown version, a date before the set applies, an unknown class, a unit outside — storing nothing', async () => {
    const count = async () => (await env.DB.prepare('SELECT (SELECT COUNT(*) FROM catalog_assignments) + (SELECT COUNT(*) FROM unit_classes) AS n').first<{ n: number }>())?.n
    const before = await count()
    const put = (body: unknown, token = TOKENS.district) => call('PUT', '/api/v1/units/trieu-son/catalog', { token, body })
    const unknown = await put({ catalog: 'qd-51-2025', version: '9', from: '2026-03-01' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.issues).toMatchObject([{ code: 'catalog_not_found', path: 'version' }])
    const early = await put({ catalog: 'qd-51-2025', version: '2025.1', from: '2026-01-01', classes: { 'binh-son': 'nhom-9', 'xuan-du': 'nhom-1' } })
    expect(early.status).toBe(422)
    expect(early.body.issues.map((i: { code: string; path: string }) => i.code + ' @ ' + i.path)).toEqual([
      'assignment_before_effective @ from', 'class_unknown @ classes.binh-son', 'assignment_unit_outside @ classes.xuan-du',
    ])
    expect(early.body.issues[0].message).toContain('chỉ áp dụng từ 15/02/2026')
    expect(early.body.issues[1].message).toContain('Xã nhóm 1, Xã nhóm 2, Xã nhóm 3')
    expect((await put({ catalog: 'qd-51-2025', version: '2025.1', from: 'mai' })).status).toBe(422)
    expect((await put({ catalog: 'qd-51-2025' })).status).toBe(400)
    for (const token of [TOKENS.binhSon, TOKENS.leader]) expect((await put({ catalog: 'qd-51-2025', version: '2025.1', from: '2026-03-01' }, token)).status).toBe(403)
    // Another district is out of reach: it answers as a missing unit would.
    expect((await call('PUT', '/api/v1/units/nhu-thanh/catalog', { token: TOKENS.district, body: { catalog: 'qd-51-2025', version: '2025.1', from: '2026-03-01' } })).status).toBe(404)
    expect(await count()).toBe(before)
  })
})

describe('judging reports by the catalogue in force', () => {
  it('judges 2026-02-14 by QĐ 318 (X/19) and 2026-02-28 by QĐ 51/2025 (X/10); rows of the wrong set are refused', async () => {
    const old = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-02-14', [1, 2, 3]) })
    expect(old.body).toMatchObject({ achieved: 3, total: 19 })
    const next = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: reportBody('binh-son', '2026-02-28', [1, 2, 3]) })
    expect(next.body).toMatchObject({ achieved: 3, total: 10 })
    const wrong = await call('POST', '/api/v1/reports', { token: TOKENS.binhSon, body: { ...reportBody('binh-son', '2026-02-14'), period: '2026-02-28' } })
    expect(wrong.status).toBe(422)
    expect(wrong.body.issues.map((i: { code: string }) => i.code)).toContain('indicator_unknown')
  })

  it('a commune with no class is refused with what the office must set; once classed, it is judged', async () => {
    await env.DB.batch([insertUnitStatement(env.DB, { id: 'lac-son', name: 'Xã Lạc Sơn', level: 'commune', parentId: 'trieu-son', reportsFrom: null }, DEMO_NOW.toISOString())])
    const lac = await addToken('tok_cat_lac_son', 'commune', 'lac-son')
    const before = await countRevisions('lac-son', '2026-11-28')
    const refused = await call('POST', '/api/v1/reports', { token: lac, body: reportBody('lac-son', '2026-11-28', [1]) })
    expect(refused.status).toBe(422)
    expect(refused.body.issues).toMatchObject([{ code: 'class_missing', path: 'unit', severity: 'error' }])
    expect(refused.body.issues[0].message).toContain('chưa được xếp nhóm xã (Xã nhóm 1, Xã nhóm 2, Xã nhóm 3) theo bộ tiêu chí QĐ 51/2025/QĐ-TTg')
    expect(await countRevisions('lac-son', '2026-11-28')).toBe(before)
    const catalog = await call('GET', '/api/v1/catalog', { token: lac })
    expect(catalog.body).toMatchObject({ classId: null, className: null })
    await call('PUT', '/api/v1/units/trieu-son/catalog', { token: TOKENS.district, body: { catalog: 'qd-51-2025', version: '2025.1', from: '2026-02-15', classes: { 'lac-son': 'Xã nhóm 3' } } })
    const accepted = await call('POST', '/api/v1/reports', { token: lac, body: reportBody('lac-son', '2026-11-28', [1]) })
    expect(accepted).toMatchObject({ status: 201, body: { achieved: 1, total: 10 } })
  })

  it('a loaded catalogue with "≥ 80%" decides by value: 85 is đạt, 79 chưa đạt, nothing declared', async () => {
    const table = {
      id: 'tinh-80', version: '1', title: 'Bộ thử 80%', effectiveFrom: '2026-11-01',
      classification: { label: 'Vùng', classes: [{ id: 'tat-ca', name: 'Tất cả các xã' }] },
      criteria: [{ no: 1, name: 'Giao thông' }],
      indicators: [{ code: '1.1', criterion: 1, name: 'Tỷ lệ đường xã được cứng hóa', unit: '%', kind: 'tỷ lệ (%)', thresholds: { 'tat-ca': '≥ 80%' } }],
    }
    expect((await postJson(provinceOffice, table)).status).toBe(201)
    await env.DB.batch([insertUnitStatement(env.DB, { id: 'xa-thu', name: 'Xã Thử', level: 'commune', parentId: 'thanh-hoa', reportsFrom: null }, DEMO_NOW.toISOString())])
    const put = await call('PUT', '/api/v1/units/xa-thu/catalog', { token: provinceOffice, body: { catalog: 'tinh-80', version: '1', from: '2026-11-01', classes: { 'xa-thu': 'tat-ca' } } })
    expect(put.status).toBe(200)
    const token = await addToken('tok_cat_xa_thu', 'commune', 'xa-thu')
    const submit = (value: number) => call('POST', '/api/v1/reports', { token, body: { unit: 'xa-thu', period: '2026-11-28', indicators: [{ code: '1.1', value }] } })
    expect((await submit(85)).body).toMatchObject({ achieved: 1, total: 1, issues: [] })
    expect((await submit(79)).body).toMatchObject({ achieved: 0, total: 1, issues: [] })
    const detail = await call('GET', '/api/v1/reports/xa-thu/2026-11-28', { token })
    expect(detail.body.latest.evaluation.criteria[0].indicators[0]).toMatchObject({ value: 79, basis: 'threshold', achieved: false, declared: null })
  })

  it('keeps the verdicts of old revisions after a new version is loaded and assigned; new reports use the new one', async () => {
    const before = (await call('GET', '/api/v1/reports/tho-son/2026-11-14', { token: TOKENS.thoSon })).body.latest
    expect(before).toMatchObject({ achieved: 7, total: 8, catalog: { version: '2026.1' } })
    // Version 2026.2 lowers zone 1's bar for clean water to 50% (Thọ Sơn reports 58%).
    const lower = {
      ...DEMO_PROVINCE_CATALOG, version: '2026.2',
      indicators: DEMO_PROVINCE_CATALOG.indicators.map((i) => (i.code === '6.1' ? { ...i, thresholds: { ...i.thresholds, 'vung-1': '≥ 50%' } } : i)),
    }
    expect((await postJson(TOKENS.admin, lower)).status).toBe(201)
    expect((await call('PUT', '/api/v1/units/tho-son/catalog', { token: TOKENS.district, body: { catalog: lower.id, version: '2026.2', from: '2026-11-01' } })).status).toBe(200)

    const after = await call('GET', '/api/v1/reports/tho-son/2026-11-14', { token: TOKENS.thoSon })
    expect(after.body.latest).toMatchObject({ revision: before.revision, achieved: 7, total: 8, catalog: { version: '2026.1' } })
    const agg = await call('POST', '/api/v1/aggregate', { token: TOKENS.district, body: { unit: 'trieu-son', period: '2026-11-14' } })
    expect(agg.body.communes.find((r: { unit: { id: string } }) => r.unit.id === 'tho-son')).toMatchObject({ achieved: 7, catalog: { version: '2026.1' } })

    // The same values sent again are a new revision, judged by the version now in force.
    const values = before.indicators.map((i: { code: string; value: unknown }) => ({ code: i.code, value: i.value }))
    const resent = await call('POST', '/api/v1/reports', { token: TOKENS.thoSon, body: { unit: 'tho-son', period: '2026-11-14', indicators: values } })
    expect(resent.body).toMatchObject({ revision: before.revision + 1, achieved: 8, total: 8 })
    const history = await call('GET', '/api/v1/reports/tho-son/2026-11-14', { token: TOKENS.thoSon })
    expect(history.body.revisions.map((r: { achieved: number }) => r.achieved)).toEqual([7, 8])
    expect(history.body.latest.catalog).toEqual({ id: 'demo-thanh-hoa-nang-cao', version: '2026.2' })
  })
})

describe('stored catalogues, assignments and classes are append-only in D1 itself', () => {
  it('refuses updates, deletes and replacing inserts whatever SQL reaches the database', async () => {
    const refused = async (sql: string) => expect(env.DB.prepare(sql).run()).rejects.toThrow(/append-only/)
    await refused("UPDATE catalogs SET body = '{}' WHERE id = 'qd-318-2022'")
    await refused("DELETE FROM catalogs WHERE id = 'qd-318-2022'")
    await refused("INSERT OR REPLACE INTO catalogs (id, version, body, loaded_at) VALUES ('qd-318-2022', '2022.1', '{}', 'x')")
    await refused("UPDATE catalog_assignments SET effective_from = '2000-01-01'")
    await refused('DELETE FROM unit_classes')
    const stored = await call('GET', '/api/v1/catalogs/qd-318-2022/2022.1', { token: TOKENS.admin })
    expect(stored.body.criteria).toHaveLength(19)
  })
})
