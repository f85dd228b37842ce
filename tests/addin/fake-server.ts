// An in-memory stand-in for the Worker's /api/v1 (the contract of shared/api.ts), for pane tests in Node.
// The real Worker is exercised by the browser test (tests/e2e). Rules come from shared/, as on the server.
import { computeDossierMatrix } from '../../shared/dossier-matrix'
import type {
  AggregateResponse, ErrorBody, EvidenceListResponse, NotificationItem, ReportReceipt, ReportRequest, SettingsResponse, StoredTask,
  TaskFlagRow, TaskProgressRequest, TasksPutRequest,
} from '../../shared/api'
import { applyTaskProgress, checkTaskProgress } from '../../shared/task-progress'
import { type UnitSettingsPatch, checkSettingsPatch, effectiveSettings } from '../../shared/settings'
import { checkReport } from '../../shared/report'
import { checkTasks } from '../../shared/task-check'
import { TASK_FIELD_NAMES, changedTaskFields, taskFieldText } from '../../shared/task-diff'
import { makeIssue } from '../../shared/issues'
import { taskFlag } from '../../shared/tasks'
import { vnDate } from '../../shared/dates'
import { previousPeriodId, reportTimeliness } from '../../shared/calendar'
import type { FetchLike } from '../../addin/api-client'
import { CATALOG, COMMUNE_ME, DISTRICT_ME } from './fixtures'

/** The units' names, as the Worker's flags answer them. */
const UNIT_NAMES: { [id: string]: string } = { 'binh-son': 'Xã Bình Sơn', 'tho-son': 'Xã Thọ Sơn', 'trieu-son': 'Huyện Triệu Sơn', 'trieu-son-vp-ntm': 'Văn phòng NTM huyện Triệu Sơn' }

export type Call = { method: string; path: string; headers: { [k: string]: string }; body: unknown }

export class FakeServer {
  calls: Call[] = []
  /** Unread reminders per unit, as GET /units/{unit}/notifications answers them. */
  notices: { [unit: string]: NotificationItem[] } = {}
  /** A unit's own settings (null: inherited), and those in force, as /settings and /me answer them. */
  ownSettings: { [unit: string]: UnitSettingsPatch } = {}
  /** Answer every request to this path prefix with a 500 (a feature the server does not have yet, say). */
  brokenPath: string | null = null
  receipts: { [key: string]: ReportReceipt } = {}
  revisions: ReportReceipt[] = []
  tasks: { [unit: string]: StoredTask[] } = {}
  locked: { [period: string]: boolean } = {}
  /** What GET /units/{unit}/evidence answers, per unit. */
  evidence: { [unit: string]: EvidenceListResponse } = {}
  /** 'network': the request never arrives; 'drop': it is processed, but the answer is lost; 'internal': a 500, not processed. */
  failNext: 'network' | 'drop' | 'internal' | null = null
  /** Communes the aggregate answers besides Bình Sơn (late, missing…). */
  moreCommunes: AggregateResponse['communes'] = []
  constructor(public now: number) {}

  fetch: FetchLike = async (url, init) => {
    const path = url.replace(/^https?:\/\/[^/]+\/api\/v1/, '')
    const call: Call = { method: init.method, path, headers: init.headers, body: init.body ? JSON.parse(init.body) : undefined }
    this.calls.push(call)
    const fail = this.failNext
    this.failNext = null
    if (fail === 'network') throw new TypeError('Failed to fetch')
    if (fail === 'internal') return { status: 500, ok: false, text: async () => JSON.stringify(this.error(500, 'internal')[1]) }
    const [status, body] = this.brokenPath !== null && path.indexOf(this.brokenPath) === 0 ? this.error(500, 'internal') : this.handle(call)
    if (fail === 'drop') throw new TypeError('Failed to fetch')
    const text = JSON.stringify(body)
    return { status, ok: status < 300, text: async () => text }
  }

  settingsOf(unit: string): SettingsResponse {
    const own = this.ownSettings[unit] || {}
    const { settings, sources } = effectiveSettings([{ unitId: unit, own }])
    return {
      unit, settings, sources,
      own: { reminderLeadDays: own.reminderLeadDays ?? null, dueSoonDays: own.dueSoonDays ?? null, peopleSharePercent: own.peopleSharePercent ?? null },
    }
  }

