import { env } from 'cloudflare:workers'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { CRITERION_LEVEL_MARK } from '../../shared/catalogs/qd-51-2025'
import { auditManyStatement } from '../../worker/db/audit'
import { upsertTasksStatement } from '../../worker/db/tasks'
import { createApp } from '../../worker/index'
import { demoReportIndicators } from '../../worker/seed/demo'
import { type ReadSheet, readWorkbook } from '../../worker/xlsx/read-workbook'
import { writeWorkbook } from '../../worker/xlsx/write-workbook'
import { DEMO_NOW, TOKENS, client, countRevisions, seedDemo } from './helpers'

const app = createApp({ now: () => DEMO_NOW })
const call = client()

beforeAll(seedDemo)

async function template(token: string, query = ''): Promise<Response> {
  return app.request('/api/v1/reports/template.xlsx' + query, { headers: { Authorization: 'Bearer ' + token } }, env)
}

async function upload(token: string, bytes: Uint8Array, key?: string) {
  const headers: Record<string, string> = { Authorization: 'Bearer ' + token, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
  if (key) headers['Idempotency-Key'] = key
  const res = await app.request('/api/v1/reports/upload', { method: 'POST', headers, body: bytes }, env)
  return { status: res.status, body: (await res.json()) as any }
}

type Row = ReadSheet['rows'][number]

/** The template as a commune fills it: every indicator of the sheet given a value meeting `met` (under the period's catalogue). */
function fill(
  sheets: ReadSheet[], met: number[], edit: (code: string, row: Row, col: { value: number; status: number }) => void = () => {}, period = '2026-11-28',
): ReadSheet[] {
  const entries = new Map(demoReportIndicators('binh-son', period, met).map((e) => [String(e.code), e]))
  return sheets.map((s) => {
    if (s.name !== 'Chỉ tiêu') return s
    const header = s.rows[0] as string[]
    const col = { value: header.indexOf('Giá trị'), status: header.indexOf('Đánh giá') }
    const rows = s.rows.map((r, i) => {
      if (i === 0) return r
      const row = [...r]
      const e = entries.get(String(row[0]))
      if (e) {
        row[col.value] = (e.value ?? null) as string | number | null
        row[col.status] = (e.status ?? null) as string | null
      }
      edit(String(row[0]), row, col)
      return row
    })
    return { ...s, rows }
  })
}

/** A task row added under the tasks sheet's filled rows; returns the sheets and the new row's number. */
function addTask(sheets: ReadSheet[], cells: Record<string, string>): { sheets: ReadSheet[]; row: number } {
  let row = 0
  const out = sheets.map((s) => {
    if (s.name !== 'Nhiệm vụ') return s
    const header = s.rows[0] as string[]
    const filled = s.rows.slice(1).filter((r) => r.some((v) => v !== null && v !== ''))
    row = filled.length + 2
    return { ...s, rows: [header, ...filled, header.map((h) => cells[h] ?? '')] }
  })
  return { sheets: out, row }
}

const bytesOf = (sheets: ReadSheet[]): Promise<Uint8Array> => writeWorkbook(sheets.map((s) => ({ name: s.name, values: s.rows })))

async function templateSheets(query = ''): Promise<ReadSheet[]> {
  const res = await template(TOKENS.binhSon, query)
  return readWorkbook(await res.arrayBuffer())
}

describe('GET /api/v1/reports/template.xlsx', () => {
  it("gives a commune the pane's sheets for the current period, under the catalogue and class that judge it", async () => {
    const res = await template(TOKENS.binhSon)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Disposition')).toContain('filename="bao-cao-binh-son-2026-11-28.xlsx"')
    const sheets = await readWorkbook(await res.arrayBuffer())
    expect(res.headers.get('Content-Disposition')).toContain("filename*=UTF-8''" + encodeURIComponent('Báo cáo NTM Xã Bình Sơn kỳ 28-11-2026.xlsx'))
    // The guide first, naming the commune, the period and where to upload; then the pane's sheets.
    expect(sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Thông tin', 'Chỉ tiêu', 'Nhiệm vụ', 'Nguồn vốn', 'Kết quả, kiến nghị'])
    const guide = sheets[0]!.rows.map((r) => r[0])
    expect(guide[1]).toBe('Xã Bình Sơn — kỳ báo cáo 28/11/2026, hạn nộp 28/11/2026.')
    expect(guide.some((t) => typeof t === 'string' && t.includes('mở http://localhost/, đăng nhập bằng mã truy cập của xã'))).toBe(true)
    const info = sheets[1]!.rows
    expect(info.find((r) => r[0] === 'Mã đơn vị')?.[1]).toBe('binh-son')
    expect(info.find((r) => r[0] === 'Kỳ báo cáo')?.[1]).toBe('28/11/2026')
    expect(info.find((r) => r[0] === 'Bộ tiêu chí')?.[1]).toContain(CRITERION_LEVEL_MARK)
    expect(info.find((r) => r[0] === 'Vùng / nhóm xã')?.[1]).toBe('Xã nhóm 2')
    const indicators = sheets[2]!.rows
    expect(indicators[0]?.slice(0, 7)).toEqual(['Mã', 'Tiêu chí', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Giá trị', 'Đánh giá'])
    expect(indicators.slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
  })

  it('gives an earlier period the catalogue of its time, and a commune under the province\'s set its thresholds', async () => {
    const old = await templateSheets('?period=2026-01-28')
    expect(old[1]!.rows.find((r) => r[0] === 'Vùng / nhóm xã')?.[1]).toBe('Bắc Trung Bộ')
    expect(old[2]!.rows.length - 1).toBe(55)
    expect(old[2]!.rows.find((r) => r[0] === '3.1')?.[4]).toBe('≥ 80%')
    const thoSon = await readWorkbook(await (await template(TOKENS.thoSon)).arrayBuffer())
    expect(thoSon[1]!.rows.find((r) => r[0] === 'Vùng / nhóm xã')?.[1]).toBe('Vùng 1 — đồng bằng, ven biển')
    const targets = thoSon[2]!.rows.slice(1).map((r) => r[0] + ' ' + r[4])
    expect(targets).toEqual(expect.arrayContaining(['1.1 100%', '1.2 ≥ 80%', '3.1 ≥ 75 triệu đồng/người/năm', '4.1 ≤ 1%', '7.1 Đạt']))
    expect(targets.filter((t) => t.indexOf('tự đánh giá') >= 0)).toEqual([])
  })

  it('serves a district a commune of its own by ?unit=, and refuses units that do not report', async () => {
    expect((await template(TOKENS.district, '?unit=binh-son&period=2026-11-14')).status).toBe(200)
    const district = await template(TOKENS.district)
    expect(district.status).toBe(400)
    expect(((await district.json()) as any).message).toContain('dành cho xã')
    expect((await template(TOKENS.binhSon, '?unit=tho-son')).status).toBe(404)
    expect((await template(TOKENS.binhSon, '?period=2026-11-15')).status).toBe(400)
  })
})

describe('POST /api/v1/reports/upload', () => {
  it('accepts a filled template as a new revision, once per idempotency key', async () => {
    const bytes = await bytesOf(fill(await templateSheets(), [1, 4, 6, 7, 8]))
    const before = await countRevisions('binh-son', '2026-11-28')
    const first = await upload(TOKENS.binhSon, bytes, 'upload-1')
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ unit: 'binh-son', period: '2026-11-28', achieved: 5, total: 10, timeliness: 'on_time' })
    const again = await upload(TOKENS.binhSon, bytes, 'upload-1')
    expect(again.status).toBe(201)
    expect(again.body.revision).toBe(first.body.revision)
    expect(await countRevisions('binh-son', '2026-11-28')).toBe(before + 1)
    const detail = await call('GET', '/api/v1/reports/binh-son/2026-11-28', { token: TOKENS.binhSon })
    expect(detail.body.latest).toMatchObject({ achieved: 5, total: 10, catalog: { id: 'qd-51-2025', version: '2025.1' }, classId: 'nhom-2' })
  })

  it('names the sheet and cell of each problem, and stores nothing', async () => {
    // An earlier period, judged by QĐ 318 and its numeric indicators.
    const sheets = fill(await templateSheets('?period=2026-01-28'), [1, 2, 3], (code, row, col) => {
      if (code === '2.1') row[col.value] = 'nhiều'
      if (code === '17.4') row[col.status] = 'đạtt'
    }, '2026-01-28')
    const before = await countRevisions('binh-son', '2026-01-28')
    const res = await upload(TOKENS.binhSon, await bytesOf(sheets))
    expect(res.status).toBe(422)
    expect(res.body.error).toBe('validation_failed')
    const cells = res.body.issues.map((i: { cell?: string; code: string }) => [i.code, i.cell])
    expect(cells).toEqual([['value_not_number', "'Chỉ tiêu'!F4"], ['status_invalid', "'Chỉ tiêu'!G41"]])
    expect(res.body.issues[0].message).toBe('\'Chỉ tiêu\'!F4: Chỉ tiêu 2.1: "nhiều" không phải là số.')
    expect(await countRevisions('binh-son', '2026-01-28')).toBe(before)
  })

  it("refuses another commune's workbook, a file that is not a workbook, and a workbook without its sheets", async () => {
    const other: ReadSheet[] = (await templateSheets()).map((s) => ({
      ...s,
      rows: s.name === 'Thông tin' ? s.rows.map((r) => (r[0] === 'Mã đơn vị' ? [r[0], 'tho-son', ...r.slice(2)] : r)) : s.rows,
    }))
    // Another commune is outside the token's reach: 404, as if it did not exist.
    const forbidden = await upload(TOKENS.binhSon, await bytesOf(fill(other, [1])))
    expect(forbidden.status).toBe(404)

    const garbage = await upload(TOKENS.binhSon, new TextEncoder().encode('không phải tệp Excel'))
    expect(garbage.status).toBe(400)
    expect(garbage.body.message).toContain('không phải sổ Excel')

    const bare = await upload(TOKENS.binhSon, await writeWorkbook([{ name: 'Sheet1', values: [['x']] }]))
    expect(bare.status).toBe(400)
    expect(bare.body.message).toContain('Thông tin, Chỉ tiêu')

    expect((await upload(TOKENS.district, await writeWorkbook([{ name: 'Sheet1', values: [['x']] }]))).status).toBe(403)
    // A leader reads (the template of a commune below it) but never writes.
    expect((await template(TOKENS.leader, '?unit=binh-son')).status).toBe(200)
    expect((await upload(TOKENS.leader, await bytesOf(fill(await templateSheets(), [1])))).status).toBe(403)
    expect((await template('ntm_not_a_token')).status).toBe(401)
  })

  it("keeps the unit's task list in step with the tasks sheet, and points task problems at their cells", async () => {
    const filled = fill(await templateSheets(), [1])
    const task = { Mã: 'XA-1', 'Nội dung': 'Tổng dọn vệ sinh đường làng', Hạn: '31/12/2026', 'Trạng thái': 'Đang làm' }
    const bad = addTask(filled, { ...task, 'Chủ trì': 'binh-son; tho-son' })
    const refused = await upload(TOKENS.binhSon, await bytesOf(bad.sheets))
    expect(refused.status).toBe(422)
    expect(refused.body.issues.map((i: { code: string; cell?: string }) => [i.code, i.cell])).toEqual([['task_lead_multiple', "'Nhiệm vụ'!C" + bad.row]])

    const good = addTask(filled, { ...task, 'Chủ trì': 'binh-son' })
    expect((await upload(TOKENS.binhSon, await bytesOf(good.sheets))).status).toBe(201)
    const tasks = await call('GET', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon })
    expect(tasks.body.tasks.find((t: { id: string }) => t.id === 'XA-1')).toMatchObject({ lead: 'binh-son', due: '2026-12-31', status: 'doing' })
  })

  it('refuses a workbook whose task was changed on the server since the template was taken: 409, the cell, nothing stored', async () => {
    expect((await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon, body: { tasks: [{ id: 'XA-V', title: 'Việc', lead: 'binh-son', due: '2026-12-20' }] } })).status).toBe(200)
    const sheets = fill(await templateSheets(), [1, 2])
    const taskSheet = sheets.find((s) => s.name === 'Nhiệm vụ') as ReadSheet
    const header = taskSheet.rows[0] as string[]
    const rowIndex = taskSheet.rows.findIndex((r) => r[0] === 'XA-V')
    expect(taskSheet.rows[rowIndex]?.[header.indexOf('Phiên bản')]).toBe(1)
    // The district office moves the deadline after the commune took its template.
    const moved = { id: 'XA-V', title: 'Việc', lead: 'binh-son', due: '2026-12-27', version: 1 }
    expect((await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.district, body: { tasks: [moved] } })).status).toBe(200)
    const before = await countRevisions('binh-son', '2026-11-28')
    const stale = await upload(TOKENS.binhSon, await bytesOf(sheets))
    expect(stale.status).toBe(409)
    expect(stale.body.error).toBe('version_conflict')
    expect(stale.body.issues.map((i: { code: string; cell?: string }) => [i.code, i.cell])).toEqual([['task_changed_on_server', "'Nhiệm vụ'!E" + (rowIndex + 1)]])
    expect(stale.body.current).toEqual([expect.objectContaining({ id: 'XA-V', due: '2026-12-27', version: 2 })])
    expect(await countRevisions('binh-son', '2026-11-28')).toBe(before)
    // With the version the server has now, the commune's upload (its own deadline) goes through.
    const fresh = sheets.map((s) => s.name !== 'Nhiệm vụ' ? s : { ...s, rows: s.rows.map((r, i) => i === rowIndex ? r.map((v, c) => c === header.indexOf('Phiên bản') ? 2 : v) : r) })
    expect((await upload(TOKENS.binhSon, await bytesOf(fresh))).status).toBe(201)
    expect((await call('GET', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon })).body.tasks.find((t: { id: string }) => t.id === 'XA-V')).toMatchObject({ due: '2026-12-20', version: 3 })
  })

  it('refuses, without expanding it, a small file whose cells lie far apart or whose parts unpack to too much', async () => {
    const res = await template(TOKENS.binhSon)
    const parts = unzipSync(new Uint8Array(await res.arrayBuffer()))
    const sheet = 'xl/worksheets/sheet1.xml'
    const withSheet = (edit: (xml: string) => string): Uint8Array =>
      zipSync({ ...parts, [sheet]: strToU8(edit(strFromU8(parts[sheet] as Uint8Array))) })
    const cell = (row: string, attrs: string) => (xml: string) =>
      xml.replace('</sheetData>', '<row r="' + row + '"><c ' + attrs + ' t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
    const before = await countRevisions('binh-son', '2026-11-28')
    // Each of these is about 10 KB; read as is, the first made a grid of 350 million cells and took the Worker down.
    for (const bytes of [
      withSheet(cell('20000', 'r="ZZZ20000"')),
      withSheet(cell('60', "x:r='ZZZ60'")),
      withSheet(cell('900000', 'r="A900000"')),
      withSheet((xml) => xml.replace('</worksheet>', ' '.repeat(9 * 1024 * 1024) + '</worksheet>')),
    ]) {
      expect(bytes.length).toBeLessThan(64 * 1024)
      const refused = await upload(TOKENS.binhSon, bytes)
      expect(refused.status).toBe(413)
      expect(refused.body.error).toBe('payload_too_large')
      expect(refused.body.message).toContain('quá lớn')
      expect(refused.body.message_en).toContain('too large')
    }
    // An address that is not one (lower case, a number in another notation) is not read at all.
    for (const attrs of ['r="zz5"', 'r="A1e9"']) {
      const refused = await upload(TOKENS.binhSon, withSheet(cell('5', attrs)))
      expect(refused.status).toBe(400)
      expect(refused.body.message).toContain('không phải sổ Excel')
    }
    // A cell a little outside the tables is still read: the filled template is accepted.
    const filled = await bytesOf(fill(await templateSheets(), [1, 2]))
    const far = unzipSync(filled)
    const farSheet = strFromU8(far[sheet] as Uint8Array).replace('</sheetData>', '<row r="300"><c r="AZ300" t="inlineStr"><is><t>ghi chú</t></is></c></row></sheetData>')
    expect((await upload(TOKENS.binhSon, zipSync({ ...far, [sheet]: strToU8(farSheet) }))).status).toBe(201)
    expect(await countRevisions('binh-son', '2026-11-28')).toBe(before + 1)
  })

  it('leaves the task list alone when a retry of an earlier upload is replayed', async () => {
    const task = { Mã: 'XA-2', 'Nội dung': 'Nạo vét kênh mương', 'Chủ trì': 'binh-son', Hạn: '20/12/2026', 'Trạng thái': 'Đang làm' }
    const bytes = await bytesOf(addTask(fill(await templateSheets(), [1]), task).sheets)
    expect((await upload(TOKENS.binhSon, bytes, 'upload-tasks-1')).status).toBe(201)
    const done = { id: 'XA-2', title: 'Nạo vét kênh mương', lead: 'binh-son', due: '2026-12-20', status: 'hoàn thành', completedOn: '2026-11-25' }
    expect((await call('PUT', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon, body: { tasks: [done] } })).status).toBe(200)
    const audits = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE target = 'binh-son/XA-2'").first<{ n: number }>())?.n
    const before = await audits()
    const retry = await app.request('/api/v1/reports/upload', {
      method: 'POST', body: bytes, headers: { Authorization: 'Bearer ' + TOKENS.binhSon, 'Idempotency-Key': 'upload-tasks-1' },
    }, env)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
    const tasks = await call('GET', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon })
    expect(tasks.body.tasks.find((t: { id: string }) => t.id === 'XA-2')).toMatchObject({ status: 'done', completedOn: '2026-11-25' })
    expect(await audits()).toBe(before)
  })

  it('a refused upload (locked period) writes no task either', async () => {
    const withTask = addTask(fill(await templateSheets(), [1]), { Mã: 'XA-LOCKED', 'Nội dung': 'Việc gửi lúc đã khóa sổ', 'Chủ trì': 'binh-son', Hạn: '31/12/2026' })
    const lock = await call('POST', '/api/v1/periods/2026-11-28/lock', { token: TOKENS.district, body: { unit: 'trieu-son' } })
    expect(lock.status).toBe(200)
    const refused = await upload(TOKENS.binhSon, await bytesOf(withTask.sheets))
    expect(refused.status).toBe(409)
    expect(refused.body.error).toBe('period_locked')
    const tasks = await call('GET', '/api/v1/units/binh-son/tasks', { token: TOKENS.binhSon })
    expect(tasks.body.tasks.map((t: { id: string }) => t.id)).not.toContain('XA-LOCKED')
    await call('POST', '/api/v1/periods/2026-11-28/unlock', { token: TOKENS.district, body: { unit: 'trieu-son' } })
  })

  it('task writes tied to a revision happen only if that revision row exists (the lock is re-checked inside the batch)', async () => {
    const task = { id: 'XA-TIED', title: 'Việc gắn với bản báo cáo', lead: 'binh-son', collaborators: [], due: '2026-12-31', status: 'todo' as const, progress: 0, version: 1 }
    const audit = [{ id: 'aud_tied', action: 'task.create', target: 'binh-son/XA-TIED', detail: {} }]
    const actor = { at: DEMO_NOW.toISOString(), actor: 'tok_test', role: 'commune' as const, unit: 'binh-son' }
    await env.DB.batch([
      upsertTasksStatement(env.DB, 'binh-son', [task], DEMO_NOW.toISOString(), 'tok_test', 'rep_never_stored'),
      auditManyStatement(env.DB, actor, audit, 'rep_never_stored'),
    ])
    const none = await env.DB.prepare("SELECT (SELECT COUNT(*) FROM tasks WHERE id = 'XA-TIED') AS t, (SELECT COUNT(*) FROM audit_log WHERE id = 'aud_tied') AS a").first()
    expect(none).toEqual({ t: 0, a: 0 })
    const [stored] = (await env.DB.prepare('SELECT id FROM report_revisions LIMIT 1').all<{ id: string }>()).results
    await env.DB.batch([
      upsertTasksStatement(env.DB, 'binh-son', [task], DEMO_NOW.toISOString(), 'tok_test', stored!.id),
      auditManyStatement(env.DB, actor, audit, stored!.id),
    ])
    const both = await env.DB.prepare("SELECT (SELECT COUNT(*) FROM tasks WHERE id = 'XA-TIED') AS t, (SELECT COUNT(*) FROM audit_log WHERE id = 'aud_tied') AS a").first()
    expect(both).toEqual({ t: 1, a: 1 })
  })
})
