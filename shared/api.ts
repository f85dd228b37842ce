// The HTTP contract of /api/v1, typed once for the worker and for the pane's fetch client.
// Wire names are fixed by the contract; other clients are written against them.
import type { Timeliness } from './calendar'
import type { Catalog } from './catalog'
import type { CatalogIssue } from './catalog-issues'
import type { CommuneRow, PeriodAggregate } from './aggregate'
import type { Fund, FundTotals } from './funds'
import type { Issue } from './issues'
import type { DossierMatrix } from './dossier-matrix'
import type { CriterionDossier, EvidenceFileType, EvidenceKind } from './evidence'
import type { Narratives, NarrativesInput } from './narratives'
import type { PeriodChange } from './period-change'
import type { CellValue, Evaluation } from './report'
import type { NotificationKind } from './reminders'
import type { SettingSources, UnitSettings, UnitSettingsPatch } from './settings'
import type { Recurrence, Task, TaskFlagKind, TaskStatus } from './tasks'

export const API_BASE = '/api/v1'

export type Role = 'commune' | 'district' | 'leader' | 'admin'
/** `office` is a unit that leads or helps with tasks (a district department) but does not report. */
export type UnitLevel = 'province' | 'district' | 'commune' | 'office'

export type UnitRef = { id: string; name: string; level: UnitLevel }

export type ErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'period_locked'
  | 'idempotency_mismatch'
  | 'payload_too_large'
  | 'unsupported_file_type'
  | 'workbook_inconsistent'
  | 'validation_failed'
  | 'not_configured'
  | 'version_conflict'
  | 'rate_limited'
  | 'internal'

/**
 * A problem with the shape of a JSON body (a field missing, of the wrong type, too long) found before the
 * report rules run: the client program is wrong rather than the data. Sent with 400 `bad_request`.
 */
export type ShapeIssueCode = 'field_required' | 'field_wrong_type' | 'field_invalid' | 'field_too_long' | 'field_too_many'
export type ShapeIssue = { code: ShapeIssueCode; severity: 'error'; path: string; message: string; message_en: string }

/**
 * Issues in an error body: report rules (422 `validation_failed`), body shape (400 `bad_request`), or a
 * catalogue being loaded or assigned (400, 409, 422; with `cell` when it came as a workbook).
 */
export type ApiIssue = Issue | ShapeIssue | CatalogIssue

/**
 * Every error answer of the API; `issues` is always present, empty when there is nothing to list. A 409
 * `version_conflict` adds `current`: the tasks as they are now on the server.
 */
export type ErrorBody = { error: ErrorCode; message: string; message_en: string; issues: ApiIssue[]; current?: StoredTask[] }

/** Largest accepted request body; larger ones get 413 `payload_too_large`. */
export const MAX_BODY_BYTES = 512 * 1024

/**
 * The window of the API's rate limits, in seconds: a 429 `rate_limited` answer says `Retry-After` with it
 * (per client address, per token, and stricter per address for refused tokens; wrangler.jsonc "ratelimits").
 */
export const RATE_LIMIT_PERIOD_SECONDS = 60

/** A retry with the same key and body returns the first response and stores nothing new. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'

/** Most rows one request may carry (more → 400 `bad_request`, issue `field_too_many`): split larger sheets. */
export const MAX_TASKS_PER_REQUEST = 200
export const MAX_INDICATORS_PER_REPORT = 300

/** GET: the aggregate of a parent unit for a period as an .xlsx workbook (district, leader and admin roles). */
export function aggregateWorkbookPath(unit: string, period: string): string {
  return API_BASE + '/aggregate/' + encodeURIComponent(unit) + '/' + encodeURIComponent(period) + '.xlsx'
}

/** GET: a stored catalogue version as the catalogue workbook (fill it in and POST it back as a new version). */
export function catalogWorkbookPath(id: string, version: string): string {
  return API_BASE + '/catalogs/' + encodeURIComponent(id) + '/' + encodeURIComponent(version) + '.xlsx'
}

// GET /me
/**
 * `settings`: the unit's settings in force (its own or inherited), which the pane's checks use too.
 * `today`: the calendar date in Vietnam on the API's clock (deadlines count from it, not from a device's clock).
 */
export type MeResponse = { role: Role; unit: UnitRef; settings: UnitSettings; today: string }

// GET /catalog?period=YYYY-MM-DD[&unit=] — the catalogue that judges the unit's report for that period (the
// current period without `period`), with the unit's class in it (null: not classed yet, reports are refused).
export type CatalogResponse = {
  catalog: Catalog
  period: string
  /** The assignment that makes it so: set on `unit` (the unit or its nearest ancestor with one), from `from`. */
  assignment: { unit: string; from: string }
  classId: string | null
  className: string | null
}

