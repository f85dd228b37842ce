-- Append-only by construction: report revisions, the audit log, lock events and idempotency keys can be
-- added to but never changed or removed, whatever SQL reaches the database (a bug, a hand-typed
-- `wrangler d1 execute`). Corrections are new rows: a new revision, an unlock event, a new audit entry.
-- `INSERT OR REPLACE` would delete the old row without firing a DELETE trigger (SQLite runs delete triggers
-- for REPLACE only with recursive_triggers on), so an insert that would replace a row is refused as well.

CREATE TRIGGER report_revisions_no_update BEFORE UPDATE ON report_revisions
BEGIN SELECT RAISE(ABORT, 'append-only: report_revisions rows cannot be changed'); END;
CREATE TRIGGER report_revisions_no_delete BEFORE DELETE ON report_revisions
BEGIN SELECT RAISE(ABORT, 'append-only: report_revisions rows cannot be deleted'); END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'append-only: audit_log rows cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'append-only: audit_log rows cannot be deleted'); END;

CREATE TRIGGER period_lock_events_no_update BEFORE UPDATE ON period_lock_events
BEGIN SELECT RAISE(ABORT, 'append-only: period_lock_events rows cannot be changed'); END;
CREATE TRIGGER period_lock_events_no_delete BEFORE DELETE ON period_lock_events
BEGIN SELECT RAISE(ABORT, 'append-only: period_lock_events rows cannot be deleted'); END;

CREATE TRIGGER idempotency_keys_no_update BEFORE UPDATE ON idempotency_keys
BEGIN SELECT RAISE(ABORT, 'append-only: idempotency_keys rows cannot be changed'); END;
CREATE TRIGGER idempotency_keys_no_delete BEFORE DELETE ON idempotency_keys
BEGIN SELECT RAISE(ABORT, 'append-only: idempotency_keys rows cannot be deleted'); END;

-- An insert meeting an existing row (INSERT OR REPLACE, OR IGNORE, ON CONFLICT …) fails like a plain
-- duplicate insert does, with the same "UNIQUE constraint failed: <table>" the code already handles.
CREATE TRIGGER report_revisions_no_replace BEFORE INSERT ON report_revisions
WHEN EXISTS (SELECT 1 FROM report_revisions r
             WHERE r.id = NEW.id OR (r.unit_id = NEW.unit_id AND r.period = NEW.period AND r.revision = NEW.revision))
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: report_revisions (append-only)'); END;

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log a WHERE a.id = NEW.id OR a.seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: audit_log (append-only)'); END;

CREATE TRIGGER period_lock_events_no_replace BEFORE INSERT ON period_lock_events
WHEN EXISTS (SELECT 1 FROM period_lock_events e WHERE e.seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: period_lock_events (append-only)'); END;

CREATE TRIGGER idempotency_keys_no_replace BEFORE INSERT ON idempotency_keys
WHEN EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.unit_id = NEW.unit_id AND k.idem_key = NEW.idem_key)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: idempotency_keys (append-only)'); END;
