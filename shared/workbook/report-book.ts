// The report workbook's layout and the mapping between its sheets and the shared domain's drafts.
// Pure: grids in, drafts / grids / addresses out. Columns are found by their header text (case and
// diacritics ignored), rows by their key (indicator code, task id, fund source), so users may sort, insert
// rows or move columns without breaking the mapping. The workbook is always written in Vietnamese.
import type { FlagsResponse, FundInput, IndicatorInput, ReportRequest, StoredTask, TaskInput, TaskFlagRow, TaskProgressInput } from '../api'
import type { CellValue, ReportDraft, IndicatorEntry } from '../report'
import type { Catalog } from '../catalog'
import type { FundDraft } from '../funds'
import type { TaskDraft } from '../task-check'
import type { TaskProgressDraft } from '../task-progress'
import type { Issue } from '../issues'
import { classOf, thresholdFor } from '../catalog'
import { formatThreshold } from '../threshold'
import { FUND_SOURCES, parseFundSource } from '../funds'
import { TASK_STATUSES, formatRecurrence } from '../tasks'
import { parseUnitList } from '../task-check'
import { nextDeadline, periodOf } from '../calendar'
import { attentionText, deadlineText } from '../words'
import { formatDateVi, parseDateInput } from '../dates'
import { foldText, isBlank } from '../text'
import { type Cell, type ColumnMap, type Grid, a1, a1Block, mapColumns, qualified, rectangular } from './grid'
import { gridMeaning } from './cell-meaning'
import { type OwnUnit, ASSIGNED_FILL, LEAD_KEYS, OWNER_KEYS, ownerIdOf, progressDraft, rowKey, rowKind } from './task-rows'
import { type NarrativeRows, NARRATIVE_SHEET, narrativeHeading, narrativeLineBlock, narrativePlan, placeOfNarrative, readNarratives } from './narratives-sheet'

export const SHEETS = {
  info: 'Thông tin',
  indicators: 'Chỉ tiêu',
  tasks: 'Nhiệm vụ',
  funds: 'Nguồn vốn',
  aggregate: 'Tổng hợp',
  overdue: 'Việc quá hạn',
  narratives: NARRATIVE_SHEET,
} as const

export const DATE_FORMAT = 'dd/mm/yyyy'
export const MONEY_FORMAT = '#,##0'
/**
 * Date columns a person types into are text cells holding dd/mm/yyyy. Excel reads a typed date in the
 * computer's regional format, so under en-US "05/11/2026" silently becomes 11 May; in a text cell it stays
 * as typed in every locale and the shared rules read it day first. Dates already stored as real dates (pasted,
 * or from older books) still read right: the reader turns date-formatted serials into dates.
 */
export const TEXT_FORMAT = '@'

/** `input`: a column people fill in (highlighted, and left open on a protected sheet, in the template). */
export type ColumnSpec = { key: string; header: string; format?: string; width?: number; list?: string[]; input?: boolean }

export const INDICATOR_COLUMNS: ColumnSpec[] = [
  { key: 'code', header: 'Mã', width: 45 },
  { key: 'criterion', header: 'Tiêu chí', width: 120 },
  { key: 'name', header: 'Chỉ tiêu', width: 320 },
  { key: 'unit', header: 'Đơn vị tính', width: 90 },
  { key: 'target', header: 'Mục tiêu', width: 110 },
  { key: 'value', header: 'Giá trị', width: 70, input: true },
  { key: 'status', header: 'Đánh giá', width: 80, list: ['đạt', 'chưa đạt'], input: true },
  { key: 'evidence', header: 'Minh chứng', width: 160, input: true },
  { key: 'note', header: 'Ghi chú', width: 160, input: true },
]

export const TASK_COLUMNS: ColumnSpec[] = [
  { key: 'id', header: 'Mã', width: 60, input: true },
  { key: 'title', header: 'Nội dung', width: 280, input: true },
  { key: 'lead', header: 'Chủ trì', width: 110, input: true },
  { key: 'collaborators', header: 'Phối hợp', width: 140, input: true },
  { key: 'due', header: 'Hạn', format: TEXT_FORMAT, width: 80, input: true },
  { key: 'recurrence', header: 'Lặp lại', width: 120, input: true },
  { key: 'status', header: 'Trạng thái', width: 90, list: TASK_STATUSES.map((s) => s.name), input: true },
  { key: 'progress', header: 'Tiến độ (%)', width: 70, input: true },
  { key: 'completedOn', header: 'Ngày hoàn thành', format: TEXT_FORMAT, width: 100, input: true },
  { key: 'note', header: 'Ghi chú', width: 160, input: true },
  { key: 'flag', header: 'Cờ', width: 130 },
  // Written by the server: the version each row was read at, so a sync cannot overwrite someone else's change.
  { key: 'version', header: 'Phiên bản', width: 60 },
  // Blank for the unit's own tasks; the owner's name on a row another unit assigned (task-rows.ts).
  { key: 'owner', header: 'Đơn vị giao', width: 130 },
]

export const FUND_COLUMNS: ColumnSpec[] = [
  { key: 'source', header: 'Nguồn vốn', width: 220, list: FUND_SOURCES.map((s) => s.name) },
  { key: 'amount', header: 'Số tiền (đồng)', format: MONEY_FORMAT, width: 130, input: true },
  { key: 'note', header: 'Ghi chú', width: 200, input: true },
]

