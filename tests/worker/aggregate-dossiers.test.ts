// The district's aggregate carries the communes × criteria dossier matrix beside the criteria-met matrix,
// from the demo's dossiers (worker/seed/demo-evidence.ts) and what communes upload afterwards; the summary
// workbook shows it as its second sheet.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { aggregateWorkbookPath } from '../../shared/api'
import type { DossierMatrix } from '../../shared/dossier-matrix'
import { sha256HexOfBytes } from '../../worker/hash'
import { createApp } from '../../worker/index'
import { readWorkbook } from '../../worker/xlsx/read-workbook'
import { FILES, evidenceClient } from './evidence-helpers'
import { DEMO_NOW, TOKENS, client, seedDemo } from './helpers'

const call = client()
const api = evidenceClient()
const first = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1)

beforeAll(seedDemo)

async function matrices(token = TOKENS.district): Promise<DossierMatrix[]> {
  const res = await call('POST', '/api/v1/aggregate', { token, body: { unit: 'trieu-son', period: '2026-11-14' } })
  expect(res.status).toBe(200)
  return res.body.dossiers as DossierMatrix[]
}

const row = (m: DossierMatrix, unit: string) => m.communes.find((c) => c.unit.id === unit)!

describe('the dossier matrix of the aggregate', () => {
  it('shows Bình Sơn with criteria "đạt" but "thiếu hồ sơ", as the demo has it, one matrix per catalogue', async () => {
    const [national, province, ...more] = await matrices()
    expect(more).toEqual([])
    // Four communes are judged by QĐ 51/2025, Thọ Sơn by the province's set: criterion numbers do not mix.
    expect(national!.catalog).toMatchObject({ id: 'qd-51-2025' })
    expect(national!.criteria).toHaveLength(10)
    expect(national!.communes.map((c) => c.unit.id).sort()).toEqual(['binh-son', 'dan-luc', 'hop-ly', 'tho-binh'])
    expect(province!.communes.map((c) => c.unit.id)).toEqual(['tho-son'])
    const binhSon = row(national!, 'binh-son')
    // Met in the 14/11 report: 1, 2, 5, 6, 9, 10; filed with a file: 1 (replaced, still filed), 2 and 7.
    expect(binhSon.metWithoutDossier).toEqual([5, 6, 9, 10])
    expect([1, 2, 7].map((n) => binhSon.missing[String(n)])).toEqual([0, 0, 0])
    // Criterion 5's decision is a paper in the cabinet: listed, not counted.
    expect(binhSon.missing['5']).toBe(1)
    // Thọ Sơn's two documents count under its own set only, against that set's list: criterion 1 expects a
    // decision and minutes (worker/seed/demo-catalog.ts), and a photo of the road is neither.
    expect(row(province!, 'tho-son').metWithoutDossier).toEqual([1, 3, 4, 5, 7, 8])
    expect(row(province!, 'tho-son').missing['1']).toBe(2)
    // Thọ Bình sent nothing for 14/11: nothing of it is "đạt", so nothing is met without its dossier.
    expect(row(national!, 'tho-binh')).toMatchObject({ reported: false, metWithoutDossier: [] })
    // Criterion 1: Bình Sơn's is complete; Hợp Lý and Dân Lực meet it without a document.
    expect(national!.totals[0]).toEqual({ no: 1, complete: 1, metWithoutDossier: 2 })
    expect(national!.totals[4]).toEqual({ no: 5, complete: 0, metWithoutDossier: 2 })
  })

  it("serves the demo's files as the PDFs their rows describe", async () => {
    const list = await call('GET', '/api/v1/units/binh-son/evidence?criterion=7', { token: TOKENS.district })
    const item = list.body.items[0]
    expect(item).toMatchObject({ kind: 'bao_cao', number: '42/BC-UBND', file: { type: 'pdf', name: 'Báo cáo chuyển đổi số.pdf' } })
    const res = await api.get(TOKENS.district, item.fileUrl)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe('%PDF-1.4')
    expect(bytes.byteLength).toBe(item.file.size)
    expect(await sha256HexOfBytes(bytes)).toBe(item.file.sha256)
  })

  it('counts a document the commune uploads, at once, for the district and its leader', async () => {
    const res = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '6', kind: 'quyet_dinh', title: 'Phê duyệt danh sách hộ nghèo, cận nghèo năm 2026', date: '2026-01-20' }, { name: 'ho-ngheo.pdf', bytes: FILES.pdf })
    expect(res.status).toBe(201)
    const [national] = await matrices(TOKENS.leader)
    expect(row(national!, 'binh-son').metWithoutDossier).toEqual([5, 9, 10])
    expect(row(national!, 'binh-son').missing['6']).toBe(0)
    // Another commune's document fills nothing of Bình Sơn's.
    expect(row(national!, 'dan-luc').missing['6']).toBe(1)
  })

  // After the upload above: Bình Sơn's criterion 6 is complete.
  it('puts the matrix in the summary workbook, beside "Tổng hợp"', async () => {
    const app = createApp({ now: () => DEMO_NOW })
    const res = await app.request(aggregateWorkbookPath('trieu-son', '2026-11-14'), { headers: { Authorization: 'Bearer ' + TOKENS.leader } }, env)
    expect(res.status).toBe(200)
    const sheets = await readWorkbook(await res.arrayBuffer())
    expect(sheets[1]?.name).toBe('Hồ sơ minh chứng')
    const rows = sheets[1]!.rows
    expect(rows[0]?.[0]).toBe('Hồ sơ minh chứng các xã - kỳ 14/11/2026 - Huyện Triệu Sơn')
    expect(rows[1]?.[0]).toBe('Hồ sơ tính đến 09:00 26/11/2026 (giờ Việt Nam); kết quả đạt theo lần gửi mới nhất của kỳ.')
    expect(rows[3]?.[0]).toBe('Đạt nhưng thiếu hồ sơ: 18 tiêu chí ở 4 xã (Xã Dân Lực 6, Xã Thọ Sơn 6, Xã Bình Sơn 3, Xã Hợp Lý 3)')
    expect(rows[5]?.[0]).toMatch(/^Bộ tiêu chí QĐ 51\/2025\/QĐ-TTg.* \(phiên bản .+\): 4 xã$/)
    expect(rows[6]?.slice(0, 5)).toEqual(['Xã', 'Tiêu chí đủ hồ sơ', 'Đạt nhưng thiếu hồ sơ', 'TC1', 'TC2'])
    const binhSon = rows.find((r) => r[0] === 'Xã Bình Sơn')!
    expect(binhSon.slice(0, 13)).toEqual(['Xã Bình Sơn', '4/10', 'TC5, TC9, TC10', 'đủ', 'đủ', 'thiếu 1', 'thiếu 1', 'thiếu 1', 'đủ', 'đủ', 'thiếu 1', 'thiếu 1', 'thiếu 1'])
    // The province's set has its own block below, with its own criteria.
    const second = rows.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('Bộ tiêu chí DEMO'))
    expect(second).toBeGreaterThan(6)
    expect(rows[second + 1]?.slice(0, 4)).toEqual(['Xã', 'Tiêu chí đủ hồ sơ', 'Đạt nhưng thiếu hồ sơ', 'TC1'])
    expect(rows[second + 2]?.slice(0, 3)).toEqual(['Xã Thọ Sơn', '1/8', 'TC1, TC3, TC4, TC5, TC7, TC8'])
    const firstTotals = rows.find((r) => r[0] === 'Số xã đạt nhưng thiếu hồ sơ')!
    expect(firstTotals.slice(3, 6)).toEqual([2, 2, 2])
  })
})
