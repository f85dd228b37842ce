// One async function per button: read the workbook → check (shared rules) → call the server → write back →
// report in the pane. Every Excel access goes through excel/*; every word through messages.ts.
import type {
  AggregateResponse, CatalogResponse, MeResponse, ReportReceipt, StoredTask, TaskProgressResponse, TasksPutResponse,
} from '../shared/api'
import type { Issue } from '../shared/issues'
import { checkReport } from '../shared/report'
import { peopleShareLimit } from '../shared/settings'
import { checkTasks } from '../shared/task-check'
import { checkTaskProgress } from '../shared/task-progress'
import type { OwnUnit } from '../shared/workbook/task-rows'
import { periodAt, periodOf, periodsInMonths } from '../shared/calendar'
import { formatDateVi, formatTimeVi, vnDate } from '../shared/dates'
import { followUps } from '../shared/aggregate'
import { type ApiFailure, type Api, createApi, isApiFailure, isOffline } from './api-client'
import {
  type BookGrids, type CellWrite, type FlagWrites, type IssueLike, type Marks, type Place, type ReadBook, SHEETS, attentionWrite, displayAddress,
  flagWrites, marksFor, placeOfIssue, readBook, receiptWrite, infoFacts, reportBookPlan, toProgressInputs, toReportRequest, toTaskInputs, versionWrite,
} from '../shared/workbook/report-book'
import { type SheetOutput, aggregateSheet, communeRows, overdueSheet, timelinessText } from '../shared/workbook/aggregate-sheets'
import { NARRATIVES_SUMMARY_SHEET, narrativesSheet } from '../shared/workbook/narratives-summary'
import { a1 } from '../shared/workbook/grid'
import { DOSSIER_MATRIX_SHEET, dossierMatrixSheet } from '../shared/workbook/dossier-matrix-sheet'
import { hasDossierGaps, metWithoutDossierText } from '../shared/dossier-matrix'
import { evidenceSheet } from '../shared/workbook/evidence-sheet'
import { readSheets } from './excel/read-sheets'
import { selectCell, writeCells } from './excel/write-cells'
import { createBook } from './excel/create-book'
import { writeOutputSheets } from './excel/write-output-sheets'
import { clearPendingSubmit, readPendingSubmit, writePendingSubmit } from './excel/book-settings'
import { errorText, flagTextVi, lang, roleText, t } from './messages'
import { loadCachedCatalog, loadCachedMe, loadSettings, saveCachedCatalog, saveCachedMe, saveSettings } from './settings'
import { type ChaseGroup, type IssueItem, setText, showBusy, showChase, showError, showHeadline, showInfo, showIssues, showOk } from './status'
import { fingerprint, newIdempotencyKey } from './submit-key'
import { loadNotices, markNoticesRead, renderNotices } from './notices'
import { canEditSettings, loadSettingsForm, saveSettingsForm } from './office-settings'

/** `catalogs`: the catalogue that judges each period asked for (the set in force changes with the period). */
type PaneState = { me: MeResponse | null; catalogs: { [period: string]: CatalogResponse }; catalogOffline: boolean; period: string }

const state: PaneState = { me: null, catalogs: {}, catalogOffline: false, period: '' }

/** The clock, replaceable in tests. */
let now: () => number = () => new Date().getTime()
export function setClock(fn: () => number): void {
  now = fn
}

function api(): Api {
  const s = loadSettings()
  return createApi({ baseUrl: s.serverUrl, token: s.token })
}

function today(): string {
  return vnDate(now())
}

// ---------------------------------------------------------------------------------------------------------
// Pane plumbing

export function periodChoices(): string[] {
  const d = today()
  const y = Number(d.slice(0, 4))
  const m = Number(d.slice(5, 7))
  const from = m > 2 ? y + '-' + ('0' + (m - 2)).slice(-2) : y - 1 + '-' + ('0' + (m + 10)).slice(-2)
  const to = m < 12 ? y + '-' + ('0' + (m + 1)).slice(-2) : y + 1 + '-01'
  return periodsInMonths(from, to).map((p) => p.id).reverse()
}

export function currentPeriod(): string {
  return periodAt(now()).id
}

export function setPeriod(period: string): void {
  state.period = period
}

