// The national criteria for communes 2021–2025 (Decision 318/QĐ-TTg, 08/3/2022, Annex I).
// Thresholds are set only where the team's reference gives them (see provenance); every other indicator
// is declared đạt / chưa đạt by the commune, and a province loads its own thresholds as another catalogue.
import type { Catalog, Criterion, Indicator, Threshold } from '../catalog'

const REGIONS = [
  { id: 'tdmnpb', name: 'Trung du và miền núi phía Bắc', nameEn: 'Northern midlands and mountains' },
  { id: 'dbsh', name: 'Đồng bằng sông Hồng', nameEn: 'Red River Delta' },
  { id: 'btb', name: 'Bắc Trung Bộ', nameEn: 'North Central' },
  { id: 'dhntb', name: 'Duyên hải Nam Trung Bộ', nameEn: 'South Central Coast' },
  { id: 'tn', name: 'Tây Nguyên', nameEn: 'Central Highlands' },
  { id: 'dnb', name: 'Đông Nam Bộ', nameEn: 'Southeast' },
  { id: 'dbscl', name: 'Đồng bằng sông Cửu Long', nameEn: 'Mekong Delta' },
]

function everyRegion(threshold: Threshold): { [region: string]: Threshold } {
  const out: { [region: string]: Threshold } = {}
  for (const r of REGIONS) out[r.id] = threshold
  return out
}

type IndicatorSpec = Omit<Indicator, 'thresholds'> & { thresholds?: Indicator['thresholds'] }

// A yes/no indicator is met by "đạt" wherever it applies: that is its definition, not a guessed number.
function criterion(no: number, name: string, nameEn: string, group: string, specs: IndicatorSpec[], guidance?: string): Criterion {
  const indicators = specs.map((s): Indicator => ({
    ...s,
    thresholds: s.thresholds ?? (s.kind === 'yesno' ? everyRegion({ expect: true }) : {}),
  }))
  return guidance === undefined ? { no, name, nameEn, group, indicators } : { no, name, nameEn, group, indicators, guidance }
}