/** Rows of the info sheet (column A label, column B value), 0-based row numbers. */
export const INFO_ROWS = {
  title: 0,
  unitName: 1,
  unit: 2,
  period: 3,
  due: 4,
  catalog: 5,
  classification: 6,
  revision: 7,
  receivedAt: 8,
  timeliness: 9,
  result: 10,
  flagsDate: 11,
  attention: 12,
  recentHeader: 13,
} as const
const INFO_LABELS: { [k in Exclude<keyof typeof INFO_ROWS, 'title' | 'recentHeader'>]: string } = {
  unitName: 'Đơn vị',
  unit: 'Mã đơn vị',
  period: 'Kỳ báo cáo',
  due: 'Hạn nộp',
  catalog: 'Bộ tiêu chí',
  classification: 'Vùng / nhóm xã',
  revision: 'Lần gửi gần nhất',
  receivedAt: 'Thời điểm nhận',
  timeliness: 'Đúng hạn / trễ',
  result: 'Kết quả tự đánh giá',
  flagsDate: 'Cờ cập nhật ngày',
  attention: 'Cần chú ý',
}
export const RECENT_ROWS = 12
export const INFO_WIDTH = 3

/**
 * A block of a sheet as read: `values` as Excel's Range.values gives them, `formats` (same shape, optional)
 * the number format of each cell, so that 0.85 shown as 85% or a date serial reads as what it means.
 */
export type SheetGrid = { sheet: string; address: string; values: Grid; formats?: string[][] }

export type InfoFacts = {
  unitName: string
  unit: string
  period: string
  due: string
  catalog: string
  classification: string
}

/** "QĐ 318/QĐ-TTg (phiên bản 2022.1)": the catalogue as the info sheet and the pane name it. */
export function catalogLine(catalog: Catalog): string {
  return catalog.title + ' (phiên bản ' + catalog.version + ')'
}

/** The info sheet's facts for a unit and period; a district's book shows its own deadline. */
export function infoFacts(
  unit: { id: string; name: string }, period: string, catalog: Catalog | null, classId: string | null, district: boolean,
): InfoFacts {
  const p = periodOf(period)
  const cls = catalog ? classOf(catalog, classId) : undefined
  return {
    unitName: unit.name,
    unit: unit.id,
    // Written as people read it; read back through periodFromCell, which takes 14/11/2026 as well as ISO.
    period: p ? formatDateVi(period) : period,
    due: p ? formatDateVi(district ? p.districtDue : p.communeDue) : '',
    catalog: catalog ? catalogLine(catalog) : '',
    classification: cls ? cls.name : classId && catalog ? classId : catalog && catalog.classification.classes.length > 0 ? 'chưa xếp' : '',
  }
}

// ---------------------------------------------------------------------------------------------------------
// Building the workbook

export type SheetPlan = {
  name: string
  values: Grid
  /** Number formats per column key, applied to the data rows. */
  columns: ColumnSpec[]
  /** When set, the block is made an Excel table with this name. */
  table?: string
  /** Columns shown as text (`@`) so "2026-11-14" or "1.1" stay as typed. */
  textColumns?: number[]
  /** Column widths in points, for a sheet without column specs. */
  widths?: number[]
  /** Rows (0-based) shown as section headings, in bold. */
  headings?: number[]
  /** Long text wraps inside its cell. */
  wrap?: boolean
  /**
   * Data rows the column formats cover even where nothing is written yet, so that a row typed below the
   * last one (LibreOffice does not extend a table's formats) still lands in a text date cell.
   */
  formatRows?: number
  /** Cells that hold a formula (written after the values). */
  formulas?: Array<{ address: string; formula: string }>
  /** Plain fills (ExcelApi 1.1), e.g. the grey of rows another unit assigned. */
  fills?: Array<{ address: string; color: string }>
  /** Fills that follow the text typed or written (conditional formats, where the host has them). */
  conditionalFills?: Array<{ address: string; contains: string; color: string }>
}

/** Empty rows of the tasks sheet made ready for typing (a request carries at most MAX_TASKS_PER_REQUEST). */
export const TASK_FORMAT_ROWS = 200

export function infoGrid(facts: InfoFacts): Grid {
  const rows: Cell[][] = []
  for (let r = 0; r <= INFO_ROWS.recentHeader; r++) rows.push(['', '', ''])
  rows[INFO_ROWS.title] = ['Thông tin báo cáo nông thôn mới', '', '']
  for (const key of Object.keys(INFO_LABELS) as Array<keyof typeof INFO_LABELS>) {
    const row = rows[INFO_ROWS[key]] as Cell[]
    row[0] = INFO_LABELS[key]
    if (key in facts) row[1] = facts[key as keyof InfoFacts]
  }
  rows[INFO_ROWS.recentHeader] = ['Kỳ gần đây', 'Tình trạng', 'Số ngày']
  return rows
}

export function indicatorGrid(catalog: Catalog, classId: string | null): Grid {
  const rows: Cell[][] = [INDICATOR_COLUMNS.map((c) => c.header)]
  // A commune not yet classed has no target where the set has thresholds; "xã tự đánh giá" would be wrong.
  const unclassed = !classOf(catalog, classId)
  for (const c of catalog.criteria) {
    for (const i of c.indicators) {
      const threshold = thresholdFor(i, classId)
      const shown = !threshold && unclassed && Object.keys(i.thresholds).length > 0
        ? 'chưa xếp ' + catalog.classification.label.toLowerCase()
        : formatThreshold(threshold, i)
      const target = shown + (i.targetNote ? ' (' + i.targetNote + ')' : '')
      rows.push([i.code, c.no + '. ' + c.name, i.name, i.unit, target, '', '', '', ''])
    }
  }
  return rows
}