function selectedPeriod(): string {
  return periodOf(state.period) ? state.period : currentPeriod()
}

/**
 * The headline says what matters now: the errors while there are any (the score is then only provisional,
 * in small print beneath), the score once there are none.
 */
function headline(achieved: number, total: number, errors = 0, note = ''): void {
  showHeadline(errors > 0 ? t('headlineErrors', { e: errors }) : t('headline', { x: achieved, total }), errors > 0 ? 'error' : 'ok')
  setText('score', errors > 0 ? t('scoreProvisional', { x: achieved, total }) : note)
}

function issueText(i: Pick<IssueLike, 'message' | 'message_en'>): string {
  return lang() === 'vi' ? i.message : i.message_en
}

function issueItems(book: ReadBook | null, issues: readonly IssueLike[]): IssueItem[] {
  const sorted = issues.filter((i) => i.severity === 'error').concat(issues.filter((i) => i.severity !== 'error'))
  return sorted.map((issue) => {
    const place = book ? placeOfIssue(book, issue) : null
    const item: IssueItem = { text: issueText(issue), address: place ? displayAddress(place) : null, severity: issue.severity }
    if (place) item.onSelect = () => void guard(() => selectCell(place), true)
    return item
  })
}

function isOfficeError(e: unknown): e is { code: string; message: string; debugInfo?: unknown } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && 'debugInfo' in (e as object)
}

/** The Vietnamese (or English) explanation of a failure, with a line per issue where the server sent some. */
export function describeFailure(e: unknown): { text: string; details: string[] } {
  if (isApiFailure(e)) {
    const details: string[] = []
    // The server's own sentence says what exactly (which unit, which period); ours says what to do.
    if (e.body && e.body.message) details.push(issueText(e.body))
    if (e.body && e.body.issues) for (const i of e.body.issues) details.push(issueText(i))
    return { text: errorText(e.code), details }
  }
  if (isOfficeError(e)) {
    if (typeof console !== 'undefined') console.log('Excel debugInfo', e.debugInfo)
    return { text: t('excelError', { message: e.message, code: e.code }), details: [] }
  }
  const message = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e)
  return { text: t('unexpected', { message }), details: [] }
}

let busy = false
const listeners: Array<(busy: boolean) => void> = []
export function onBusyChange(fn: (busy: boolean) => void): void {
  listeners.push(fn)
}

/**
 * Runs an action with the buttons disabled; any failure ends in a clear message, never a thrown error.
 * `quiet`: a step with nothing to report (selecting a cell) leaves the status line as it was.
 */
export function guard(action: () => Promise<unknown>, quiet = false): Promise<void> {
  if (busy) return Promise.resolve()
  busy = true
  for (const l of listeners) l(true)
  if (!quiet) showBusy(t('busy'))
  return action()
    .then(
      () => undefined,
      (e: unknown) => {
        const d = describeFailure(e)
        showError(d.text, d.details)
      },
    )
    .then(() => {
      busy = false
      for (const l of listeners) l(false)
    })
}

// ---------------------------------------------------------------------------------------------------------
// Connection

export type ConnectResult = MeResponse | null

export async function onSaveSettings(serverUrl: string, token: string): Promise<void> {
  saveSettings({ serverUrl, token })
  // Another token may be another unit (another class's thresholds): forget who we were and their catalogues.
  state.me = null
  state.catalogs = {}
  state.catalogOffline = false
  await onConnect()
}

/** Who am I: shows the unit and role, and which section of the pane applies. */
export async function onConnect(): Promise<ConnectResult> {
  // Another token's reminders must not stay on screen while this one connects (or fails to).
  renderNotices([], 0, false)
  if (!loadSettings().token) {
    state.me = null
    showInfo(t('notConnected'))
    return null
  }
  let me: MeResponse
  try {
    me = await api().me()
  } catch (e) {
    // Offline: the role last seen for this very connection keeps its buttons (checking works offline).
    const cached = isOffline(e) ? loadCachedMe(loadSettings()) : null
    if (!cached) throw e
    state.me = cached
    setText('unit-line', cached.unit.name + ' · ' + roleText(cached.role))
    showInfo(t('connectedOffline', { unit: cached.unit.name, role: roleText(cached.role) }))
    return cached
  }
  state.me = me
  saveCachedMe(loadSettings(), me)
  setText('unit-line', me.unit.name + ' · ' + roleText(me.role))
  showOk(t('connected', { unit: me.unit.name, role: roleText(me.role) }))
  await loadExtras(me)
  return me
}

