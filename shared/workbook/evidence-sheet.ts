// The commune's "Minh chứng" sheet: per criterion, the verdict of its latest report beside its dossier
// ("đủ" / "thiếu N" and what is missing), then every document with its state and a link to its file.
// Pure: the server's EvidenceListResponse in, a grid with fills and formats out (written by the pane).
import { type EvidenceItem, type EvidenceListResponse, evidencePageUrl } from '../api'
import { formatDateVi, toExcelSerial } from '../dates'
import { dossierText, evidenceKindName, formatFileSize } from '../evidence'
import { AGG_COLORS, type Fill, type Format, type SheetOutput } from './aggregate-sheets'
import { type Cell, a1, a1Block, asText, rectangular } from './grid'
import { DATE_FORMAT } from './report-book'

export const EVIDENCE_SHEET = 'Minh chứng'

const WIDTH = 10


/** `=HYPERLINK("…","Tải tệp")`: ExcelApi 1.1 has formulas, hyperlinks on ranges came in 1.7. */
export function hyperlinkFormula(url: string, label: string): string {
  const q = (s: string): string => '"' + s.replace(/"/g, '""') + '"'
  return '=HYPERLINK(' + q(url) + ',' + q(label) + ')'
}

function itemState(item: EvidenceItem): string {
  if (item.supersededBy) return 'Đã thay thế'
  return item.file ? 'Hiện hành' : 'Hiện hành, chưa có tệp'
}

export type EvidenceSheetFacts = {
  /** The server's origin as the pane knows it, for the links (`https://ntm.example.gov.vn`). */
  origin: string
  /** "09:00 26/11/2026": when the sheet was written. */
  writtenAt: string
}

export function evidenceSheet(list: EvidenceListResponse, facts: EvidenceSheetFacts): SheetOutput {
  const rows: Cell[][] = []
  const fills: Fill[] = []
  const formats: Format[] = []
  const bold: string[] = []
  rows.push(['Hồ sơ minh chứng - ' + list.unit.name])
  bold.push('A1')
  rows.push([list.catalog.name + (list.period ? ' · kết quả theo báo cáo kỳ ' + formatDateVi(list.period) : ' · chưa có báo cáo') + ' · ghi lúc ' + facts.writtenAt])
  rows.push([])

  const summaryHeader = rows.length
  rows.push(['Tiêu chí', 'Tên tiêu chí', 'Báo cáo', 'Hồ sơ', 'Còn thiếu'])
  fills.push({ address: a1Block(summaryHeader, 0, 1, 5), color: AGG_COLORS.header })
  bold.push(a1Block(summaryHeader, 0, 1, 5))
  const gaps: number[] = []
  for (const d of list.dossiers) {
    const r = rows.length
    const verdict = d.met === null ? '' : d.met ? 'đạt' : 'chưa đạt'
    rows.push(['TC' + d.criterion, d.name, verdict, dossierText(d), d.missing.map((m) => m.title).join('; ')])
    if (d.met !== null) fills.push({ address: a1(r, 2), color: d.met ? AGG_COLORS.met : AGG_COLORS.notMet })
    // Met but incomplete is what the appraisal refuses: red; incomplete otherwise: amber.
    fills.push({ address: a1(r, 3), color: d.complete ? AGG_COLORS.met : d.met ? AGG_COLORS.notMet : AGG_COLORS.late })
    if (d.met && !d.complete) gaps.push(d.criterion)
  }
  rows.push([gaps.length > 0 ? 'Đạt nhưng thiếu hồ sơ: ' + gaps.map((n) => 'TC' + n).join(', ') : 'Mọi tiêu chí đạt đều có đủ hồ sơ.'])
  bold.push(a1(rows.length - 1, 0))
  rows.push([])

  const itemHeader = rows.length
  rows.push(['Tiêu chí', 'Chỉ tiêu', 'Loại', 'Số hiệu', 'Ngày ban hành', 'Cơ quan ban hành', 'Trích yếu', 'Tệp', 'Trạng thái', 'Tải về'])
  fills.push({ address: a1Block(itemHeader, 0, 1, WIDTH), color: AGG_COLORS.header })
  bold.push(a1Block(itemHeader, 0, 1, WIDTH))
  for (const item of list.items) {
    const r = rows.length
    rows.push([
      'TC' + item.criterion, item.indicator ?? '', evidenceKindName(item.kind), asText(item.number ?? ''), item.date ? toExcelSerial(item.date) : '',
      asText(item.issuer ?? ''), asText(item.title), item.file ? asText(item.file.name) + ' (' + formatFileSize(item.file.size) + ')' : '',
      itemState(item), item.file ? hyperlinkFormula(facts.origin.replace(/\/+$/, '') + evidencePageUrl(item.unit, item.id), 'Tải tệp') : '',
    ])
    if (item.supersededBy) fills.push({ address: a1Block(r, 0, 1, WIDTH), color: AGG_COLORS.none })
  }
  if (list.items.length > 0) formats.push({ address: a1Block(itemHeader + 1, 4, list.items.length, 1), rows: list.items.length, cols: 1, format: DATE_FORMAT })
  else rows.push(['Chưa có tài liệu nào trong hồ sơ.'])
  return { name: EVIDENCE_SHEET, values: rectangular(rows, WIDTH), fills, formats, bold }
}
