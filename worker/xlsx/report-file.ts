// The report book as an .xlsx file, for communes without the add-in: the sheets the pane creates
// (shared/workbook), written for any spreadsheet program, and read back on upload with every problem
// placed on its sheet and cell. No storage here: worker/services/report-workbook.ts loads what it needs.
import type { ReportRequest, StoredTask } from '../../shared/api'
import type { Catalog } from '../../shared/catalog'
import { foldText } from '../../shared/text'
import { qualified } from '../../shared/workbook/grid'
import {
  type BookGrids, type InfoFacts, type ReadBook, type SheetGrid, SHEETS, placeOfIssue, readBook, reportBookPlan,
  toReportRequest, toTaskInputs,
} from '../../shared/workbook/report-book'
import { ApiError } from '../errors'
import { reportTemplateBook } from './report-template'
import { readUploadedWorkbook } from './uploaded-workbook'
import { writeWorkbook } from './write-workbook'

/** `portalUrl`: where the guide sheet tells the commune to upload the filled file. */
export function writeReportFile(
  facts: InfoFacts, catalog: Catalog, region: string | null, tasks: readonly StoredTask[], portalUrl: string | null = null,
): Promise<Uint8Array> {
  const book = reportTemplateBook(reportBookPlan(facts, catalog, region, tasks), facts, portalUrl)
  return writeWorkbook(book.sheets, { names: book.names })
}

export type UploadedReport = { book: ReadBook; request: ReportRequest }

export async function readReportFile(bytes: ArrayBuffer): Promise<UploadedReport> {
  const sheets = await readUploadedWorkbook(bytes)
  const find = (name: string): SheetGrid | null => {
    const s = sheets.find((x) => foldText(x.name) === foldText(name))
    return s ? { sheet: s.name, address: 'A1', values: s.rows.map((r) => r.map((v) => (v === null ? '' : v))), formats: s.formats } : null
  }
  const grids: BookGrids = {
    info: find(SHEETS.info), indicators: find(SHEETS.indicators), tasks: find(SHEETS.tasks), funds: find(SHEETS.funds),
    narratives: find(SHEETS.narratives),
  }
  const absent = [SHEETS.info, SHEETS.indicators].filter((name, i) => (i === 0 ? grids.info : grids.indicators) === null)
  if (absent.length > 0) {
    throw new ApiError(400, 'bad_request', [
      'Sổ báo cáo thiếu trang: ' + absent.join(', ') + '. Hãy tải mẫu mới và điền vào đó.',
      'The workbook lacks the sheet(s): ' + absent.join(', ') + '. Download a fresh template and fill it in.',
    ])
  }
  const book = readBook(grids)
  if (book.missingColumns.length > 0) {
    const list = book.missingColumns.map((m) => "'" + m.sheet + "': " + m.header).join('; ')
    throw new ApiError(400, 'bad_request', [
      'Sổ báo cáo thiếu tiêu đề (' + list + '). Đừng xóa hay đổi tên các tiêu đề cột và tiêu đề mục.',
      'The workbook lacks heading(s) (' + list + '). Do not delete or rename the column and section headings.',
    ])
  }
  const request = toReportRequest(book)
  const tasks = toTaskInputs(book)
  return { book, request: tasks.length > 0 ? { ...request, tasks } : request }
}

/** Issues that point into the workbook get the cell, in the field and at the head of each message. */
export function placeIssues<T extends { path: string; message: string; message_en: string }>(book: ReadBook, issues: readonly T[]): Array<T & { cell?: string }> {
  return issues.map((issue) => {
    const place = placeOfIssue(book, issue)
    if (!place) return issue
    const cell = qualified(place.sheet, place.address)
    return { ...issue, cell, message: cell + ': ' + issue.message, message_en: cell + ': ' + issue.message_en }
  })
}