/** The reminders box and, for the office, its settings form. Neither may spoil connecting: a failure hides them. */
async function loadExtras(me: MeResponse): Promise<void> {
  const client = api()
  await loadNotices(client, me).catch(() => renderNotices([], 0, false))
  if (canEditSettings(me)) await loadSettingsForm(client, me).catch(() => undefined)
}

// ---------------------------------------------------------------------------------------------------------
// Reminders and the office's settings

/** "Đã xem": the reminders shown are marked read. */
export async function onMarkNoticesRead(): Promise<void> {
  const marked = await markNoticesRead(api(), await requireMe())
  showOk(t('noticesMarked', { n: marked }))
}

/** The office saves its unit's settings (checked here by the server's own rule first). */
export async function onSaveUnitSettings(): Promise<void> {
  const me = await requireMe()
  const outcome = await saveSettingsForm(api(), me)
  if (!outcome.ok) {
    showError(t('unitSettingsInvalid'), outcome.problems)
    return
  }
  const s = outcome.saved.settings
  // Another cap may change the checks the pane runs: /me carries the settings in force.
  state.me = { role: me.role, unit: me.unit, settings: s, today: me.today }
  showOk(t('unitSettingsSaved', { unit: me.unit.name, lead: s.reminderLeadDays, soon: s.dueSoonDays, people: s.peopleSharePercent }))
}

export function currentRole(): string | null {
  return state.me ? state.me.role : null
}

async function requireMe(): Promise<MeResponse> {
  return state.me || (await api().me().then((me) => (state.me = me)))
}

/** The catalogue that judges `period`, shown in the pane with the unit's class. */
async function loadCatalog(period: string): Promise<CatalogResponse> {
  const known = state.catalogs[period]
  if (known) {
    state.catalogOffline = false
    showCatalog(known)
    return known
  }
  try {
    const c = await api().catalog(period)
    saveCachedCatalog(loadSettings(), c)
    state.catalogs[period] = c
    state.catalogOffline = false
    showCatalog(c)
    return c
  } catch (e) {
    const cached = loadCachedCatalog(loadSettings(), period)
    if (cached && isOffline(e)) {
      // Not kept in state: the next action tries the server again. The pane says it checked offline.
      state.catalogOffline = true
      showCatalog(cached)
      return cached
    }
    throw e
  }
}

function showCatalog(c: CatalogResponse): void {
  setText('catalog-line', t('catalogLine', {
    title: c.catalog.title,
    version: c.catalog.version,
    cls: c.className || t('unclassed', { label: c.catalog.classification.label.toLowerCase() }),
  }))
}

// ---------------------------------------------------------------------------------------------------------
// Reading the workbook

const BOOK_SHEETS = [SHEETS.info, SHEETS.indicators, SHEETS.tasks, SHEETS.funds, SHEETS.narratives]

/** Reads `sheets` (the whole book by default; task actions read only the info and task sheets). */
async function readReportBook(required: string[], sheets: string[] = BOOK_SHEETS): Promise<ReadBook | null> {
  const read = await readSheets(sheets)
  for (const name of required) {
    if (!read.grids[name]) {
      // The NTM office's button is "Tạo trang tính nhiệm vụ", not "Tạo sổ báo cáo".
      const district = state.me !== null && state.me.role !== 'commune'
      showError(t(district ? 'noTaskBook' : 'noBook', { sheet: name }))
      return null
    }
  }
  const grids: BookGrids = {
    info: read.grids[SHEETS.info] || null,
    indicators: read.grids[SHEETS.indicators] || null,
    tasks: read.grids[SHEETS.tasks] || null,
    funds: read.grids[SHEETS.funds] || null,
    narratives: read.grids[SHEETS.narratives] || null,
  }
  const book = readBook(grids)
  const missing = book.missingColumns[0]
  if (missing) {
    showError(t('missingColumn', missing), book.missingColumns.slice(1).map((m) => t('missingColumn', m)))
    return null
  }
  return book
}

