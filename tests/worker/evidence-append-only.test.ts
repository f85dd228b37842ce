// Evidence items are append-only by construction (migration evidence_append_only): no SQL changes or removes
// one, or replaces it by inserting over it; replacing a document through the API still works, once per item.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { DECISION, FILES, evidenceClient } from './evidence-helpers'
import { TOKENS, seedDemo } from './helpers'

const api = evidenceClient()
let firstId = ''

beforeAll(async () => {
  await seedDemo()
  const first = await api.upload(TOKENS.binhSon, 'binh-son', DECISION, { name: 'a.pdf', bytes: FILES.pdf })
  expect(first.status).toBe(201)
  firstId = first.body.id
})

async function rows(): Promise<string> {
  const { results } = await env.DB.prepare('SELECT * FROM evidence_items ORDER BY id').all()
  return JSON.stringify(results)
}

describe('evidence_items', () => {
  it('refuses UPDATE, DELETE and inserts over a row, and changes nothing', async () => {
    const before = await rows()
    const copy = `INTO evidence_items (id, unit_id, catalog_id, criterion, indicator, requirement, kind, doc_number, doc_date, issuer, title,
      file_key, file_type, file_size, file_name, file_sha256, supersedes, created_at, created_by)
      SELECT id, unit_id, catalog_id, criterion, indicator, requirement, kind, doc_number, doc_date, issuer, 'x',
      file_key, file_type, file_size, file_name, file_sha256, supersedes, created_at, created_by FROM evidence_items LIMIT 1`
    for (const sql of ["UPDATE evidence_items SET title = 'x'", "UPDATE evidence_items SET file_key = NULL, file_type = NULL", 'DELETE FROM evidence_items', 'INSERT OR REPLACE ' + copy, 'INSERT OR IGNORE ' + copy]) {
      await expect(env.DB.prepare(sql).run(), sql).rejects.toThrow(/append-only/)
    }
    expect(await rows()).toBe(before)
  })

  it('takes a replacement once through the API; a second one of the same item is 409 and stores nothing', async () => {
    const second = await api.upload(TOKENS.binhSon, 'binh-son', { supersedes: firstId }, { name: 'b.pdf', bytes: FILES.pdf })
    expect(second.status).toBe(201)
    const before = await rows()
    const third = await api.upload(TOKENS.binhSon, 'binh-son', { supersedes: firstId }, { name: 'c.png', bytes: FILES.png })
    expect(third.status).toBe(409)
    expect(await rows()).toBe(before)
    // Besides the demo's files (worker/seed/demo-evidence.ts), the first file and the second.
    expect((await env.EVIDENCE.list({ prefix: 'evidence/binh-son/' })).objects.filter((o) => !o.key.includes('/ev_demo_'))).toHaveLength(2)
  })

  it('lets one of two concurrent replacements of an item win; the other is 409 and its file is removed from R2', async () => {
    const item = await api.upload(TOKENS.binhSon, 'binh-son', { criterion: '3', kind: 'khac', title: 'Bản gốc', date: '2026-01-02' })
    const filesBefore = (await env.EVIDENCE.list({ prefix: 'evidence/binh-son/' })).objects.length
    const results = await Promise.all([FILES.pdf, FILES.png, FILES.jpeg].map((bytes, n) =>
      api.upload(TOKENS.binhSon, 'binh-son', { supersedes: item.body.id }, { name: 'thay-' + n + '.bin', bytes })))
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409])
    const winner = results.find((r) => r.status === 201)
    const after = (await env.EVIDENCE.list({ prefix: 'evidence/binh-son/' })).objects.map((o) => o.key)
    expect(after).toHaveLength(filesBefore + 1)
    expect(after).toContain('evidence/binh-son/' + winner?.body.id)
    const replacements = await env.DB.prepare('SELECT COUNT(*) AS n FROM evidence_items WHERE supersedes = ?1').bind(item.body.id).first('n')
    expect(replacements).toBe(1)
  })
})
