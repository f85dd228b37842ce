// Loading a catalogue: JSON (or the rows of the catalogue workbook, see workbook/catalog-book.ts) in, a
// normalised Catalog out, or every problem with its JSON path. One checker for both forms, so a workbook
// and the same table sent as JSON are accepted or refused alike. Thresholds are notation text (threshold.ts).
import type { Catalog, CatalogClass, CriteriaGroup, Criterion, Indicator, Provenance } from './catalog'
import { type CatalogIssue, type CatalogIssueCode, type CatalogIssueParams, catalogIssue } from './catalog-issues'
import { parseDateInput } from './dates'
import { type EvidenceRequirement, parseEvidenceKind } from './evidence'
import { foldText, parseYesNo } from './text'
import { type Measure, type Threshold, type ThresholdProblem, type ValueKind, formatThreshold, parseThreshold } from './threshold'

/** Most a catalogue may hold (the 2021–2025 set has 19 criteria and 55 indicators, 7 regions). */
export const CATALOG_LIMITS = { classes: 30, criteria: 60, indicators: 600, text: 2000, evidence: 1000, evidencePerCriterion: 50 } as const

export type CatalogCheck = { catalog: Catalog | null; issues: CatalogIssue[] }

const CATALOG_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/
const VERSION_RE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/
const CLASS_ID_RE = /^[a-z0-9][a-z0-9-]{0,39}$/
const CODE_RE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/
const EVIDENCE_ID_RE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/
const GROUP_RE = /^([IVXLC]+|\d+)\s*[.)]\s*(.+)$/

const compact = (v: string): string => foldText(v).replace(/\s+/g, '')

// What people write in the "Kiểu" column, folded and without spaces.
const KIND_WORDS: { [word: string]: ValueKind } = {}
const KIND_SPELLINGS: Array<[ValueKind, string[]]> = [
  ['percent', ['percent', '%', 'tyle', 'tyle%', 'tyle(%)', 'phantram']],
  ['number', ['number', 'so', 'soluong', 'giatri', 'giatriso']],
  ['yesno', ['yesno', 'yes/no', 'dat/khongdat', 'dat/chuadat', 'dat/khong', 'co/khong', 'dat']],
  ['text', ['text', 'chu', 'vanban']],
]
for (const [kind, words] of KIND_SPELLINGS) for (const w of words) KIND_WORDS[w] = kind

/** The word the catalogue workbook writes for each kind. */
export const KIND_NAMES: { [kind in ValueKind]: string } = { percent: 'tỷ lệ (%)', number: 'số', yesno: 'đạt / không đạt', text: 'chữ' }

const DEFAULT_UNITS: { [kind in ValueKind]: string } = { percent: '%', number: '', yesno: 'Đạt/Không đạt', text: '' }

const THRESHOLD_CODES: { [p in ThresholdProblem]: CatalogIssueCode } = {
  unreadable: 'threshold_unreadable',
  kind_mismatch: 'threshold_kind_mismatch',
  unit_mismatch: 'threshold_unit_mismatch',
  out_of_range: 'threshold_out_of_range',
  ambiguous: 'threshold_ambiguous',
  empty_range: 'threshold_empty_range',
}

type Obj = { [key: string]: unknown }
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !(v instanceof Array)
const has = (o: Obj, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key)

/** Text of a string or number field; '' when blank or absent; undefined when of another type. */
function textOf(v: unknown): string | undefined {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v.replace(/^\s+|\s+$/g, '')
  if (typeof v === 'number' && isFinite(v)) return String(v)
  return undefined
}

/** A whole number ≥ 1 given as a number, "3", or "3. Thủy lợi…" (as the report book writes criteria). */
function criterionNumber(v: unknown): number | undefined {
  const t = textOf(v)
  if (t === undefined) return undefined
  const m = /^(\d+)(?:\s*[.)]?\s.*|[.)])?$/.exec(t)
  if (!m) return undefined
  const n = Number(m[1])
  return n >= 1 && n <= 9999 ? n : undefined
}

function kindOf(v: unknown): ValueKind | null | undefined {
  const t = textOf(v)
  if (t === undefined) return undefined
  if (t === '') return null
  const kind = KIND_WORDS[compact(t)]
  return kind === undefined ? undefined : kind
}