function statusName(id: string): string {
  for (const s of TASK_STATUSES) if (s.id === id) return s.name
  return id
}

/** A task's cells as the sheet shows them; on a row another unit assigned, units by their names. */
function taskCells(t: StoredTask, own: OwnUnit, names: { [id: string]: string }, flag: string): { [key: string]: Cell } {
  const mine = t.owner === own.id
  const unitText = (id: string): string => (mine ? id : names[id] || id)
  return {
    id: t.id, title: t.title, lead: unitText(t.lead), collaborators: t.collaborators.map(unitText).join(', '), due: formatDateVi(t.due),
    recurrence: formatRecurrence(t.recurrence), status: statusName(t.status), progress: t.progress,
    completedOn: t.completedOn ? formatDateVi(t.completedOn) : '', note: t.note || '', flag, version: t.version,
    owner: mine ? '' : names[t.owner] || t.owner,
  }
}

/**
 * The tasks sheet of a new book: the unit's own tasks and, when `names` come from a flags answer, the tasks other
 * units assigned it (their owner and units by name). `own`: the book's unit.
 */
export function taskGrid(tasks: readonly StoredTask[], own?: OwnUnit, names: { [id: string]: string } = {}): Grid {
  const rows: Cell[][] = [TASK_COLUMNS.map((c) => c.header)]
  for (const t of tasks) {
    const cells = taskCells(t, own || { id: t.owner, name: '' }, names, '')
    rows.push(TASK_COLUMNS.map((c) => (cells[c.key] === undefined ? '' : (cells[c.key] as Cell))))
  }
  if (rows.length === 1) rows.push(TASK_COLUMNS.map(() => ''))
  return rows
}

/** The funds sheet's last row: a live total (a formula, so it follows what is typed), never read as a source. */
export const FUND_TOTAL_LABEL = 'Tổng cộng'

export function fundGrid(): Grid {
  return [FUND_COLUMNS.map((c) => c.header)].concat(FUND_SOURCES.map((s) => [s.name, '', '']), [[FUND_TOTAL_LABEL, '', '']])
}

/** `=SUM(B2:B9)` under the amounts of a new funds sheet. */
export function fundTotalFormula(): { address: string; formula: string } {
  const amount = FUND_COLUMNS.map((c) => c.key).indexOf('amount')
  const sum = a1Block(1, amount, FUND_SOURCES.length, 1)
  return { address: a1(FUND_SOURCES.length + 1, amount), formula: '=SUM(' + sum + ')' }
}

/** A funds row that is a fund: something typed, and not the total row. */
function isFundEntry(r: { cells: { [key: string]: Cell } }): boolean {
  if (typeof r.cells.source === 'string' && foldText(r.cells.source) === foldText(FUND_TOTAL_LABEL)) return false
  return !isBlank(r.cells.amount) || !isBlank(r.cells.note)
}

/** The sheets of a commune's report workbook (district: info and tasks only). */
export function reportBookPlan(
  facts: InfoFacts, catalog: Catalog | null, classId: string | null, tasks: readonly StoredTask[], names: { [id: string]: string } = {},
): SheetPlan[] {
  const own: OwnUnit = { id: facts.unit, name: facts.unitName }
  const taskValues = taskGrid(tasks, own, names)
  const readOnly = assignedFills(readRows({ sheet: SHEETS.tasks, address: 'A1', values: taskValues }, TASK_COLUMNS, { row: 0, col: 0 }), own)
  const plans: SheetPlan[] = [{ name: SHEETS.info, values: infoGrid(facts), columns: [], textColumns: [1] }]
  if (catalog) {
    plans.push({ name: SHEETS.indicators, values: indicatorGrid(catalog, classId), columns: INDICATOR_COLUMNS, table: 'NtmChiTieu', textColumns: [0] })
  }
  plans.push({
    name: SHEETS.tasks, values: taskValues, columns: TASK_COLUMNS, table: 'NtmNhiemVu', textColumns: [0], formatRows: TASK_FORMAT_ROWS,
    conditionalFills: flagConditionalFills(), fills: readOnly.map((f) => ({ address: f.address, color: f.color })),
  })
  if (catalog) plans.push({ name: SHEETS.funds, values: fundGrid(), columns: FUND_COLUMNS, table: 'NtmNguonVon', formulas: [fundTotalFormula()] })
  if (catalog) plans.push(narrativePlan())
  return plans
}

// ---------------------------------------------------------------------------------------------------------
// Reading the workbook

/** A sheet's data rows as records keyed by column key, with the sheet row (0-based) of each. */
export type SheetRows = { sheet: string; origin: { row: number; col: number }; columns: ColumnMap; rows: Array<{ row: number; cells: { [key: string]: Cell } }> }

