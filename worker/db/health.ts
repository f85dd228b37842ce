/**
 * The last migration applied and how many there are, from the table `wrangler d1 migrations apply` keeps
 * (`d1_migrations`; the test pool's applyD1Migrations uses the same). A database never migrated has no such
 * table: that reads as level 0, not as an unreachable database.
 */
export async function findMigrationLevel(db: D1Database): Promise<{ migration: string | null; migrations: number }> {
  const table = await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'").first<{ name: string }>()
  if (!table) return { migration: null, migrations: 0 }
  const row = await db
    .prepare('SELECT (SELECT name FROM d1_migrations ORDER BY id DESC LIMIT 1) AS name, (SELECT COUNT(*) FROM d1_migrations) AS n')
    .first<{ name: string | null; n: number }>()
  return { migration: row?.name ?? null, migrations: row?.n ?? 0 }
}