/** A stored threshold object (as GET /catalog returns it) back to notation, so it is checked like text. */
function thresholdText(raw: unknown, measure: Measure): unknown {
  if (!isObj(raw)) return raw
  if (typeof raw.expect === 'boolean') return formatThreshold({ expect: raw.expect }, measure)
  const t: Threshold = {}
  for (const key of ['min', 'max'] as const) {
    const v = raw[key]
    if (v === undefined) continue
    if (typeof v !== 'number' || !isFinite(v)) return raw
    t[key] = v
  }
  if (t.min === undefined && t.max === undefined) return raw
  if (raw.minExclusive === true) t.minExclusive = true
  if (raw.maxExclusive === true) t.maxExclusive = true
  return formatThreshold(t, measure)
}

function shown(raw: unknown): string {
  if (typeof raw === 'string') return raw
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw)
  return JSON.stringify(raw) || ''
}

class Checker {
  readonly issues: CatalogIssue[] = []

  add(code: CatalogIssueCode, path: string, params: CatalogIssueParams = {}): void {
    this.issues.push(catalogIssue(code, path, params))
  }

  /** A text field: '' when blank, null (and an issue) when of the wrong type or too long. */
  text(o: Obj, key: string, path: string, max: number = CATALOG_LIMITS.text): string | null {
    const t = textOf(o[key])
    if (t === undefined || t.length > max) {
      this.add('catalog_field_invalid', path, { value: path })
      return null
    }
    return t
  }

  list(o: Obj, key: string, path: string, max: number, what: string): unknown[] {
    const v = o[key]
    if (v === undefined || v === null) return []
    if (!(v instanceof Array)) {
      this.add('catalog_field_invalid', path, { value: path })
      return []
    }
    if (v.length > max) {
      this.add('catalog_too_large', path, { value: max + ' ' + what })
      return []
    }
    return v
  }
}

function readClasses(k: Checker, input: Obj): { label: string; classes: CatalogClass[] } {
  const raw = isObj(input.classification) ? input.classification : {}
  if (input.classification !== undefined && !isObj(input.classification)) k.add('catalog_field_invalid', 'classification', { value: 'classification' })
  const label = k.text(raw, 'label', 'classification.label', 100) || 'Vùng / nhóm xã'
  const list = k.list(raw, 'classes', 'classification.classes', CATALOG_LIMITS.classes, 'vùng / nhóm')
  if (list.length === 0 && k.issues.every((i) => i.path !== 'classification.classes')) k.add('classification_empty', 'classification.classes')
  const classes: CatalogClass[] = []
  const seen: { [id: string]: boolean } = {}
  list.forEach((item, n) => {
    const path = 'classification.classes[' + n + ']'
    if (!isObj(item)) return k.add('catalog_field_invalid', path, { value: path })
    const id = k.text(item, 'id', path + '.id', 40)
    const name = k.text(item, 'name', path + '.name', 200)
    const nameEn = k.text(item, 'nameEn', path + '.nameEn', 200)
    const description = k.text(item, 'description', path + '.description')
    if (id === null || name === null) return
    if (!CLASS_ID_RE.test(id)) return k.add('class_id_invalid', path + '.id', { value: id })
    if (seen[id]) return k.add('class_duplicate', path + '.id', { value: id })
    seen[id] = true
    if (name === '') return k.add('class_name_missing', path + '.name', { value: id })
    const c: CatalogClass = { id, name }
    if (nameEn) c.nameEn = nameEn
    if (description) c.description = description
    classes.push(c)
  })
  return { label, classes }
}

function groupOf(groups: CriteriaGroup[], text: string): string {
  for (const g of groups) if (g.id === text) return g.id
  const m = GROUP_RE.exec(text)
  const id = m ? (m[1] as string) : text
  const name = m ? (m[2] as string).replace(/\s+$/, '') : text
  for (const g of groups) if (g.id === id) return id
  groups.push({ id, name })
  return id
}

function readGroups(k: Checker, input: Obj): CriteriaGroup[] {
  const groups: CriteriaGroup[] = []
  k.list(input, 'groups', 'groups', CATALOG_LIMITS.criteria, 'nhóm').forEach((g, n) => {
    const path = 'groups[' + n + ']'
    if (!isObj(g)) return k.add('catalog_field_invalid', path, { value: path })
    const id = k.text(g, 'id', path + '.id', 40)
    const name = k.text(g, 'name', path + '.name', 200)
    if (id && name && !groups.some((x) => x.id === id)) groups.push({ id, name })
  })
  return groups
}