export function readRows(grid: SheetGrid, specs: readonly ColumnSpec[], origin: { row: number; col: number }): SheetRows {
  const header = grid.values[0] || []
  const columns = mapColumns(header, specs)
  const rows: SheetRows['rows'] = []
  for (let r = 1; r < grid.values.length; r++) {
    const line = grid.values[r] as Cell[]
    const cells: { [key: string]: Cell } = {}
    let blank = true
    for (const spec of specs) {
      const c = columns[spec.key]
      const v = c === undefined ? '' : line[c]
      cells[spec.key] = v === undefined || v === null ? '' : v
      if (spec.key !== 'flag' && !isBlank(cells[spec.key])) blank = false
    }
    if (!blank) rows.push({ row: origin.row + r, cells })
  }
  return { sheet: grid.sheet, origin, columns, rows }
}

export type InfoValues = { [k in keyof typeof INFO_LABELS]: Cell }

export function readInfo(values: Grid): InfoValues {
  const out = {} as InfoValues
  for (const key of Object.keys(INFO_LABELS) as Array<keyof typeof INFO_LABELS>) {
    const want = foldText(INFO_LABELS[key])
    let found: Cell = ''
    for (const line of values) {
      if (typeof line[0] === 'string' && foldText(line[0]) === want) {
        found = line[1] === undefined ? '' : (line[1] as Cell)
        break
      }
    }
    out[key] = found
  }
  return out
}

/** A period typed as text or turned into a date by Excel reads back as `YYYY-MM-DD`. */
export function cellText(value: Cell): string {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return String(value)
  return value ? 'TRUE' : ''
}
export function periodFromCell(value: Cell): string {
  if (typeof value === 'number') return parseDateInput(value) || String(value)
  const text = cellText(value)
  return parseDateInput(text) || text
}

export type BookGrids = {
  info: SheetGrid | null; indicators: SheetGrid | null; tasks: SheetGrid | null; funds: SheetGrid | null
  /** The words sheet; absent in workbooks made before it existed. */
  narratives?: SheetGrid | null
}

export type ReadBook = {
  /** `draft.tasks`: the unit's own task rows only (sent as its task sheet). */
  draft: ReportDraft
  unit: string
  unitName: string
  period: string
  indicators: SheetRows | null
  tasks: SheetRows | null
  /** Rows another unit assigned and this one leads: its status and progress, for POST task-progress. */
  assigned: TaskProgressDraft[]
  funds: SheetRows | null
  narratives: NarrativeRows | null
  missingColumns: Array<{ sheet: string; header: string }>
}

function originOf(grid: SheetGrid): { row: number; col: number } {
  const bang = grid.address.lastIndexOf('!')
  const local = bang >= 0 ? grid.address.slice(bang + 1) : grid.address
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(local)
  if (!m) return { row: 0, col: 0 }
  let col = 0
  const letters = m[1] as string
  for (let i = 0; i < letters.length; i++) col = col * 26 + letters.charCodeAt(i) - 64
  return { row: Number(m[2]) - 1, col: col - 1 }
}

const REQUIRED: { [sheet: string]: string[] } = {
  indicators: ['code', 'value', 'status'],
  tasks: ['id', 'title', 'lead', 'due'],
  funds: ['source', 'amount'],
}

/** The grid with each cell read as what it means (cell-meaning.ts); formats are not needed after this. */
function meaning(grid: SheetGrid | null): SheetGrid | null {
  return grid ? { sheet: grid.sheet, address: grid.address, values: gridMeaning(grid.values, grid.formats) } : null
}

export function readBook(input: BookGrids): ReadBook {
  const grids: BookGrids = {
    info: meaning(input.info), indicators: meaning(input.indicators), tasks: meaning(input.tasks), funds: meaning(input.funds),
    narratives: meaning(input.narratives ?? null),
  }
  const info = grids.info ? readInfo(grids.info.values) : null
  const unit = info ? cellText(info.unit) : ''
  const unitName = info ? cellText(info.unitName) : ''
  const own: OwnUnit = { id: unit, name: unitName }
  const period = info ? periodFromCell(info.period) : ''
  const missingColumns: ReadBook['missingColumns'] = []
  const read = (grid: SheetGrid | null, specs: ColumnSpec[], kind: string): SheetRows | null => {
    if (!grid) return null
    const rows = readRows(grid, specs, originOf(grid))
    for (const key of REQUIRED[kind] || []) {
      if (rows.columns[key] === undefined) missingColumns.push({ sheet: grid.sheet, header: (specs.filter((s) => s.key === key)[0] as ColumnSpec).header })
    }
    return rows
  }
  const indicators = read(grids.indicators, INDICATOR_COLUMNS, 'indicators')
  const tasks = read(grids.tasks, TASK_COLUMNS, 'tasks')
  const funds = read(grids.funds, FUND_COLUMNS, 'funds')
  const narratives = grids.narratives ? readNarratives(grids.narratives) : null
  // A renamed heading would hand its lines to the section above: refuse it like a renamed column.
  if (narratives) for (const key of narratives.missing) missingColumns.push({ sheet: narratives.sheet, header: narrativeHeading(key) })
  const draft: ReportDraft = {
    unit,
    period,
    indicators: indicators ? indicators.rows.map((r): IndicatorEntry => ({ code: r.cells.code, value: r.cells.value, status: r.cells.status, note: r.cells.note, evidence: r.cells.evidence })) : [],
    tasks: tasks ? tasks.rows.filter((r) => rowKind(r.cells, own) === 'own').map((r): TaskDraft => ({
      id: r.cells.id, title: r.cells.title, lead: r.cells.lead, collaborators: r.cells.collaborators, due: r.cells.due,
      recurrence: r.cells.recurrence, status: r.cells.status, progress: r.cells.progress, completedOn: r.cells.completedOn, note: r.cells.note,
      version: r.cells.version,
    })) : [],
    funds: funds ? funds.rows.filter(isFundEntry).map((r): FundDraft => ({ source: r.cells.source, amount: r.cells.amount, note: r.cells.note })) : [],
  }
  if (narratives) draft.narratives = narratives.input
  const assigned = tasks ? tasks.rows.filter((r) => rowKind(r.cells, own) === 'lead').map((r) => progressDraft(r.cells)) : []
  return { draft, unit, unitName, period, indicators, tasks, assigned, funds, narratives, missingColumns }
}

