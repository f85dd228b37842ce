// A commune's periodic report: checked against a catalogue and the commune's class in it (region, group),
// and scored "đạt X / N" with N the catalogue's number of criteria.
// The same function runs in the task pane (instant feedback) and in the worker (the rule of record).
import { type Instant, vnDate } from './dates'
import { isPeriodId, periodHasStarted } from './calendar'
import { type Catalog, type Indicator, classOf, indexIndicators, thresholdFor } from './catalog'
import { formatThreshold, meetsThreshold } from './threshold'
import { type Fund, type FundDraft, type FundTotals, DEFAULT_PEOPLE_SHARE_LIMIT, checkFunds } from './funds'
import { type Issue, hasErrors, makeIssue, shownValue } from './issues'
import { type Narratives, checkNarratives } from './narratives'
import { type Task } from './tasks'
import { type TaskDraft, type TaskRow, checkTasks } from './task-check'
import { isBlank, parseNumber, parseYesNo } from './text'

/** What a cell or a JSON field may hold. */
export type CellValue = string | number | boolean | null

export type IndicatorEntry = {
  code: unknown
  value?: unknown
  status?: unknown
  note?: unknown
  evidence?: unknown
}

export type ReportDraft = {
  unit: unknown
  period: unknown
  indicators: readonly IndicatorEntry[]
  tasks?: readonly TaskDraft[]
  funds?: readonly FundDraft[]
  /** The report's words (kết quả, khó khăn, kiến nghị): an object of strings. */
  narratives?: unknown
}

export type ParsedValue = number | boolean | string | null

export type IndicatorResult = {
  code: string
  criterion: number
  value: ParsedValue
  /** The commune's own đạt (true) / chưa đạt (false), when given. */
  declared: boolean | null
  /** How `achieved` was decided: by the threshold, by the commune's declaration, or not at all (optional, empty). */
  basis: 'threshold' | 'declared' | 'skipped'
  achieved: boolean
}

export type CriterionResult = { no: number; name: string; achieved: boolean; indicators: IndicatorResult[] }

export type Evaluation = { achieved: number; total: number; criteria: CriterionResult[] }

export type ReportCheck = {
  issues: Issue[]
  /** True when no issue is an error: the report may be submitted. */
  ok: boolean
  evaluation: Evaluation
  tasks: Task[]
  /** Where each of `tasks` came from among the report's task rows. */
  taskRows: TaskRow[]
  funds: Fund[]
  fundTotals: FundTotals
  narratives: Narratives
}

export type CheckOptions = {
  /** The moment of checking: a period that has not started is refused, completion dates may not be later. */
  now: Instant
  peopleShareLimit?: number
}

type Parsed = { value: ParsedValue; issue?: Issue }

function parseValue(indicator: Indicator, raw: unknown, path: string): Parsed {
  const p = { indicator: indicator.code, value: shownValue(raw) }
  if (isBlank(raw)) return { value: null }
  switch (indicator.kind) {
    case 'yesno': {
      const b = parseYesNo(raw)
      return b === undefined ? { value: null, issue: makeIssue('value_not_yes_no', path, p) } : { value: b }
    }
    case 'text':
      return typeof raw === 'string' || typeof raw === 'number'
        ? { value: String(raw) }
        : { value: null, issue: makeIssue('value_not_text', path, p) }
    case 'percent':
    case 'number': {
      const n = parseNumber(raw, indicator.kind === 'percent')
      if (n === undefined || n === null) return { value: null, issue: makeIssue('value_not_number', path, p) }
      if (n < 0) return { value: null, issue: makeIssue('value_negative', path, { indicator: indicator.code, value: String(n) }) }
      if (indicator.kind === 'percent' && n > 100) {
        return { value: null, issue: makeIssue('percent_out_of_range', path, { indicator: indicator.code, value: String(n) }) }
      }
      // 0.85 without a % sign may be 85 % written as a fraction, or a real 0.85 % (a poverty rate can be):
      // never guessed, but said. A percent-formatted cell arrives as "85%" and is not asked about.
      if (indicator.kind === 'percent' && n > 0 && n < 1 && !(typeof raw === 'string' && /%\s*$/.test(raw))) {
        const expected = String(Number((n * 100).toPrecision(12)))
        return { value: n, issue: makeIssue('percent_looks_fractional', path, { indicator: indicator.code, value: String(n), expected }) }
      }
      return { value: n }
    }
  }
}

const yesNoWord = (b: boolean): string => (b ? 'đạt' : 'chưa đạt')

