// The text fields of an evidence upload, checked against the unit's catalogue: every problem is listed
// with its field name, in Vietnamese and English, and nothing is stored while any remains.
import type { ShapeIssue } from '../../shared/api'
import type { Catalog, Criterion } from '../../shared/catalog'
import { type LocalDate, formatDateVi, parseDateInput } from '../../shared/dates'
import { EVIDENCE_KINDS, type EvidenceKind } from '../../shared/evidence'
import { foldText } from '../../shared/text'
import { ApiError } from '../errors'

export type EvidenceMeta = {
  criterion: number
  indicator: string | null
  requirement: string | null
  kind: EvidenceKind
  number: string | null
  date: LocalDate | null
  issuer: string | null
  title: string
}

const LIMITS = { title: 300, number: 60, issuer: 200, indicator: 40, requirement: 40 } as const
const KNOWN = ['criterion', 'indicator', 'requirement', 'kind', 'number', 'date', 'issuer', 'title', 'supersedes']

type Words = [vi: string, en: string]

function issue(code: ShapeIssue['code'], path: string, [message, message_en]: Words): ShapeIssue {
  return { code, severity: 'error', path, message, message_en }
}

/** Kind by id (`quyet_dinh`) or by its Vietnamese name, with or without diacritics (`Quyết định`, `quyet dinh`). */
function readKind(text: string): EvidenceKind | null {
  const folded = foldText(text).replace(/[\s-]+/g, '_')
  const found = EVIDENCE_KINDS.filter((k) => k.id === folded || foldText(k.name).replace(/\s+/g, '_') === folded)[0]
  return found ? found.id : null
}

const kindList = EVIDENCE_KINDS.map((k) => k.id + ' (' + k.name + ')').join(', ')

/**
 * The item's metadata, or 400 `bad_request` with an issue per wrong field. With `previous` (a superseded
 * item) a field not sent keeps the previous value.
 */
