// Evidence dossiers (hồ sơ minh chứng): the documents that prove a criterion is met at the appraisal.
// What a criterion needs is catalogue data; whether a commune's dossier has it is decided here, once,
// for the worker's list, the aggregate and its workbook.
import { foldText } from './text'

export type EvidenceKind = 'quyet_dinh' | 'bien_ban' | 'ke_hoach' | 'bao_cao' | 'anh_cong_trinh' | 'khac'

export const EVIDENCE_KINDS: ReadonlyArray<{ id: EvidenceKind; name: string; nameEn: string }> = [
  { id: 'quyet_dinh', name: 'Quyết định', nameEn: 'Decision' },
  { id: 'bien_ban', name: 'Biên bản', nameEn: 'Minutes' },
  { id: 'ke_hoach', name: 'Kế hoạch', nameEn: 'Plan' },
  { id: 'bao_cao', name: 'Báo cáo', nameEn: 'Report' },
  { id: 'anh_cong_trinh', name: 'Ảnh công trình', nameEn: 'Photo of the works' },
  { id: 'khac', name: 'Khác', nameEn: 'Other' },
]

export function isEvidenceKind(value: string): value is EvidenceKind {
  return EVIDENCE_KINDS.some((k) => k.id === value)
}

/** A kind as a person writes it in the catalogue workbook: its id, or its Vietnamese or English name, any case or accents. */
export function parseEvidenceKind(text: string): EvidenceKind | undefined {
  const folded = foldText(text)
  for (const k of EVIDENCE_KINDS) if (k.id === text || foldText(k.name) === folded || foldText(k.nameEn) === folded) return k.id
  return undefined
}

export function evidenceKindName(kind: EvidenceKind): string {
  const found = EVIDENCE_KINDS.filter((k) => k.id === kind)[0]
  return found ? found.name : kind
}

/** The file types a dossier accepts, decided from the file's first bytes (see worker/evidence/sniff.ts). */
export type EvidenceFileType = 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx'

export const EVIDENCE_FILE_TYPES: { readonly [t in EvidenceFileType]: { mime: string; ext: string; name: string } } = {
  pdf: { mime: 'application/pdf', ext: 'pdf', name: 'PDF' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', name: 'Ảnh JPEG' },
  png: { mime: 'image/png', ext: 'png', name: 'Ảnh PNG' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', name: 'Word (.docx)' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', name: 'Excel (.xlsx)' },
}

/** Largest evidence file: 10 MB (a scanned decision of a few pages, or a phone photo). */
export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024

/** One document the appraisal expects for a criterion, as the catalogue lists it. */
export type EvidenceRequirement = {
  /** Stable within the criterion, e.g. `1.a`; an item names it to say which document it is. */
  id: string
  title: string
  /** When set, an item of this kind that names no requirement may stand for it. */
  kind?: EvidenceKind
}

/** What the dossier rules need of an item. */
export type DossierItem = {
  criterion: number
  kind: EvidenceKind
  requirement: string | null
  hasFile: boolean
  /** False once another item supersedes it. */
  current: boolean
}

export type DossierGap = { requirement: string | null; title: string }

export type CriterionDossier = {
  criterion: number
  /** Documents expected: the catalogue's list, or one document when it lists none. */
  expected: number
  present: number
  missing: DossierGap[]
  complete: boolean
  /** Current items of the criterion, with or without a file. */
  items: number
}

/** When a catalogue lists nothing for a criterion, a dossier needs at least one document. */
export const ANY_DOCUMENT: DossierGap = { requirement: null, title: 'Ít nhất một tài liệu minh chứng' }

/**
 * A criterion's dossier. Only current items with a file count: a reference to a paper kept in a cabinet
 * is listed, but the appraisal needs the document. An item meets the requirement it names; an item that
 * names none meets one unmet requirement of its kind. A requirement without a kind must be named.
 */
export function computeDossier(criterion: number, requirements: readonly EvidenceRequirement[], items: readonly DossierItem[]): CriterionDossier {
  const mine = items.filter((i) => i.criterion === criterion && i.current)
  const filed = mine.filter((i) => i.hasFile)
  if (requirements.length === 0) {
    const present = filed.length > 0 ? 1 : 0
    return { criterion, expected: 1, present, missing: present ? [] : [ANY_DOCUMENT], complete: present === 1, items: mine.length }
  }
  const met: { [id: string]: boolean } = {}
  const loose: DossierItem[] = []
  for (const item of filed) {
    const named = item.requirement !== null && requirements.some((r) => r.id === item.requirement)
    if (named) met[item.requirement as string] = true
    else loose.push(item)
  }
  for (const r of requirements) {
    if (met[r.id] || r.kind === undefined) continue
    for (let i = 0; i < loose.length; i++) {
      if ((loose[i] as DossierItem).kind === r.kind) {
        met[r.id] = true
        loose.splice(i, 1)
        break
      }
    }
  }
  const missing = requirements.filter((r) => !met[r.id]).map((r) => ({ requirement: r.id, title: r.title }))
  const expected = requirements.length
  return { criterion, expected, present: expected - missing.length, missing, complete: missing.length === 0, items: mine.length }
}

/** "đủ" or "thiếu 2": how a dossier reads in a cell. */
export function dossierText(d: { complete: boolean; missing: readonly unknown[] }): string {
  return d.complete ? 'đủ' : missingText(d.missing.length)
}

/** The same from the number of documents missing. */
export function missingText(missing: number): string {
  return missing === 0 ? 'đủ' : 'thiếu ' + missing
}

/** The same in English, for message_en and tests. */
export function dossierTextEn(d: { complete: boolean; missing: readonly unknown[] }): string {
  return d.complete ? 'complete' : d.missing.length + ' missing'
}

/** File size as people read it: "850 KB", "2,4 MB" (Vietnamese decimal comma). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return bytes + ' B'
  if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + ' KB'
  return (Math.round((bytes / (1024 * 1024)) * 10) / 10).toString().replace('.', ',') + ' MB'
}
