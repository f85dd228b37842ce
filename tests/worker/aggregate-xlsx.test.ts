import { env } from 'cloudflare:workers'
import { aggregateWorkbookPath } from '../../shared/api'
import { createApp } from '../../worker/index'
import { DEMO_NOW, TOKENS, client, seedDemo } from './helpers'
import { beforeAll, describe, expect, it } from 'vitest'
import { gridMeaning } from '../../shared/workbook/cell-meaning'
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
    // The same sheets the pane writes (shared/workbook/aggregate-sheets.ts).
    expect(sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Việc quá hạn', 'Kiến nghị các xã'])
    const summary = sheets[0]!.rows
    expect(summary[0]?.[0]).toBe('Tổng hợp báo cáo kỳ 2026-11-14 - Huyện Triệu Sơn')
    expect(summary[1]?.slice(0, 2)).toEqual(['Số xã phải báo cáo', 5])
    expect(summary[2]?.slice(0, 4)).toEqual(['Đã nộp', 4, 'Tỷ lệ đầy đủ', 0.8])
    expect(summary[3]?.slice(0, 4)).toEqual(['Nộp đúng hạn', 3, 'Tỷ lệ đúng hạn', 0.6])
    const header = summary.findIndex((r) => r[0] === 'Mã xã')
    expect(summary[header]?.slice(0, 7)).toEqual(['Mã xã', 'Xã', 'Số tiêu chí đạt', 'Đạt / tổng', 'Tình trạng nộp', 'Lần gửi', 'TC1'])
    const row = (id: string) => summary.find((r) => r[0] === id) ?? []
    expect(row('binh-son').slice(0, 6)).toEqual(['binh-son', 'Xã Bình Sơn', 9, '9/19', 'Đúng hạn', 2])
    expect(row('binh-son')[6]).toBe('đạt')
    expect(row('binh-son')[7]).toBe('chưa đạt')
    expect(row('hop-ly')[4]).toBe('Trễ 3 ngày')
    expect(row('tho-binh')[4]).toBe('Chưa nộp (quá hạn 12 ngày)')
    const counts = summary.find((r) => r[1] === 'Số xã đạt') ?? []
    expect(counts[6]).toBe(4)
    expect(counts[6 + 18]).toBe(1)
    const provincial = summary.find((r) => r[0] === 'Ngân sách tỉnh')
    expect(provincial?.[1]).toBe(1_350_000_000 + 950_000_000 + 500_000_000 + 700_000_000)

    // Dates are serials with a date format; what they mean is read as the upload path reads it.
    const tasks = gridMeaning(sheets[1]!.rows, sheets[1]!.formats)
    expect(tasks[0]).toEqual(['Mã', 'Nội dung', 'Đơn vị', 'Chủ trì', 'Hạn', 'Quá hạn (ngày)'])
    expect(tasks.slice(1).map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ['demo-2026-tho-son-17', 'tho-son', '2026-11-15', 11],
      ['demo-2026-m2', 'binh-son', '2026-11-20', 6],
    ])
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
