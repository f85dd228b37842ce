// A workbook as a download: an ASCII file name for old clients and the Vietnamese one (RFC 5987) for the rest.
import type { Context } from 'hono'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const rfc5987 = (text: string): string =>
  encodeURIComponent(text).replace(/['()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase())

export function xlsxDownload(c: Context, bytes: Uint8Array, names: { ascii: string; utf8: string }): Response {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': XLSX_TYPE,
    'Content-Disposition': 'attachment; filename="' + names.ascii + '"; filename*=UTF-8\'\'' + rfc5987(names.utf8),
    'Cache-Control': 'no-store',
  })
}