export const QD_318_2022: Catalog = {
  id: 'qd-318-2022',
  version: '2022.1',
  title: 'QĐ 318/QĐ-TTg',
  name: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025 (QĐ 318/QĐ-TTg)',
  effectiveFrom: '2022-03-08',
  classification: { label: 'Vùng', classes: REGIONS },
  groups: [
    { id: 'I', name: 'Quy hoạch' },
    { id: 'II', name: 'Hạ tầng kinh tế - xã hội' },
    { id: 'III', name: 'Kinh tế và tổ chức sản xuất' },
    { id: 'IV', name: 'Văn hóa - Xã hội - Môi trường' },
    // Group of criteria 18–19 is provisional in the sources (some put them in IV).
    { id: 'V', name: 'Hệ thống chính trị' },
  ],
  criteria: [
  criterion(1, "Quy hoạch", "Planning", "I", [
    { code: "1.1", name: "Có quy hoạch chung xây dựng xã được phê duyệt và được công bố công khai đúng thời hạn", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "1.2", name: "Ban hành quy định quản lý quy hoạch chung xây dựng xã và tổ chức thực hiện theo quy hoạch", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
  ]),
  criterion(2, "Giao thông", "Transport", "II", [
    { code: "2.1", name: "Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa, đảm bảo ô tô đi lại thuận tiện quanh năm", unit: "%", kind: "percent", provenance: "M" },
    { code: "2.2", name: "Tỷ lệ đường thôn, bản và đường liên thôn, bản ít nhất được cứng hóa, đảm bảo ô tô đi lại thuận tiện quanh năm", unit: "%", kind: "percent", provenance: "M" },
    { code: "2.3", name: "Tỷ lệ đường ngõ, xóm được cứng hóa, đảm bảo sạch và không lầy lội vào mùa mưa", unit: "%", kind: "percent", provenance: "M" },
    { code: "2.4", name: "Tỷ lệ đường trục chính nội đồng đảm bảo vận chuyển hàng hóa thuận tiện quanh năm", unit: "%", kind: "percent", provenance: "M" },
  ], "QĐ 932/QĐ-BGTVT 18/7/2022"),
  criterion(3, "Thủy lợi và phòng, chống thiên tai", "Irrigation and disaster prevention", "II", [
    { code: "3.1", name: "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động", unit: "%", kind: "percent", provenance: "V", source: "ccptnt.vn QĐ 1680; lawnet.vn", thresholds: { btb: { min: 80 } } },
    { code: "3.2", name: "Đảm bảo yêu cầu chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ", unit: "Đạt/Không đạt (chấm điểm)", kind: "yesno", provenance: "V", source: "ccptnt.vn QĐ 1680", targetNote: "Đạt = mọi mục 'có' đáp ứng + 50 đến <70 điểm" },
  ]),
  criterion(4, "Điện", "Electricity", "II", [
    { code: "4.1", name: "Hệ thống điện đạt chuẩn", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "4.2", name: "Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện sinh hoạt, sản xuất đảm bảo an toàn, tin cậy và ổn định", unit: "%", kind: "percent", provenance: "M" },
  ]),
  criterion(5, "Trường học", "Schools", "II", [
    { code: "5", name: "Tỷ lệ trường học các cấp (mầm non, tiểu học, THCS; hoặc trường phổ thông có nhiều cấp học có cấp học cao nhất là THCS) đạt tiêu chuẩn cơ sở vật chất theo quy định", unit: "%", kind: "percent", provenance: "V", source: "QĐ 1491/QĐ-BGDĐT 06/6/2022 via chatluongvacuocsong.vn d95868", targetNote: "BTB: 100% đạt CSVC tối thiểu, trong đó ≥70% đạt mức độ 1 (xã >3 trường) / ≥50% (xã ≤3 trường); ĐBSH, ĐNB: 100% mức độ 1" },
  ]),
  criterion(6, "Cơ sở vật chất văn hóa", "Cultural facilities", "II", [
    { code: "6.1", name: "Xã có nhà văn hóa hoặc hội trường đa năng và sân thể thao phục vụ sinh hoạt văn hóa, thể thao của toàn xã", unit: "Đạt/Không đạt", kind: "yesno", provenance: "V", source: "HD 1064/HD-BVHTTDL via svhttdl.thanhhoa.gov.vn" },
    { code: "6.2", name: "Xã có điểm vui chơi, giải trí và thể thao cho trẻ em và người cao tuổi theo quy định", unit: "Đạt/Không đạt", kind: "yesno", provenance: "V", source: "HD 1064", targetNote: "≥1 điểm độc lập; có nội dung chống đuối nước trẻ em" },
    { code: "6.3", name: "Tỷ lệ thôn, bản có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao phục vụ cộng đồng", unit: "%", kind: "percent", provenance: "V", source: "HD 1064", thresholds: everyRegion({ min: 100 }) },
  ]),
  criterion(7, "Cơ sở hạ tầng thương mại nông thôn", "Rural commercial infrastructure", "II", [
    { code: "7", name: "Xã có chợ nông thôn hoặc nơi mua bán, trao đổi hàng hóa", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
  ]),
  criterion(8, "Thông tin và Truyền thông", "Information and communications", "II", [
    { code: "8.1", name: "Xã có điểm phục vụ bưu chính", unit: "Đạt/Không đạt", kind: "yesno", provenance: "V", source: "sotttt.thainguyen.gov.vn (17/6/2022); QĐ 1127/QĐ-BTTTT" },
    { code: "8.2", name: "Xã có dịch vụ viễn thông, internet", unit: "Đạt/Không đạt", kind: "yesno", provenance: "V" },
    { code: "8.3", name: "Xã có đài truyền thanh và hệ thống loa đến các thôn", unit: "Đạt/Không đạt", kind: "yesno", provenance: "V" },
    { code: "8.4", name: "Xã có ứng dụng công nghệ thông tin trong công tác quản lý, điều hành", unit: "Đạt/Không đạt", kind: "yesno", provenance: "V" },
  ]),
  criterion(9, "Nhà ở dân cư", "Housing", "II", [
    { code: "9.1", name: "Nhà tạm, dột nát", unit: "Không/Có", kind: "yesno", provenance: "M", thresholds: everyRegion({ expect: false }) },
    { code: "9.2", name: "Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố", unit: "%", kind: "percent", provenance: "M" },
  ]),
  criterion(10, "Thu nhập", "Income", "III", [
    { code: "10", name: "Thu nhập bình quân đầu người khu vực nông thôn (mức theo từng năm 2022–2025)", unit: "triệu đồng/người/năm", kind: "number", provenance: "M" },
  ]),
  criterion(11, "Nghèo đa chiều", "Multidimensional poverty", "III", [
    { code: "11", name: "Tỷ lệ nghèo đa chiều giai đoạn 2021-2025", unit: "%", kind: "percent", provenance: "M" },
  ]),
  criterion(12, "Lao động", "Labour", "III", [
    { code: "12", name: "Tỷ lệ lao động có việc làm qua đào tạo", unit: "%", kind: "percent", provenance: "U" },
  ]),
  criterion(13, "Tổ chức sản xuất và phát triển kinh tế nông thôn", "Production organisation and rural economic development", "III", [
    { code: "13.1", name: "Xã có hợp tác xã hoạt động hiệu quả và theo đúng quy định của Luật Hợp tác xã", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "13.2", name: "Xã có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực đảm bảo bền vững", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "13.3", name: "Thực hiện truy xuất nguồn gốc các sản phẩm chủ lực của xã gắn với xây dựng vùng nguyên liệu và được chứng nhận VietGAP hoặc tương đương", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "13.4", name: "Có kế hoạch và triển khai kế hoạch bảo tồn, phát triển làng nghề, làng nghề truyền thống (nếu có) gắn với hạ tầng về bảo vệ môi trường", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "13.5", name: "Có tổ khuyến nông cộng đồng hoạt động hiệu quả", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
  ], "QĐ 1680/QĐ-BNN-VPĐP 11/5/2022"),
  criterion(14, "Giáo dục và Đào tạo", "Education and training", "IV", [
    { code: "14.1", name: "Phổ cập giáo dục mầm non cho trẻ em 5 tuổi; phổ cập giáo dục tiểu học; phổ cập giáo dục THCS; xóa mù chữ", unit: "Đạt/Không đạt", kind: "yesno", provenance: "V", source: "QĐ 1491/QĐ-BGDĐT", targetNote: "Trẻ 6 tuổi vào lớp 1 ≥98%; PCGD MN 5 tuổi; PCGD TH mức 2; PCGD THCS mức 2; XMC mức 2" },
    { code: "14.2", name: "Tỷ lệ học sinh tốt nghiệp THCS được tiếp tục học trung học (phổ thông, giáo dục thường xuyên, trung cấp)", unit: "%", kind: "percent", provenance: "M" },
  ]),
  criterion(15, "Y tế", "Health", "IV", [
    { code: "15.1", name: "Tỷ lệ người dân tham gia bảo hiểm y tế", unit: "%", kind: "percent", provenance: "M" },
    { code: "15.2", name: "Xã đạt tiêu chí quốc gia về y tế", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "15.3", name: "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)", unit: "%", kind: "percent", provenance: "M" },
    { code: "15.4", name: "Tỷ lệ dân số có sổ khám chữa bệnh điện tử", unit: "%", kind: "percent", provenance: "U", optional: true },
  ], "QĐ 2373/QĐ-BYT (2022)"),
  criterion(16, "Văn hóa", "Culture", "IV", [
    { code: "16", name: "Tỷ lệ thôn, bản đạt chuẩn văn hóa theo quy định", unit: "%", kind: "percent", provenance: "M" },
  ]),
  criterion(17, "Môi trường và an toàn thực phẩm", "Environment and food safety", "IV", [
    { code: "17.1", name: "Tỷ lệ hộ được sử dụng nước sạch/hợp vệ sinh theo quy định", unit: "%", kind: "percent", provenance: "M", source: "m.baomoi.com/...44061754.epi (Như Thanh)" },
    { code: "17.2", name: "Tỷ lệ cơ sở sản xuất, kinh doanh, nuôi trồng thủy sản, làng nghề đảm bảo quy định về bảo vệ môi trường", unit: "%", kind: "percent", provenance: "M" },
    { code: "17.3", name: "Cảnh quan, không gian xanh - sạch - đẹp, an toàn; không để xảy ra tồn đọng nước thải sinh hoạt tại các khu dân cư tập trung", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "17.4", name: "Đất cây xanh sử dụng công cộng tại điểm dân cư nông thôn", unit: "m²/người", kind: "number", provenance: "M" },
    { code: "17.5", name: "Mai táng, hỏa táng phù hợp với quy định và theo quy hoạch", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "17.6", name: "Chất thải rắn trên địa bàn và nước thải khu dân cư tập trung, cơ sở sản xuất - kinh doanh được thu gom, xử lý theo quy định", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "17.7", name: "Tỷ lệ hộ có nhà tiêu, nhà tắm, thiết bị chứa nước sinh hoạt hợp vệ sinh và đảm bảo 3 sạch", unit: "%", kind: "percent", provenance: "M" },
    { code: "17.8", name: "Tỷ lệ hộ chăn nuôi có chuồng trại chăn nuôi đảm bảo các quy định về vệ sinh thú y, chăn nuôi và bảo vệ môi trường", unit: "%", kind: "percent", provenance: "M" },
    { code: "17.9", name: "Tỷ lệ hộ gia đình và cơ sở sản xuất, kinh doanh thực phẩm tuân thủ các quy định về đảm bảo an toàn thực phẩm", unit: "%", kind: "percent", provenance: "M" },
    { code: "17.10", name: "Tỷ lệ hộ gia đình thực hiện phân loại chất thải rắn tại nguồn", unit: "%", kind: "percent", provenance: "M" },
    { code: "17.11", name: "Tỷ lệ bao gói thuốc bảo vệ thực vật sau sử dụng và chất thải rắn y tế được thu gom, xử lý đáp ứng yêu cầu về bảo vệ môi trường", unit: "%", kind: "percent", provenance: "M" },
  ], "CV 2155/BTNMT-TCMT 27/4/2022; CV 2251/BTNMT-KSONMT 09/4/2024 (hợp nhất); QĐ 1680/QĐ-BNN-VPĐP (phần NN)"),
  criterion(18, "Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law", "V", [
    { code: "18.1", name: "Cán bộ, công chức xã đạt chuẩn", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "18.2", name: "Đảng bộ, chính quyền xã được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "18.3", name: "Tổ chức chính trị - xã hội của xã được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "18.4", name: "Tổ chức xây dựng xã đạt chuẩn tiếp cận pháp luật theo quy định", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "18.5", name: "Đảm bảo bình đẳng giới và phòng, chống bạo lực gia đình; phòng, chống bạo lực trên cơ sở giới; phòng, chống xâm hại trẻ em; bảo vệ, hỗ trợ người dễ bị tổn thương", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "18.6", name: "Có kế hoạch và triển khai kế hoạch bồi dưỡng kiến thức về xây dựng NTM cho người dân, đào tạo nâng cao năng lực cộng đồng gắn với nâng cao hiệu quả hoạt động của Ban phát triển thôn", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
  ]),
  criterion(19, "Quốc phòng và An ninh", "Defence and security", "V", [
    { code: "19.1", name: "Xây dựng lực lượng dân quân 'vững mạnh, rộng khắp' và hoàn thành các chỉ tiêu quốc phòng", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
    { code: "19.2", name: "Xã đạt chuẩn an toàn về an ninh, trật tự xã hội và đảm bảo bình yên (không khiếu kiện đông người kéo dài; không để xảy ra trọng án; tội phạm và tệ nạn xã hội được kiềm chế, giảm)", unit: "Đạt/Không đạt", kind: "yesno", provenance: "M" },
  ]),
  ],
}