/** A document the appraisal expects, from a criterion's `evidence[]` or the flat `evidence[]` (the workbook's rows). */
type RawEvidence = { raw: Obj; path: string; criterion: unknown }

function readRequirement(k: Checker, item: RawEvidence, no: number): EvidenceRequirement | null {
  const { raw, path } = item
  const id = k.text(raw, 'id', path + '.id', 40)
  const title = k.text(raw, 'title', path + '.title', 500)
  const kindText = k.text(raw, 'kind', path + '.kind', 40)
  if (id === null || title === null || kindText === null) return null
  const before = k.issues.length
  if (!EVIDENCE_ID_RE.test(id)) k.add('evidence_id_invalid', path + '.id', { value: String(no), expected: id })
  if (title === '') k.add('evidence_title_missing', path + '.title', { value: String(no), expected: id })
  const kind = kindText === '' ? undefined : parseEvidenceKind(kindText)
  if (kindText !== '' && kind === undefined) k.add('evidence_kind_unknown', path + '.kind', { value: id, expected: kindText })
  if (k.issues.length > before) return null
  const r: EvidenceRequirement = { id, title }
  if (kind) r.kind = kind
  return r
}

/** Each document onto its criterion, in the order given; ids unique within a criterion. */
function attachEvidence(k: Checker, items: RawEvidence[], criteria: Criterion[], criterionPath: { [no: number]: string }): void {
  for (const item of items) {
    const no = criterionNumber(item.criterion)
    const home = no === undefined ? undefined : criteria.filter((c) => c.no === no)[0]
    if (!home) {
      // A criterion refused for another reason is reported there, not again here.
      if (no === undefined || criterionPath[no] === undefined) {
        const at = item.path + (has(item.raw, 'criterion') ? '.criterion' : '')
        k.add('evidence_criterion_unknown', at, { value: shown(item.criterion ?? ''), expected: shown(item.raw.id ?? '') })
      }
      continue
    }
    const r = readRequirement(k, item, home.no)
    if (!r) continue
    const list = home.evidence || (home.evidence = [])
    if (list.some((x) => x.id === r.id)) k.add('evidence_duplicate', item.path + '.id', { value: String(home.no), expected: r.id })
    else if (list.length >= CATALOG_LIMITS.evidencePerCriterion) k.add('catalog_too_large', item.path, { value: CATALOG_LIMITS.evidencePerCriterion + ' tài liệu / tiêu chí' })
    else list.push(r)
  }
}

type RawIndicator = { raw: Obj; path: string; criterion: unknown }

function readThresholds(k: Checker, raw: Obj, path: string, measure: Measure, code: string, classes: CatalogClass[]): Indicator['thresholds'] {
  const out: Indicator['thresholds'] = {}
  const given = raw.thresholds
  if (given === undefined || given === null) return out
  if (!isObj(given)) {
    k.add('catalog_field_invalid', path + '.thresholds', { value: path + '.thresholds' })
    return out
  }
  const names = classes.map((c) => c.name).join(', ')
  for (const key of Object.keys(given)) {
    const at = path + '.thresholds.' + key
    const cls = classes.filter((c) => c.id === key)[0]
    if (!cls) {
      k.add('class_unknown', at, { value: key, expected: names })
      continue
    }
    const value = given[key]
    const parsed = parseThreshold(thresholdText(value, measure), measure)
    if (!parsed.ok) {
      k.add(THRESHOLD_CODES[parsed.problem], at, {
        value: shown(value), indicator: code, cls: cls.name, expected: parsed.problem === 'kind_mismatch' ? measure.kind : measure.unit,
      })
      continue
    }
    if (parsed.threshold) out[key] = parsed.threshold
  }
  return out
}

