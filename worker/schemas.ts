// JSON shapes of request bodies. They check types and sizes only; the shared rules judge the content.
import { z } from 'zod'
import { MAX_INDICATORS_PER_REPORT, MAX_TASKS_PER_REQUEST, SHARE_MAX_DAYS } from '../shared/api'
import { NARRATIVE_FORBIDDEN, NARRATIVE_MAX_CHARS } from '../shared/narratives'

const TEXT_MAX = 2000
const text = z.string().max(TEXT_MAX)
const cell = z.union([text, z.number(), z.boolean(), z.null()])
const unitId = z.string().min(1).max(64)

const MAX_INDICATORS = MAX_INDICATORS_PER_REPORT
const MAX_TASKS = MAX_TASKS_PER_REQUEST
const MAX_FUNDS = 30

const indicator = z.object({
  code: z.union([z.string().max(40), z.number()]),
  value: cell.optional(),
  status: cell.optional(),
  note: text.nullish(),
  evidence: text.nullish(),
})

const fund = z.object({
  source: z.string().max(200),
  amount: z.union([z.number(), z.string().max(40), z.null()]),
  note: text.nullish(),
})

const names = z.union([z.string().max(TEXT_MAX), z.array(z.string().max(200)).max(50)])

const recurrence = z.union([
  z.string().max(200),
  z.null(),
  z.object({
    kind: z.string().max(20),
    day: z.number().optional(),
    months: z.array(z.number()).max(12).optional(),
    until: z.union([z.string().max(40), z.number()]).optional(),
  }),
])

// Cells may arrive as Excel serial numbers (dates) or numbers (ids, progress): the shared parser reads them.
export const taskSchema = z.object({
  id: z.union([z.string().max(100), z.number()]),
  title: z.string().max(TEXT_MAX),
  lead: names,
  collaborators: names.nullish(),
  due: z.union([z.string().max(40), z.number()]),
  recurrence: recurrence.optional(),
  status: z.string().max(40).nullish(),
  progress: z.union([z.number(), z.string().max(20), z.null()]).optional(),
  completedOn: z.union([z.string().max(40), z.number(), z.null()]).optional(),
  source: text.nullish(),
  note: text.nullish(),
  // A number from the API, or the text of a version cell read from a workbook: the shared parser checks it.
  version: z.union([z.number(), z.string().max(20), z.null()]).optional(),
})

// Plain text: control characters (other than tab and line break) and broken UTF-16 are refused, not cleaned,
// since a program sent them; the pane and the upload reader clean what people paste before sending.
const narrative = z.string().max(NARRATIVE_MAX_CHARS).refine((s) => !NARRATIVE_FORBIDDEN.test(s), 'control characters')

export const narrativesSchema = z.object({
  achievements: narrative.optional(),
  difficulties: narrative.optional(),
  requests: narrative.optional(),
})

export const reportSchema = z.object({
  unit: unitId,
  period: z.string().max(40),
  indicators: z.array(indicator).max(MAX_INDICATORS),
  funds: z.array(fund).max(MAX_FUNDS).optional(),
  tasks: z.array(taskSchema).max(MAX_TASKS).optional(),
  narratives: narrativesSchema.optional(),
})

export const tasksPutSchema = z.object({ tasks: z.array(taskSchema).max(MAX_TASKS) })

// Strict: a lead's report carries status, progress and completion date only; a title or a due date sent along
// is refused rather than silently dropped, since they are the owner's to change.
export const taskProgressSchema = z.strictObject({
  owner: unitId,
  id: z.union([z.string().max(100), z.number()]),
  status: z.string().max(40).nullish(),
  progress: z.union([z.number(), z.string().max(20), z.null()]).optional(),
  completedOn: z.union([z.string().max(40), z.number(), z.null()]).optional(),
  version: z.union([z.number(), z.string().max(20), z.null()]).optional(),
})
export const taskProgressPostSchema = z.object({ updates: z.array(taskProgressSchema).max(MAX_TASKS) })

export const unitPeriodSchema = z.object({ unit: unitId, period: z.string().max(40) })

export const unitSchema = z.object({ unit: unitId })

// Ranges are checked by the shared checkSettingsPatch, whose messages name them; here only the types.
const setting = z.number().nullable().optional()
export const settingsPutSchema = z.strictObject({ reminderLeadDays: setting, dueSoonDays: setting, peopleSharePercent: setting })

export const MAX_READ_IDS = 200
export const notificationsReadSchema = z.strictObject({
  ids: z.array(z.string().max(100)).max(MAX_READ_IDS).optional(),
  all: z.boolean().optional(),
})

export const webhookPutSchema = z.strictObject({ url: z.string().max(2000), secret: z.string().max(200).optional() })

export const shareSchema = z.object({
  unit: unitId,
  period: z.string().max(40),
  days: z.number().int().min(1).max(SHARE_MAX_DAYS).optional(),
})

export const unitCatalogSchema = z.object({
  catalog: z.string().min(1).max(64),
  version: z.string().min(1).max(40),
  from: z.string().max(40),
  classes: z.record(z.string().max(64), z.string().max(200)).optional(),
})