// ---------------------------------------------------------------------------------------------------------
// To the API

function cellValue(v: Cell | undefined): CellValue {
  if (v === undefined || isBlank(v)) return null
  return typeof v === 'string' ? v.trim() : v
}
function optionalText(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined
}
function dateText(v: unknown): string | null {
  if (isBlank(v)) return null
  const d = parseDateInput(v)
  return d || String(v)
}

export function toReportRequest(book: ReadBook): ReportRequest {
  const indicators = book.draft.indicators.map((e): IndicatorInput => {
    const input: IndicatorInput = { code: typeof e.code === 'number' ? String(e.code) : String(e.code || '').trim(), value: cellValue(e.value as Cell) }
    const status = cellValue(e.status as Cell)
    if (status !== null) input.status = status
    const note = optionalText(e.note)
    if (note !== undefined) input.note = note
    const evidence = optionalText(e.evidence)
    if (evidence !== undefined) input.evidence = evidence
    return input
  })
  const funds = (book.draft.funds || []).map((f): FundInput => {
    const amount = cellValue(f.amount as Cell)
    const input: FundInput = { source: String(f.source || '').trim(), amount: typeof amount === 'boolean' ? String(amount) : amount }
    const note = optionalText(f.note)
    if (note !== undefined) input.note = note
    return input
  })
  const request: ReportRequest = { unit: book.unit, period: book.period, indicators, funds }
  if (book.narratives) request.narratives = book.narratives.input
  return request
}

export function toTaskInputs(book: ReadBook): TaskInput[] {
  return (book.draft.tasks || []).map((t): TaskInput => {
    const input: TaskInput = {
      id: cellText(t.id as Cell),
      title: cellText(t.title as Cell),
      lead: cellText(t.lead as Cell),
      collaborators: parseUnitList(t.collaborators),
      due: dateText(t.due) || '',
    }
    const recurrence = optionalText(t.recurrence)
    input.recurrence = recurrence === undefined ? null : recurrence
    const status = optionalText(t.status)
    if (status !== undefined) input.status = status
    const progress = cellValue(t.progress as Cell)
    input.progress = typeof progress === 'boolean' ? String(progress) : progress
    input.completedOn = dateText(t.completedOn)
    const note = optionalText(t.note)
    if (note !== undefined) input.note = note
    // A book made before the column existed sends no version: the server then does not check.
    const version = cellValue(t.version as Cell)
    if (version !== null) input.version = typeof version === 'boolean' ? String(version) : version
    return input
  })
}

/** The lead's rows of assigned tasks as POST task-progress takes them, each owner's name turned into its id. */
export function toProgressInputs(book: ReadBook, names: { [id: string]: string }): TaskProgressInput[] {
  return book.assigned.map((d): TaskProgressInput => {
    const owner = cellText(d.owner as Cell)
    const input: TaskProgressInput = { owner: ownerIdOf(owner, names) || owner, id: cellText(d.id as Cell) }
    const status = cellValue(d.status as Cell)
    input.status = typeof status === 'boolean' ? String(status) : status === null ? null : String(status)
    const progress = cellValue(d.progress as Cell)
    input.progress = typeof progress === 'boolean' ? String(progress) : progress
    input.completedOn = dateText(d.completedOn)
    const version = cellValue(d.version as Cell)
    if (version !== null) input.version = typeof version === 'boolean' ? String(version) : version
    return input
  })
}

// ---------------------------------------------------------------------------------------------------------
// Issues ↔ cells

export type Place = { sheet: string; address: string }

/** An issue from the shared rules or from the server's error body (which adds body-shape codes). */
export type IssueLike = Pick<Issue, 'severity' | 'path' | 'message' | 'message_en'> & { indicator?: string }

const PATH_RE = /^(indicators|tasks|funds|updates)\[(\d+)\](?:\.(\w+))?$/
const KEY_OF: { [list: string]: string } = { indicators: 'code', tasks: 'id', funds: 'source', updates: 'id' }

/** The sheet rows a request list was made from: own task rows for `tasks`, led assigned rows for `updates`. */
function rowsOf(book: ReadBook, list: string): SheetRows['rows'] | null {
  const own: OwnUnit = { id: book.unit, name: book.unitName }
  if (list === 'funds') return book.funds ? book.funds.rows.filter(isFundEntry) : null
  if (list === 'indicators') return book.indicators ? book.indicators.rows : null
  if (!book.tasks) return null
  const kind = list === 'tasks' ? 'own' : 'lead'
  return book.tasks.rows.filter((r) => rowKind(r.cells, own) === kind)
}

