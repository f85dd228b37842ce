// A province-loaded catalogue for the demo: a provincial "xã NTM nâng cao" set with real thresholds by the
// province's own two zones, in the JSON form POST /api/v1/catalogs takes (thresholds in the decisions'
// notation), checked by the same checkCatalog. ITS NUMBERS ARE DEMO DATA, derived from the demo communes'
// own figures (a raised bar over what they report), NOT an official Thanh Hóa table.

const DEMO_SOURCE = 'Dữ liệu demo: ngưỡng suy ra từ số liệu mẫu của hệ thống, không phải văn bản của tỉnh'

const pct = (code: string, criterion: number, name: string, zone1: string, zone2: string) => ({
  code, criterion, name, unit: '%', kind: 'tỷ lệ (%)', thresholds: { 'vung-1': zone1, 'vung-2': zone2 }, source: DEMO_SOURCE, provenance: 'U',
})
const yes = (code: string, criterion: number, name: string, zone2: string) => ({
  code, criterion, name, unit: 'Đạt/Không đạt', kind: 'đạt / không đạt', thresholds: { 'vung-1': 'Đạt', 'vung-2': zone2 }, source: DEMO_SOURCE, provenance: 'U',
})

export const DEMO_PROVINCE_CATALOG = {
  id: 'demo-thanh-hoa-nang-cao',
  version: '2026.1',
  title: 'DEMO — Xã NTM nâng cao tỉnh Thanh Hóa (không phải văn bản chính thức)',
  name: 'Bộ tiêu chí xã nông thôn mới nâng cao của tỉnh — bảng DEMO do hệ thống tạo từ số liệu mẫu, chỉ để minh họa việc tỉnh tự nạp bộ tiêu chí',
  effectiveFrom: '01/10/2026',
  note: 'Bảng minh họa: tên chỉ tiêu theo các tiêu chí quen thuộc, ngưỡng nâng cao suy ra từ số liệu các xã mẫu. Không dùng để đánh giá thật.',
  classification: {
    label: 'Vùng',
    classes: [
      { id: 'vung-1', name: 'Vùng 1 — đồng bằng, ven biển', nameEn: 'Zone 1 — plains and coast' },
      { id: 'vung-2', name: 'Vùng 2 — trung du, miền núi', nameEn: 'Zone 2 — midlands and mountains' },
    ],
  },
  criteria: [
    { no: 1, name: 'Giao thông', nameEn: 'Transport' },
    { no: 2, name: 'Thủy lợi', nameEn: 'Irrigation' },
    { no: 3, name: 'Thu nhập', nameEn: 'Income' },
    { no: 4, name: 'Nghèo đa chiều', nameEn: 'Multidimensional poverty' },
    { no: 5, name: 'Y tế', nameEn: 'Health' },
    { no: 6, name: 'Môi trường', nameEn: 'Environment' },
    { no: 7, name: 'Chuyển đổi số', nameEn: 'Digital transformation' },
    { no: 8, name: 'An ninh, trật tự', nameEn: 'Security and order' },
  ],
  // The documents the demo appraisal expects for three criteria (the others: at least one document each).
  evidence: [
    { criterion: 1, id: '1.a', title: 'Quyết định phê duyệt đề án phát triển giao thông nông thôn của xã', kind: 'Quyết định' },
    { criterion: 1, id: '1.b', title: 'Biên bản nghiệm thu các tuyến đường đã cứng hóa', kind: 'Biên bản' },
    { criterion: 5, id: '5.a', title: 'Quyết định công nhận trạm y tế xã đạt chuẩn quốc gia', kind: 'Quyết định' },
    { criterion: 5, id: '5.b', title: 'Báo cáo tỷ lệ người dân tham gia bảo hiểm y tế', kind: 'Báo cáo' },
    { criterion: 6, id: '6.a', title: 'Kế hoạch thu gom, phân loại chất thải rắn tại nguồn', kind: 'Kế hoạch' },
    { criterion: 6, id: '6.b', title: 'Ảnh điểm tập kết rác và cây xanh công cộng', kind: 'Ảnh công trình' },
  ],
  indicators: [
    pct('1.1', 1, 'Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa', '100%', '≥ 90%'),
    pct('1.2', 1, 'Tỷ lệ đường trục chính nội đồng được cứng hóa', '≥ 80%', '≥ 60%'),
    pct('2.1', 2, 'Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động', '≥ 90%', '≥ 80%'),
    {
      code: '3.1', criterion: 3, name: 'Thu nhập bình quân đầu người khu vực nông thôn', unit: 'triệu đồng/người/năm', kind: 'số',
      thresholds: { 'vung-1': '≥ 75 triệu đồng/người', 'vung-2': '≥ 65 triệu đồng/người' }, source: DEMO_SOURCE, provenance: 'U',
    },
    pct('4.1', 4, 'Tỷ lệ hộ nghèo đa chiều', '≤ 1%', '≤ 3%'),
    pct('5.1', 5, 'Tỷ lệ người dân tham gia bảo hiểm y tế', '≥ 95%', '≥ 90%'),
    yes('5.2', 5, 'Trạm y tế xã đạt chuẩn quốc gia về y tế xã', 'Đạt'),
    pct('6.1', 6, 'Tỷ lệ hộ sử dụng nước sạch đạt quy chuẩn từ hệ thống cấp nước tập trung', '≥ 60%', '≥ 40%'),
    pct('6.2', 6, 'Tỷ lệ hộ gia đình thực hiện phân loại chất thải rắn tại nguồn', '≥ 50%', '≥ 40%'),
    {
      code: '6.3', criterion: 6, name: 'Đất cây xanh sử dụng công cộng tại điểm dân cư nông thôn', unit: 'm²/người', kind: 'số',
      thresholds: { 'vung-1': '≥ 2 m²/người', 'vung-2': '≥ 2 m²/người' }, source: DEMO_SOURCE, provenance: 'U',
    },
    // Zone 2 has no threshold here: those communes declare it themselves.
    yes('7.1', 7, 'Có mô hình thôn thông minh hoặc điểm chuyển đổi số cộng đồng hoạt động', ''),
    yes('8.1', 8, 'Xã đạt chuẩn an toàn về an ninh, trật tự xã hội', 'Đạt'),
  ],
}
