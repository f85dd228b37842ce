// Printable access-code sheets, one per unit (`<unit>.html`) and all of them in one file (`index.html`, one per
// printed page): the unit, its access code, the server address, and the two ways to report — the Excel add-in or
// the web portal. The sheets hold live tokens: print them, hand them over, then delete the folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])

/** `2026-11-26T09:00:00.000Z` → `26/11/2026` (Vietnam time). */
export function dateVi(iso) {
  const d = new Date(Date.parse(iso) + 7 * 3600_000)
  const p = (n) => String(n).padStart(2, '0')
  return p(d.getUTCDate()) + '/' + p(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear()
}

const STYLE = `
  body { font-family: "Times New Roman", serif; font-size: 13pt; margin: 0; }
  .sheet { padding: 18mm 20mm; page-break-after: always; }
  .sheet:last-child { page-break-after: auto; }
  h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
  .unit { text-align: center; font-size: 15pt; font-weight: bold; margin-bottom: 8mm; }
  .code { font-family: "Courier New", monospace; font-size: 14pt; border: 1px solid #000; padding: 4mm; word-break: break-all; }
  dt { font-weight: bold; margin-top: 4mm; }
  dd { margin: 1mm 0 0 0; }
  ol { padding-left: 6mm; }
  .note { font-size: 11pt; margin-top: 8mm; border-top: 1px solid #999; padding-top: 3mm; }
`

function sheetBody(e) {
  const server = escapeHtml(e.server)
  return `<section class="sheet">
  <h1>MÃ TRUY CẬP BÁO CÁO NÔNG THÔN MỚI</h1>
  <div class="unit">${escapeHtml(e.unitName)}${e.parentName ? ' — ' + escapeHtml(e.parentName) : ''}</div>
  <dl>
    <dt>Mã đơn vị</dt><dd>${escapeHtml(e.unitId)}</dd>
    <dt>Địa chỉ máy chủ</dt><dd>${server}</dd>
    <dt>Mã truy cập</dt><dd class="code">${escapeHtml(e.token)}</dd>
  </dl>
  <h2>Hai cách gửi báo cáo</h2>
  <ol>
    <li><strong>Trong Excel (phần bổ trợ "Báo cáo NTM"):</strong> mở Excel, trên thẻ Trang đầu (Home) bấm
      <em>Báo cáo NTM</em> (nếu chưa có nút: Chèn → Phần bổ trợ của tôi, mục do cơ quan cài đặt). Trong ngăn báo cáo,
      mở <em>Cài đặt kết nối</em>, nhập địa chỉ máy chủ và mã truy cập ở trên, bấm <em>Lưu và kết nối</em>.</li>
    <li><strong>Trên trình duyệt (không cần phần bổ trợ):</strong> mở <strong>${escapeHtml(e.portal)}</strong>,
      nhập mã truy cập; tải mẫu báo cáo, điền bằng Excel hoặc LibreOffice rồi tải lên.</li>
  </ol>
  <p class="note">Cấp ngày ${escapeHtml(dateVi(e.issuedAt))} (mã số ${escapeHtml(e.tokenId)}). Giữ kín mã này: ai có mã
    đều gửi được báo cáo thay đơn vị. Mất mã hoặc lộ mã, báo ngay Văn phòng điều phối NTM để thu hồi và cấp mã mới.</p>
</section>`
}

function page(title, bodies) {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${bodies.join('\n')}
</body></html>
`
}

/**
 * Writes `<dir>/<unitId>.html` per entry and `<dir>/index.html` with every sheet. Entries:
 * `{ unitId, unitName, parentName, token, tokenId, issuedAt, server, portal }`. Returns the index path.
 */
export function writeSheets(dir, entries) {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  for (const e of entries) {
    writeFileSync(join(dir, e.unitId + '.html'), page('Mã truy cập — ' + e.unitName, [sheetBody(e)]), { mode: 0o600 })
  }
  const index = join(dir, 'index.html')
  writeFileSync(index, page('Mã truy cập báo cáo NTM (' + entries.length + ' đơn vị)', entries.map(sheetBody)), { mode: 0o600 })
  return index
}
