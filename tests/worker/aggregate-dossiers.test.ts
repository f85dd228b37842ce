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

async function matrix(token = TOKENS.district): Promise<DossierMatrix> {
  const res = await call('POST', '/api/v1/aggregate', { token, body: { unit: 'trieu-son', period: '2026-11-14' } })
  expect(res.status).toBe(200)
  expect(res.body.dossiers).toHaveLength(1)
  return res.body.dossiers[0] as DossierMatrix
}

const row = (m: DossierMatrix, unit: string) => m.communes.find((c) => c.unit.id === unit)!

describe('the dossier matrix of the aggregate', () => {
  it('shows Bình Sơn with criteria "đạt" but "thiếu hồ sơ", as the demo has it', async () => {
    const m = await matrix()
    expect(m.catalog).toEqual({ id: 'qd-318-2022', version: expect.any(String) })
    expect(m.criteria).toHaveLength(19)
    expect(m.communes.map((c) => c.unit.id).sort()).toEqual(['binh-son', 'dan-luc', 'hop-ly', 'tho-binh', 'tho-son'])
    const binhSon = row(m, 'binh-son')
    // Met in the 14/11 report: 1, 4, 6, 7, 8, 12, 15, 18, 19; filed with a file: 1 (replaced, still filed), 4, 6, 8.
    expect(binhSon.metWithoutDossier).toEqual([7, 12, 15, 18, 19])
    expect([1, 4, 6, 8].map((n) => binhSon.missing[String(n)])).toEqual([0, 0, 0, 0])
    // Criterion 12's decision is a paper in the cabinet: listed, not counted.
    expect(binhSon.missing['12']).toBe(1)
    const thoSon = row(m, 'tho-son')
    expect(thoSon.metWithoutDossier).toEqual(first(13).filter((n) => n !== 2 && n !== 3))
    // Thọ Bình sent nothing for 14/11: nothing of it is "đạt", so nothing is met without its dossier.
    expect(row(m, 'tho-binh')).toMatchObject({ reported: false, metWithoutDossier: [] })
    // Criterion 1: Bình Sơn's is complete; Thọ Sơn, Hợp Lý and Dân Lực meet it without a document.
    expect(m.totals[0]).toEqual({ no: 1, complete: 1, metWithoutDossier: 3 })
    expect(m.totals[6]).toEqual({ no: 7, complete: 0, metWithoutDossier: 4 })
  })

  it("serves the demo's files as the PDFs their rows describe", async () => {
    const list = await call('GET', '/api/v1/units/binh-son/evidence?criterion=4', { token: TOKENS.district })
    const item = list.body.items[0]
    expect(item).toMatchObject({ kind: 'bien_ban', number: '07/BB-ĐL', file: { type: 'pdf', name: 'Biên bản kiểm tra điện.pdf' } })
    const res = await api.get(TOKENS.district, item.fileUrl)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe('%PDF-1.4')
    expect(bytes.byteLength).toBe(item.file.size)
    expect(await sha256HexOfBytes(bytes)).toBe(item.file.sha256)
  })

  it('counts a document the commune uploads, at once, for the district and its leader', async () => {
    const res = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '7', kind: 'bien_ban', title: 'Biên bản nghiệm thu chợ Bình Sơn', date: '2026-11-20' }, { name: 'cho.pdf', bytes: FILES.pdf })
    expect(res.status).toBe(201)
    const m = await matrix(TOKENS.leader)
    expect(row(m, 'binh-son').metWithoutDossier).toEqual([12, 15, 18, 19])
    expect(row(m, 'binh-son').missing['7']).toBe(0)
    // Another commune's document fills nothing of Bình Sơn's.
    expect(row(m, 'tho-son').missing['7']).toBe(1)
  })

  // After the upload above: Bình Sơn's criterion 7 is complete.
  it('puts the matrix in the summary workbook, beside "Tổng hợp"', async () => {
    const app = createApp({ now: () => DEMO_NOW })
    const res = await app.request(aggregateWorkbookPath('trieu-son', '2026-11-14'), { headers: { Authorization: 'Bearer ' + TOKENS.leader } }, env)
    expect(res.status).toBe(200)
    const sheets = await readWorkbook(await res.arrayBuffer())
    expect(sheets[1]?.name).toBe('Hồ sơ minh chứng')
    const rows = sheets[1]!.rows
    expect(rows[0]?.[0]).toBe('Hồ sơ minh chứng các xã - kỳ 14/11/2026 - Huyện Triệu Sơn')
    expect(rows[1]?.[0]).toBe('Hồ sơ tính đến 09:00 26/11/2026 (giờ Việt Nam); kết quả đạt theo lần gửi mới nhất của kỳ.')
    expect(rows[3]?.[0]).toBe('Đạt nhưng thiếu hồ sơ: 33 tiêu chí ở 4 xã (Xã Dân Lực 11, Xã Thọ Sơn 11, Xã Hợp Lý 7, Xã Bình Sơn 4)')
    expect(rows[5]?.slice(0, 5)).toEqual(['Xã', 'Tiêu chí đủ hồ sơ', 'Đạt nhưng thiếu hồ sơ', 'TC1', 'TC2'])
    const binhSon = rows.find((r) => r[0] === 'Xã Bình Sơn')!
    expect(binhSon.slice(0, 10)).toEqual(['Xã Bình Sơn', '5/19', 'TC12, TC15, TC18, TC19', 'đủ', 'thiếu 1', 'thiếu 1', 'đủ', 'thiếu 1', 'đủ', 'đủ'])
    expect(rows.find((r) => r[0] === 'Số xã đủ hồ sơ')?.slice(3, 6)).toEqual([1, 1, 1])
    expect(rows.find((r) => r[0] === 'Số xã đạt nhưng thiếu hồ sơ')?.slice(3, 6)).toEqual([3, 2, 2])
  })
})