// ---------------------------------------------------------------------------------------------------------
// Commune: create, check, submit

export async function onCreateBook(): Promise<void> {
  const me = await requireMe()
  const period = selectedPeriod()
  const district = me.role !== 'commune'
  const client = api()
  const catalog = district ? null : await loadCatalog(period)
  // Every task the unit owns, leads or helps with, as the flags answer them: the rows other units assigned are
  // in the new book from the start (grey, their owner named).
  const flags = await client.flags(me.unit.id, today()).then((r) => r, (e: unknown) => {
    if (isApiFailure(e) && e.code === 'not_found') return null
    throw e
  })
  const catalogData = catalog ? catalog.catalog : null
  const classId = catalog ? catalog.classId : null
  const facts = infoFacts(me.unit, period, catalogData, classId, district)
  const plans = reportBookPlan(facts, catalogData, classId, flags ? flags.tasks : [], flags ? flags.names : {})
  const result = await createBook(plans)
  showIssues([])
  if (result.created.length === 0) {
    showInfo(t('nothingCreated'))
    return
  }
  const details = result.kept.length > 0 ? [t('kept', { sheets: result.kept.join(', ') })] : []
  showOk(t('created', { sheets: result.created.join(', ') }), details)
}

export type CheckOutcome = { book: ReadBook; issues: Issue[]; ok: boolean; achieved: number; total: number }

async function checkBook(): Promise<CheckOutcome | null> {
  const book = await readReportBook([SHEETS.info, SHEETS.indicators])
  if (!book) return null
  // The book's own period decides the catalogue (a 2025 report is judged by the set of 2025).
  const catalog = await loadCatalog(periodOf(book.period) ? book.period : selectedPeriod())
  // The cap in force for the unit (the district may set its own), as the server applies it.
  const limit = state.me && state.me.settings ? peopleShareLimit(state.me.settings) : undefined
  const check = checkReport(catalog.catalog, catalog.classId, book.draft, { now: now(), peopleShareLimit: limit })
  return { book, issues: check.issues, ok: check.ok, achieved: check.evaluation.achieved, total: check.evaluation.total }
}

function counts(issues: readonly IssueLike[]): { e: number; w: number } {
  const e = issues.filter((i) => i.severity === 'error').length
  return { e, w: issues.length - e }
}

/** Check: one read, the shared rules, marks on the cells, the list in the pane, the headline. */
export async function onCheck(): Promise<CheckOutcome | null> {
  const outcome = await checkBook()
  if (!outcome) return null
  await writeCells(marksFor(outcome.book, outcome.issues))
  const n = counts(outcome.issues)
  headline(outcome.achieved, outcome.total, n.e)
  showIssues(issueItems(outcome.book, outcome.issues))
  const offline = state.catalogOffline ? [t('catalogOffline')] : []
  if (n.e > 0) showError(t('checkErrors', n), offline)
  else if (n.w > 0) showOk(t('checkWarnings', n), offline)
  else showOk(t('checkOk'), offline)
  return outcome
}

