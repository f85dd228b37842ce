// Filing a document in a commune's dossier: the file is checked and its metadata judged before anything is
// stored; then the file goes to R2 and one D1 batch appends the item, its audit row and the Idempotency-Key.
// If that batch fails the file is removed again, so R2 holds no file without its row.
import { type EvidenceItem, evidenceFilePath } from '../../shared/api'
import { vnDate } from '../../shared/dates'
import { EVIDENCE_FILE_TYPES, type EvidenceFileType } from '../../shared/evidence'
import { auditStatement } from '../db/audit'
import { findIdempotent } from '../db/reports'
import { type NewEvidence, type StoredEvidence, findEvidence, insertEvidenceIdempotencyStatement, insertEvidenceStatement } from '../db/evidence'
import type { Principal } from '../env'
import { ApiError } from '../errors'
import { newId, sha256Hex, sha256HexOfBytes } from '../hash'
import type { UnitContext } from '../scope'
import { loadCurrentCatalog } from './judge'
import { checkUploadedFile } from '../evidence/check-file'
import { type EvidenceMeta, checkEvidenceFields } from '../evidence/fields'
import { safeFileName } from '../evidence/file-name'
import type { Upload } from '../evidence/read-upload'

export type AddResult = { item: EvidenceItem; replayed: boolean }

// Evidence keys live beside report keys in idempotency_keys, in their own space.
const KEY_PREFIX = 'evidence:'

const isUnique = (err: unknown, what: string): boolean => err instanceof Error && err.message.indexOf('UNIQUE constraint failed: ' + what) >= 0

const alreadyReplaced = (id: string, by: string | null): ApiError =>
  new ApiError(409, 'conflict', [
    'Tài liệu "' + id + '" đã được thay bằng ' + (by ? '"' + by + '"' : 'một tài liệu khác') + '; hãy thay tài liệu mới nhất.',
    'Item "' + id + '" was already replaced by ' + (by ? '"' + by + '"' : 'another item') + '; replace the newest one.',
  ])

async function findReplaced(db: D1Database, id: string, unitId: string): Promise<StoredEvidence> {
  const previous = await findEvidence(db, id)
  if (!previous || previous.unit !== unitId) {
    throw new ApiError(404, 'not_found', [
      'Không có tài liệu "' + id + '" trong hồ sơ của đơn vị "' + unitId + '" để thay.',
      'There is no item "' + id + '" in the dossier of unit "' + unitId + '" to replace.',
    ])
  }
  if (previous.supersededBy) throw alreadyReplaced(id, previous.supersededBy)
  return previous
}

export const publicItem = (stored: StoredEvidence): EvidenceItem => {
  const { fileKey: _key, ...item } = stored
  return item
}

async function replay(db: D1Database, unitId: string, key: string, requestHash: string): Promise<AddResult | null> {
  const stored = await findIdempotent(db, unitId, KEY_PREFIX + key)
  if (!stored) return null
  if (stored.requestHash !== requestHash) throw new ApiError(409, 'idempotency_mismatch')
  return { item: JSON.parse(stored.response) as EvidenceItem, replayed: true }
}

export async function addEvidence(
  db: D1Database, bucket: R2Bucket, principal: Principal, target: UnitContext, upload: Upload, idempotencyKey: string | null, now: Date,
): Promise<AddResult> {
  const unitId = target.unit.id
  const fileType: EvidenceFileType | null = upload.file ? checkUploadedFile(upload.file) : null
  const catalog = await loadCurrentCatalog(db, target, now)
  const replacedId = upload.fields.supersedes?.trim() || null
  const previous = replacedId ? await findReplaced(db, replacedId, unitId) : null
  const meta: EvidenceMeta = checkEvidenceFields(upload.fields, catalog, vnDate(now), upload.file !== null || previous?.file != null, previous)

  const fileSha = upload.file ? await sha256HexOfBytes(upload.file.bytes) : null
  const requestHash = await sha256Hex(JSON.stringify({ fields: upload.fields, file: fileSha, name: upload.file?.name ?? null }))
  if (idempotencyKey !== null) {
    const earlier = await replay(db, unitId, idempotencyKey, requestHash)
    if (earlier) return earlier
  }

  const id = newId('evd')
  const createdAt = now.toISOString()
  let file: NewEvidence['file'] = null
  if (upload.file && fileType && fileSha) {
    file = { key: 'evidence/' + unitId + '/' + id, type: fileType, size: upload.file.bytes.byteLength, name: safeFileName(upload.file.name, fileType, meta.title), sha256: fileSha }
  } else if (previous?.file && previous.fileKey) {
    // New details for the same document: the new item points at the file already stored.
    file = { key: previous.fileKey, type: previous.file.type, size: previous.file.size, name: previous.file.name, sha256: previous.file.sha256 }
  }
  const row: NewEvidence = { id, unitId, catalogId: catalog.id, ...meta, file, supersedes: previous ? previous.id : null, createdAt, createdBy: principal.tokenId }
  const item: EvidenceItem = {
    id, unit: unitId, catalog: catalog.id, ...meta,
    file: file ? { type: file.type, mime: EVIDENCE_FILE_TYPES[file.type].mime, size: file.size, name: file.name, sha256: file.sha256 } : null,
    fileUrl: file ? evidenceFilePath(id) : null, supersedes: row.supersedes, supersededBy: null, createdAt, createdBy: principal.unit.name,
  }

  const statements = [
    insertEvidenceStatement(db, row),
    auditStatement(db, {
      id: newId('aud'), at: createdAt, actor: principal.tokenId, role: principal.role, unit: unitId,
      action: previous ? 'evidence.supersede' : 'evidence.add', target: id,
      detail: { criterion: meta.criterion, kind: meta.kind, title: meta.title, supersedes: row.supersedes, file: item.file },
    }),
  ]
  if (idempotencyKey !== null) statements.push(insertEvidenceIdempotencyStatement(db, { unitId, key: KEY_PREFIX + idempotencyKey, requestHash }, item, createdAt))

  const ownFile = upload.file !== null && file !== null
  if (ownFile && upload.file && file) {
    await bucket.put(file.key, upload.file.bytes, {
      httpMetadata: { contentType: EVIDENCE_FILE_TYPES[file.type].mime },
      sha256: file.sha256,
      customMetadata: { unit: unitId, item: id },
    })
  }
  try {
    await db.batch(statements)
  } catch (err) {
    if (ownFile && file) await bucket.delete(file.key).catch((e: unknown) => console.error('evidence: orphan file not removed', file?.key, e))
    if (idempotencyKey !== null && isUnique(err, 'idempotency_keys')) {
      const earlier = await replay(db, unitId, idempotencyKey, requestHash)
      if (earlier) return earlier
    }
    if (previous && isUnique(err, 'evidence_items.supersedes')) {
      const again = await findEvidence(db, previous.id)
      throw alreadyReplaced(previous.id, again?.supersededBy ?? null)
    }
    throw err
  }
  return { item, replayed: false }
}
