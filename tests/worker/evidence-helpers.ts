// Evidence uploads in tests: real files made by other programs (tests/fixtures/evidence/README.md), sent as
// multipart through the assembled app, and counts of what D1 and the local R2 hold afterwards.
import { env } from 'cloudflare:workers'
import docxUrl from '../fixtures/evidence/bien-ban.docx?inline'
import docUrl from '../fixtures/evidence/bien-ban-cu.doc?inline'
import jpegUrl from '../fixtures/evidence/anh-duong-thon-3.jpg?inline'
import pdfUrl from '../fixtures/evidence/quyet-dinh.pdf?inline'
import pngUrl from '../fixtures/evidence/so-do.png?inline'
import xlsxUrl from '../fixtures/evidence/so-lieu.xlsx?inline'
import { createApp } from '../../worker/index'
import { type Called, DEMO_NOW } from './helpers'

function bytesOf(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1))
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

export const FILES = {
  pdf: bytesOf(pdfUrl),
  jpeg: bytesOf(jpegUrl),
  png: bytesOf(pngUrl),
  docx: bytesOf(docxUrl),
  xlsx: bytesOf(xlsxUrl),
  doc: bytesOf(docUrl),
}

export type FilePart = { name: string; bytes: Uint8Array; type?: string }

export const ascii = (text: string): Uint8Array => new TextEncoder().encode(text)

async function toCalled(res: Response): Promise<Called> {
  const text = await res.text()
  let body: unknown = null
  try {
    body = JSON.parse(text)
  } catch {
    body = null
  }
  return { status: res.status, body, headers: res.headers, text }
}

export function evidenceClient(now: () => Date = () => DEMO_NOW) {
  const app = createApp({ now })
  return {
    async upload(token: string | null, unit: string, fields: Record<string, string>, file?: FilePart, headers: Record<string, string> = {}): Promise<Called> {
      const form = new FormData()
      for (const [k, v] of Object.entries(fields)) form.append(k, v)
      if (file) form.append('file', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type ?? 'application/octet-stream' }))
      const h: Record<string, string> = { ...headers }
      if (token) h.Authorization = 'Bearer ' + token
      return toCalled(await app.request('/api/v1/units/' + unit + '/evidence', { method: 'POST', headers: h, body: form }, env))
    },
    /** A raw request, for bodies FormData cannot make (streams, lying headers). */
    async raw(path: string, init: RequestInit): Promise<Called> {
      return toCalled(await app.request(path, init, env))
    },
    async get(token: string | null, path: string): Promise<Response> {
      return app.request(path, { headers: token ? { Authorization: 'Bearer ' + token } : {} }, env)
    },
  }
}

/** What is stored for a unit: item rows, files in R2 under its prefix, and evidence audit rows. */
export async function stored(unit: string): Promise<{ rows: number; files: number; audits: number }> {
  const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM evidence_items WHERE unit_id = ?1').bind(unit).first<{ n: number }>()
  const audits = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE unit_id = ?1 AND action LIKE 'evidence.%'").bind(unit).first<{ n: number }>()
  const listed = await env.EVIDENCE.list({ prefix: 'evidence/' + unit + '/' })
  return { rows: rows?.n ?? 0, files: listed.objects.length, audits: audits?.n ?? 0 }
}

export const DECISION = { criterion: '1', kind: 'quyet_dinh', title: 'Quyết định phê duyệt quy hoạch chung xây dựng xã Bình Sơn', number: '125/QĐ-UBND', date: '15/03/2024', issuer: 'UBND huyện Triệu Sơn' }