function readIndicator(k: Checker, item: RawIndicator, classes: CatalogClass[], codes: { [code: string]: boolean }): { indicator: Indicator; criterion: number | undefined } | null {
  const { raw, path } = item
  const code = k.text(raw, 'code', path + '.code', 40)
  if (code === null) return null
  if (!CODE_RE.test(code)) {
    k.add('indicator_code_invalid', path + '.code', { value: code })
    return null
  }
  if (codes[code]) {
    k.add('indicator_code_duplicate', path + '.code', { value: code })
    return null
  }
  codes[code] = true
  const criterion = criterionNumber(item.criterion)
  if (criterion === undefined) k.add('indicator_criterion_unknown', path + '.criterion', { indicator: code, value: shown(item.criterion) })
  const name = k.text(raw, 'name', path + '.name')
  if (name === '') k.add('indicator_name_missing', path + '.name', { indicator: code })
  const kind = kindOf(raw.kind)
  if (kind === null) k.add('indicator_kind_missing', path + '.kind', { indicator: code })
  else if (kind === undefined) k.add('indicator_kind_unknown', path + '.kind', { indicator: code, value: shown(raw.kind) })
  const unitText = k.text(raw, 'unit', path + '.unit', 100)
  const nameEn = k.text(raw, 'nameEn', path + '.nameEn')
  const targetNote = k.text(raw, 'targetNote', path + '.targetNote')
  const source = k.text(raw, 'source', path + '.source')
  const optional = parseYesNo(raw.optional)
  if (optional === undefined) k.add('indicator_optional_invalid', path + '.optional', { indicator: code, value: shown(raw.optional) })
  const provenanceText = k.text(raw, 'provenance', path + '.provenance', 10)
  const provenance = provenanceText ? provenanceText.toUpperCase() : ''
  if (provenance !== '' && provenance !== 'V' && provenance !== 'M' && provenance !== 'U') {
    k.add('indicator_provenance_invalid', path + '.provenance', { indicator: code, value: provenanceText || '' })
  }
  if (!name || !kind || unitText === null) return null
  const unit = unitText || DEFAULT_UNITS[kind]
  const thresholds = readThresholds(k, raw, path, { kind, unit }, code, classes)
  const indicator: Indicator = { code, name, unit, kind, thresholds }
  if (nameEn) indicator.nameEn = nameEn
  if (targetNote) indicator.targetNote = targetNote
  if (optional === true) indicator.optional = true
  if (provenance === 'V' || provenance === 'M' || provenance === 'U') indicator.provenance = provenance as Provenance
  if (source) indicator.source = source
  return { indicator, criterion }
}

/**
 * Checks a catalogue given as JSON: `criteria[]` (each may hold its `indicators[]`, as GET /catalog returns
 * them) and/or a flat `indicators[]` whose items name their `criterion` (as the workbook's rows do).
 */
