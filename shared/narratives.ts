// The words of a commune's report: what was done this period (kết quả đạt được), what stands in the way
// (khó khăn, vướng mắc) and what it asks of the district (kiến nghị, đề xuất). Plain text: never read as
// markup anywhere (the pane writes textContent, Excel cells hold text), so nothing here escapes HTML.
import { type Issue, makeIssue } from './issues'

export type NarrativeKey = 'achievements' | 'difficulties' | 'requests'

/** Stored and answered with every key present; an empty string is a section left blank. */
export type Narratives = { [k in NarrativeKey]: string }
/** What a request may carry: any section may be left out. */
export type NarrativesInput = { [k in NarrativeKey]?: string }

export const NARRATIVE_KEYS: readonly NarrativeKey[] = ['achievements', 'difficulties', 'requests']

/** Section titles, as the report workbook and the summary write them. */
export const NARRATIVE_TITLES: { [k in NarrativeKey]: { vi: string; en: string } } = {
  achievements: { vi: 'Kết quả đạt được', en: 'Results achieved' },
  difficulties: { vi: 'Khó khăn, vướng mắc', en: 'Difficulties' },
  requests: { vi: 'Kiến nghị, đề xuất', en: 'Requests to the district' },
}

/**
 * At most this many characters per section (UTF-16 code units, line breaks included): about a typed A4
 * page, more than a twice-monthly report's section needs, and small enough that 166 communes' words fit
 * in one summary sheet. The API refuses longer text (400), the pane and the upload say where (422).
 */
export const NARRATIVE_MAX_CHARS = 4000

// Control characters other than tab and line break, and UTF-16 halves without their partner: what a paste
// from another program can bring along and what no cell should hold. The API refuses them; the readers of
// the workbook replace them.
export const NARRATIVE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/

export function emptyNarratives(): Narratives {
  return { achievements: '', difficulties: '', requests: '' }
}

/** The usual shape of typed text: line breaks as `\n`, no trailing spaces, no blank lines at either end. */
export function normalizeNarrative(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])/g, '\ufffd')
    .replace(/(^|[^\ud800-\udbff])[\udc00-\udfff]/g, '$1\ufffd')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
  while (lines.length > 0 && lines[0] === '') lines.shift()
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines.join('\n')
}

export type NarrativeCheck = { narratives: Narratives; issues: Issue[] }

/** Reads the sections of a report (`path` is where they sit, e.g. `narratives`); too long is an error. */
export function checkNarratives(input: unknown, path = 'narratives'): NarrativeCheck {
  const narratives = emptyNarratives()
  const issues: Issue[] = []
  const source = typeof input === 'object' && input !== null ? (input as { [k: string]: unknown }) : {}
  for (const key of NARRATIVE_KEYS) {
    const raw = source[key]
    if (typeof raw !== 'string') continue
    const text = normalizeNarrative(raw)
    if (text.length > NARRATIVE_MAX_CHARS) {
      issues.push(makeIssue('narrative_too_long', path + '.' + key, {
        section: NARRATIVE_TITLES[key].vi,
        sectionEn: NARRATIVE_TITLES[key].en,
        count: text.length,
        limit: String(NARRATIVE_MAX_CHARS),
      }))
    }
    narratives[key] = text
  }
  return { narratives, issues }
}

export function hasNarratives(n: Narratives | null | undefined): boolean {
  return !!n && (n.achievements !== '' || n.difficulties !== '' || n.requests !== '')
}