/** Submit: refuses while errors remain; the idempotency key lives in the workbook until a receipt arrives. */
export async function onSubmit(): Promise<ReportReceipt | null> {
  const outcome = await checkBook()
  if (!outcome) return null
  const { book, issues } = outcome
  headline(outcome.achieved, outcome.total, counts(issues).e)
  if (!outcome.ok) {
    await writeCells(marksFor(book, issues))
    showIssues(issueItems(book, issues))
    showError(t('submitRefused', counts(issues)))
    return null
  }
  const body = toReportRequest(book)
  const hash = fingerprint(JSON.stringify(body))
  const pending = readPendingSubmit()
  const resume = pending !== null && pending.hash === hash && pending.unit === body.unit && pending.period === body.period
  const key = resume && pending ? pending.key : newIdempotencyKey()
  if (!resume) await writePendingSubmit({ key, unit: body.unit, period: body.period, hash, startedAt: new Date(now()).toISOString() })
  showBusy(resume ? t('resubmitting') : t('submitting'))
  let receipt: ReportReceipt
  try {
    receipt = await api().submit(body, key)
  } catch (e) {
    if (isApiFailure(e)) return submitFailed(e, book)
    throw e
  }
  const timeliness = timelinessText({ status: receipt.timeliness, days: receipt.lateDays })
  const marks = marksFor(book, receipt.issues || issues)
  await writeCells({
    clear: marks.clear,
    fills: marks.fills,
    writes: [receiptWrite({
      revision: receipt.revision,
      receivedAt: formatTimeVi(receipt.receivedAt),
      timelinessText: timeliness,
      resultText: 'Đạt ' + receipt.achieved + '/' + receipt.total + ' tiêu chí',
    })],
  })
  await clearPendingSubmit()
  headline(receipt.achieved, receipt.total, 0, t('scoreSubmitted', { rev: receipt.revision, time: formatTimeVi(receipt.receivedAt) }))
  showIssues(issueItems(book, receipt.issues || []))
  showOk(t('submitted', {
    rev: receipt.revision,
    time: formatTimeVi(receipt.receivedAt),
    timeliness: receipt.timeliness === 'on_time' ? t('onTime') : t('late', { n: receipt.lateDays }),
    x: receipt.achieved,
    total: receipt.total,
  }))
  return receipt
}

async function submitFailed(e: ApiFailure, book: ReadBook): Promise<null> {
  if (e.code === 'network' || e.code === 'timeout' || e.status >= 500) {
    // The key stays in the workbook: the retry reuses it and the server answers with the same receipt.
    showError(e.status >= 500 ? t('submitServer') : t('submitNetwork'))
    return null
  }
  // 401/403 come before the server looks at the key: an earlier attempt under it may have been stored, so
  // the key stays for the retry. Any other refusal means nothing was stored: the next submission gets a fresh key.
  if (e.status !== 401 && e.status !== 403) await clearPendingSubmit()
  const issues = e.body && e.body.issues ? e.body.issues : []
  if (issues.length > 0) {
    await writeCells(marksFor(book, issues))
    showIssues(issueItems(book, issues))
    showError(e.code === 'validation_failed' ? t('serverRejected') : errorText(e.code))
    return null
  }
  const d = describeFailure(e)
  showError(d.text, d.details)
  return null
}

// ---------------------------------------------------------------------------------------------------------
// Tasks and flags (commune and district)

/** The unit whose task sheet this is (the book's, or the token's for a book made before the info sheet said). */
function ownUnit(book: ReadBook, me: MeResponse): OwnUnit {
  return { id: book.unit || me.unit.id, name: book.unitName || me.unit.name }
}

/** Whose deadlines the info sheet shows: a commune's book (also when the office opens one) or the office's own. */
function bookLevel(own: OwnUnit, me: MeResponse): 'commune' | 'district' {
  return own.id === me.unit.id && me.role !== 'commune' ? 'district' : 'commune'
}

/**
 * The flags into the task sheet: each row's flag, the rows other units assigned (added when missing, their
 * owner's values refreshed, read-only cells grey), the info sheet's reminder row; with `marks` (cleared and
 * coloured cells) and `extra` writes in the same batch, one sync.
 */
async function writeFlags(book: ReadBook, me: MeResponse, marks?: Marks, extra?: Array<CellWrite | null>): Promise<FlagWrites | null> {
  const own = ownUnit(book, me)
  const date = today()
  const flags = await api().flags(own.id, date)
  const tasks = book.tasks
  if (!tasks) return null
  const fw = flagWrites(tasks, own, flags, date, flagTextVi, timelinessText)
  const writes = fw.writes.concat([attentionWrite(flags, date, bookLevel(own, me))])
  for (const w of extra || []) if (w) writes.push(w)
  await writeCells({ clear: marks ? marks.clear.concat(fw.clear) : fw.clear, writes, fills: marks ? marks.fills.concat(fw.fills) : fw.fills })
  return fw
}

/**
 * Someone changed tasks on the server since this sheet had them: nothing of that request was saved. The pane
 * lists each change (the server's value against the sheet's) and marks the cells, keeps what the user typed,
 * and gives the rows the server's versions, so pressing again after reading is a deliberate choice to save the
 * sheet over them. `saved`: tasks an earlier request of the same sync did store (their new versions).
 */
