// The summary workbook leaders open: one function per sheet, in reading order; the dossier matrix comes
// right after "Tổng hợp", beside its criteria-met matrix.
import type { AggregateResponse } from '../../shared/api'
import { formatDateVi } from '../../shared/dates'
import { type SheetSpec, writeWorkbook } from '../xlsx/write-workbook'
import { atAGlanceSheet } from './at-a-glance'
import { criteriaSheet } from './criteria'
import { dossiersSheet } from './dossiers'
import { fundsSheet } from './funds'
import { narrativesSummarySheet } from './narratives'
import { overdueTasksSheet } from './overdue-tasks'

export type SummarySheet = (a: AggregateResponse) => SheetSpec

export const SUMMARY_SHEETS: SummarySheet[] = [atAGlanceSheet, dossiersSheet, overdueTasksSheet, narrativesSummarySheet, fundsSheet, criteriaSheet]

export function summarySheets(a: AggregateResponse): SheetSpec[] {
  return SUMMARY_SHEETS.map((sheet) => sheet(a))
}

export function writeSummaryWorkbook(a: AggregateResponse): Promise<Uint8Array> {
  return writeWorkbook(summarySheets(a))
}

/** `tong-hop-trieu-son-2026-11-14.xlsx`, and the Vietnamese name for `filename*`. */
export function summaryFileNames(a: Pick<AggregateResponse, 'unit' | 'period'>): { ascii: string; utf8: string } {
  return {
    ascii: 'tong-hop-' + a.unit.id + '-' + a.period + '.xlsx',
    utf8: 'Tổng hợp NTM ' + a.unit.name + ' kỳ ' + formatDateVi(a.period).replace(/\//g, '-') + '.xlsx',
  }
}