/** Scores one indicator row and collects its issues. */
function checkIndicator(indicator: Indicator, criterion: number, entry: IndicatorEntry, classId: string | null, at: string, issues: Issue[]): IndicatorResult {
  const parsed = parseValue(indicator, entry.value, at + '.value')
  if (parsed.issue) issues.push(parsed.issue)
  const declared = parseYesNo(entry.status)
  if (declared === undefined) issues.push(makeIssue('status_invalid', at + '.status', { indicator: indicator.code, value: shownValue(entry.status) }))
  const status = declared === undefined ? null : declared
  const result: IndicatorResult = { code: indicator.code, criterion, value: parsed.value, declared: status, basis: 'skipped', achieved: false }
  if (indicator.optional && isBlank(entry.value) && isBlank(entry.status)) return result

  const threshold = thresholdFor(indicator, classId)
  if (threshold) {
    result.basis = 'threshold'
    if (parsed.value === null) {
      if (!parsed.issue) issues.push(makeIssue('value_required', at + '.value', { indicator: indicator.code }))
      return result
    }
    result.achieved = meetsThreshold(threshold, parsed.value) === true
    if (status !== null && status !== result.achieved) {
      issues.push(makeIssue('status_contradicts_threshold', at + '.status', {
        indicator: indicator.code,
        value: yesNoWord(status),
        expected: formatThreshold(threshold, indicator),
        limit: yesNoWord(result.achieved),
      }))
    }
    return result
  }
  // No threshold for this class: the commune's own assessment decides (a yes/no value is that assessment).
  result.basis = 'declared'
  const own = status !== null ? status : indicator.kind === 'yesno' && typeof parsed.value === 'boolean' ? parsed.value : null
  if (own === null) {
    if (!parsed.issue && declared !== undefined) issues.push(makeIssue('status_required', at + '.status', { indicator: indicator.code }))
    return result
  }
  result.achieved = own
  return result
}

/**
 * Checks a report and scores it: the criterion is met when all its (non-skipped) indicators are. `classId` is
 * the commune's class in the catalogue's classification; without one the report cannot be judged (the NTM
 * office must assign it), never silently judged by some default class.
 */
export function checkReport(catalog: Catalog, classId: string | null, draft: ReportDraft, options: CheckOptions): ReportCheck {
  const issues: Issue[] = []
  if (typeof draft.unit !== 'string' || draft.unit.trim() === '') issues.push(makeIssue('unit_required', 'unit'))
  else if (!classOf(catalog, classId)) {
    issues.push(makeIssue('class_missing', 'unit', {
      value: draft.unit.trim(),
      expected: catalog.classification.label.toLowerCase() + ' (' + catalog.classification.classes.map((c) => c.name).join(', ') + ')',
      limit: catalog.title,
    }))
  }
  if (!isPeriodId(draft.period)) issues.push(makeIssue('period_invalid', 'period', { value: shownValue(draft.period) }))
  else if (!periodHasStarted(draft.period, options.now)) issues.push(makeIssue('period_in_future', 'period', { value: draft.period }))

  const index = indexIndicators(catalog)
  const results: { [code: string]: IndicatorResult } = {}
  draft.indicators.forEach((entry, i) => {
    const at = 'indicators[' + i + ']'
    const code = typeof entry.code === 'number' ? String(entry.code) : typeof entry.code === 'string' ? entry.code.trim() : ''
    if (code === '') return void issues.push(makeIssue('indicator_code_required', at + '.code'))
    const known = index[code]
    if (!known) return void issues.push(makeIssue('indicator_unknown', at + '.code', { indicator: code }))
    if (results[code]) return void issues.push(makeIssue('indicator_duplicate', at + '.code', { indicator: code }))
    results[code] = checkIndicator(known.indicator, known.criterion, entry, classOf(catalog, classId) ? classId : null, at, issues)
  })

  const criteria: CriterionResult[] = catalog.criteria.map((c) => {
    const rows: IndicatorResult[] = []
    const counted: IndicatorResult[] = []
    for (const indicator of c.indicators) {
      let row = results[indicator.code]
      if (!row) {
        if (!indicator.optional) issues.push(makeIssue('indicator_missing', 'indicators', { indicator: indicator.code }))
        row = { code: indicator.code, criterion: c.no, value: null, declared: null, basis: 'skipped', achieved: false }
      }
      rows.push(row)
      if (!(indicator.optional && row.basis === 'skipped')) counted.push(row)
    }
    const achieved = counted.length > 0 && counted.every((r) => r.achieved)
    return { no: c.no, name: c.name, achieved, indicators: rows }
  })

  const today = vnDate(options.now)
  const taskCheck = checkTasks(draft.tasks || [], today)
  const fundCheck = checkFunds(draft.funds || [], options.peopleShareLimit ?? DEFAULT_PEOPLE_SHARE_LIMIT)
  for (const i of taskCheck.issues) issues.push(i)
  for (const i of fundCheck.issues) issues.push(i)
  const narrativeCheck = checkNarratives(draft.narratives)
  for (const i of narrativeCheck.issues) issues.push(i)

  const evaluation: Evaluation = {
    achieved: criteria.filter((c) => c.achieved).length,
    total: catalog.criteria.length,
    criteria,
  }
  return {
    issues, ok: !hasErrors(issues), evaluation, tasks: taskCheck.tasks, taskRows: taskCheck.rows, funds: fundCheck.funds, fundTotals: fundCheck.totals,
    narratives: narrativeCheck.narratives,
  }
}
