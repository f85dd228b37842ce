// The documents a criterion's dossier needs come with the catalogue (issue 13 on issue 7): loaded from the
// catalogue workbook's "Hồ sơ minh chứng" sheet, stored with the version, and deciding "đủ" / "thiếu N" in a
// commune's dossier; an item may name one of them, and only one of them.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { catalogWorkbookPath } from '../../shared/api'
import { dossierText } from '../../shared/evidence'
import { createApp } from '../../worker/index'
import { type ReadSheet, readWorkbook } from '../../worker/xlsx/read-workbook'
import { writeWorkbook } from '../../worker/xlsx/write-workbook'
import { FILES, evidenceClient, stored } from './evidence-helpers'
import { DEMO_NOW, TOKENS, client, seedDemo } from './helpers'

const call = client()
const api = evidenceClient()
const app = createApp({ now: () => DEMO_NOW })
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

beforeAll(seedDemo)

/** The demo province set exported, its dossier sheet filled as an office would, saved under a new version. */
async function workbookWithDocuments(version: string, docs: Array<Array<string | number>>): Promise<Uint8Array> {
  const res = await app.request(catalogWorkbookPath('demo-thanh-hoa-nang-cao', '2026.1'), { headers: { Authorization: 'Bearer ' + TOKENS.admin } }, env)
  const sheets = await readWorkbook(await res.arrayBuffer())
  const edited: ReadSheet[] = sheets.map((s) => {
    const rows = s.rows.map((r) => r.slice())
    if (s.name === 'Thông tin') rows.find((r) => r[0] === 'Phiên bản')![1] = version
    // The demo set's own list is replaced by this one (the note and header rows stay).
    if (s.name === 'Hồ sơ minh chứng') rows.splice(2, rows.length, ...docs)
    return { ...s, rows }
  })
  return writeWorkbook(edited.map((s) => ({ name: s.name, values: s.rows })))
}

async function load(bytes: Uint8Array) {
  const res = await app.request('/api/v1/catalogs', { method: 'POST', headers: { Authorization: 'Bearer ' + TOKENS.admin, 'Content-Type': XLSX }, body: bytes }, env)
  return { status: res.status, body: (await res.json()) as any }
}

const DOCS = [
  [1, '1.a', 'Quyết định phê duyệt đề án giao thông nông thôn', 'Quyết định'],
  [1, '1.b', 'Biên bản nghiệm thu các tuyến đường', 'Biên bản'],
  [1, '1.c', 'Bản đồ mạng lưới giao thông xã', ''],
  [6, '6.a', 'Kế hoạch thu gom, phân loại rác thải', 'Kế hoạch'],
]