async function showTaskConflict(book: ReadBook, own: OwnUnit, e: ApiFailure, names: { [id: string]: string }, saved: readonly StoredTask[] = []): Promise<void> {
  const body = e.body
  const issues = body ? body.issues : []
  const current = body && body.current ? body.current : []
  const marks = marksFor(book, issues)
  const versions = book.tasks ? versionWrite(book.tasks, own, saved.concat(current), names) : null
  await writeCells({ clear: marks.clear, fills: marks.fills, writes: versions ? [versions] : [] })
  showIssues(issueItems(book, issues))
  showError(t('tasksConflict', { n: current.length, ids: current.map((c) => c.id).join(', ') }))
}

/** Refresh flags: each task's flag into the flag column, missing rows added, recent periods into the info sheet. */
const TASK_SHEETS = [SHEETS.info, SHEETS.tasks]

export async function onRefreshFlags(): Promise<void> {
  const me = await requireMe()
  const book = await readReportBook(TASK_SHEETS, TASK_SHEETS)
  if (!book) return
  const fw = await writeFlags(book, me)
  const details: string[] = []
  if (fw && fw.added > 0) details.push(t('flagsAdded', { n: fw.added }))
  if (fw && fw.pulled.length > 0) details.push(t('flagsPulled', { n: fw.pulled.length, ids: fw.pulled.join(', ') }))
  if (fw && fw.unknown.length > 0) details.push(t('flagsUnknown', { n: fw.unknown.length, ids: fw.unknown.join(', ') }))
  showIssues([])
  showOk(t('flagsDone', { n: fw ? fw.written : 0 }), details)
}

/**
 * Sync tasks: the unit's own rows to its task sheet on the server (upsert by id), the status and progress of
 * the assigned rows it leads to their owners' tasks, then the flags back into the sheet.
 */
export async function onSyncTasks(): Promise<void> {
  const me = await requireMe()
  // Only the info and task sheets: their marks are redrawn, the indicator sheet's check marks stay.
  const book = await readReportBook(TASK_SHEETS, TASK_SHEETS)
  if (!book) return
  const own = ownUnit(book, me)
  const issues = checkTasks(book.draft.tasks || [], today()).issues.concat(checkTaskProgress(book.assigned, today()).issues)
  const n = counts(issues)
  if (n.e > 0) {
    await writeCells(marksFor(book, issues))
    showIssues(issueItems(book, issues))
    showError(t('tasksInvalid', n))
    return
  }
  const client = api()
  // The owners of assigned rows are written by name: the flags answer names them.
  const names = book.assigned.length > 0 ? (await client.flags(own.id, today())).names : {}
  let saved: TasksPutResponse | null = null
  let reported: TaskProgressResponse | null = null
  try {
    saved = await client.putTasks(own.id, { tasks: toTaskInputs(book) })
    if (book.assigned.length > 0) reported = await client.reportProgress(own.id, { updates: toProgressInputs(book, names) })
  } catch (e) {
    if (isApiFailure(e) && e.code === 'version_conflict') return showTaskConflict(book, own, e, names, saved ? saved.tasks : [])
    if (isApiFailure(e) && e.body && e.body.issues && e.body.issues.length > 0) {
      await writeCells(marksFor(book, e.body.issues))
      showIssues(issueItems(book, e.body.issues))
      showError(t('tasksInvalid', counts(e.body.issues)))
      return
    }
    throw e
  }
  // Marks from an earlier refused sync are cleared (and the server's warnings coloured) with the flags, and
  // each row takes the version it now has on the server.
  const stored = saved.tasks.concat(reported ? reported.tasks : [])
  const serverIssues = (saved.issues || []).concat(reported ? reported.issues : [])
  await writeFlags(book, me, marksFor(book, serverIssues), [book.tasks ? versionWrite(book.tasks, own, stored, names) : null])
  showIssues(issueItems(book, serverIssues))
  showOk(t('tasksSynced', { c: saved.created, u: saved.updated, s: saved.unchanged }), reported && reported.updated > 0 ? [t('progressReported', { n: reported.updated })] : [])
}

