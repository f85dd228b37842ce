// The local demo: Thanh Hóa → Triệu Sơn → five communes and three district offices, as in the notice of
// 17/11/2020 (Bình Sơn at 9/19), reports for two periods around "today" (26/11/2026), the notice's tasks
// and a current-year copy of them so the demo shows live flags. Fixed ids and times: seeding is repeatable.
import type { Role } from '../../shared/api'
import type { FundDraft } from '../../shared/funds'
import type { NarrativesInput } from '../../shared/narratives'
import type { TaskDraft } from '../../shared/task-check'
import type { Unit } from '../db/units'

export const DEMO_CREATED_AT = '2026-01-01T00:00:00.000Z'
export const DEMO_CATALOG_ID = 'qd-318-2022'
export const DEMO_TODAY = '2026-11-26'

const commune = (id: string, name: string): Unit => ({
  id, name, level: 'commune', parentId: 'trieu-son', region: null, catalogId: null, reportsFrom: '2026-10-28',
})
const office = (id: string, name: string): Unit => ({
  id, name, level: 'office', parentId: 'trieu-son', region: null, catalogId: null, reportsFrom: null,
})

export const DEMO_UNITS: Unit[] = [
  { id: 'thanh-hoa', name: 'Tỉnh Thanh Hóa', level: 'province', parentId: null, region: 'btb', catalogId: DEMO_CATALOG_ID, reportsFrom: null },
  { id: 'trieu-son', name: 'Huyện Triệu Sơn', level: 'district', parentId: 'thanh-hoa', region: null, catalogId: null, reportsFrom: null },
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
  /** Criterion numbers the commune meets. */
  met: number[]
  funds: FundDraft[]
  /** What the commune wrote: done this period, difficulties, requests to the district. */
  narratives?: NarrativesInput
}

const first = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1)
// Bình Sơn's nine, the 9/19 of the notice.
const BINH_SON_MET = [1, 4, 6, 7, 8, 12, 15, 18, 19]
const funds = (budget: number, people: number): FundDraft[] => [
  { source: 'provincial', amount: budget },
  { source: 'district', amount: Math.round(budget / 2) },
  { source: 'people', amount: people, note: 'Tự nguyện, trong khả năng của nhân dân' },
]

const BINH_SON_WORDS: NarrativesInput = {
  achievements: 'Bê tông hóa xong 1,2 km đường trục thôn 3 và thôn 5.\n'
    + 'Tổng dọn vệ sinh môi trường toàn xã ngày 08/11/2026, 420 hộ tham gia.\n'
    + 'Hoàn thiện hồ sơ minh chứng tiêu chí 4 (Điện) và tiêu chí 8 (Thông tin và Truyền thông).',
  difficulties: 'Kinh phí đối ứng của xã cho nhà văn hóa thôn 2 còn thiếu khoảng 350 triệu đồng.\n'
    + 'Một số hộ ở thôn 4 chưa thống nhất hiến đất mở rộng đường.',
  requests: 'Đề nghị huyện sớm phân bổ vốn hỗ trợ theo QĐ 6212/QĐ-UBND cho nhà văn hóa thôn 2.\n'
    + 'Đề nghị Phòng Tài nguyên và Môi trường hướng dẫn hồ sơ tiêu chí 17 (Môi trường và an toàn thực phẩm).',
}

// Period 2026-10-28: Hợp Lý is 2 days late. Period 2026-11-14: Thọ Bình is missing, Hợp Lý 3 days late and
// Bình Sơn sends a second revision. Period 2026-11-28 is still open on 26/11.
export const DEMO_REPORTS: DemoReport[] = [
  { unitId: 'binh-son', period: '2026-10-28', revision: 1, receivedAt: '2026-10-27T16:10:00+07:00', met: BINH_SON_MET.slice(0, 8), funds: funds(1_200_000_000, 150_000_000) },
  { unitId: 'tho-son', period: '2026-10-28', revision: 1, receivedAt: '2026-10-28T09:30:00+07:00', met: first(12), funds: funds(900_000_000, 100_000_000) },
  { unitId: 'tho-binh', period: '2026-10-28', revision: 1, receivedAt: '2026-10-26T14:00:00+07:00', met: first(10), funds: funds(800_000_000, 80_000_000) },
  { unitId: 'hop-ly', period: '2026-10-28', revision: 1, receivedAt: '2026-10-30T08:15:00+07:00', met: first(7), funds: funds(500_000_000, 60_000_000) },
  { unitId: 'dan-luc', period: '2026-10-28', revision: 1, receivedAt: '2026-10-28T17:45:00+07:00', met: first(11), funds: funds(700_000_000, 90_000_000) },
  { unitId: 'binh-son', period: '2026-11-14', revision: 1, receivedAt: '2026-11-12T10:00:00+07:00', met: BINH_SON_MET.slice(0, 8), funds: funds(1_200_000_000, 150_000_000) },
  {
    unitId: 'binh-son', period: '2026-11-14', revision: 2, receivedAt: '2026-11-14T15:20:00+07:00', met: BINH_SON_MET,
    funds: funds(1_350_000_000, 160_000_000), narratives: BINH_SON_WORDS,
  },
  {
    unitId: 'tho-son', period: '2026-11-14', revision: 1, receivedAt: '2026-11-14T08:00:00+07:00', met: first(13),
    funds: funds(950_000_000, 100_000_000),
    narratives: {
      achievements: 'Nạo vét 3,5 km kênh mương nội đồng trước vụ Đông.',
      difficulties: 'Mưa lớn cuối tháng 10 làm sạt lở khoảng 200 m kênh mương thôn Đông.',
      requests: 'Đề nghị huyện cử cán bộ hướng dẫn lập hồ sơ tiêu chí 13 (Tổ chức sản xuất).',
    },
  },
  {
    unitId: 'hop-ly', period: '2026-11-14', revision: 1, receivedAt: '2026-11-17T09:00:00+07:00', met: first(7),
    funds: funds(500_000_000, 60_000_000),
    narratives: { difficulties: 'Cán bộ phụ trách nông thôn mới của xã nghỉ ốm, báo cáo nộp chậm.' },
  },
  {
    unitId: 'dan-luc', period: '2026-11-14', revision: 1, receivedAt: '2026-11-13T11:00:00+07:00', met: first(11),
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
