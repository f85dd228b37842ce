-- Per-unit settings, reminders made by the daily job, webhooks and their delivery outbox.

-- A unit's own settings; a null column inherits from the nearest ancestor, then the product default.
CREATE TABLE unit_settings (
  unit_id TEXT PRIMARY KEY REFERENCES units (id),
  reminder_lead_days INTEGER,
  due_soon_days INTEGER,
  people_share_percent REAL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

-- One reminder per unit, kind, subject and Vietnamese day (`day`); `detail` holds what the text says (JSON).
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units (id),
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  due TEXT NOT NULL,
  day TEXT NOT NULL,
  detail TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  UNIQUE (unit_id, kind, subject, day)
);
CREATE INDEX notifications_unit ON notifications (unit_id, created_at);
CREATE INDEX notifications_subject ON notifications (unit_id, kind, subject);

-- A unit's webhook. The HMAC secret is stored sealed (AES-GCM under the Worker secret WEBHOOK_SECRET_KEY):
-- signing needs the secret itself, so it cannot be hashed, but a copy of the database alone does not reveal it.
CREATE TABLE webhooks (
  unit_id TEXT PRIMARY KEY REFERENCES units (id),
  url TEXT NOT NULL,
  secret_sealed TEXT NOT NULL,
  secret_fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

-- The outbox: one row per notification and webhook, drained by the cron. The body is fixed when queued, so every
-- retry sends (and signs) the same bytes. delivered_at set = acknowledged: never sent again.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  notification_id TEXT NOT NULL REFERENCES notifications (id),
  webhook_unit_id TEXT NOT NULL,
  body TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_until TEXT,
  delivered_at TEXT,
  failed_at TEXT,
  last_status INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (notification_id, webhook_unit_id)
);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_deliveries_unit ON webhook_deliveries (webhook_unit_id, created_at);