// ---------------------------------------------------------------------------------------------------------
// District: aggregate, lock / unlock

export async function onAggregate(): Promise<void> {
  const me = await requireMe()
  const period = selectedPeriod()
  const agg = await api().aggregate({ unit: me.unit.id, period })
  const summary = aggregateSheet(agg)
  await writeOutputSheets([summary, dossierMatrixSheet(agg), overdueSheet(agg), narrativesSheet(agg)])
  showIssues([])
  showChase(chaseGroups(agg, summary))
  const requests = agg.communes.filter((c) => c.narratives !== null && c.narratives.requests !== '').length
  showOk(t('aggregated', {
    period: formatDateVi(period),
    received: agg.completeness.received,
    expected: agg.completeness.expected,
    onTime: agg.completeness.receivedOnTime,
  }), aggregateNotes(agg, requests))
}

/** The lines under "aggregated": communes' requests, and criteria reported met without their documents. */
function aggregateNotes(agg: AggregateResponse, requests: number): string[] {
  const notes = requests > 0 ? [t('wordsRequests', { n: requests, sheet: NARRATIVES_SUMMARY_SHEET })] : []
  const dossiers = agg.dossiers || []
  if (hasDossierGaps(dossiers)) {
    notes.push(t('dossierGaps', { gaps: metWithoutDossierText(dossiers), sheet: DOSSIER_MATRIX_SHEET }))
  }
  return notes
}

/** "Chưa nộp: Thọ Bình; Trễ: Hợp Lý 3 ngày", each name a link to its row of the summary sheet. */
function chaseGroups(agg: AggregateResponse, summary: SheetOutput): ChaseGroup[] {
  const chase = followUps(agg.communes)
  const rows = communeRows(summary, agg.communes.map((c) => c.unit.id))
  const link = (id: string, text: string) => {
    const row = rows[id]
    const place: Place | null = row === undefined ? null : { sheet: summary.name, address: a1(row, 1) }
    return { text, onSelect: place ? () => void guard(() => selectCell(place), true) : undefined }
  }
  const groups: ChaseGroup[] = []
  if (chase.missing.length > 0) groups.push({ label: t('chaseMissing'), tone: 'error', items: chase.missing.map((f) => link(f.id, f.name)) })
  if (chase.late.length > 0) groups.push({ label: t('chaseLate'), tone: 'warning', items: chase.late.map((f) => link(f.id, t('chaseDays', { name: f.name, n: f.days }))) })
  if (chase.open.length > 0) groups.push({ label: t('chaseOpen'), tone: 'info', items: chase.open.map((f) => link(f.id, f.name)) })
  if (groups.length === 0 && agg.communes.length > 0) groups.push({ label: t('chaseNone'), tone: 'ok', items: [] })
  return groups
}

export async function onLock(lock: boolean): Promise<void> {
  const me = await requireMe()
  const period = selectedPeriod()
  const client = api()
  const res = lock ? await client.lock(period, me.unit.id) : await client.unlock(period, me.unit.id)
  showOk(t(res.locked ? 'locked' : 'unlocked', { period: formatDateVi(period) }))
}

// ---------------------------------------------------------------------------------------------------------
// Commune: the evidence dossier

/** "Minh chứng": the dossier as a sheet (2 syncs): each criterion's verdict and documents, every item with a link. */
export async function onEvidence(): Promise<void> {
  const me = await requireMe()
  const list = await api().evidence(me.unit.id)
  await writeOutputSheets([evidenceSheet(list, { origin: loadSettings().serverUrl, writtenAt: formatTimeVi(now()) })])
  const gaps = list.dossiers.filter((d) => d.met === true && !d.complete).map((d) => 'TC' + d.criterion)
  const current = list.items.filter((i) => i.supersededBy === null).length
  showIssues([])
  if (gaps.length > 0) showInfo(t('evidenceGaps', { n: current, criteria: gaps.join(', ') }))
  else showOk(t('evidenceWritten', { n: current }))
}

export function onSelect(place: Place): Promise<void> {
  return selectCell(place)
}

/** For tests: forget the cached identity and catalogue. */
export function resetState(): void {
  state.me = null
  state.catalogs = {}
  state.catalogOffline = false
  state.period = ''
}