// GET /catalogs — every stored catalogue version (a loaded version never changes).
export type CatalogSummary = {
  id: string
  version: string
  title: string
  effectiveFrom: string
  loadedAt: string
  criteria: number
  indicators: number
  /** Indicator × class cells that carry a threshold (0: every line is declared by the commune). */
  thresholds: number
  /** Documents the criteria's dossiers expect, all criteria together (0: each dossier needs one document). */
  documents: number
  classification: { label: string; classes: Array<{ id: string; name: string }> }
}
export type CatalogListResponse = { catalogs: CatalogSummary[] }

// POST /catalogs — the catalogue workbook (or the same as JSON) → 201 when stored, 200 when that exact
// version was already stored with the same content.
export type CatalogLoadResponse = { id: string; version: string; created: boolean }

// PUT /units/{unit}/catalog
export type UnitCatalogRequest = { catalog: string; version: string; from: string; classes?: { [unit: string]: string } }
export type UnitClassRow = { unit: string; name: string; level: UnitLevel; classId: string | null; className: string | null }
export type UnitCatalogResponse = {
  unit: string
  catalog: { id: string; version: string; title: string }
  from: string
  /** The unit's communes with their class in this catalogue (null: not classed, their reports are refused). */
  communes: UnitClassRow[]
}

// GET /periods?from=YYYY-MM&to=YYYY-MM
export type PeriodInfo = { id: string; start: string; end: string; communeDue: string; districtDue: string }
export type PeriodsResponse = PeriodInfo[]

// POST /reports/validate and POST /reports
export type IndicatorInput = { code: string; value?: CellValue; status?: CellValue; note?: string; evidence?: string }
export type FundInput = { source: string; amount: number | string | null; note?: string }
export type TaskInput = {
  id: string
  title: string
  lead: string
  collaborators?: string[]
  due: string
  recurrence?: Recurrence | string | null
  status?: TaskStatus | string
  progress?: number | string | null
  completedOn?: string | null
  source?: string
  note?: string
  /**
   * The stored version this row was read from: a write carrying a stale one is refused with 409
   * `version_conflict` (nothing saved). Absent or null: no check (a new row, or a client that does not check).
   * Text as read from a workbook's cell is accepted too ("3").
   */
  version?: number | string | null
}
export type ReportRequest = {
  unit: string
  period: string
  indicators: IndicatorInput[]
  funds?: FundInput[]
  tasks?: TaskInput[]
  /** Kết quả đạt được, khó khăn vướng mắc, kiến nghị đề xuất: plain text, each at most NARRATIVE_MAX_CHARS. */
  narratives?: NarrativesInput
}

export type ValidateResponse = { ok: boolean; achieved: number; total: number; issues: Issue[] }

export type ReportReceipt = {
  id: string
  unit: string
  period: string
  revision: number
  receivedAt: string
  timeliness: 'on_time' | 'late'
  lateDays: number
  achieved: number
  total: number
  issues: Issue[]
}

// GET /reports/{unit}/{period}
export type RevisionSummary = {
  id: string
  revision: number
  receivedAt: string
  submittedBy: string
  timeliness: 'on_time' | 'late'
  lateDays: number
  achieved: number
  total: number
}
export type StoredReport = RevisionSummary & {
  unit: string
  period: string
  catalog: { id: string; version: string }
  /** The commune's class in that catalogue when it was judged. */
  classId: string | null
  indicators: IndicatorInput[]
  evaluation: Evaluation
  funds: Fund[]
  fundTotals: FundTotals
  narratives: Narratives
  issues: Issue[]
}
export type ReportDetail = { unit: string; period: string; locked: boolean; latest: StoredReport | null; revisions: RevisionSummary[] }

// GET / PUT /units/{unit}/tasks
/** `version` starts at 1 and grows by one with every change. */
export type StoredTask = Task & { owner: string; updatedAt: string; version: number }
export type TasksResponse = { unit: string; tasks: StoredTask[] }
export type TasksPutRequest = { tasks: TaskInput[] }
export type TasksPutResponse = { unit: string; created: number; updated: number; unchanged: number; tasks: StoredTask[]; issues: Issue[] }

// GET /units/{unit}/flags?date=YYYY-MM-DD
/**
 * A task the unit owns, leads or helps with, its flag on the day, and the task itself, so a commune's sheet
 * can hold the rows of tasks the district assigned it (written, never typed by hand).
 */
