// The report workbook as a downloaded template that explains itself to a commune with LibreOffice, WPS or
// an old Excel and no training: the guide sheet first, the cells to fill in highlighted (and, on the
// indicators and info sheets, the only cells open), drop-down lists for the closed vocabularies, targets
// beside the values (the plan's own column order), and A4 landscape printing with the header row repeated.
import { a1, a1Block } from '../../shared/workbook/grid'
import { GUIDE_LISTS, GUIDE_SHEET, reportGuide } from '../../shared/workbook/report-guide'
import { INFO_ROWS, type InfoFacts, type SheetPlan, SHEETS, TASK_FORMAT_ROWS } from '../../shared/workbook/report-book'
import { NARRATIVE_KEYS } from '../../shared/narratives'
import { NARRATIVE_LINES, narrativeHeadingRow } from '../../shared/workbook/narratives-sheet'
import { planSheet } from './plan-sheet'
import type { WorkbookName } from './sheet-extras'
import type { SheetSpec } from './write-workbook'

/** Sheets whose every cell but the highlighted ones is locked: the rows there are fixed by the catalogue. */
const PROTECTED: readonly string[] = [SHEETS.info, SHEETS.indicators, GUIDE_SHEET]
// About this many characters of Arial 10 fit a line of the guide's first column.
const GUIDE_WIDTH = 110
const LINE_POINTS = 13

function dataRows(plan: SheetPlan): number {
  const written = plan.values.length - 1
  return plan.name === SHEETS.tasks ? Math.max(written, TASK_FORMAT_ROWS) : written
}

function dress(plan: SheetPlan): SheetSpec {
  const spec = planSheet(plan)
  const rows = dataRows(plan)
  const inputs: string[] = []
  const lists: NonNullable<SheetSpec['lists']> = []
  plan.columns.forEach((c, i) => {
    if (c.input && rows > 0) inputs.push(a1Block(1, i, rows, 1))
    const list = GUIDE_LISTS.filter((l) => l.sheet === plan.name && l.column.key === c.key)[0]
    if (list && rows > 0) lists.push({ address: a1Block(1, i, rows, 1), source: list.name })
  })
  // The period is the commune's to set (a book kept from one period to the next); the unit is not.
  if (plan.name === SHEETS.info) inputs.push(a1(INFO_ROWS.period, 1))
  if (plan.name === SHEETS.narratives) {
    for (const key of NARRATIVE_KEYS) inputs.push(a1Block(narrativeHeadingRow(key) + 1, 0, NARRATIVE_LINES, 1))
  }
  const dressed: SheetSpec = { ...spec, inputs, print: plan.columns.length > 0 ? { titleRows: 1 } : {} }
  if (lists.length > 0) dressed.lists = lists
  if (PROTECTED.indexOf(plan.name) >= 0) dressed.protect = true
  return dressed
}

function guideSheet(facts: InfoFacts, portalUrl: string | null): { sheet: SheetSpec; names: WorkbookName[] } {
  const guide = reportGuide(facts, portalUrl)
  const width = guide.values[0]?.length ?? 1
  const texts = guide.values.map((r, row) => ({ row, text: String(r[0] ?? '') }))
  const heights = texts.filter((t) => t.text.length > GUIDE_WIDTH).map((t) => ({ row: t.row, points: LINE_POINTS * Math.ceil(t.text.length / GUIDE_WIDTH) }))
  const sheet: SheetSpec = {
    name: GUIDE_SHEET,
    values: guide.values,
    bold: guide.headings.map((r) => a1Block(r, 0, 1, width)),
    fonts: [{ address: 'A1', size: 14, color: '#1F3864' }],
    fills: [{ address: a1Block(guide.headings[guide.headings.length - 1] as number, 0, 1, width), color: '#DDEBF7' }],
    wrap: [a1Block(0, 0, guide.values.length, 1)],
    heights,
    widths: [GUIDE_WIDTH, 16, 36],
    protect: true,
    print: {},
  }
  return { sheet, names: GUIDE_LISTS.map((l) => ({ name: l.name, ref: guide.refs[l.name] as string })) }
}

export function reportTemplateBook(plans: readonly SheetPlan[], facts: InfoFacts, portalUrl: string | null): { sheets: SheetSpec[]; names: WorkbookName[] } {
  const guide = guideSheet(facts, portalUrl)
  return { sheets: [guide.sheet].concat(plans.map(dress)), names: guide.names }
}
