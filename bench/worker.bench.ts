// The Worker in workerd (wrangler dev, local D1): submitting, aggregating and the leaders' workbook for a
// district of 5 communes and for a unit of 160 (a province's scale since the 2025 reform). Wall-clock time
// of requests on loopback: medians of repeated requests and ratios, not absolute promises.
import { createHash } from 'node:crypto'
import { startWorker } from '../tests/e2e/harness'
import { reportMeeting } from '../tests/shared/fixtures'
import { measureAsync, report } from './harness'

const NOW = '2026-11-20T09:00:00+07:00'
const COMMUNES = 160
const ADMIN = 'ntm_demo_admin_thanh_hoa'
const ids = Array.from({ length: COMMUNES }, (_, i) => 'bx-' + String(i + 1).padStart(3, '0'))
const tokenOf = (id: string): string => 'ntm_bench_' + id.replace(/-/g, '_')
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

// Slugs and hex only, written by this script: no user input reaches this SQL.
const extraSql = [
  "INSERT INTO units (id, name, level, parent_id, region, catalog_id, reports_from, created_at) VALUES ('bench-huyen', 'Huyện thử tải', 'district', 'thanh-hoa', NULL, NULL, NULL, '2026-01-01T00:00:00Z');",
  ...ids.map((id, i) => "INSERT INTO units (id, name, level, parent_id, region, catalog_id, reports_from, created_at) VALUES ('" + id + "', 'Xã thử " + (i + 1) + "', 'commune', 'bench-huyen', NULL, NULL, NULL, '2026-01-01T00:00:00Z');"),
  // The bench district keeps the 2021–2025 set (55 indicators, Bắc Trung Bộ) as its own catalogue.
  "INSERT INTO catalog_assignments (unit_id, catalog_id, catalog_version, effective_from, assigned_by, assigned_at) VALUES ('bench-huyen', 'qd-318-2022', '2022.1', '2022-03-08', 'bench', '2026-01-01T00:00:00Z');",
  "INSERT INTO unit_classes (unit_id, catalog_id, class_id, assigned_by, assigned_at) VALUES ('bench-huyen', 'qd-318-2022', 'btb', 'bench', '2026-01-01T00:00:00Z');",
  ...ids.map((id) => "INSERT INTO tokens (id, token_hash, role, unit_id, label, created_at) VALUES ('tok_" + id + "', '" + sha256(tokenOf(id)) + "', 'commune', '" + id + "', 'bench', '2026-01-01T00:00:00Z');"),
].join('\n')

async function main(): Promise<void> {
  const worker = await startWorker(NOW, extraSql)
  const call = (path: string, token: string, body?: unknown) =>
    fetch(worker.origin + '/api/v1' + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (res) => {
      const bytes = await res.arrayBuffer()
      if (res.status >= 300) throw new Error(path + ' → ' + res.status + ' ' + new TextDecoder().decode(bytes))
      return bytes
    })
  try {
    let next = 0
    const submit = await measureAsync('POST /reports (55 indicators), per request', () => {
      const id = ids[next++ % COMMUNES] as string
      return call('/reports', tokenOf(id), reportMeeting([1, 4, 6, 7, 8, 12, 16, 18, 19], { unit: id, period: '2026-11-14' }))
    }, COMMUNES - 1)
    report('Submitting (wrangler dev, local D1)', [submit])

    report('POST /aggregate: 5 communes vs ' + COMMUNES, [
      await measureAsync('trieu-son, 5 communes', () => call('/aggregate', ADMIN, { unit: 'trieu-son', period: '2026-11-14' })),
      await measureAsync('bench-huyen, ' + COMMUNES + ' communes', () => call('/aggregate', ADMIN, { unit: 'bench-huyen', period: '2026-11-14' })),
    ])
    report('GET /aggregate/{unit}/{period}.xlsx: 5 communes vs ' + COMMUNES, [
      await measureAsync('trieu-son, 5 communes', () => call('/aggregate/trieu-son/2026-11-14.xlsx', ADMIN), 10),
      await measureAsync('bench-huyen, ' + COMMUNES + ' communes', () => call('/aggregate/bench-huyen/2026-11-14.xlsx', ADMIN), 10),
    ])
    report('GET /reports/template.xlsx (a commune)', [
      await measureAsync('bx-001', () => call('/reports/template.xlsx', tokenOf('bx-001')), 10),
    ])
  } finally {
    await worker.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
