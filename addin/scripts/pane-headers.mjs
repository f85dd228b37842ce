// The security headers of the pane's static files (Workers static assets read them from `_headers`, written
// by the build: addin/vite.config.ts). The Content-Security-Policy lets the page run scripts only from its own
// origin and Office's script host (and, by hash, the one inline loader @vitejs/plugin-legacy writes), talk
// only to its own origin, and load styles, images and fonts only from it. No frame-ancestors: Excel on the web
// shows the pane in a frame of Office's own pages. IE11 ignores the header; the other hosts enforce it.
import { createHash } from 'node:crypto'

export const OFFICE_SCRIPT_HOST = 'https://appsforoffice.microsoft.com'

/** `'sha256-…'` sources for every inline <script> of a built page. */
export function inlineScriptHashes(html) {
  const out = []
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi
  let m
  while ((m = re.exec(html))) {
    if (/(^|\s)src=/.test(m[1]) || m[2] === '') continue
    out.push("'sha256-" + createHash('sha256').update(m[2], 'utf8').digest('base64') + "'")
  }
  return out
}

export function contentSecurityPolicy(scriptHashes) {
  return [
    "default-src 'none'",
    ["script-src 'self'", OFFICE_SCRIPT_HOST, ...scriptHashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ')
}

/** The `_headers` file: every static file gets the policy, no referrer and no MIME sniffing. */
export function headersFile(scriptHashes) {
  return ['/*', '  Content-Security-Policy: ' + contentSecurityPolicy(scriptHashes), '  Referrer-Policy: no-referrer', '  X-Content-Type-Options: nosniff', ''].join('\n')
}
