import { env } from 'cloudflare:workers'
import { aggregateWorkbookPath } from '../../shared/api'
import { createApp } from '../../worker/index'
import { DEMO_NOW, TOKENS, client, seedDemo } from './helpers'
import { beforeAll, describe, expect, it } from 'vitest'
import { readWorkbook } from '../../worker/xlsx/read-workbook'

const call = client()
const app = createApp({ now: () => DEMO_NOW })

beforeAll(seedDemo)

async function download(path: string, token: string): Promise<Response> {
  return app.request(path, { headers: { Authorization: 'Bearer ' + token } }, env)
}

describe('GET /api/v1/aggregate/{unit}/{period}.xlsx', () => {
  it('returns the aggregate as a workbook that reads back with the same figures', async () => {
    const res = await download(aggregateWorkbookPath('trieu-son', '2026-11-14'), TOKENS.leader)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('Content-Disposition')).toBe(
      'attachment; filename="tong-hop-trieu-son-2026-11-14.xlsx"; filename*=UTF-8\'\'' + encodeURIComponent('Tổng hợp NTM Huyện Triệu Sơn kỳ 2026-11-14.xlsx'),
    )
    const sheets = await readWorkbook(await res.arrayBuffer())
    expect(sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Tiêu chí', 'Việc quá hạn', 'Nguồn vốn'])
    const summary = sheets[0]!.rows
    expect(summary[0]?.[0]).toBe('Tổng hợp báo cáo xây dựng NTM kỳ 14/11/2026 — Huyện Triệu Sơn')
    expect(summary[2]?.slice(0, 6)).toEqual(['Số xã phải báo cáo', 5, 'Đã nhận', 4, 'Đúng hạn', 3])
    expect(summary[3]?.slice(0, 4)).toEqual(['Tỷ lệ báo cáo (%)', 80, 'Tỷ lệ đúng hạn (%)', 60])
    const rows = summary.slice(6)
    const binhSon = rows.find((r) => r[1] === 'binh-son')
    expect(binhSon).toEqual([expect.any(Number), 'binh-son', 'Xã Bình Sơn', 2, '14/11/2026 15:20', 'Đúng hạn', 9, 19])
    expect(rows.find((r) => r[1] === 'hop-ly')?.[5]).toBe('Trễ 3 ngày')
    expect(rows.find((r) => r[1] === 'tho-binh')?.[5]).toBe('Chưa nộp (quá hạn 12 ngày)')

    const criteria = sheets[1]!.rows
    expect(criteria[0]?.slice(0, 3)).toEqual(['TT', 'Tiêu chí', 'Số xã đạt'])
    expect(criteria[19]?.slice(0, 3)).toEqual([19, 'Quốc phòng và An ninh', 1])
    const tasks = sheets[2]!.rows
    expect(tasks.slice(1).map((r) => r[0])).toEqual(['demo-2026-tho-son-17', 'demo-2026-m2'])
    const funds = sheets[3]!.rows
    expect(funds.find((r) => r[0] === 'Ngân sách tỉnh')?.[1]).toBe(1_350_000_000 + 950_000_000 + 500_000_000 + 700_000_000)
  })

  it('keeps the same role and scope rules as the JSON aggregate', async () => {
    expect((await download('/api/v1/aggregate/trieu-son/2026-11-14.xlsx', TOKENS.binhSon)).status).toBe(403)
    expect((await download('/api/v1/aggregate/trieu-son/2026-11-14.xlsx', TOKENS.district)).status).toBe(200)
    expect((await download('/api/v1/aggregate/binh-son/2026-11-14.xlsx', TOKENS.district)).status).toBe(400)
    const bad = await call('GET', '/api/v1/aggregate/trieu-son/2026-11-15.xlsx', { token: TOKENS.district })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('bad_request')
    expect((await call('GET', '/api/v1/aggregate/trieu-son/2026-11-14.csv', { token: TOKENS.district })).status).toBe(404)
  })
})
