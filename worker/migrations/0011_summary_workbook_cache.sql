-- The leaders' workbook of an open period, kept with the fingerprint of what it was written from: writing it
-- for 600 communes costs about 0.4 s of CPU, reading it back a few milliseconds. One row per unit and period,
-- replaced when the fingerprint changes (a new revision, a task, a new day, a new release); a locked period is
-- served from its snapshot instead. A cache: nothing else reads it, and losing it loses nothing.
CREATE TABLE summary_workbook_cache (
  unit_id TEXT NOT NULL REFERENCES units (id),
  period TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  workbook BLOB NOT NULL,
  PRIMARY KEY (unit_id, period)
);
