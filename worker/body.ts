// Reading a JSON body: not JSON → 400 invalid_json; wrong shape → 400 bad_request with one issue per field.
import type { Context } from 'hono'
import type { z } from 'zod'
import type { ShapeIssue, ShapeIssueCode } from '../shared/api'
import { ApiError } from './errors'

export type ParsedBody<T> = { value: T; text: string }

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<ParsedBody<z.infer<S>>> {
  const text = await c.req.text()
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new ApiError(400, 'invalid_json')
  }
  return { value: parseShape(schema, data), text }
}

/** Data of the schema's shape, or 400 `bad_request` with one issue per wrong field. */
export function parseShape<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data)
  if (!result.success) {
    throw new ApiError(400, 'bad_request', ['Dữ liệu gửi lên sai cấu trúc.', 'The request body has the wrong shape.'], shapeIssues(result.error, data))
  }
  return result.data
}

/** `['indicators', 2, 'value']` → `indicators[2].value`, the path style of the shared issues. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) {
    if (typeof p === 'number') out += '[' + p + ']'
    else out += (out === '' ? '' : '.') + String(p)
  }
  return out === '' ? '(body)' : out
}

const WORDS: { [code in ShapeIssueCode]: (path: string) => [string, string] } = {
  field_required: (p) => ['Thiếu trường "' + p + '".', 'Field "' + p + '" is required.'],
  field_wrong_type: (p) => ['Trường "' + p + '" sai kiểu dữ liệu.', 'Field "' + p + '" has the wrong type.'],
  field_invalid: (p) => ['Trường "' + p + '" không hợp lệ.', 'Field "' + p + '" is invalid.'],
  field_too_long: (p) => ['Trường "' + p + '" quá dài.', 'Field "' + p + '" is too long.'],
  field_too_many: (p) => ['Trường "' + p + '" có quá nhiều phần tử.', 'Field "' + p + '" has too many items.'],
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = data
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as { [k: PropertyKey]: unknown })[key]
  }
  return at
}

function codeOf(issue: z.core.$ZodIssue, data: unknown): ShapeIssueCode {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(data, issue.path) === undefined ? 'field_required' : 'field_wrong_type'
    case 'invalid_union':
      return 'field_wrong_type'
    case 'too_big':
      return issue.origin === 'array' ? 'field_too_many' : issue.origin === 'string' ? 'field_too_long' : 'field_invalid'
    default:
      return 'field_invalid'
  }
}

export function shapeIssues(error: z.ZodError, data: unknown): ShapeIssue[] {
  return error.issues.slice(0, 50).map((issue) => {
    // An unknown field is named by its own path (`{ "dueSoonDay": 3 }` → `dueSoonDay`), not its parent's.
    const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path
    const path = jsonPath(at)
    const code = codeOf(issue, data)
    const [message, message_en] = WORDS[code](path)
    return { code, severity: 'error', path, message, message_en }
  })
}