describe('the documents a criterion needs, from the catalogue workbook', () => {
  it('in the demo, Thọ Sơn\'s dossier expects what the province\'s set lists', async () => {
    const res = await call('GET', '/api/v1/units/tho-son/evidence', { token: TOKENS.thoSon })
    expect(res.body.catalog).toMatchObject({ id: 'demo-thanh-hoa-nang-cao', version: '2026.1' })
    expect(res.body.dossiers.map((d: { criterion: number; expected: number }) => d.criterion + ':' + d.expected)).toEqual(['1:2', '2:1', '3:1', '4:1', '5:2', '6:2', '7:1', '8:1'])
    // Criterion 5 is met in the 14/11 report, with neither of its two documents filed: "đạt nhưng thiếu hồ sơ".
    expect(res.body.dossiers[4]).toMatchObject({ criterion: 5, met: true, complete: false })
    expect(dossierText(res.body.dossiers[4])).toBe('thiếu 2')
  })

  it('load with the version, and judge a commune\'s dossier "đủ" or "thiếu N"', async () => {
    const loaded = await load(await workbookWithDocuments('2026.5', DOCS))
    expect(loaded).toMatchObject({ status: 201, body: { id: 'demo-thanh-hoa-nang-cao', version: '2026.5' } })
    const json = await call('GET', '/api/v1/catalogs/demo-thanh-hoa-nang-cao/2026.5', { token: TOKENS.admin })
    expect(json.body.criteria[0].evidence).toEqual([
      { id: '1.a', title: 'Quyết định phê duyệt đề án giao thông nông thôn', kind: 'quyet_dinh' },
      { id: '1.b', title: 'Biên bản nghiệm thu các tuyến đường', kind: 'bien_ban' },
      { id: '1.c', title: 'Bản đồ mạng lưới giao thông xã' },
    ])
    // Thọ Sơn is judged by the province's set: the office moves it to the new version from the 28/11 period.
    const put = await call('PUT', '/api/v1/units/tho-son/catalog', { token: TOKENS.district, body: { catalog: 'demo-thanh-hoa-nang-cao', version: '2026.5', from: '2026-11-15' } })
    expect(put.status).toBe(200)

    const before = await call('GET', '/api/v1/units/tho-son/evidence', { token: TOKENS.thoSon })
    expect(before.body.catalog).toMatchObject({ id: 'demo-thanh-hoa-nang-cao', version: '2026.5' })
    const first = before.body.dossiers[0]
    expect(first).toMatchObject({ criterion: 1, expected: 3, present: 0, complete: false })
    expect(first.missing.map((m: { requirement: string }) => m.requirement)).toEqual(['1.a', '1.b', '1.c'])
    expect(dossierText(first)).toBe('thiếu 3')
    // A criterion the sheet lists nothing for needs one document: Thọ Sơn's minutes for criterion 2 (the demo's)
    // are enough; criterion 3 has none.
    expect(before.body.dossiers[1]).toMatchObject({ criterion: 2, expected: 1, present: 1, missing: [] })
    expect(before.body.dossiers[2]).toMatchObject({ criterion: 3, expected: 1, missing: [{ requirement: null }] })

    // A decision that names no document stands for the one of its kind; the map must be named.
    const decision = await api.upload(TOKENS.thoSon, 'tho-son', { criterion: '1', kind: 'quyet_dinh', title: 'QĐ phê duyệt đề án giao thông', number: '12/QĐ-UBND' }, { name: 'qd.pdf', bytes: FILES.pdf })
    expect(decision.status).toBe(201)
    const map = await api.upload(TOKENS.thoSon, 'tho-son', { criterion: '1', kind: 'khac', requirement: '1.c', title: 'Bản đồ giao thông xã' }, { name: 'ban-do.png', bytes: FILES.png })
    expect(map.status).toBe(201)
    const after = await call('GET', '/api/v1/units/tho-son/evidence?criterion=1', { token: TOKENS.thoSon })
    expect(after.body.dossiers[0]).toMatchObject({ criterion: 1, expected: 3, present: 2, missing: [{ requirement: '1.b', title: 'Biên bản nghiệm thu các tuyến đường' }] })
    expect(dossierText(after.body.dossiers[0])).toBe('thiếu 1')
  })

  it('refuses an item naming a document the catalogue does not list, saying which it lists, storing nothing', async () => {
    const before = await stored('tho-son')
    const res = await api.upload(TOKENS.thoSon, 'tho-son', { criterion: '6', kind: 'ke_hoach', requirement: '6.z', title: 'Kế hoạch' }, { name: 'kh.pdf', bytes: FILES.pdf })
    expect(res.status).toBe(400)
    expect(res.body.issues[0].message).toBe('Tiêu chí 6 không có hồ sơ yêu cầu "6.z"; các hồ sơ yêu cầu: 6.a (Kế hoạch thu gom, phân loại rác thải).')
    expect(await stored('tho-son')).toEqual(before)
  })

  it('a mistake on the dossier sheet is named by its cell, and nothing loads', async () => {
    const count = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM catalogs').first<{ n: number }>())?.n
    const n = await count()
    const res = await load(await workbookWithDocuments('2026.6', [[1, '1.a', 'Quyết định', 'Công văn'], [9, '9.a', 'Biên bản', '']]))
    expect(res.status).toBe(422)
    expect(res.body.issues.map((i: { cell: string; code: string }) => i.cell + ' ' + i.code)).toEqual([
      "'Hồ sơ minh chứng'!D3 evidence_kind_unknown", "'Hồ sơ minh chứng'!A4 evidence_criterion_unknown",
    ])
    expect(await count()).toBe(n)
  })
})
