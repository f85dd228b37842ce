import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { demoStatements } from '../../worker/seed/demo'
import { recordingDb, renderStatement, sqlLiteral } from '../../worker/seed/sql-text'
import { TOKENS, client } from './helpers'

async function counts() {
  return env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM units) AS units, (SELECT COUNT(*) FROM tokens) AS tokens, (SELECT COUNT(*) FROM catalogs) AS catalogs,
       (SELECT COUNT(*) FROM report_revisions) AS revisions, (SELECT COUNT(*) FROM tasks) AS tasks,
       (SELECT COUNT(*) FROM catalog_assignments) AS assignments, (SELECT COUNT(*) FROM unit_classes) AS classes,
       (SELECT COUNT(*) FROM evidence_items) AS evidence`,
  ).first()
}

describe('demo seed', () => {
  it('loads through the rendered SQL script (what npm start runs), and a second run changes nothing', async () => {
    const script = (await demoStatements(recordingDb())).map(renderStatement)
    for (const sql of script) await env.DB.prepare(sql).run()
    const first = await counts()
    expect(first).toEqual({ units: 10, tokens: 5, catalogs: 3, revisions: 19, tasks: 13, assignments: 3, classes: 7, evidence: 8 })
    for (const sql of script) await env.DB.prepare(sql).run()
    await env.DB.batch(await demoStatements(env.DB))
    expect(await counts()).toEqual(first)

    const call = client()
    const report = await call('GET', '/api/v1/reports/binh-son/2026-11-14', { token: TOKENS.binhSon })
    expect(report.body.latest).toMatchObject({ revision: 2, achieved: 6, total: 10, catalog: { id: 'qd-51-2025' }, classId: 'nhom-2' })
    const history = await call('GET', '/api/v1/reports/binh-son/2025-12-28', { token: TOKENS.binhSon })
    expect(history.body.latest).toMatchObject({ achieved: 13, total: 19, catalog: { id: 'qd-318-2022', version: '2022.1' }, classId: 'btb' })
    const provinceSet = await call('GET', '/api/v1/reports/tho-son/2026-11-14', { token: TOKENS.thoSon })
    expect(provinceSet.body.latest).toMatchObject({ achieved: 7, total: 8, catalog: { id: 'demo-thanh-hoa-nang-cao' }, classId: 'vung-1' })
    // Decided by the values against the thresholds: 6.1 at 58% misses "≥ 60%", nothing was declared.
    const water = provinceSet.body.latest.evaluation.criteria[5].indicators.find((i: { code: string }) => i.code === '6.1')
    expect(water).toMatchObject({ value: 58, basis: 'threshold', achieved: false, declared: null })
    const task = await call('GET', '/api/v1/units/trieu-son/tasks', { token: TOKENS.district })
    expect(task.body.tasks.find((t: { id: string }) => t.id === 'tb-2020-11-17-m9').lead).toBe('Đ/c Lê Phú Quốc - HUV, Phó Chủ tịch UBND huyện')
  })

  it('writes SQL literals safely', () => {
    expect(sqlLiteral("Xã 'Bình Sơn'")).toBe("'Xã ''Bình Sơn'''")
    expect(sqlLiteral(null)).toBe('NULL')
    expect(sqlLiteral(12.5)).toBe('12.5')
    expect(() => sqlLiteral(Number.NaN)).toThrow()
    expect(() => sqlLiteral({})).toThrow()
  })

  it('writes bytes as a BLOB literal that reads back the same', async () => {
    const bytes = Uint8Array.from([0, 1, 0x7f, 0x80, 0xff, 0x50, 0x4b])
    expect(sqlLiteral(bytes)).toBe("X'00017f80ff504b'")
    const row = await env.DB.prepare('SELECT hex(' + sqlLiteral(bytes) + ') AS h, length(' + sqlLiteral(bytes) + ') AS n').first<{ h: string; n: number }>()
    expect(row).toEqual({ h: '00017F80FF504B', n: 7 })
  })
})
