-- Share links and the snapshots taken when a period is locked.

-- A read-only link to one period's summary for leaders without a token. Only the SHA-256 of the link's
-- secret is kept; creating, revoking and every opening are also written to audit_log.
CREATE TABLE share_links (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  unit_id TEXT NOT NULL REFERENCES units (id),
  period TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT,
  openings INTEGER NOT NULL DEFAULT 0,
  last_opened_at TEXT
);
CREATE INDEX share_links_unit_period ON share_links (unit_id, period);

-- What leaders see of a locked period: the aggregate (JSON) and the summary workbook as they were at the
-- lock, one per lock event that governs the unit (its own or an ancestor's). Never updated: a new lock
-- after an unlock takes a new snapshot.
CREATE TABLE period_snapshots (
  unit_id TEXT NOT NULL REFERENCES units (id),
  period TEXT NOT NULL,
  lock_seq INTEGER NOT NULL REFERENCES period_lock_events (seq),
  created_at TEXT NOT NULL,
  aggregate TEXT NOT NULL,
  workbook BLOB NOT NULL,
  PRIMARY KEY (unit_id, period, lock_seq)
);

-- A snapshot is what leaders saw: it is never changed or removed (INSERT OR IGNORE keeps the first).
CREATE TRIGGER period_snapshots_no_update BEFORE UPDATE ON period_snapshots
BEGIN SELECT RAISE(ABORT, 'append-only: period_snapshots rows cannot be changed'); END;
CREATE TRIGGER period_snapshots_no_delete BEFORE DELETE ON period_snapshots
BEGIN SELECT RAISE(ABORT, 'append-only: period_snapshots rows cannot be deleted'); END;
