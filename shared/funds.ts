// Funds mobilised for NTM, by source. Amounts are whole đồng. The notice (item 6) forbids mobilising
// people's contributions beyond what they can afford, so a high share of them is flagged.
import { type Issue, makeIssue, shownValue } from './issues'
import { foldText, parseAmount } from './text'

export type FundSource =
  | 'central'
  | 'provincial'
  | 'district'
  | 'commune'
  | 'integrated'
  | 'credit'
  | 'enterprise'
  | 'people'

export const FUND_SOURCES: ReadonlyArray<{ id: FundSource; name: string; nameEn: string }> = [
  { id: 'central', name: 'Ngân sách trung ương', nameEn: 'Central budget' },
  { id: 'provincial', name: 'Ngân sách tỉnh', nameEn: 'Provincial budget' },
  { id: 'district', name: 'Ngân sách huyện', nameEn: 'District budget' },
  { id: 'commune', name: 'Ngân sách xã', nameEn: 'Commune budget' },
  { id: 'integrated', name: 'Lồng ghép các chương trình, dự án', nameEn: 'Integrated programmes' },
  { id: 'credit', name: 'Vốn tín dụng', nameEn: 'Credit' },
  { id: 'enterprise', name: 'Doanh nghiệp, hợp tác xã', nameEn: 'Enterprises and cooperatives' },
  { id: 'people', name: 'Nhân dân đóng góp', nameEn: "People's contributions" },
]

/** Default ceiling on people's share of all funds before a warning; a province can set its own. */
export const DEFAULT_PEOPLE_SHARE_LIMIT = 0.3

// Number.MAX_SAFE_INTEGER, spelled out for IE11.
const MAX_SAFE_AMOUNT = 9007199254740991

export type FundDraft = { source: unknown; amount: unknown; note?: unknown }
export type Fund = { source: FundSource; amount: number; note?: string }

export type FundTotals = {
  bySource: { [source in FundSource]: number }
  total: number
  /** People's contributions as a fraction of the total (0 when the total is 0). */
  peopleShare: number
}

/** A source id or its Vietnamese or English name, tolerant of case and diacritics. */
export function parseFundSource(value: unknown): FundSource | undefined {
  if (typeof value !== 'string') return undefined
  const folded = foldText(value)
  for (const s of FUND_SOURCES) {
    if (folded === s.id || folded === foldText(s.name) || folded === foldText(s.nameEn)) return s.id
  }
  return undefined
}

export function emptyTotals(): FundTotals {
  const bySource = {} as { [source in FundSource]: number }
  for (const s of FUND_SOURCES) bySource[s.id] = 0
  return { bySource, total: 0, peopleShare: 0 }
}

export function computeFundTotals(funds: readonly Fund[]): FundTotals {
  const totals = emptyTotals()
  for (const f of funds) {
    totals.bySource[f.source] += f.amount
    totals.total += f.amount
  }
  totals.peopleShare = totals.total > 0 ? totals.bySource.people / totals.total : 0
  return totals
}

export type FundCheck = { funds: Fund[]; totals: FundTotals; issues: Issue[] }

/** Checks the funds rows (`path` is where they sit in the report, e.g. `funds`). */
export function checkFunds(drafts: readonly FundDraft[], peopleShareLimit = DEFAULT_PEOPLE_SHARE_LIMIT, path = 'funds'): FundCheck {
  const issues: Issue[] = []
  const funds: Fund[] = []
  const seen: { [source: string]: boolean } = {}
  drafts.forEach((draft, i) => {
    const at = path + '[' + i + ']'
    const source = parseFundSource(draft.source)
    if (!source) {
      issues.push(makeIssue('fund_source_unknown', at + '.source', { value: shownValue(draft.source) }))
      return
    }
    if (seen[source]) {
      issues.push(makeIssue('fund_source_duplicate', at + '.source', { value: shownValue(draft.source) }))
      return
    }
    seen[source] = true
    const amount = parseAmount(draft.amount)
    if (amount === null) return
    if (amount === undefined || amount < 0 || Math.floor(amount) !== amount || amount > MAX_SAFE_AMOUNT) {
      issues.push(makeIssue('fund_amount_invalid', at + '.amount', { value: shownValue(draft.amount) }))
      return
    }
    const fund: Fund = { source, amount }
    if (typeof draft.note === 'string' && draft.note !== '') fund.note = draft.note
    funds.push(fund)
  })
  const totals = computeFundTotals(funds)
  if (totals.peopleShare > peopleShareLimit) {
    issues.push(
      makeIssue('people_share_high', path, {
        value: String(Math.round(totals.peopleShare * 1000) / 10),
        limit: String(Math.round(peopleShareLimit * 1000) / 10),
      }),
    )
  }
  return { funds, totals, issues }
}