export function checkCatalog(input: unknown): CatalogCheck {
  const k = new Checker()
  if (!isObj(input)) {
    k.add('catalog_field_invalid', '(body)', { value: '(body)' })
    return { catalog: null, issues: k.issues }
  }
  const id = k.text(input, 'id', 'id', 64)
  if (id !== null && !CATALOG_ID_RE.test(id)) k.add('catalog_id_invalid', 'id', { value: id })
  const version = k.text(input, 'version', 'version', 40)
  if (version !== null && !VERSION_RE.test(version)) k.add('catalog_version_invalid', 'version', { value: version })
  const title = k.text(input, 'title', 'title', 300)
  if (title === '') k.add('catalog_title_missing', 'title')
  const name = k.text(input, 'name', 'name', 500)
  const note = k.text(input, 'note', 'note')
  const effectiveFrom = parseDateInput(input.effectiveFrom)
  if (!effectiveFrom) k.add('catalog_date_invalid', 'effectiveFrom', { value: shown(input.effectiveFrom ?? '') })
  const { label, classes } = readClasses(k, input)
  const groups = readGroups(k, input)

  const criteria: Criterion[] = []
  const rawIndicators: RawIndicator[] = []
  const rawEvidence: RawEvidence[] = []
  const rawCriteria = k.list(input, 'criteria', 'criteria', CATALOG_LIMITS.criteria, 'tiêu chí')
  if (rawCriteria.length === 0 && k.issues.every((i) => i.path !== 'criteria')) k.add('criteria_empty', 'criteria')
  const criterionPath: { [no: number]: string } = {}
  rawCriteria.forEach((raw, n) => {
    const path = 'criteria[' + n + ']'
    if (!isObj(raw)) return k.add('catalog_field_invalid', path, { value: path })
    const no = criterionNumber(raw.no)
    const cName = k.text(raw, 'name', path + '.name', 500)
    const nameEn = k.text(raw, 'nameEn', path + '.nameEn', 500)
    const group = k.text(raw, 'group', path + '.group', 200)
    const guidance = k.text(raw, 'guidance', path + '.guidance')
    k.list(raw, 'evidence', path + '.evidence', CATALOG_LIMITS.evidencePerCriterion, 'tài liệu').forEach((e, j) => {
      const at = path + '.evidence[' + j + ']'
      if (!isObj(e)) return k.add('catalog_field_invalid', at, { value: at })
      rawEvidence.push({ raw: e, path: at, criterion: no === undefined ? raw.no : no })
    })
    k.list(raw, 'indicators', path + '.indicators', CATALOG_LIMITS.indicators, 'chỉ tiêu').forEach((ind, j) => {
      const at = path + '.indicators[' + j + ']'
      if (!isObj(ind)) return k.add('catalog_field_invalid', at, { value: at })
      rawIndicators.push({ raw: ind, path: at, criterion: no === undefined ? raw.no : no })
    })
    if (no === undefined) return k.add('criterion_no_invalid', path + '.no', { value: shown(raw.no ?? '') })
    if (criterionPath[no] !== undefined) return k.add('criterion_duplicate', path + '.no', { value: String(no) })
    criterionPath[no] = path
    if (cName === '') k.add('criterion_name_missing', path + '.name', { value: String(no) })
    if (!cName) return
    const c: Criterion = { no, name: cName, indicators: [] }
    if (nameEn) c.nameEn = nameEn
    if (group) c.group = groupOf(groups, group)
    if (guidance) c.guidance = guidance
    criteria.push(c)
  })
  k.list(input, 'indicators', 'indicators', CATALOG_LIMITS.indicators, 'chỉ tiêu').forEach((ind, j) => {
    const at = 'indicators[' + j + ']'
    if (!isObj(ind)) return k.add('catalog_field_invalid', at, { value: at })
    rawIndicators.push({ raw: ind, path: at, criterion: ind.criterion })
  })
  if (rawIndicators.length > CATALOG_LIMITS.indicators) k.add('catalog_too_large', 'indicators', { value: CATALOG_LIMITS.indicators + ' chỉ tiêu' })

  const codes: { [code: string]: boolean } = {}
  for (const item of rawIndicators.slice(0, CATALOG_LIMITS.indicators)) {
    const read = readIndicator(k, item, classes, codes)
    if (!read || read.criterion === undefined) continue
    const home = criteria.filter((c) => c.no === read.criterion)[0]
    if (home) home.indicators.push(read.indicator)
    else if (criterionPath[read.criterion] === undefined) {
      k.add('indicator_criterion_unknown', item.path + (has(item.raw, 'criterion') ? '.criterion' : ''), { indicator: read.indicator.code, value: String(read.criterion) })
    }
  }
  k.list(input, 'evidence', 'evidence', CATALOG_LIMITS.evidence, 'tài liệu').forEach((e, j) => {
    const at = 'evidence[' + j + ']'
    if (!isObj(e)) return k.add('catalog_field_invalid', at, { value: at })
    rawEvidence.push({ raw: e, path: at, criterion: e.criterion })
  })
  attachEvidence(k, rawEvidence, criteria, criterionPath)
  // A criterion whose rows were refused for another reason is not also reported empty.
  const named: { [no: number]: boolean } = {}
  for (const item of rawIndicators) {
    const no = criterionNumber(item.criterion)
    if (no !== undefined) named[no] = true
  }
  for (const c of criteria) if (c.indicators.length === 0 && !named[c.no]) k.add('criterion_without_indicator', (criterionPath[c.no] as string) + '.no', { value: String(c.no) })

  if (k.issues.length > 0 || id === null || version === null || title === null || !effectiveFrom) return { catalog: null, issues: k.issues }
  criteria.sort((a, b) => a.no - b.no)
  const catalog: Catalog = {
    id, version, title, name: name || title, effectiveFrom,
    classification: { label, classes },
    groups: groups.filter((g) => criteria.some((c) => c.group === g.id)),
    criteria,
  }
  if (note) catalog.note = note
  return { catalog, issues: [] }
}

/** Key-order-free text of a catalogue: two loads of the same table compare equal. */
export function canonicalCatalog(catalog: Catalog): string {
  const sorted = (v: unknown): unknown => {
    if (v instanceof Array) return v.map(sorted)
    if (!isObj(v)) return v
    const out: Obj = {}
    for (const key of Object.keys(v).sort()) if (v[key] !== undefined) out[key] = sorted(v[key])
    return out
  }
  return JSON.stringify(sorted(catalog))
}
