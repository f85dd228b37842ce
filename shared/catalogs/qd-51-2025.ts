// The national criteria for communes 2026–2030 (Decision 51/2025/QĐ-TTg, 29/12/2025, in force 15/02/2026),
// at criterion level only: its 10 criteria and 3 commune groups are known (secondary sources, see the
// team's reference), its 47 indicators and their thresholds per group are not. So each criterion is one
// yes/no line the commune declares, and no threshold is invented; a province loads the annex table as a
// new version of this catalogue (or as its own) and the server then judges by value.
import type { Catalog, Criterion } from '../catalog'

const SOURCE = 'Tên tiêu chí theo vietnamplus.vn, thoibaotaichinhvietnam.vn, nongthonmoi.quangtri.gov.vn (chưa đối chiếu phụ lục I)'

const CRITERIA: Array<[no: number, name: string, nameEn: string]> = [
  [1, 'Quy hoạch', 'Planning'],
  [2, 'Hạ tầng kinh tế - xã hội', 'Socio-economic infrastructure'],
  [3, 'Phát triển kinh tế nông thôn', 'Rural economic development'],
  [4, 'Đào tạo nguồn nhân lực nông thôn', 'Rural human-resource training'],
  [5, 'Văn hóa, giáo dục, y tế', 'Culture, education, health'],
  [6, 'Giảm nghèo và an sinh xã hội', 'Poverty reduction and social security'],
  [7, 'Khoa học công nghệ và chuyển đổi số', 'Science, technology and digital transformation'],
  [8, 'Môi trường và cảnh quan nông thôn', 'Rural environment and landscape'],
  [9, 'Xây dựng hệ thống chính trị và hành chính công', 'Political system and public administration'],
  [10, 'Tiếp cận pháp luật và an ninh, quốc phòng', 'Access to law; security and defence'],
]

function criterion([no, name, nameEn]: [number, string, string]): Criterion {
  return {
    no,
    name,
    nameEn,
    indicators: [{
      code: String(no),
      name: 'Xã đạt tiêu chí "' + name + '" (xã tự đánh giá cả tiêu chí)',
      nameEn: 'The commune meets criterion "' + nameEn + '" (declared for the whole criterion)',
      unit: 'Đạt/Không đạt',
      kind: 'yesno',
      thresholds: {},
      provenance: 'M',
      source: SOURCE,
    }],
  }
}

/** The words the pane and the workbooks show wherever this set judges a report. */
export const CRITERION_LEVEL_MARK = 'cấp tiêu chí — nạp bảng chỉ tiêu từ phụ lục Quyết định để chấm tự động'

export const QD_51_2025: Catalog = {
  id: 'qd-51-2025',
  version: '2025.1',
  title: 'QĐ 51/2025/QĐ-TTg (' + CRITERION_LEVEL_MARK + ')',
  name: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030 (QĐ 51/2025/QĐ-TTg, Phụ lục I)',
  effectiveFrom: '2026-02-15',
  note:
    'Mới có 10 tiêu chí và 3 nhóm xã; 47 chỉ tiêu và ngưỡng theo nhóm chưa được nạp: mỗi tiêu chí là một dòng xã tự đánh giá đạt / chưa đạt. ' +
    'Tỉnh nạp bảng chỉ tiêu từ phụ lục I của Quyết định (tải mẫu bộ tiêu chí, điền, gửi lên) thành phiên bản mới để hệ thống chấm tự động.',
  classification: {
    label: 'Nhóm xã',
    classes: [
      {
        id: 'nhom-1', name: 'Xã nhóm 1', nameEn: 'Group 1',
        description: 'Xã liền kề đô thị hiện hữu và có định hướng phát triển thành đô thị; hoặc xã có tỷ trọng ngành nông nghiệp trong cơ cấu kinh tế dưới 10%; hoặc xã được định hướng là đô thị mới.',
      },
      { id: 'nhom-2', name: 'Xã nhóm 2', nameEn: 'Group 2', description: 'Xã không thuộc nhóm 1 và nhóm 3.' },
      {
        id: 'nhom-3', name: 'Xã nhóm 3', nameEn: 'Group 3',
        description: 'Xã khu vực II và xã khu vực III thuộc địa bàn vùng đồng bào dân tộc thiểu số và miền núi được cấp có thẩm quyền phân định theo quy định.',
      },
    ],
  },
  groups: [],
  criteria: CRITERIA.map(criterion),
}
