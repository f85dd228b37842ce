// The local demo: Thanh Hóa → Triệu Sơn → five communes and three district offices, as in the notice of
// 17/11/2020; the criteria sets in force — QĐ 318 (19 criteria, by region) up to the 2026-02-14 period,
// QĐ 51/2025 (10 criteria, by commune group, at criterion level) from the 2026-02-28 period on, and a
// province-loaded DEMO "nâng cao" set with real thresholds for Thọ Sơn from the 2026-10-28 period;
// reports of 2025 (judged X/19) and 2026 (X/10, and X/8 under the province's set) up to "today"
// (26/11/2026); the notice's tasks and a current-year copy of them so the demo shows live flags.
// Fixed ids and times: seeding is repeatable.
import type { Role } from '../../shared/api'
import type { Catalog } from '../../shared/catalog'
import type { Assignment, ClassAssignment } from '../../shared/catalog-assignment'
import { checkCatalog } from '../../shared/catalog-check'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { QD_51_2025 } from '../../shared/catalogs/qd-51-2025'
import type { FundDraft } from '../../shared/funds'
import type { NarrativesInput } from '../../shared/narratives'
import type { CellValue } from '../../shared/report'
import type { TaskDraft } from '../../shared/task-check'
import type { Unit } from '../db/units'
import { DEMO_PROVINCE_CATALOG } from './demo-catalog'

export const DEMO_CREATED_AT = '2026-01-01T00:00:00.000Z'
export const DEMO_TODAY = '2026-11-26'

function provinceCatalog(): Catalog {
  const checked = checkCatalog(DEMO_PROVINCE_CATALOG)
  if (!checked.catalog) throw new Error('demo province catalogue does not check: ' + JSON.stringify(checked.issues))
  return checked.catalog
}

/** The province's own set, loaded as a province would (through the catalogue checker). */
export const DEMO_NANG_CAO: Catalog = provinceCatalog()
export const DEMO_CATALOGS: Catalog[] = [QD_318_2022, QD_51_2025, DEMO_NANG_CAO]

const ref = (c: Catalog) => ({ id: c.id, version: c.version })
/** Who judges what, set on units as the NTM office would with PUT /units/{unit}/catalog. */
export const DEMO_ASSIGNMENTS: Assignment[] = [
  { unit: 'thanh-hoa', catalog: ref(QD_318_2022), from: '2022-03-08', seq: 1 },
  { unit: 'thanh-hoa', catalog: ref(QD_51_2025), from: '2026-02-15', seq: 2 },
  { unit: 'tho-son', catalog: ref(DEMO_NANG_CAO), from: '2026-10-15', seq: 3 },
]
// The whole province is Bắc Trung Bộ under QĐ 318. The groups under QĐ 51/2025 and the zone under the
// province's set are demo assignments, not the official lists.
export const DEMO_CLASSES: ClassAssignment[] = [
  { unit: 'thanh-hoa', catalogId: QD_318_2022.id, classId: 'btb', seq: 1 },
  { unit: 'binh-son', catalogId: QD_51_2025.id, classId: 'nhom-2', seq: 2 },
  { unit: 'tho-son', catalogId: QD_51_2025.id, classId: 'nhom-2', seq: 3 },
  { unit: 'tho-binh', catalogId: QD_51_2025.id, classId: 'nhom-3', seq: 4 },
  { unit: 'hop-ly', catalogId: QD_51_2025.id, classId: 'nhom-2', seq: 5 },
  { unit: 'dan-luc', catalogId: QD_51_2025.id, classId: 'nhom-1', seq: 6 },
  { unit: 'trieu-son', catalogId: DEMO_NANG_CAO.id, classId: 'vung-1', seq: 7 },
]

const commune = (id: string, name: string): Unit => ({ id, name, level: 'commune', parentId: 'trieu-son', reportsFrom: '2026-10-28' })
const office = (id: string, name: string): Unit => ({ id, name, level: 'office', parentId: 'trieu-son', reportsFrom: null })

