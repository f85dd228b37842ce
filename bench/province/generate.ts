// Generates the provinces straight into the local D1 SQLite file through the project's own statement
// builders (worker/db/*), rendered as SQL text by the seed's renderer and streamed into sqlite3 in one
// transaction: `wrangler d1 execute` would take far longer for a gigabyte. Every unit, report and task is
// drawn from a generator seeded by its own id, so the data is the same on every run and in any order.
import { reportTimeliness } from '../../shared/calendar'
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import { addDays, daysBetween } from '../../shared/dates'
import type { FundDraft } from '../../shared/funds'
import { checkReport } from '../../shared/report'
import type { Task, TaskStatus } from '../../shared/tasks'
import { insertAssignmentStatement, insertClassStatement } from '../../worker/db/catalogs'
import { type NewRevision, insertRevisionIfAbsentStatement } from '../../worker/db/reports'
import { insertTaskIfAbsentStatement, upsertTasksStatement } from '../../worker/db/tasks'
import { insertTokenStatement } from '../../worker/db/tokens'
import { insertUnitStatement } from '../../worker/db/units'
import { sha256Hex } from '../../worker/hash'
import { demoIndicators } from '../../worker/seed/demo'
import { recordingDb, renderStatement } from '../../worker/seed/sql-text'
import {
  type BenchUnit, PROVINCES, SEED, SUBMITTERS, TASKS_PER_COMMUNE, TODAY, historyPeriods, tokenOf,
} from './shape'
import { openLoader } from './sqlite-cli'

const CREATED_AT = '2025-01-01T00:00:00.000Z'
const REGION = 'btb'
const db = recordingDb()

/** mulberry32 seeded by a string: a small, fast, reproducible generator. */
export function rng(key: string): () => number {
  let h = SEED ^ 0x9e3779b9
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x85ebca6b) >>> 0
  let a = h >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const int = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1))

type Variant = Pick<NewRevision, 'evaluation' | 'indicators' | 'funds' | 'fundTotals' | 'issues' | 'narratives'>

/** A few hundred distinct reports (criteria met, funds), each checked by the shared checkReport. */
function reportVariants(count: number): Variant[] {
  const out: Variant[] = []
  for (let k = 0; k < count; k++) {
    const r = rng('variant-' + k)
    const level = 0.2 + 0.75 * r()
    const met = QD_318_2022.criteria.filter(() => r() < level).map((c) => c.no)
    const budget = int(r, 2, 40) * 50_000_000
    const funds: FundDraft[] = [
      { source: 'central', amount: budget },
      { source: 'provincial', amount: Math.round(budget / 2) },
      { source: 'district', amount: Math.round(budget / 4) },
      { source: 'people', amount: int(r, 0, 10) * 10_000_000, note: 'Nhân dân tự nguyện đóng góp' },
    ]
    const indicators = demoIndicators(QD_318_2022, REGION, met)
    const check = checkReport(QD_318_2022, REGION, { unit: 'x', period: '2026-11-14', indicators, funds }, { now: '2026-11-14T08:00:00+07:00' })
    const narratives = {
      achievements: 'Hoàn thành ' + int(r, 1, 9) + ' km đường giao thông nông thôn; tổ chức ' + int(r, 1, 5) + ' buổi tuyên truyền tại các thôn.',
      difficulties: r() < 0.5 ? 'Nguồn vốn đối ứng còn thiếu; một số hộ chưa đồng thuận hiến đất làm đường.' : '',
      requests: r() < 0.3 ? 'Đề nghị tỉnh hỗ trợ xi măng cho tuyến đường thôn ' + int(r, 1, 12) + '.' : '',
    }
    out.push({ evaluation: check.evaluation, indicators, funds: check.funds, fundTotals: check.fundTotals, issues: check.issues, narratives })
  }
  return out
}

/** 2–4 revisions of a commune's report for a period (3 % of reports never arrive); 12 % start late. */
function revisionsFor(commune: string, period: string, variants: readonly Variant[]): NewRevision[] {
  const r = rng('rev-' + commune + '-' + period)
  if (r() < 0.03) return []
  const count = int(r, 2, 4)
  const lateStart = r() < 0.12
  let at = Date.parse(period + 'T17:00:00+07:00') + (lateStart ? int(r, 1, 5) : -int(r, 0, 4)) * 86_400_000 - int(r, 0, 8) * 3_600_000
  const first = new Date(at).toISOString()
  const t = reportTimeliness(period, first, first)
  const out: NewRevision[] = []
  for (let n = 1; n <= count; n++) {
    const v = variants[int(r, 0, variants.length - 1)] as Variant
    out.push({
      id: 'rep_b_' + commune + '_' + period + '_' + n, unitId: commune, period, receivedAt: new Date(at).toISOString(),
      submittedBy: 'tok_b_' + commune, catalog: { id: QD_318_2022.id, version: QD_318_2022.version }, classId: REGION,
      timeliness: t.status === 'late' ? 'late' : 'on_time', lateDays: t.status === 'late' ? t.days : 0, tasks: [], ...v,
    })
    at += int(r, 1, 30) * 3_600_000
  }
  return out
}