/** The cell an issue speaks of, when it speaks of one. */
export function placeOfIssue(book: ReadBook, issue: Pick<IssueLike, 'path'>): Place | null {
  const path = issue.path
  if (path === 'period' || path === 'unit') {
    return { sheet: SHEETS.info, address: a1(path === 'period' ? INFO_ROWS.period : INFO_ROWS.unit, 1) }
  }
  if (path === 'funds' && book.funds && book.funds.columns.amount !== undefined) {
    // The funds as a whole (the people's share): the people's own amount, where the share comes from.
    const col = book.funds.origin.col + book.funds.columns.amount
    for (const r of book.funds.rows) if (parseFundSource(r.cells.source) === 'people') return { sheet: book.funds.sheet, address: a1(r.row, col) }
    return { sheet: book.funds.sheet, address: a1(book.funds.origin.row, col) }
  }
  if (book.narratives && path.indexOf('narratives.') === 0) return placeOfNarrative(book.narratives, path)
  const m = PATH_RE.exec(path)
  if (!m) {
    // indicator_missing and the like: point at the code column's header when the indicator has no row.
    return null
  }
  const list = m[1] as string
  const sheetRows = list === 'updates' ? book.tasks : book[list as 'indicators' | 'tasks' | 'funds']
  const rows = rowsOf(book, list)
  if (!sheetRows || !rows) return null
  const entry = rows[Number(m[2])]
  if (!entry) return null
  const field = m[3] || (KEY_OF[list] as string)
  const col = sheetRows.columns[field] !== undefined ? sheetRows.columns[field] : sheetRows.columns[KEY_OF[list] as string]
  if (col === undefined) return null
  return { sheet: sheetRows.sheet, address: a1(entry.row, sheetRows.origin.col + col) }
}

export const MARK_COLORS = { error: '#F4B6B6', warning: '#FFE699' } as const

export type Marks = {
  /** Ranges whose fill is cleared first (the input columns of each data sheet). */
  clear: Place[]
  fills: Array<Place & { color: string }>
}

/** Clears old marks from the data columns and colours each cell an issue names (errors win over warnings). */
export function marksFor(book: ReadBook, issues: readonly IssueLike[]): Marks {
  const clear: Place[] = []
  const lists: Array<[SheetRows | null, ColumnSpec[]]> = [[book.indicators, INDICATOR_COLUMNS], [book.tasks, TASK_COLUMNS], [book.funds, FUND_COLUMNS]]
  for (const [rows, specs] of lists) {
    if (!rows) continue
    const last = rows.rows.length ? rows.rows[rows.rows.length - 1]!.row : rows.origin.row
    const height = last - rows.origin.row
    if (height < 1) continue
    for (const spec of specs) {
      const c = rows.columns[spec.key]
      if (c === undefined || spec.key === 'flag') continue
      clear.push({ sheet: rows.sheet, address: a1Block(rows.origin.row + 1, rows.origin.col + c, height, 1) })
    }
  }
  clear.push({ sheet: SHEETS.info, address: a1Block(INFO_ROWS.unit, 1, INFO_ROWS.period - INFO_ROWS.unit + 1, 1) })
  const lines = book.narratives ? narrativeLineBlock(book.narratives) : null
  if (lines && book.narratives) clear.push({ sheet: book.narratives.sheet, address: lines })
  const byCell: { [key: string]: Place & { color: string } } = {}
  for (const issue of issues) {
    const place = placeOfIssue(book, issue)
    if (!place) continue
    const key = place.sheet + '!' + place.address
    const color = MARK_COLORS[issue.severity]
    if (!byCell[key] || color === MARK_COLORS.error) byCell[key] = { sheet: place.sheet, address: place.address, color }
  }
  const fills = Object.keys(byCell).map((k) => byCell[k] as Place & { color: string })
  // Clearing took the grey off the rows other units assigned: put it back where no issue is marked.
  if (book.tasks) for (const f of assignedFills(book.tasks, { id: book.unit, name: book.unitName })) if (!byCell[f.sheet + '!' + f.address]) fills.push(f)
  return { clear, fills }
}

/** The grey of each assigned row's read-only cells (all of them where the unit only helps). */
function assignedFills(tasks: SheetRows, own: OwnUnit): Array<Place & { color: string }> {
  const fills: Array<Place & { color: string }> = []
  for (const row of tasks.rows) {
    const kind = rowKind(row.cells, own)
    if (kind === 'own') continue
    const keys: string[] = kind === 'lead' ? [...OWNER_KEYS] : [...OWNER_KEYS, ...LEAD_KEYS]
    for (const key of keys) {
      const c = tasks.columns[key]
      if (c !== undefined) fills.push({ sheet: tasks.sheet, address: a1(row.row, tasks.origin.col + c), color: ASSIGNED_FILL })
    }
  }
  return fills
}

export function displayAddress(place: Place): string {
  return qualified(place.sheet, place.address)
}

// ---------------------------------------------------------------------------------------------------------
// Receipts and flags back into the workbook

export type CellWrite = { sheet: string; address: string; values: Grid; numberFormat?: string }

export type ReceiptFacts = { revision: number; receivedAt: string; timelinessText: string; resultText: string }

export function receiptWrite(r: ReceiptFacts): CellWrite {
  return {
    sheet: SHEETS.info,
    address: a1Block(INFO_ROWS.revision, 1, 4, 1),
    values: [[r.revision], [r.receivedAt], [r.timelinessText], [r.resultText]],
  }
}