export const DEMO_UNITS: Unit[] = [
  { id: 'thanh-hoa', name: 'Tỉnh Thanh Hóa', level: 'province', parentId: null, reportsFrom: null },
  { id: 'trieu-son', name: 'Huyện Triệu Sơn', level: 'district', parentId: 'thanh-hoa', reportsFrom: null },
  commune('binh-son', 'Xã Bình Sơn'),
  commune('tho-son', 'Xã Thọ Sơn'),
  commune('tho-binh', 'Xã Thọ Bình'),
  commune('hop-ly', 'Xã Hợp Lý'),
  commune('dan-luc', 'Xã Dân Lực'),
  office('trieu-son-vp-ntm', 'Văn phòng NTM huyện Triệu Sơn'),
  office('trieu-son-tnmt', 'Phòng Tài nguyên và Môi trường huyện Triệu Sơn'),
  office('trieu-son-ktht', 'Phòng Kinh tế - Hạ tầng huyện Triệu Sơn'),
]

/** Local demo only: fixed, public token strings, stored hashed like any other token. */
export const DEMO_TOKENS: Array<{ id: string; token: string; role: Role; unitId: string; label: string }> = [
  { id: 'tok_demo_admin', token: 'ntm_demo_admin_thanh_hoa', role: 'admin', unitId: 'thanh-hoa', label: 'Demo: quản trị' },
  { id: 'tok_demo_district', token: 'ntm_demo_district_trieu_son', role: 'district', unitId: 'trieu-son', label: 'Demo: Văn phòng NTM huyện' },
  { id: 'tok_demo_leader', token: 'ntm_demo_leader_trieu_son', role: 'leader', unitId: 'trieu-son', label: 'Demo: lãnh đạo huyện' },
  { id: 'tok_demo_binh_son', token: 'ntm_demo_commune_binh_son', role: 'commune', unitId: 'binh-son', label: 'Demo: xã Bình Sơn' },
  { id: 'tok_demo_tho_son', token: 'ntm_demo_commune_tho_son', role: 'commune', unitId: 'tho-son', label: 'Demo: xã Thọ Sơn' },
]

export type DemoReport = {
  unitId: string
  period: string
  revision: number
  /** When it arrived (Vietnamese time), which decides on time or late. */
  receivedAt: string
  /** Criterion numbers the commune meets (rows are generated to meet exactly these)… */
  met?: number[]
  /** …or the values it reports, judged by the catalogue's thresholds into `achieved` criteria. */
  values?: { [code: string]: CellValue }
  achieved?: number
  funds: FundDraft[]
  /** What the commune wrote: done this period, difficulties, requests to the district. */
  narratives?: NarrativesInput
}

const first = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1)
const funds = (budget: number, people: number): FundDraft[] => [
  { source: 'provincial', amount: budget },
  { source: 'district', amount: Math.round(budget / 2) },
  { source: 'people', amount: people, note: 'Tự nguyện, trong khả năng của nhân dân' },
]
// Thọ Sơn's figures under the province's set (zone 1): values, not verdicts; the thresholds decide.
const THO_SON_OCT = { '1.1': 100, '1.2': 78, '2.1': 92, '3.1': 78.5, '4.1': 0.8, '5.1': 96.2, '5.2': 'đạt', '6.1': 55, '6.2': 62, '6.3': 2.4, '7.1': 'đạt', '8.1': 'đạt' }
const THO_SON_NOV = { ...THO_SON_OCT, '1.2': 85, '6.1': 58, '4.1': 0.7 }

// What Bình Sơn wrote with its second revision of 2026-11-14 (criterion numbers of QĐ 51/2025).
const BINH_SON_WORDS: NarrativesInput = {
  achievements: 'Bê tông hóa xong 1,2 km đường trục thôn 3 và thôn 5.\n'
    + 'Tổng dọn vệ sinh môi trường toàn xã ngày 08/11/2026, 420 hộ tham gia.\n'
    + 'Hoàn thiện hồ sơ minh chứng tiêu chí 2 (Hạ tầng kinh tế - xã hội) và tiêu chí 7 (Khoa học công nghệ và chuyển đổi số).',
  difficulties: 'Kinh phí đối ứng của xã cho nhà văn hóa thôn 2 còn thiếu khoảng 350 triệu đồng.\n'
    + 'Một số hộ ở thôn 4 chưa thống nhất hiến đất mở rộng đường.',
  requests: 'Đề nghị huyện sớm phân bổ vốn hỗ trợ theo QĐ 6212/QĐ-UBND cho nhà văn hóa thôn 2.\n'
    + 'Đề nghị Phòng Tài nguyên và Môi trường hướng dẫn hồ sơ tiêu chí 8 (Môi trường và cảnh quan nông thôn).',
}

