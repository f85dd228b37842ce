// The first sheet of the report workbook a commune downloads: how to fill it in, in plain Vietnamese, and
// the lists of accepted words that the drop-down lists offer (the lists live here, where people can read
// them, and the drop-downs point at them). Pure: facts in, a grid and the lists' places out.
import { formatDateVi } from '../dates'
import { type Cell, type Grid, a1Block } from './grid'
import { type ColumnSpec, type InfoFacts, FUND_COLUMNS, INDICATOR_COLUMNS, SHEETS, TASK_COLUMNS } from './report-book'

export const GUIDE_SHEET = 'Hướng dẫn'

/** The choices of a column with a drop-down list, and the workbook name its drop-down refers to. */
export type GuideList = { name: string; header: string; items: readonly string[]; sheet: string; column: ColumnSpec }

const columnWithList = (specs: readonly ColumnSpec[], key: string): ColumnSpec => specs.filter((c) => c.key === key)[0] as ColumnSpec

export const GUIDE_LISTS: readonly GuideList[] = [
  listOf('DsDanhGia', SHEETS.indicators, columnWithList(INDICATOR_COLUMNS, 'status')),
  listOf('DsTrangThai', SHEETS.tasks, columnWithList(TASK_COLUMNS, 'status')),
  listOf('DsNguonVon', SHEETS.funds, columnWithList(FUND_COLUMNS, 'source')),
]

function listOf(name: string, sheet: string, column: ColumnSpec): GuideList {
  return { name, header: column.header, items: column.list || [], sheet, column }
}

export type Guide = {
  values: Grid
  /** Rows (0-based) of the title and the section headings. */
  headings: number[]
  /** Where each list's items are, as an absolute reference for a workbook name (`'Hướng dẫn'!$A$20:$A$21`). */
  refs: { [name: string]: string }
}

const quoted = (sheet: string): string => "'" + sheet.replace(/'/g, "''") + "'"

function absolute(block: string): string {
  return block.split(':').map((a) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')).join(':')
}

/** `portalUrl`: where to upload the filled file (the portal's address), when known. */
export function reportGuide(facts: InfoFacts, portalUrl: string | null): Guide {
  const rows: Cell[][] = []
  const headings: number[] = []
  const heading = (text: string) => {
    headings.push(rows.length)
    rows.push([text])
  }
  heading('Hướng dẫn điền sổ báo cáo nông thôn mới')
  rows.push([facts.unitName + ' — kỳ báo cáo ' + formatDateVi(facts.period) + ', hạn nộp ' + facts.due + '.'])
  rows.push([])
  heading('Các bước')
  rows.push(['1. Trang tính "' + SHEETS.indicators + '": với mỗi chỉ tiêu, ghi số liệu vào cột "Giá trị" và chọn "đạt" hoặc "chưa đạt" ở cột "Đánh giá". Cột "Mục tiêu" ngay bên trái cho biết ngưỡng cần đạt.'])
  rows.push(['2. Tỷ lệ ghi 85 hoặc 85% (phần thập phân dùng dấu phẩy: 85,5). Chỉ tiêu có/không ghi "có" hoặc "không" (hoặc "đạt" / "chưa đạt"). Cột "Minh chứng" ghi tên văn bản, hồ sơ.'])
  rows.push(['3. Trang tính "' + SHEETS.tasks + '": cập nhật "Trạng thái" (chọn trong danh sách), "Tiến độ (%)" và "Ngày hoàn thành" (ngày/tháng/năm, ví dụ 20/11/2026). Thêm việc mới ở dòng trống: mỗi việc một đơn vị chủ trì; các đơn vị phối hợp cách nhau bằng dấu phẩy.'])
  rows.push(['4. Trang tính "' + SHEETS.funds + '": ghi số tiền huy động trong kỳ theo từng nguồn, bằng đồng (chỉ ghi số, không ghi chữ "đồng").'])
  rows.push(['5. Trang tính "' + SHEETS.narratives + '": ghi kết quả, khó khăn và kiến nghị, mỗi ý một dòng dưới tiêu đề của mục.'])
  rows.push(['6. Lưu tệp dạng Excel (.xlsx). Trong LibreOffice hay WPS, khi được hỏi, chọn giữ định dạng Excel (.xlsx).'])
  rows.push(['7. Gửi tệp: ' + (portalUrl ? 'mở ' + portalUrl + ', đăng nhập bằng mã truy cập của xã, kéo thả tệp vào ô "Chọn tệp sổ đã điền"' : 'tải lên trang báo cáo của văn phòng điều phối') + ' (hoặc bấm "Gửi báo cáo" trong add-in Excel). Máy chủ kiểm tra lại và chỉ rõ từng lỗi theo trang tính và ô.'])
  rows.push([])
  heading('Lưu ý')
  rows.push(['Ô nền vàng là ô cần điền. Ở trang "' + SHEETS.indicators + '" và "' + SHEETS.info + '", các ô khác đã khóa để tránh sửa nhầm.'])
  rows.push(['Không đổi tên trang tính, không xóa hay sửa dòng tiêu đề cột, không sửa "Mã đơn vị" ở trang "' + SHEETS.info + '": máy chủ nhận biết sổ nhờ các ô đó. "Kỳ báo cáo" chỉ đổi khi dùng lại sổ này cho kỳ sau (ghi ngày/tháng/năm, ví dụ 14/12/2026).'])
  rows.push(['Có thể gửi lại nhiều lần trong kỳ: mỗi lần gửi là một lần mới, lần đầu quyết định đúng hạn hay trễ hạn.'])
  rows.push([])
  heading('Các giá trị được chấp nhận (danh sách chọn trong sổ lấy từ đây)')
  const listTop = rows.length
  rows.push(GUIDE_LISTS.map((l) => l.header))
  const longest = Math.max(...GUIDE_LISTS.map((l) => l.items.length))
  for (let i = 0; i < longest; i++) rows.push(GUIDE_LISTS.map((l) => l.items[i] ?? ''))
  const refs: { [name: string]: string } = {}
  GUIDE_LISTS.forEach((l, col) => {
    refs[l.name] = quoted(GUIDE_SHEET) + '!' + absolute(a1Block(listTop + 1, col, l.items.length, 1))
  })
  headings.push(listTop)
  const width = GUIDE_LISTS.length
  return { values: rows.map((r) => { const out = r.slice(); while (out.length < width) out.push(''); return out }), headings, refs }
}