export const FLAG_COLORS: { [flag: string]: string } = {
  overdue: '#F4B6B6',
  due_soon: '#FFE699',
  done_late: '#C9C9C9',
  done: '#C6EFCE',
  ok: '#E2EFDA',
  cancelled: '#E7E6E6',
}

/**
 * The flag column coloured by its words (overdue red, due soon amber, done late grey) as conditional formats,
 * so a sorted or retyped sheet keeps its colours; hosts without them (ExcelApi 1.1) get the plain fills of
 * each refresh. The words are the starts of flagTextVi's.
 */
export function flagConditionalFills(): Array<{ address: string; contains: string; color: string }> {
  const column = a1Block(1, TASK_COLUMNS.map((c) => c.key).indexOf('flag'), TASK_FORMAT_ROWS, 1)
  return [
    { address: column, contains: 'Quá hạn', color: FLAG_COLORS.overdue as string },
    { address: column, contains: 'Sắp đến hạn', color: FLAG_COLORS.due_soon as string },
    { address: column, contains: 'Hoàn thành trễ', color: FLAG_COLORS.done_late as string },
  ]
}

export type FlagWrites = {
  writes: CellWrite[]
  fills: Array<Place & { color: string }>
  clear: Place[]
  /** Rows given a flag, and rows added for tasks the sheet lacked. */
  written: number
  added: number
  /** Tasks other units assigned that a sheet without the "Đơn vị giao" column cannot hold (a book made before it). */
  unknown: string[]
  /** Own rows led by another unit whose status and progress the refresh brought in from the lead's report. */
  pulled: string[]
}

/** Columns whose typed text must stay text (an id such as "1.1", dates as dd/mm/yyyy). */
const TEXT_KEYS = ['id', 'due', 'completedOn']

/**
 * Everything "Cập nhật cờ nhiệm vụ" writes into the tasks sheet and the info sheet, for one context.sync():
 * - the flag column (one 2-D write), each flag coloured;
 * - on rows another unit assigned, the owner's title, due date, units and note over anything typed there, the
 *   read-only cells grey (the lead's status and progress are left as typed: they go back with a sync);
 * - a row below the last for every task the unit owns, leads or helps with that the sheet lacks;
 * - the recent periods and the flags' date in the info sheet.
 * `flagText` and `reportText` turn a flag into words (Vietnamese, from messages.ts).
 */
export function flagWrites(
  tasks: SheetRows,
  own: OwnUnit,
  flags: Pick<FlagsResponse, 'tasks' | 'reports' | 'names'>,
  date: string,
  flagText: (f: TaskFlagRow) => string,
  reportText: (r: FlagsResponse['reports'][number]) => string,
): FlagWrites {
  const names = flags.names || {}
  const byKey: { [key: string]: TaskFlagRow } = {}
  for (const f of flags.tasks) byKey[f.owner + '/' + f.id] = f
  const writes: CellWrite[] = []
  const fills: FlagWrites['fills'] = []
  const clear: Place[] = []
  const seen: { [key: string]: boolean } = {}
  let written = 0
  const cell = (row: number, key: string): string => a1(row, tasks.origin.col + (tasks.columns[key] as number))
  const flagColumn = taskColumnWrite(tasks, 'flag', (row) => {
    const key = rowKey(row.cells, own, names)
    const f = byKey[key]
    if (!f) return ''
    seen[key] = true
    written++
    fills.push({ sheet: tasks.sheet, address: cell(row.row, 'flag'), color: FLAG_COLORS[f.flag] || '#FFFFFF' })
    return flagText(f)
  })
  if (flagColumn) {
    clear.push({ sheet: tasks.sheet, address: flagColumn.address })
    writes.push(flagColumn)
  }
  // The owner's values on assigned rows already in the sheet, and the lead's report on own rows another unit
  // leads (a cell each: such rows are few).
  const pulled: string[] = []
  const put = (row: number, key: string, value: Cell): void => {
    if (tasks.columns[key] !== undefined) writes.push({ sheet: tasks.sheet, address: cell(row, key), values: [[value]], numberFormat: TEXT_KEYS.indexOf(key) >= 0 ? TEXT_FORMAT : undefined })
  }
  for (const row of tasks.rows) {
    const f = byKey[rowKey(row.cells, own, names)]
    if (!f) continue
    const values = taskCells(f, own, names, flagText(f))
    if (rowKind(row.cells, own) !== 'own') {
      for (const key of OWNER_KEYS) if (key !== 'id') put(row.row, key, values[key] as Cell)
    } else if (leadReported(row.cells, f, own, values)) {
      for (const key of LEAD_KEYS) put(row.row, key, values[key] as Cell)
      put(row.row, 'version', f.version)
      pulled.push(f.id)
    }
  }
  // New rows below the last: one write per column, so dates and ids land in text cells.
  const missing = flags.tasks.filter((f) => !seen[f.owner + '/' + f.id])
  const fits = (f: TaskFlagRow): boolean => f.owner === own.id || tasks.columns.owner !== undefined
  const added = missing.filter(fits)
  const first = (tasks.rows.length > 0 ? tasks.rows[tasks.rows.length - 1]!.row : tasks.origin.row) + 1
  if (added.length > 0) {
    const rows = added.map((f) => taskCells(f, own, names, flagText(f)))
    for (const spec of TASK_COLUMNS) {
      const c = tasks.columns[spec.key]
      if (c === undefined) continue
      const values = rows.map((r) => [r[spec.key] === undefined ? '' : (r[spec.key] as Cell)])
      writes.push({ sheet: tasks.sheet, address: a1Block(first, tasks.origin.col + c, rows.length, 1), values, numberFormat: TEXT_KEYS.indexOf(spec.key) >= 0 ? TEXT_FORMAT : undefined })
    }
    added.forEach((f, k) => {
      if (tasks.columns.flag !== undefined) fills.push({ sheet: tasks.sheet, address: cell(first + k, 'flag'), color: FLAG_COLORS[f.flag] || '#FFFFFF' })
    })
  }
  const after: SheetRows = { ...tasks, rows: tasks.rows.concat(added.map((f, k) => ({ row: first + k, cells: taskCells(f, own, names, flagText(f)) }))) }
  for (const f of assignedFills(after, own)) fills.push(f)

  const periods: Grid = []
  const recent: Grid = []
  const list = flags.reports.slice(-RECENT_ROWS)
  for (let i = 0; i < RECENT_ROWS; i++) {
    const r = list[i]
    periods.push([r ? formatDateVi(r.period) : ''])
    recent.push(r ? [reportText(r), r.days] : ['', ''])
  }
  // Periods as people read them (14/11/2026); in a General cell Excel would turn them into dates: the column is text.
  writes.push({ sheet: SHEETS.info, address: a1Block(INFO_ROWS.recentHeader + 1, 0, RECENT_ROWS, 1), values: periods, numberFormat: TEXT_FORMAT })
  writes.push({ sheet: SHEETS.info, address: a1Block(INFO_ROWS.recentHeader + 1, 1, RECENT_ROWS, 2), values: recent })
  writes.push({ sheet: SHEETS.info, address: a1(INFO_ROWS.flagsDate, 1), values: [[formatDateVi(date)]] })
  const unknown = missing.filter((f) => !fits(f)).map((f) => f.id)
  return { writes, fills, clear, written: written + added.length, added: added.length, unknown, pulled }
}