// History under QĐ 318 (X/19): the 2025 year-end review and the last 318 period, 2026-02-14. Under QĐ 51/2025
// (X/10): the first period, 2026-02-28, then the live periods. 2026-10-28: Hợp Lý is 2 days late.
// 2026-11-14: Thọ Bình is missing, Hợp Lý 3 days late and Bình Sơn sends a second revision. 2026-11-28 is
// still open on 26/11. Thọ Sơn reports values under the province's set from 2026-10-28 (6/8, then 7/8).
export const DEMO_REPORTS: DemoReport[] = [
  { unitId: 'binh-son', period: '2025-12-28', revision: 1, receivedAt: '2025-12-26T15:00:00+07:00', met: first(13), funds: funds(2_400_000_000, 300_000_000) },
  { unitId: 'tho-son', period: '2025-12-28', revision: 1, receivedAt: '2025-12-27T09:00:00+07:00', met: first(17), funds: funds(1_800_000_000, 200_000_000) },
  { unitId: 'tho-binh', period: '2025-12-28', revision: 1, receivedAt: '2025-12-28T10:30:00+07:00', met: first(15), funds: funds(1_600_000_000, 160_000_000) },
  { unitId: 'hop-ly', period: '2025-12-28', revision: 1, receivedAt: '2025-12-29T08:00:00+07:00', met: first(12), funds: funds(1_000_000_000, 120_000_000) },
  { unitId: 'dan-luc', period: '2025-12-28', revision: 1, receivedAt: '2025-12-25T16:00:00+07:00', met: first(16), funds: funds(1_400_000_000, 180_000_000) },
  { unitId: 'binh-son', period: '2026-02-14', revision: 1, receivedAt: '2026-02-13T10:00:00+07:00', met: first(14), funds: funds(300_000_000, 40_000_000) },
  { unitId: 'tho-son', period: '2026-02-14', revision: 1, receivedAt: '2026-02-14T08:30:00+07:00', met: first(18), funds: funds(250_000_000, 30_000_000) },
  { unitId: 'binh-son', period: '2026-02-28', revision: 1, receivedAt: '2026-02-27T14:00:00+07:00', met: [1, 2, 5, 9], funds: funds(300_000_000, 40_000_000) },
  { unitId: 'tho-son', period: '2026-02-28', revision: 1, receivedAt: '2026-02-28T09:00:00+07:00', met: first(7), funds: funds(250_000_000, 30_000_000) },
  { unitId: 'binh-son', period: '2026-10-28', revision: 1, receivedAt: '2026-10-27T16:10:00+07:00', met: [1, 2, 5, 6, 9], funds: funds(1_200_000_000, 150_000_000) },
  { unitId: 'tho-son', period: '2026-10-28', revision: 1, receivedAt: '2026-10-28T09:30:00+07:00', values: THO_SON_OCT, achieved: 6, funds: funds(900_000_000, 100_000_000) },
  { unitId: 'tho-binh', period: '2026-10-28', revision: 1, receivedAt: '2026-10-26T14:00:00+07:00', met: first(5), funds: funds(800_000_000, 80_000_000) },
  { unitId: 'hop-ly', period: '2026-10-28', revision: 1, receivedAt: '2026-10-30T08:15:00+07:00', met: first(3), funds: funds(500_000_000, 60_000_000) },
  { unitId: 'dan-luc', period: '2026-10-28', revision: 1, receivedAt: '2026-10-28T17:45:00+07:00', met: first(6), funds: funds(700_000_000, 90_000_000) },
  { unitId: 'binh-son', period: '2026-11-14', revision: 1, receivedAt: '2026-11-12T10:00:00+07:00', met: [1, 2, 5, 6, 9], funds: funds(1_200_000_000, 150_000_000) },
  {
    unitId: 'binh-son', period: '2026-11-14', revision: 2, receivedAt: '2026-11-14T15:20:00+07:00', met: [1, 2, 5, 6, 9, 10],
    funds: funds(1_350_000_000, 160_000_000), narratives: BINH_SON_WORDS,
  },
  {
    unitId: 'tho-son', period: '2026-11-14', revision: 1, receivedAt: '2026-11-14T08:00:00+07:00', values: THO_SON_NOV, achieved: 7,
    funds: funds(950_000_000, 100_000_000),
    narratives: {
      achievements: 'Nạo vét 3,5 km kênh mương nội đồng trước vụ Đông.',
      difficulties: 'Mưa lớn cuối tháng 10 làm sạt lở khoảng 200 m kênh mương thôn Đông; tỷ lệ hộ dùng nước sạch tập trung mới 58%.',
      requests: 'Đề nghị tỉnh hỗ trợ vốn mở rộng mạng cấp nước sạch tập trung (chỉ tiêu 6.1 của bộ nâng cao).',
    },
  },
  {
    unitId: 'hop-ly', period: '2026-11-14', revision: 1, receivedAt: '2026-11-17T09:00:00+07:00', met: first(3),
    funds: funds(500_000_000, 60_000_000),
    narratives: { difficulties: 'Cán bộ phụ trách nông thôn mới của xã nghỉ ốm, báo cáo nộp chậm.' },
  },
  {
    unitId: 'dan-luc', period: '2026-11-14', revision: 1, receivedAt: '2026-11-13T11:00:00+07:00', met: first(6),
    funds: funds(700_000_000, 90_000_000),
    narratives: { achievements: 'Khởi công chợ nông thôn xã Dân Lực; hoàn thành 60% khối lượng đường giao thông nội đồng.' },
  },
]