const OFFICES = ['Hội Nông dân xã', 'Đoàn Thanh niên xã', 'Hội Liên hiệp Phụ nữ xã', 'Công chức Địa chính - Xây dựng', 'Mặt trận Tổ quốc xã']
const VERBS = ['Rà soát', 'Hoàn thiện hồ sơ', 'Tổ chức', 'Kiểm tra', 'Vận động nhân dân', 'Báo cáo kết quả']
const OBJECTS = ['tiêu chí giao thông', 'tiêu chí môi trường', 'đường làng ngõ xóm', 'nhà văn hóa thôn', 'mô hình sản xuất', 'vệ sinh môi trường', 'hồ sơ minh chứng']

/**
 * A sheet's tasks: leads among `leads` or offices, up to three collaborators among `peers`, deadlines spread
 * over the history (`historyDays` back from TODAY) and two months ahead; a fifth recur monthly or in
 * given months from the start of the history.
 */
export function tasksFor(owner: string, count: number, leads: readonly string[], peers: readonly string[], historyDays: number): Task[] {
  const r = rng('tasks-' + owner)
  const out: Task[] = []
  for (let i = 1; i <= count; i++) {
    const lead = r() < 0.7 ? (leads[int(r, 0, leads.length - 1)] as string) : (OFFICES[int(r, 0, OFFICES.length - 1)] as string)
    const collaborators: string[] = []
    for (let c = int(r, 0, 3); c > 0; c--) {
      const p = r() < 0.6 ? (peers[int(r, 0, peers.length - 1)] as string) : (OFFICES[int(r, 0, OFFICES.length - 1)] as string)
      if (p !== lead && collaborators.indexOf(p) < 0) collaborators.push(p)
    }
    const recurring = r() < 0.2
    const spread = r()
    const due = recurring ? addDays(TODAY, -historyDays + int(r, 0, 20)) : addDays(TODAY, Math.round(-historyDays + (historyDays + 60) * spread))
    const roll = r()
    let status: TaskStatus = roll < 0.05 ? 'cancelled' : roll < 0.3 ? 'todo' : roll < 0.55 ? 'doing' : 'done'
    const past = daysBetween(due, TODAY) > 0
    if (status === 'done' && !past && !recurring) status = 'doing'
    const task: Task = {
      id: 'NV-' + String(i).padStart(3, '0'),
      title: VERBS[int(r, 0, VERBS.length - 1)] + ' ' + OBJECTS[int(r, 0, OBJECTS.length - 1)] + ' (' + owner + ', việc ' + i + ')',
      lead, collaborators, due, status, progress: status === 'done' ? 100 : status === 'doing' ? int(r, 1, 9) * 10 : 0,
      source: 'Kế hoạch NTM năm 2026, mục ' + int(r, 1, 30),
    }
    if (recurring) {
      task.recurrence = r() < 0.6 ? { kind: 'monthly', day: int(r, 1, 28) } : { kind: 'months', months: [3, 6, 9, 12] }
      if (status === 'done' || status === 'doing') {
        // The last completion: some weeks ago, sometimes late for its occurrence.
        task.completedOn = addDays(TODAY, -int(r, 1, 40))
      }
    } else if (status === 'done') {
      task.completedOn = addDays(due, int(r, -10, 6) > 0 ? int(r, 1, 6) : -int(r, 0, 10))
      if (task.completedOn > TODAY) task.completedOn = TODAY
    }
    out.push(task)
  }
  return out
}

type Sheet = { owner: string; tasks: Task[] }

/** Every task sheet: a commune's own 100 tasks, a district's 50 and a province's 100 assigned to its communes. */
export function sheets(historyDays: number): Sheet[] {
  const out: Sheet[] = []
  for (const p of PROVINCES) {
    const ids = p.communes.map((c) => c.id)
    p.communes.forEach((c, i) => {
      const near = ids.slice(Math.max(0, i - 3), i).concat(ids.slice(i + 1, i + 4))
      out.push({ owner: c.id, tasks: tasksFor(c.id, TASKS_PER_COMMUNE, [c.id], near, historyDays) })
    })
    for (const d of p.districts) {
      const below = p.communes.filter((c) => c.parentId === d.id).map((c) => c.id)
      out.push({ owner: d.id, tasks: tasksFor(d.id, 50, below, below, historyDays) })
    }
    out.push({ owner: p.id, tasks: tasksFor(p.id, 100, ids, ids, historyDays) })
  }
  return out
}