export function checkEvidenceFields(
  fields: { [name: string]: string }, catalog: Catalog, today: LocalDate, hasFile: boolean, previous: EvidenceMeta | null,
): EvidenceMeta {
  const issues: ShapeIssue[] = []
  const text = (name: keyof typeof LIMITS | 'criterion' | 'kind' | 'date'): string | null => {
    const raw = fields[name]
    if (raw === undefined) return null
    const trimmed = raw.normalize('NFC').replace(/\s+/g, ' ').trim()
    const limit = (LIMITS as { [k: string]: number })[name]
    if (limit !== undefined && trimmed.length > limit) {
      issues.push(issue('field_too_long', name, ['Trường "' + name + '" dài quá ' + limit + ' ký tự.', 'Field "' + name + '" is longer than ' + limit + ' characters.']))
    }
    return trimmed === '' ? null : trimmed
  }

  let criterion: Criterion | undefined
  const criterionText = text('criterion')
  if (criterionText === null) {
    if (previous) criterion = catalog.criteria.find((c) => c.no === previous.criterion)
    else issues.push(issue('field_required', 'criterion', ['Chưa chọn tiêu chí.', 'The criterion is missing.']))
  } else {
    const no = /^(?:TC\s*)?(\d{1,3})$/i.exec(criterionText)
    criterion = no ? catalog.criteria.find((c) => c.no === Number(no[1])) : undefined
    if (!criterion) {
      const nos = catalog.criteria.map((c) => c.no)
      issues.push(issue('field_invalid', 'criterion', [
        'Tiêu chí "' + criterionText + '" không có trong bộ tiêu chí ' + catalog.id + ' (từ ' + Math.min(...nos) + ' đến ' + Math.max(...nos) + ').',
        'Criterion "' + criterionText + '" is not in catalogue ' + catalog.id + ' (' + Math.min(...nos) + ' to ' + Math.max(...nos) + ').',
      ]))
    } else if (previous && criterion.no !== previous.criterion) {
      issues.push(issue('field_invalid', 'criterion', [
        'Tài liệu thay thế phải thuộc cùng tiêu chí ' + previous.criterion + ' với tài liệu cũ.',
        'A replacement must belong to the same criterion (' + previous.criterion + ') as the item it replaces.',
      ]))
    }
  }

  const kindText = text('kind')
  let kind: EvidenceKind | null = previous ? previous.kind : null
  if (kindText !== null) {
    kind = readKind(kindText)
    if (!kind) issues.push(issue('field_invalid', 'kind', ['Loại tài liệu "' + kindText + '" không hợp lệ; chọn một trong: ' + kindList + '.', 'Document kind "' + kindText + '" is invalid; use one of: ' + kindList + '.']))
  } else if (!previous) {
    issues.push(issue('field_required', 'kind', ['Chưa chọn loại tài liệu (' + kindList + ').', 'The document kind is missing (' + kindList + ').']))
  }

  const title = text('title') ?? (previous ? previous.title : null)
  if (title === null) issues.push(issue('field_required', 'title', ['Chưa ghi tên (trích yếu) tài liệu.', 'The document title is missing.']))

  const indicator = text('indicator') ?? (previous ? previous.indicator : null)
  if (indicator !== null && criterion && !criterion.indicators.some((i) => i.code === indicator)) {
    issues.push(issue('field_invalid', 'indicator', [
      'Chỉ tiêu "' + indicator + '" không thuộc tiêu chí ' + criterion.no + ' (' + criterion.indicators.map((i) => i.code).join(', ') + ').',
      'Indicator "' + indicator + '" is not part of criterion ' + criterion.no + ' (' + criterion.indicators.map((i) => i.code).join(', ') + ').',
    ]))
  }

  const requirement = text('requirement') ?? (previous ? previous.requirement : null)
  const expected = criterion?.evidence ?? []
  if (requirement !== null && criterion && !expected.some((r) => r.id === requirement)) {
    const list = expected.length > 0 ? expected.map((r) => r.id + ' (' + r.title + ')').join('; ') : null
    issues.push(issue('field_invalid', 'requirement', [
      'Tiêu chí ' + criterion.no + (list ? ' không có hồ sơ yêu cầu "' + requirement + '"; các hồ sơ yêu cầu: ' + list + '.' : ' không có danh mục hồ sơ yêu cầu; bỏ trống trường này.'),
      'Criterion ' + criterion.no + (list ? ' has no expected document "' + requirement + '"; expected: ' + list + '.' : ' has no list of expected documents; leave this field empty.'),
    ]))
  }

  const dateText = text('date')
  let date: LocalDate | null = previous ? previous.date : null
  if (dateText !== null) {
    const parsed = parseDateInput(dateText)
    if (!parsed) {
      issues.push(issue('field_invalid', 'date', ['Ngày "' + dateText + '" không hợp lệ; ghi dạng 25/10/2026.', 'Date "' + dateText + '" is invalid; write it as 25/10/2026 or 2026-10-25.']))
    } else if (parsed > today) {
      issues.push(issue('field_invalid', 'date', ['Ngày ban hành ' + formatDateVi(parsed) + ' chưa tới (hôm nay ' + formatDateVi(today) + ').', 'Issue date ' + parsed + ' is in the future (today is ' + today + ').']))
    } else date = parsed
  }

  const number = text('number') ?? (previous ? previous.number : null)
  const issuer = text('issuer') ?? (previous ? previous.issuer : null)
  if (!hasFile && number === null && date === null && dateText === null) {
    issues.push(issue('field_required', 'file', [
      'Gửi kèm tệp, hoặc ít nhất ghi số hiệu hay ngày của văn bản giấy.',
      'Attach the file, or at least give the number or date of the paper document.',
    ]))
  }
  for (const name of Object.keys(fields)) {
    if (KNOWN.indexOf(name) < 0) issues.push(issue('field_invalid', name, ['Không có trường "' + name + '".', 'There is no field "' + name + '".']))
  }

  if (issues.length > 0 || !criterion || !kind || title === null) {
    throw new ApiError(400, 'bad_request', ['Thông tin minh chứng chưa đúng, chưa lưu gì.', 'The evidence details are wrong; nothing was stored.'], issues)
  }
  return { criterion: criterion.no, indicator, requirement, kind, number, date, issuer, title }
}