/** The district's task sheet: owner of every demo task. */
export const DEMO_TASK_OWNER = 'trieu-son'
export const DEMO_TASKS_AT = '2026-11-01T00:00:00.000Z'

const NOTICE = 'TB kết luận 17/11/2020'

// The notice's tasks with its own dates (2020–2021): history, all finished, one late (item 7).
const NOTICE_TASKS: TaskDraft[] = [
  {
    id: 'tb-2020-11-17-m2', source: NOTICE + ', mục 2',
    title: 'Kiện toàn Ban chỉ đạo NTM xã, phân công nhiệm vụ cụ thể cho từng thành viên; rà soát, đánh giá lại các tiêu chí và gửi báo cáo tiến độ về Ban chỉ đạo huyện qua Văn phòng NTM huyện',
    lead: 'binh-son', collaborators: ['trieu-son-vp-ntm'], due: '2020-11-29', status: 'done', completedOn: '2020-11-27',
    note: 'Hạn "trước ngày 30/11/2020".',
  },
  {
    id: 'tb-2020-11-17-m3', source: NOTICE + ', mục 3',
    title: 'Hoàn thiện hồ sơ minh chứng các tiêu chí; rà soát nội dung theo NQ 19/NQ-HĐND và QĐ 6212/QĐ-UBND của huyện',
    lead: 'binh-son', collaborators: ['trieu-son-vp-ntm'], due: '2021-12-31', status: 'done', completedOn: '2021-11-30',
    note: 'Thông báo ghi "ngay từ bây giờ"; hạn ghi ở đây là hạn về đích NTM năm 2021.',
  },
  {
    id: 'tb-2020-11-17-m4', source: NOTICE + ', mục 4',
    title: 'Tổng dọn vệ sinh môi trường đường làng, ngõ xóm trên địa bàn toàn xã',
    lead: 'binh-son', collaborators: ['trieu-son-tnmt', 'trieu-son-vp-ntm'], due: '2020-12-31',
    recurrence: { kind: 'months', months: [12, 3, 5], until: '2021-05-31' }, status: 'done', completedOn: '2021-05-29',
    note: 'Phòng TN&MT hướng dẫn, kiểm tra và báo cáo về Văn phòng NTM huyện.',
  },
  {
    id: 'tb-2020-11-17-m7', source: NOTICE + ', mục 7',
    title: 'Tham mưu UBND huyện chuẩn bị báo cáo nội dung chương trình xúc tiến đầu tư năm 2021, báo cáo Thường trực Huyện ủy',
    lead: 'trieu-son-ktht', collaborators: ['UBND huyện Triệu Sơn'], due: '2021-03-31', status: 'done', completedOn: '2021-04-05',
    note: 'Hạn "trong quý I/2021".',
  },
  {
    id: 'tb-2020-11-17-m9', source: NOTICE + ', mục 9',
    title: 'Chủ trì theo dõi, chỉ đạo xã Bình Sơn thực hiện QĐ 6212/QĐ-UBND về cơ chế hỗ trợ xây dựng công trình',
    lead: 'Đ/c Lê Phú Quốc - HUV, Phó Chủ tịch UBND huyện', collaborators: ['binh-son'], due: '2021-12-31', status: 'done', completedOn: '2021-12-20',
  },
  {
    id: 'tb-2020-11-17-m10', source: NOTICE + ', mục 10',
    title: 'Kiểm tra, giám sát tại xã Bình Sơn mỗi tháng 01 lần',
    lead: 'trieu-son-vp-ntm', collaborators: ['binh-son'], due: '2020-11-30',
    recurrence: { kind: 'monthly', day: 30, until: '2021-12-31' }, status: 'done', completedOn: '2021-12-30',
  },
]

