/** `unit|period` of every report that had arrived by `asOf` for these periods (the reminder job's "sent yet?"). */
export async function listArrivals(db: D1Database, periods: readonly string[], asOf: string): Promise<Array<{ unitId: string; period: string }>> {
  const { results } = await db
    .prepare(
      `SELECT DISTINCT unit_id, period FROM report_revisions
       WHERE period IN (SELECT value FROM json_each(?1)) AND received_at <= ?2`,
    )
    .bind(JSON.stringify(periods), asOf)
    .all<{ unit_id: string; period: string }>()
  return results.map((r) => ({ unitId: r.unit_id, period: r.period }))
}