/** Days of task history for a number of periods (two a month). */
export const historyDaysFor = (periods: number): number => Math.round((periods / 2) * 30.4)

export type LoadStats = { statements: number; bytes: number; ms: number }

async function load(file: string, statements: Iterable<D1PreparedStatement>): Promise<LoadStats> {
  const start = performance.now()
  const loader = openLoader(file)
  await loader.write('PRAGMA synchronous = OFF;\nBEGIN;\n')
  let chunk = ''
  let count = 0
  let bytes = 0
  for (const s of statements) {
    chunk += renderStatement(s) + '\n'
    count++
    if (chunk.length > 1 << 20) {
      bytes += chunk.length
      await loader.write(chunk)
      chunk = ''
    }
  }
  bytes += chunk.length
  await loader.write(chunk + 'COMMIT;\nPRAGMA wal_checkpoint(TRUNCATE);\n')
  await loader.end()
  return { statements: count, bytes, ms: performance.now() - start }
}

function* revisionStatements(periods: readonly string[]): Generator<D1PreparedStatement> {
  const variants = reportVariants(256)
  for (const p of PROVINCES) {
    for (const c of p.communes) {
      for (const period of periods) {
        const revs = revisionsFor(c.id, period, variants)
        for (let i = 0; i < revs.length; i++) yield insertRevisionIfAbsentStatement(db, revs[i] as NewRevision, i + 1)
      }
    }
  }
}

/** Units, tokens, the first `periods` of history and the task sheets (inserted). */
export async function generateProvinces(file: string, periods: number): Promise<LoadStats> {
  const unitStatements: D1PreparedStatement[] = []
  for (const p of PROVINCES) {
    for (const u of p.units) {
      const isProvince = u.level === 'province'
      unitStatements.push(insertUnitStatement(db, { id: u.id, name: u.name, level: u.level, parentId: u.parentId, reportsFrom: null }, CREATED_AT))
      // The province's communes are judged by QĐ 318 in its region, as the office would assign them (issue 7).
      if (isProvince) {
        unitStatements.push(insertAssignmentStatement(db, { unit: u.id, catalog: { id: QD_318_2022.id, version: QD_318_2022.version }, from: QD_318_2022.effectiveFrom, by: 'bench', at: CREATED_AT }))
        unitStatements.push(insertClassStatement(db, { unit: u.id, catalogId: QD_318_2022.id, classId: REGION, by: 'bench', at: CREATED_AT }))
      }
    }
  }
  const tokenUnits: Array<{ unit: BenchUnit['id']; role: 'district' | 'commune' }> = [
    ...PROVINCES.map((p) => ({ unit: p.id, role: 'district' as const })),
    ...PROVINCES.flatMap((p) => p.districts.map((d) => ({ unit: d.id, role: 'district' as const }))),
    ...SUBMITTERS.map((id) => ({ unit: id, role: 'commune' as const })),
  ]
  for (const t of tokenUnits) {
    unitStatements.push(insertTokenStatement(db, { id: 'tok_b_' + t.unit, tokenHash: await sha256Hex(tokenOf(t.unit)), role: t.role, unitId: t.unit, label: 'bench' }, CREATED_AT))
  }
  const historyDays = historyDaysFor(periods)
  function* all(): Generator<D1PreparedStatement> {
    yield* unitStatements
    yield* revisionStatements(historyPeriods(periods))
    for (const s of sheets(historyDays)) for (const t of s.tasks) yield insertTaskIfAbsentStatement(db, s.owner, t, CREATED_AT, 'bench')
  }
  return load(file, all())
}

/** Grows the history from `from` to `to` periods: older revisions, and the task sheets re-dated over the longer past. */
export async function extendHistory(file: string, from: number, to: number): Promise<LoadStats> {
  const older = historyPeriods(to).slice(0, to - from)
  const historyDays = historyDaysFor(to)
  function* all(): Generator<D1PreparedStatement> {
    yield* revisionStatements(older)
    // Each task's second version (the first was inserted with version 1).
    for (const s of sheets(historyDays)) yield upsertTasksStatement(db, s.owner, s.tasks.map((t) => ({ ...t, version: 2 })), '2026-11-01T00:00:00.000Z', 'bench')
  }
  return load(file, all())
}