// The same tasks re-dated around 26/11/2026, so flags are live: one overdue, one due soon, the rest ahead.
const CURRENT_TASKS: TaskDraft[] = [
  {
    id: 'demo-2026-m2', source: 'Bản sao demo của ' + NOTICE + ', mục 2',
    title: 'Rà soát, đánh giá lại các tiêu chí và gửi báo cáo tiến độ về Văn phòng NTM huyện',
    lead: 'binh-son', collaborators: ['trieu-son-vp-ntm'], due: '2026-11-20', status: 'doing', progress: 70,
  },
  {
    id: 'demo-2026-m3', source: 'Bản sao demo của ' + NOTICE + ', mục 3',
    title: 'Hoàn thiện hồ sơ minh chứng các tiêu chí',
    lead: 'binh-son', collaborators: ['trieu-son-vp-ntm'], due: '2026-12-31', status: 'doing', progress: 40,
  },
  {
    id: 'demo-2026-m4', source: 'Bản sao demo của ' + NOTICE + ', mục 4',
    title: 'Tổng dọn vệ sinh môi trường đường làng, ngõ xóm (tháng 12, tháng 3 và tháng 5)',
    lead: 'binh-son', collaborators: ['trieu-son-tnmt', 'trieu-son-vp-ntm'], due: '2026-12-31',
    recurrence: { kind: 'months', months: [12, 3, 5], until: '2027-05-31' }, status: 'todo',
  },
  {
    id: 'demo-2026-m7', source: 'Bản sao demo của ' + NOTICE + ', mục 7',
    title: 'Báo cáo chương trình xúc tiến đầu tư năm 2027 của huyện',
    lead: 'trieu-son-ktht', collaborators: ['UBND huyện Triệu Sơn'], due: '2027-03-31', status: 'todo',
  },
  {
    id: 'demo-2026-m9', source: 'Bản sao demo của ' + NOTICE + ', mục 9',
    title: 'Theo dõi, chỉ đạo thực hiện cơ chế hỗ trợ xây dựng công trình tại xã Bình Sơn',
    lead: 'Phó Chủ tịch UBND huyện', collaborators: ['binh-son'], due: '2026-12-31', status: 'doing', progress: 50,
  },
  {
    id: 'demo-2026-m10', source: 'Bản sao demo của ' + NOTICE + ', mục 10',
    title: 'Kiểm tra, giám sát tại xã Bình Sơn mỗi tháng 01 lần',
    lead: 'trieu-son-vp-ntm', collaborators: ['binh-son'], due: '2026-09-28',
    recurrence: { kind: 'monthly', day: 28 }, status: 'doing', completedOn: '2026-10-27',
  },
  {
    id: 'demo-2026-tho-son-17', source: 'Demo',
    title: 'Hoàn thiện hồ sơ tiêu chí 17 (Môi trường và an toàn thực phẩm)',
    lead: 'tho-son', collaborators: ['trieu-son-tnmt'], due: '2026-11-15', status: 'todo',
  },
]

export const DEMO_TASKS: TaskDraft[] = [...NOTICE_TASKS, ...CURRENT_TASKS]
