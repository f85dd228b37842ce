import { Hono } from 'hono'
import type { EvidenceItem, EvidenceListResponse } from '../../shared/api'
import { findEvidence } from '../db/evidence'
import { attachment } from '../download'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { asciiFileName } from '../evidence/file-name'
import { MAX_UPLOAD_BODY_BYTES, parseUpload, readBoundedBody } from '../evidence/read-upload'
import { readIdempotencyKey } from '../idempotency-key'
import { assertCanRead, assertCanWrite, loadUnit } from '../scope'
import { addEvidence } from '../services/add-evidence'
import { listUnitEvidence } from '../services/list-evidence'
import { noteWrite } from '../write-log'

/** The path of an upload, for the API's general body limit to leave it to readBoundedBody. */
export const EVIDENCE_UPLOAD_PATH = /\/units\/[^/]+\/evidence\/?$/

const notCommune = (id: string): ApiError =>
  new ApiError(400, 'bad_request', [
    'Hồ sơ minh chứng thuộc từng xã; "' + id + '" không phải xã.',
    'Evidence dossiers belong to communes; "' + id + '" is not one.',
  ])

/** Mounted at /units: a commune's dossier, listed and added to. */
export const unitEvidence = new Hono<AppEnv>()
  .get('/:unit/evidence', async (c) => {
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanRead(c.get('principal'), target)
    if (target.unit.level !== 'commune') throw notCommune(target.unit.id)
    const raw = c.req.query('criterion')
    const criterion = raw === undefined || raw === '' ? null : /^\d{1,3}$/.test(raw) ? Number(raw) : NaN
    if (Number.isNaN(criterion)) {
      throw new ApiError(400, 'bad_request', ['Tham số criterion phải là số tiêu chí, ví dụ ?criterion=3.', 'The criterion parameter must be a criterion number, e.g. ?criterion=3.'])
    }
    return c.json<EvidenceListResponse>(await listUnitEvidence(c.env.DB, target, criterion, c.get('now')()))
  })
  // Multipart: the fields of EvidenceFields and, optionally, `file`. Scope is checked before the body is read.
  .post('/:unit/evidence', async (c) => {
    const principal = c.get('principal')
    const target = await loadUnit(c.env.DB, c.req.param('unit'))
    assertCanWrite(principal, target)
    if (target.unit.level !== 'commune') throw notCommune(target.unit.id)
    const key = readIdempotencyKey(c)
    const upload = await parseUpload(c.req.header('Content-Type'), await readBoundedBody(c.req.raw, MAX_UPLOAD_BODY_BYTES))
    const result = await addEvidence(c.env.DB, c.env.EVIDENCE, principal, target, upload, key, c.get('now')())
    noteWrite(c, { unit: target.unit.id, action: result.replayed ? 'evidence.replay' : 'evidence.add', id: result.item.id })
    if (result.replayed) c.header('Idempotent-Replayed', 'true')
    return c.json<EvidenceItem>(result.item, 201)
  })

const noFile = (id: string): ApiError =>
  new ApiError(404, 'not_found', ['Tài liệu "' + id + '" không có tệp đính kèm.', 'Item "' + id + '" has no file.'])

/** Mounted at /evidence: an item's file, always as an attachment of its stored type. */
export const evidenceFiles = new Hono<AppEnv>()
  .get('/:id/file', async (c) => {
    const id = c.req.param('id')
    const item = await findEvidence(c.env.DB, id)
    if (!item) throw new ApiError(404, 'not_found', ['Không tìm thấy tài liệu "' + id + '".', 'Item "' + id + '" was not found.'])
    assertCanRead(c.get('principal'), await loadUnit(c.env.DB, item.unit))
    if (!item.file || !item.fileKey) throw noFile(id)
    const object = await c.env.EVIDENCE.get(item.fileKey)
    if (!object) {
      console.error('evidence: file missing from R2', item.fileKey)
      throw noFile(id)
    }
    return new Response(object.body, {
      headers: {
        'Content-Type': item.file.mime,
        'Content-Length': String(object.size),
        'Content-Disposition': attachment({ ascii: asciiFileName(item.file.name), utf8: item.file.name }),
        'X-Content-Type-Options': 'nosniff',
        // A stored PDF or image opened from the API origin runs nothing and loads nothing.
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      },
    })
  })
