import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { demoStatements } from '../../worker/seed/demo'
import { recordingDb, renderStatement, sqlLiteral } from '../../worker/seed/sql-text'
import { TOKENS, client } from './helpers'

async function counts() {
  return env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM units) AS units, (SELECT COUNT(*) FROM tokens) AS tokens, (SELECT COUNT(*) FROM catalogs) AS catalogs,
       (SELECT COUNT(*) FROM report_revisions) AS revisions, (SELECT COUNT(*) FROM tasks) AS tasks,
       (SELECT COUNT(*) FROM evidence_items) AS evidence`,
  ).first()
}

describe('demo seed', () => {
  it('loads through the rendered SQL script (what npm start runs), and a second run changes nothing', async () => {
    const script = (await demoStatements(recordingDb())).map(renderStatement)
    for (const sql of script) await env.DB.prepare(sql).run()
    const first = await counts()
    expect(first).toEqual({ units: 10, tokens: 5, catalogs: 1, revisions: 10, tasks: 13, evidence: 8 })
    for (const sql of script) await env.DB.prepare(sql).run()
    await env.DB.batch(await demoStatements(env.DB))
    expect(await counts()).toEqual(first)

    const call = client()
    const report = await call('GET', '/api/v1/reports/binh-son/2026-11-14', { token: TOKENS.binhSon })
    expect(report.body.latest).toMatchObject({ revision: 2, achieved: 9, total: 19 })
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