/**
 * Whether an own row is behind its lead's report: the task is led by another unit, the server's version is newer
 * than the row's, and the status, progress or completion date differ. Those cells are the lead's to report, so a
 * refresh brings them in (and the version with them) rather than leaving the next sync to conflict with them.
 */
function leadReported(cells: { [key: string]: Cell }, f: TaskFlagRow, own: OwnUnit, values: { [key: string]: Cell }): boolean {
  if (f.lead === own.id) return false
  const version = typeof cells.version === 'number' ? cells.version : Number(cellText(cells.version as Cell))
  if (!(version >= 1 && version < f.version)) return false
  const same = (key: string): boolean => foldText(cellText(cells[key] as Cell)) === foldText(cellText(values[key] as Cell))
  const date = parseDateInput(cells.completedOn)
  return !same('status') || !same('progress') || (date || null) !== (f.completedOn || null)
}

/**
 * The info sheet's reminder row: how many of the unit's tasks are overdue and due soon, and the next report
 * deadline with the days left (a commune's moves to the next period once it has reported).
 */
export function attentionWrite(flags: Pick<FlagsResponse, 'tasks' | 'reports'>, date: string, level: 'commune' | 'district'): CellWrite {
  let overdue = 0
  let dueSoon = 0
  for (const f of flags.tasks) {
    if (f.flag === 'overdue') overdue++
    else if (f.flag === 'due_soon') dueSoon++
  }
  const reported = flags.reports.filter((r) => r.status === 'on_time' || r.status === 'late').map((r) => r.period)
  return {
    sheet: SHEETS.info, address: a1Block(INFO_ROWS.attention, 1, 1, 2),
    values: [[attentionText(overdue, dueSoon), deadlineText(nextDeadline(date, level, reported))]],
  }
}

/**
 * One column of the tasks sheet as a single 2-D write from its first data row to its last (blank rows between
 * stay blank); null when the sheet has no such column or no rows.
 */
function taskColumnWrite(tasks: SheetRows, key: string, valueOf: (row: SheetRows['rows'][number]) => Cell): CellWrite | null {
  const col = tasks.columns[key]
  if (col === undefined || tasks.rows.length === 0) return null
  const first = tasks.origin.row + 1
  const last = tasks.rows[tasks.rows.length - 1]!.row
  const column: Grid = []
  for (let r = first; r <= last; r++) column.push([''])
  for (const row of tasks.rows) column[row.row - first] = [valueOf(row)]
  return { sheet: tasks.sheet, address: a1Block(first, tasks.origin.col + col, last - first + 1, 1), values: column }
}

/**
 * The version column of the tasks sheet (one 2-D write): rows whose task (owner and id) is among `stored` take
 * its version, the others keep theirs. Null when the sheet has no version column (a book made before it existed).
 * `names`: the units of the last flags answer, to know the owner of an assigned row by its name.
 */
export function versionWrite(
  tasks: SheetRows, own: OwnUnit, stored: ReadonlyArray<{ owner: string; id: string; version: number }>, names: { [id: string]: string } = {},
): CellWrite | null {
  const byKey: { [key: string]: number } = {}
  for (const t of stored) byKey[t.owner + '/' + t.id] = t.version
  return taskColumnWrite(tasks, 'version', (row) => {
    const version = byKey[rowKey(row.cells, own, names)]
    const kept = row.cells.version
    return version !== undefined ? version : kept === undefined || kept === null ? '' : (kept as Cell)
  })
}

export { rectangular }
