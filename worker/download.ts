// Files as downloads: an ASCII file name for old clients and the Vietnamese one (RFC 5987) for the rest.
import type { Context } from 'hono'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export type DownloadNames = { ascii: string; utf8: string }

const rfc5987 = (text: string): string =>
  encodeURIComponent(text).replace(/['()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase())

/** `attachment; filename="…"; filename*=UTF-8''…`: always saved, never shown inline. */
export function attachment(names: DownloadNames): string {
  return 'attachment; filename="' + names.ascii.replace(/["\\]/g, '') + '"; filename*=UTF-8\'\'' + rfc5987(names.utf8)
}

export function xlsxDownload(c: Context, bytes: Uint8Array, names: DownloadNames): Response {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': XLSX_TYPE,
    'Content-Disposition': attachment(names),
    'Cache-Control': 'no-store',
  })
}