  private error(status: number, code: ErrorBody['error'], issues?: ErrorBody['issues']): [number, ErrorBody] {
    return [status, { error: code, message: 'Lỗi ' + code, message_en: 'Error ' + code, issues: issues ?? [] }]
  }

  private handle(call: Call): [number, unknown] {
    const token = (call.headers.Authorization || '').replace('Bearer ', '')
    const me = token === 'commune-token' ? COMMUNE_ME : token === 'district-token' ? DISTRICT_ME : null
    if (!me) return this.error(401, 'unauthorized')
    const today = vnDate(this.now)
    let m: RegExpExecArray | null
    if (call.method === 'GET' && call.path === '/me') return [200, { ...me, settings: this.settingsOf(me.unit.id).settings }]
    if ((m = /^\/units\/([^/]+)\/notifications\?unread=true&limit=(\d+)$/.exec(call.path))) {
      const all = (this.notices[decodeURIComponent(m[1] as string)] || []).filter((n) => n.readAt === null)
      return [200, { unit: m[1], unread: all.length, notifications: all.slice(0, Number(m[2])) }]
    }
    if (call.method === 'POST' && (m = /^\/units\/([^/]+)\/notifications\/read$/.exec(call.path))) {
      const unit = decodeURIComponent(m[1] as string)
      if (unit !== me.unit.id || me.role === 'leader') return this.error(403, 'forbidden')
      const ids = (call.body as { ids: string[] }).ids
      let marked = 0
      for (const n of this.notices[unit] || []) {
        if (n.readAt === null && ids.indexOf(n.id) >= 0) {
          n.readAt = new Date(this.now).toISOString()
          marked++
        }
      }
      return [200, { unit, marked, unread: (this.notices[unit] || []).filter((n) => n.readAt === null).length }]
    }
    if ((m = /^\/units\/([^/]+)\/settings$/.exec(call.path))) {
      const unit = decodeURIComponent(m[1] as string)
      if (call.method === 'PUT') {
        if (me.role !== 'district') return this.error(403, 'forbidden')
        const checked = checkSettingsPatch(call.body as { [k: string]: unknown })
        if (checked.problems.length > 0) return this.error(400, 'bad_request')
        this.ownSettings[unit] = { ...this.ownSettings[unit], ...checked.value }
      }
      return [200, this.settingsOf(unit)]
    }
    if (call.method === 'GET' && (m = /^\/catalog(?:\?period=(.+))?$/.exec(call.path))) {
      return [200, { ...CATALOG, period: m[1] ? decodeURIComponent(m[1]) : CATALOG.period }]
    }
    if ((m = /^\/units\/([^/]+)\/evidence$/.exec(call.path)) && call.method === 'GET') {
      const unit = decodeURIComponent(m[1] as string)
      if (me.role === 'commune' && unit !== me.unit.id) return this.error(403, 'forbidden')
      const list = this.evidence[unit]
      return list ? [200, list] : this.error(404, 'not_found')
    }
    if ((m = /^\/units\/([^/]+)\/tasks$/.exec(call.path))) {
      const unit = decodeURIComponent(m[1] as string)
      if (call.method === 'GET') return [200, { unit, tasks: this.tasks[unit] || [] }]
      const body = call.body as TasksPutRequest
      const checked = checkTasks(body.tasks, today)
      if (checked.issues.some((i) => i.severity === 'error')) return this.error(422, 'validation_failed', checked.issues)
      const before = this.tasks[unit] || []
      const stored = (id: string) => before.filter((b) => b.id === id)[0]
      // As the Worker does: a row read at an older version that would change the task is refused, nothing saved.
      const stale = checked.tasks.map((t, k) => ({ t, row: checked.rows[k]!, old: stored(t.id) }))
        .filter((x) => x.old && x.row.version !== null && x.row.version !== x.old.version && changedTaskFields(x.old, x.t).length > 0)
      if (stale.length > 0) {
        const issues = stale.flatMap((x) => changedTaskFields(x.old!, x.t).map((f) => makeIssue('task_changed_on_server', 'tasks[' + x.row.index + '].' + f, {
          task: x.t.id, field: TASK_FIELD_NAMES[f], server: taskFieldText(x.old!, f), value: taskFieldText(x.t, f), by: 'Huyện Triệu Sơn',
        })))
        const [status, error] = this.error(409, 'version_conflict', issues)
        return [status, { ...error, current: stale.map((x) => x.old!) }]
      }
      const created = checked.tasks.filter((t) => !stored(t.id)).length
      this.tasks[unit] = checked.tasks.map((t) => {
        const old = stored(t.id)
        const version = !old ? 1 : changedTaskFields(old, t).length > 0 ? old.version + 1 : old.version
        return { ...t, owner: unit, updatedAt: new Date(this.now).toISOString(), version }
      })
      return [200, { unit, created, updated: checked.tasks.length - created, unchanged: 0, tasks: this.tasks[unit], issues: checked.issues }]
    }
    if ((m = /^\/units\/([^/]+)\/flags\?date=(.+)$/.exec(call.path))) {
      const unit = decodeURIComponent(m[1] as string)
      const date = decodeURIComponent(m[2] as string)
      // As the Worker does: every task the unit owns, leads or helps with, whoever owns it, with the task itself.
      const tasks: TaskFlagRow[] = []
      const names: { [id: string]: string } = { [unit]: UNIT_NAMES[unit] || unit }
      for (const owner of Object.keys(this.tasks)) {
        for (const t of this.tasks[owner] || []) {
          const role = t.lead === unit ? 'lead' : t.collaborators.indexOf(unit) >= 0 ? 'collaborator' : owner === unit ? 'owner' : null
          if (!role) continue
          const f = taskFlag(t, date)
          tasks.push({ ...t, role, flag: f.flag, days: f.days, occurrence: f.occurrence })
          for (const id of [t.owner, t.lead, ...t.collaborators]) if (UNIT_NAMES[id]) names[id] = UNIT_NAMES[id] as string
        }
      }
      return [200, { unit, date, tasks, names, reports: [{ period: '2026-10-28', status: 'late', days: 2 }, { period: '2026-11-14', status: 'open', days: 4 }] }]
    }
    if ((m = /^\/units\/([^/]+)\/task-progress$/.exec(call.path)) && call.method === 'POST') {
      const unit = decodeURIComponent(m[1] as string)
      if (me.role === 'leader') return this.error(403, 'forbidden')
      if (me.role === 'commune' && unit !== me.unit.id) return this.error(404, 'not_found')
      const body = call.body as TaskProgressRequest
      const checked = checkTaskProgress(body.updates, today)
      if (checked.issues.some((i) => i.severity === 'error')) return this.error(422, 'validation_failed', checked.issues)
      const find = (u: { owner: string; id: string }) => (this.tasks[u.owner] || []).filter((t) => t.id === u.id)[0]
      const refused = checked.updates.filter((u) => !find(u) || find(u)!.lead !== unit)
        .map((u) => makeIssue('task_progress_not_lead', 'updates[' + u.index + ']', { task: u.id, value: u.owner }))
      if (refused.length > 0) return this.error(403, 'forbidden', refused)
      const stale = checked.updates.filter((u) => {
        const old = find(u)!
        return u.version !== null && u.version !== old.version && changedTaskFields(old, applyTaskProgress(old, u)).length > 0
      })
      if (stale.length > 0) {
        const issues = stale.flatMap((u) => changedTaskFields(find(u)!, applyTaskProgress(find(u)!, u)).map((f) => makeIssue('task_changed_on_server', 'updates[' + u.index + '].' + f, {
          task: u.id, field: TASK_FIELD_NAMES[f], server: taskFieldText(find(u)!, f), value: taskFieldText(applyTaskProgress(find(u)!, u), f), by: 'Huyện Triệu Sơn',
        })))
        const [status, error] = this.error(409, 'version_conflict', issues)
        return [status, { ...error, current: stale.map((u) => find(u)!) }]
      }
      let updated = 0
      const out: StoredTask[] = []
      for (const u of checked.updates) {
        const old = find(u)!
        const next = applyTaskProgress(old, u)
        const changed = changedTaskFields(old, next).length > 0
        if (changed) updated++
        const stored = changed ? { ...next, version: old.version + 1, updatedAt: new Date(this.now).toISOString() } : old
        this.tasks[u.owner] = (this.tasks[u.owner] || []).map((t) => (t.id === u.id ? stored : t))
        out.push(stored)
      }
      return [200, { unit, updated, unchanged: checked.updates.length - updated, tasks: out, issues: checked.issues }]
    }
    if (call.method === 'POST' && call.path === '/reports') {
      const key = call.headers['Idempotency-Key'] || ''
      const body = call.body as ReportRequest
      if (key && this.receipts[key]) return [201, this.receipts[key]]
      if (this.locked[body.period]) return this.error(409, 'period_locked')
      const check = checkReport(CATALOG.catalog, CATALOG.classId, body, { now: this.now })
      if (!check.ok) return this.error(422, 'validation_failed', check.issues)
      const t = reportTimeliness(body.period, this.now, this.now)
      const receipt: ReportReceipt = {
        id: 'r' + (this.revisions.length + 1), unit: body.unit, period: body.period, revision: this.revisions.length + 1,
        receivedAt: new Date(this.now).toISOString(), timeliness: t.status === 'late' ? 'late' : 'on_time', lateDays: t.status === 'late' ? t.days : 0,
        achieved: check.evaluation.achieved, total: check.evaluation.total, issues: check.issues,
      }
      this.revisions.push(receipt)
      if (key) this.receipts[key] = receipt
      return [201, receipt]
    }
    if (call.method === 'POST' && call.path === '/aggregate') {
      if (me.role !== 'district') return this.error(403, 'forbidden')
      const body = call.body as { period: string }
      const agg: AggregateResponse = {
        period: body.period, unit: { id: me.unit.id, name: me.unit.name, level: 'district' }, locked: !!this.locked[body.period],
        generatedAt: new Date(this.now).toISOString(),
        communes: ([{ unit: { id: 'binh-son', name: 'Xã Bình Sơn' }, revision: 1, receivedAt: '2026-11-13T03:00:00Z', firstReceivedAt: '2026-11-13T03:00:00Z', achieved: 19, total: 19, criteria: { '1': true }, timeliness: { status: 'on_time', days: 0 }, narratives: { achievements: '', difficulties: '', requests: 'Đề nghị hỗ trợ vốn nhà văn hóa' }, catalog: { id: 'qd-318-2022', version: '2022.1' } }] as AggregateResponse['communes']).concat(this.moreCommunes),
        completeness: { expected: 1, received: 1, receivedOnTime: 1, rate: 1, onTimeRate: 1 },
        catalogs: [{
          id: 'qd-318-2022', version: '2022.1', title: CATALOG.catalog.title, total: 19, communes: 1, reported: 1,
          criteriaMet: CATALOG.catalog.criteria.map((c) => ({ no: c.no, name: c.name, communes: 1 })),
        }],
        funds: { bySource: { central: 0, provincial: 0, district: 0, commune: 0, integrated: 0, credit: 0, enterprise: 0, people: 0 }, total: 0, peopleShare: 0 },
        overdueTasks: [],
        lockedAt: this.locked[body.period] ? new Date(this.now).toISOString() : null,
        change: { previousPeriod: previousPeriodId(body.period), byCommune: {}, compared: 0, change: 0 },
        unitNames: { [me.unit.id]: me.unit.name, 'binh-son': 'Xã Bình Sơn' },
        peopleShareLimit: 0.3,
        overdueTotal: 0,
        overdueNext: null,
      }
      agg.dossiers = [computeDossierMatrix(CATALOG.catalog, agg.communes, [])]
      return [200, agg]
    }
    if ((m = /^\/periods\/([^/]+)\/(lock|unlock)$/.exec(call.path))) {
      if (me.role !== 'district') return this.error(403, 'forbidden')
      const period = decodeURIComponent(m[1] as string)
      this.locked[period] = m[2] === 'lock'
      return [200, { unit: me.unit.id, period, locked: this.locked[period], by: 'x', at: new Date(this.now).toISOString() }]
    }
    return this.error(404, 'not_found')
  }
}
