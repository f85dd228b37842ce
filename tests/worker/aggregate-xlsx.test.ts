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

const bars = (n: number): string => '█'.repeat(n)

describe('GET /api/v1/aggregate/{unit}/{period}.xlsx', () => {
  it('returns the summary workbook for leaders: at a glance, overdue tasks, funds, criteria', async () => {
    const res = await download(aggregateWorkbookPath('trieu-son', '2026-11-14'), TOKENS.leader)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('Content-Disposition')).toBe(
      'attachment; filename="tong-hop-trieu-son-2026-11-14.xlsx"; filename*=UTF-8\'\'' + encodeURIComponent('Tổng hợp NTM Huyện Triệu Sơn kỳ 14-11-2026.xlsx'),
    )
    const sheets = await readWorkbook(await res.arrayBuffer())
    expect(sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Hồ sơ minh chứng', 'Việc quá hạn', 'Kiến nghị các xã', 'Nguồn vốn', 'Tiêu chí'])

    const summary = sheets[0]!.rows
    expect(summary.slice(0, 6).map((r) => r[0])).toEqual([
      'Tổng hợp kỳ báo cáo 14/11/2026 — Huyện Triệu Sơn',
      'Lập lúc 09:00 26/11/2026 (giờ Việt Nam). Kỳ đang mở: số liệu còn có thể thay đổi.',
      // 28/10: Bình Sơn 5/10, Thọ Sơn 6/8, Hợp Lý 3/10, Dân Lực 6/10 → 14/11: 6, 7, 3, 6.
      'Đã nộp 4/5 xã (80%), đúng hạn 3/5 (60%). So với kỳ 28/10/2026: +2 tiêu chí (4 xã có cả hai kỳ).',
      'Nộp trễ: Xã Hợp Lý (3 ngày)',
      'Chưa nộp: Xã Thọ Bình (quá hạn 12 ngày)',
      // Two catalogues judge this period: said above the table, each with its own columns.
      'Lưu ý: các xã được chấm theo 2 bộ tiêu chí khác nhau, mỗi xã trên tổng số tiêu chí của bộ mình — cột TC…: QĐ 51/2025/QĐ-TTg (cấp tiêu chí — nạp bảng chỉ tiêu từ phụ lục Quyết định để chấm tự động) (4 xã, 10 tiêu chí); cột B·TC…: DEMO — Xã NTM nâng cao tỉnh Thanh Hóa (không phải văn bản chính thức) (1 xã, 8 tiêu chí).',
    ])
    expect(summary[6]?.slice(0, 7)).toEqual(['Xã', 'Tiêu chí đạt', 'Biểu đồ (mỗi ô một tiêu chí)', 'So với kỳ trước', 'Tình trạng nộp', 'Lần gửi', 'TC1'])
    expect(summary[6]?.slice(15, 18)).toEqual(['TC10', 'B·TC1', 'B·TC2'])
    // Ranked by the share of their own catalogue's criteria met; the commune without a report last.
    expect(summary.slice(7, 12).map((r) => r.slice(0, 6))).toEqual([
      ['Xã Thọ Sơn', '7/8', bars(7), 1, 'Đúng hạn', 1],
      ['Xã Bình Sơn', '6/10', bars(6), 1, 'Đúng hạn', 2],
      ['Xã Dân Lực', '6/10', bars(6), 0, 'Đúng hạn', 1],
      ['Xã Hợp Lý', '3/10', bars(3), 0, 'Trễ 3 ngày', 1],
      ['Xã Thọ Bình', null, null, null, 'Chưa nộp (quá hạn 12 ngày)', null],
    ])
    // Bình Sơn under QĐ 51/2025, its columns only; Thọ Sơn under the province's set, in the B· columns.
    expect(summary[8]?.slice(6, 9)).toEqual(['đạt', 'đạt', 'chưa'])
    expect(summary[8]?.slice(16, 24)).toEqual([null, null, null, null, null, null, null, null])
    expect(summary[7]?.slice(6, 16)).toEqual(Array.from({ length: 10 }, () => null))
    expect(summary[7]?.slice(16, 24)).toEqual(['đạt', 'đạt', 'đạt', 'đạt', 'đạt', 'chưa', 'đạt', 'đạt'])
    const counts = summary.find((r) => r[0] === 'Số xã đạt') ?? []
    expect(counts[6]).toBe(3)
    expect(counts[6 + 9]).toBe(1)
    expect(counts.slice(16, 24)).toEqual([1, 1, 1, 1, 1, 0, 1, 1])

    // Dates are serials with a date format; what they mean is read as the upload path reads it.
    const tasks = gridMeaning(sheets[2]!.rows, sheets[2]!.formats)
    expect(tasks[0]?.[0]).toBe('Việc quá hạn đến ngày 26/11/2026 — Huyện Triệu Sơn (kỳ 14/11/2026)')
    expect(tasks[1]).toEqual(['Nội dung', 'Sổ nhiệm vụ của', 'Chủ trì', 'Phối hợp', 'Hạn', 'Quá hạn (ngày)'])
    expect(tasks.slice(2).map((r) => r.slice(1))).toEqual([
      ['Huyện Triệu Sơn', 'Xã Thọ Sơn', 'Phòng Tài nguyên và Môi trường huyện Triệu Sơn', '2026-11-15', 11],
      ['Huyện Triệu Sơn', 'Xã Bình Sơn', 'Văn phòng NTM huyện Triệu Sơn', '2026-11-20', 6],
    ])

    const funds = sheets[4]!.rows
    expect(funds[1]).toEqual(['Nguồn vốn', 'Số tiền (đồng)', 'Tỷ lệ', 'Ghi chú'])
    const provincial = funds.find((r) => r[0] === 'Ngân sách tỉnh')
    expect(provincial?.[1]).toBe(1_350_000_000 + 950_000_000 + 500_000_000 + 700_000_000)
    expect(funds.find((r) => typeof r[0] === 'string' && r[0].startsWith('Vốn nhân dân'))?.[0]).toMatch(/^Vốn nhân dân đóng góp chiếm \d+,\d% tổng vốn \(mức cảnh báo 30%\)\.$/)

    const criteria = sheets[5]!.rows
    expect(criteria[2]?.[0]).toBe('TC…')
    expect(criteria[3]).toEqual(['TC1', 'Quy hoạch', 3, '3/3'])
    expect(criteria.find((r) => r[0] === 'B·TC6')).toEqual(['B·TC6', 'Môi trường', 0, '0/1'])
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