export type TaskFlagRow = StoredTask & {
  role: 'lead' | 'collaborator' | 'owner'
  flag: TaskFlagKind
  days: number
  occurrence: string
}
export type ReportFlagRow = { period: string; status: Timeliness['status']; days: number }
/** `names`: the units the task rows mention (owners, leads, collaborators), by id. */
export type FlagsResponse = { unit: string; date: string; tasks: TaskFlagRow[]; reports: ReportFlagRow[]; names: { [id: string]: string } }

// POST /units/{unit}/task-progress
/**
 * The lead unit's report on a task another unit owns (the district assigns, the commune leads): only status,
 * progress and completion date, which go to the owner's task; its title, due date, lead and collaborators stay
 * the owner's. `version` as in TaskInput: a stale one that would change the task is 409 `version_conflict`.
 */
export type TaskProgressInput = {
  owner: string
  id: string
  status?: TaskStatus | string | null
  progress?: number | string | null
  completedOn?: string | number | null
  version?: number | string | null
}
export type TaskProgressRequest = { updates: TaskProgressInput[] }
export type TaskProgressResponse = { unit: string; updated: number; unchanged: number; tasks: StoredTask[]; issues: Issue[] }

// POST /aggregate
export type AggregateRequest = { unit: string; period: string }
export type OverdueTask = { id: string; title: string; owner: string; lead: string; collaborators: string[]; occurrence: string; days: number }
/** A commune's row: `receivedAt` is its latest revision's; timeliness is judged on `firstReceivedAt`. */
export type AggregateCommuneRow = CommuneRow
export type AggregateResponse = Omit<PeriodAggregate, 'communes'> & {
  unit: UnitRef
  communes: AggregateCommuneRow[]
  locked: boolean
  /** When the period was locked (the snapshot's moment), or null while it is open. */
  lockedAt: string | null
  generatedAt: string
  /** The first page of overdue tasks, longest overdue first; `overdueTotal` counts them all. */
  overdueTasks: OverdueTask[]
  overdueTotal: number
  /** Cursor of the next page (GET /aggregate/{unit}/overdue?cursor=…), null when this is all. */
  overdueNext: string | null
  /** Criteria met against the previous period (see shared/period-change.ts). */
  change: PeriodChange
  /** Names of the units the aggregate mentions (communes, task owners, leads, collaborators), by id. */
  unitNames: { [id: string]: string }
  /** The people's share of funds above which it is flagged (0–1), from the unit's settings. */
  peopleShareLimit: number
  /**
   * Communes × criteria dossier completeness, one matrix per catalogue, as the dossiers stand when the
   * aggregate is made. Absent from snapshots locked before dossiers were counted.
   */
  dossiers?: DossierMatrix[]
}

// GET /aggregate/{unit}/overdue?cursor=&limit=
/** `unitNames`: names of the units this page's tasks mention, by id. */
export type OverduePageResponse = {
  unit: string; date: string; total: number; tasks: OverdueTask[]; next: string | null; unitNames: { [id: string]: string }
}

// POST /periods/{period}/lock and /unlock
export type LockRequest = { unit: string }
export type LockResponse = { unit: string; period: string; locked: boolean; by: string; at: string }

// Share links: a read-only, expiring link to one period's summary for leaders without a token.
// POST /shares, GET /shares?unit=&period=, POST /shares/{id}/revoke (district, admin).
export type ShareRequest = { unit: string; period: string; days?: number }
export type ShareState = 'active' | 'expired' | 'revoked'
export type ShareInfo = {
  id: string
  unit: string
  period: string
  createdAt: string
  createdBy: string
  expiresAt: string
  revokedAt: string | null
  state: ShareState
  openings: number
  lastOpenedAt: string | null
}
/** The secret is in the answer to its creation only (`url` carries it after `#`, never sent to a server). */
export type ShareCreated = ShareInfo & { token: string; url: string }
export type SharesResponse = { shares: ShareInfo[] }
export const SHARE_DEFAULT_DAYS = 30
export const SHARE_MAX_DAYS = 90
/** The page a share link opens; the secret follows `#`. */
export const SHARE_PAGE = '/xem'

// GET /shared/summary and /shared/summary.xlsx with `Authorization: Bearer <share secret>` (no account token).
export type SharedSummary = { share: { unit: string; period: string; expiresAt: string }; aggregate: AggregateResponse }

// GET /audit?unit=…
export type AuditEntry = {
  id: string
  at: string
  /** A token id, or a share link's id for its openings. */
  actor: string
  role: Role | 'share'
  unit: string
  action: string
  target: string
  detail: unknown
}
export type AuditResponse = { entries: AuditEntry[] }

