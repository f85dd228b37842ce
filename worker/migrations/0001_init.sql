-- NTM reporting: org units, catalogues, tokens, report revisions, tasks, period locks, audit.
-- Times are ISO-8601 UTC text (`2026-11-14T09:30:00.000Z`); dates and period ids are `YYYY-MM-DD`.

-- Criteria catalogues are data (QĐ 318/2022 today, 51/2025 later, or a province's own thresholds).
CREATE TABLE catalogs (
  id TEXT NOT NULL,
  version TEXT NOT NULL,
  body TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
);

-- The reporting hierarchy: province → district → commune, or province → commune since 1/7/2025.
-- region and catalog_id are inherited from the nearest ancestor when null.
CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'office')),
  parent_id TEXT REFERENCES units (id),
  region TEXT,
  catalog_id TEXT,
  -- First period a commune is expected to report (null: always); earlier periods are neither missing nor late.
  reports_from TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX units_parent ON units (parent_id);

-- Only the SHA-256 of a token is kept; revoking sets revoked_at.
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('commune', 'district', 'leader', 'admin')),
  unit_id TEXT NOT NULL REFERENCES units (id),
  label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- Append-only: each accepted submission is a new revision; nothing is updated or deleted.
CREATE TABLE report_revisions (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units (id),
  period TEXT NOT NULL,
  revision INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  catalog_id TEXT NOT NULL,
  catalog_version TEXT NOT NULL,
  region TEXT,
  timeliness TEXT NOT NULL CHECK (timeliness IN ('on_time', 'late')),
  late_days INTEGER NOT NULL,
  achieved INTEGER NOT NULL,
  total INTEGER NOT NULL,
  -- Criterion number → met, e.g. {"1":true,"2":false}.
  criteria TEXT NOT NULL,
  indicators TEXT NOT NULL,
  evaluation TEXT NOT NULL,
  funds TEXT NOT NULL,
  fund_totals TEXT NOT NULL,
  tasks TEXT NOT NULL,
  issues TEXT NOT NULL,
  UNIQUE (unit_id, period, revision)
);

-- One row per (unit, Idempotency-Key): the request's hash and the response first given.
CREATE TABLE idempotency_keys (
  unit_id TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  response TEXT NOT NULL,
  report_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, idem_key)
);

-- Tasks of an owner's sheet, keyed by the sheet's stable task id.
CREATE TABLE tasks (
  owner_id TEXT NOT NULL REFERENCES units (id),
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  lead TEXT NOT NULL,
  collaborators TEXT NOT NULL,
  due TEXT NOT NULL,
  recurrence TEXT,
  status TEXT NOT NULL,
  progress REAL NOT NULL,
  completed_on TEXT,
  source TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (owner_id, id)
);
CREATE INDEX tasks_lead ON tasks (lead);

-- Lock and unlock events, append-only; a period is locked for a unit when its latest event is a lock.
CREATE TABLE period_lock_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id TEXT NOT NULL REFERENCES units (id),
  period TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('lock', 'unlock')),
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX period_lock_events_unit_period ON period_lock_events (unit_id, period, seq);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_unit ON audit_log (unit_id, seq);
