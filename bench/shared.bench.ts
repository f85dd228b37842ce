// Domain core: how checking a report and aggregating a period scale with size.
import { aggregatePeriod, type CommuneInput } from '../shared/aggregate'
import { catalogKey } from '../shared/catalog'
import { QD_318_2022 } from '../shared/catalogs/qd-318-2022'
import { computeFundTotals } from '../shared/funds'
import { checkReport } from '../shared/report'
import { taskFlag, type Task } from '../shared/tasks'
import { reportMeeting } from '../tests/shared/fixtures'
import { measure, report } from './harness'

const NOW = '2026-11-20T10:00:00+07:00'
const binhSon = reportMeeting([1, 4, 6, 7, 8, 12, 16, 18, 19])

function withTasks(n: number) {
  const tasks = Array.from({ length: n }, (_, i) => ({
    id: 'T' + i, title: 'Nhiệm vụ ' + i, lead: 'binh-son', collaborators: 'phong-tnmt, van-phong-ntm',
    due: '2026-12-' + String((i % 28) + 1).padStart(2, '0'), recurrence: i % 3 === 0 ? 'Tháng 12, 3, 5' : '', status: 'Đang làm', progress: 50,
  }))
  return { ...binhSon, tasks }
}

report('checkReport (55 indicators), by number of task rows', [
  measure('0 tasks', () => checkReport(QD_318_2022, 'btb', binhSon, { now: NOW })),
  measure('50 tasks', () => checkReport(QD_318_2022, 'btb', withTasks(50), { now: NOW })),
  measure('500 tasks', () => checkReport(QD_318_2022, 'btb', withTasks(500), { now: NOW }), 5),
])

const evaluation = checkReport(QD_318_2022, 'btb', binhSon, { now: NOW }).evaluation
const criteria = Object.fromEntries(evaluation.criteria.map((c) => [String(c.no), c.achieved]))
const q318 = { id: QD_318_2022.id, version: QD_318_2022.version }
const CATALOGS = { [catalogKey(q318)]: QD_318_2022 }
const communes = (n: number): CommuneInput[] => Array.from({ length: n }, (_, i) => ({
  id: 'xa-' + i, name: 'Xã ' + i, expected: q318,
  latest: i % 7 === 0 ? null : {
    revision: 1, receivedAt: '2026-11-1' + (i % 6) + 'T09:00:00+07:00', firstReceivedAt: '2026-11-1' + (i % 6) + 'T09:00:00+07:00', achieved: evaluation.achieved, total: 19, criteria,
    funds: computeFundTotals([{ source: 'central', amount: 1000 }, { source: 'people', amount: 100 }]),
    narratives: { achievements: 'Hoàn thành đường thôn ' + i, difficulties: '', requests: i % 3 === 0 ? 'Đề nghị hỗ trợ vốn' : '' }, catalog: q318,
  },
}))
const district = communes(20)
const province = communes(166) // Thanh Hóa since the 2025 reform: 166 commune-level units
report('aggregatePeriod, district (20 communes) vs province (166)', [
  measure('20 communes', () => aggregatePeriod(CATALOGS, '2026-11-14', district, NOW)),
  measure('166 communes', () => aggregatePeriod(CATALOGS, '2026-11-14', province, NOW)),
])

const monthly: Task = { id: 'T', title: 'Kiểm tra', lead: 'x', collaborators: [], due: '2000-01-15', recurrence: { kind: 'monthly', day: 15 }, status: 'doing', progress: 0 }
report('taskFlag: one-off vs monthly since 2000', [
  measure('one-off', () => taskFlag({ ...monthly, recurrence: undefined }, '2026-11-26'), 200),
  measure('monthly, 26 years of occurrences', () => taskFlag(monthly, '2026-11-26'), 50),
])