// POST /units/{unit}/evidence (multipart/form-data), GET /units/{unit}/evidence?criterion=N, GET /evidence/{id}/file
/** Multipart field names of an evidence upload; `file` is optional (a paper kept in a cabinet can be listed). */
export type EvidenceFields = {
  criterion: string
  kind: EvidenceKind
  title: string
  indicator?: string
  requirement?: string
  /** Số hiệu văn bản, e.g. `125/QĐ-UBND`. */
  number?: string
  /** Ngày ban hành: `YYYY-MM-DD` or `dd/mm/yyyy`. */
  date?: string
  /** Cơ quan ban hành. */
  issuer?: string
  /** The id of the item this one replaces; its fields are kept unless given again. */
  supersedes?: string
}
export type EvidenceFileInfo = { type: EvidenceFileType; mime: string; size: number; name: string; sha256: string }
export type EvidenceItem = {
  id: string
  unit: string
  /** The catalogue whose criterion numbers the item uses. */
  catalog: string
  criterion: number
  indicator: string | null
  requirement: string | null
  kind: EvidenceKind
  number: string | null
  date: string | null
  issuer: string | null
  title: string
  file: EvidenceFileInfo | null
  /** GET path of the file (same origin, bearer token), or null without a file. */
  fileUrl: string | null
  supersedes: string | null
  supersededBy: string | null
  createdAt: string
  /** Who added it, as words: the unit of the token that uploaded. */
  createdBy: string
}
/** A criterion's dossier as the list shows it, with the verdict of the unit's latest report. */
export type EvidenceDossierRow = CriterionDossier & { name: string; met: boolean | null }
export type EvidenceListResponse = {
  unit: UnitRef
  catalog: { id: string; version: string; name: string }
  /** The period of the latest report whose verdicts `met` gives, or null without a report. */
  period: string | null
  items: EvidenceItem[]
  dossiers: EvidenceDossierRow[]
}

export function evidenceListPath(unit: string): string {
  return API_BASE + '/units/' + encodeURIComponent(unit) + '/evidence'
}

/** The portal's page for one item (signed in there, the person downloads it): the Minh chứng sheet links here. */
export function evidencePageUrl(unit: string, id: string): string {
  return '/#minh-chung/' + encodeURIComponent(unit) + '/' + encodeURIComponent(id)
}

export function evidenceFilePath(id: string): string {
  return API_BASE + '/evidence/' + encodeURIComponent(id) + '/file'
}

// GET / PUT /units/{unit}/settings — values in force, the unit's own (null: inherited) and where each comes from.
export type SettingsResponse = { unit: string; settings: UnitSettings; own: UnitSettingsPatch; sources: SettingSources }
export type SettingsPutRequest = UnitSettingsPatch

// GET /units/{unit}/notifications?unread=true&limit=N, POST /units/{unit}/notifications/read
export type NotificationItem = {
  id: string
  unit: string
  kind: NotificationKind
  subject: string
  /** The deadline it is about. */
  due: string
  createdAt: string
  readAt: string | null
  text: string
  text_en: string
}
export type NotificationsResponse = { unit: string; unread: number; notifications: NotificationItem[] }
/** `ids`: those notifications; `all: true`: every unread one of the unit. */
export type NotificationsReadRequest = { ids?: string[]; all?: boolean }
export type NotificationsReadResponse = { unit: string; marked: number; unread: number }

// GET / PUT / DELETE /units/{unit}/webhook, POST /units/{unit}/webhook/test
/** `secret` omitted: the server makes one and shows it once in the response. */
export type WebhookPutRequest = { url: string; secret?: string }
export type WebhookDeliveryCounts = { pending: number; delivered: number; failed: number; lastDeliveredAt: string | null; lastError: string | null }
export type WebhookResponse = {
  unit: string
  url: string
  /** First 12 hex digits of the secret's SHA-256: enough to tell which secret is set, useless to forge. */
  secretFingerprint: string
  /** Only in the answer to a PUT without a secret: the generated one, shown this once. */
  secret?: string
  updatedAt: string
  deliveries: WebhookDeliveryCounts
}
export type WebhookTestResponse = { delivered: boolean; status: number | null; error: string | null }

/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body under the unit's webhook secret>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-NTM-Signature-256'
/** Header carrying the delivery id: the same on every retry of one delivery. */
export const WEBHOOK_DELIVERY_HEADER = 'X-NTM-Delivery'

/** The JSON body POSTed to a unit's webhook. `text` is at most 400 characters, unit name included. */
export type WebhookPayload = {
  /** The notification's id: a receiver that has seen it may drop the message. */
  id: string
  delivery: string
  kind: NotificationKind | 'test'
  unit: { id: string; name: string }
  subject: string
  due: string
  createdAt: string
  text: string
  text_en: string
}

// GET /health (no token)
export type HealthResponse = {
  status: 'ok' | 'unavailable'
  version: string
  database: { reachable: boolean; migration: string | null; migrations: number }
}
