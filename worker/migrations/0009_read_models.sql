-- What province-wide reads need, stored at write time (issue 12), so an aggregate over hundreds of communes
-- and a unit's flags are index seeks, not scans, and cost the same however long the history.

-- Who a task involves: the owner of its sheet, its lead and each collaborator, one row each, by unit.
-- Kept in step with every write to tasks by the triggers below (no write path can forget it).
CREATE TABLE task_units (
  unit_id TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  task_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('owner', 'lead', 'collaborator')),
  PRIMARY KEY (unit_id, owner_id, task_id, role)
) WITHOUT ROWID;
CREATE INDEX task_units_task ON task_units (owner_id, task_id);

CREATE TRIGGER tasks_units_insert AFTER INSERT ON tasks
BEGIN
  INSERT OR IGNORE INTO task_units (unit_id, owner_id, task_id, role) VALUES (NEW.owner_id, NEW.owner_id, NEW.id, 'owner');
  INSERT OR IGNORE INTO task_units (unit_id, owner_id, task_id, role) VALUES (NEW.lead, NEW.owner_id, NEW.id, 'lead');
  INSERT OR IGNORE INTO task_units (unit_id, owner_id, task_id, role)
    SELECT c.value, NEW.owner_id, NEW.id, 'collaborator' FROM json_each(NEW.collaborators) c WHERE c.type = 'text';
END;

CREATE TRIGGER tasks_units_update AFTER UPDATE OF lead, collaborators ON tasks
BEGIN
  DELETE FROM task_units WHERE owner_id = OLD.owner_id AND task_id = OLD.id AND role <> 'owner';
  INSERT OR IGNORE INTO task_units (unit_id, owner_id, task_id, role) VALUES (NEW.lead, NEW.owner_id, NEW.id, 'lead');
  INSERT OR IGNORE INTO task_units (unit_id, owner_id, task_id, role)
    SELECT c.value, NEW.owner_id, NEW.id, 'collaborator' FROM json_each(NEW.collaborators) c WHERE c.type = 'text';
END;

CREATE TRIGGER tasks_units_delete AFTER DELETE ON tasks
BEGIN
  DELETE FROM task_units WHERE owner_id = OLD.owner_id AND task_id = OLD.id;
END;

INSERT OR IGNORE INTO task_units (unit_id, owner_id, task_id, role) SELECT owner_id, owner_id, id, 'owner' FROM tasks;
INSERT OR IGNORE INTO task_units (unit_id, owner_id, task_id, role) SELECT lead, owner_id, id, 'lead' FROM tasks;
INSERT OR IGNORE INTO task_units (unit_id, owner_id, task_id, role)
  SELECT c.value, t.owner_id, t.id, 'collaborator' FROM tasks t, json_each(t.collaborators) c WHERE c.type = 'text';

-- A task's flag inputs, worked out by the Worker when it writes the task (shared taskSchedule): the deadline
-- still to meet, the deadline the last completion counts for and its days late. The flag on any day is then
-- O(1), and "overdue on D" is `next_due < D`. Rows written before this migration have schedule_known = 0
-- and are flagged the old way until their sheet is next written.
ALTER TABLE tasks ADD COLUMN next_due TEXT;
ALTER TABLE tasks ADD COLUMN done_due TEXT;
ALTER TABLE tasks ADD COLUMN done_late_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN schedule_known INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tasks_next_due ON tasks (owner_id, next_due) WHERE next_due IS NOT NULL;
CREATE INDEX tasks_schedule_unknown ON tasks (owner_id) WHERE schedule_known = 0;

-- Each (unit, period)'s latest revision with the narrow summary the aggregate and the flags read, and the
-- first arrival (timeliness is judged on it). Revisions are append-only; this row follows each insert.
CREATE TABLE report_latest (
  unit_id TEXT NOT NULL,
  period TEXT NOT NULL,
  revision_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  first_received_at TEXT NOT NULL,
  catalog_id TEXT NOT NULL,
  catalog_version TEXT NOT NULL,
  timeliness TEXT NOT NULL,
  late_days INTEGER NOT NULL,
  achieved INTEGER NOT NULL,
  total INTEGER NOT NULL,
  criteria TEXT NOT NULL,
  fund_totals TEXT NOT NULL,
  -- The report's words, which the aggregate lists per commune.
  narratives TEXT NOT NULL,
  PRIMARY KEY (unit_id, period)
) WITHOUT ROWID;

CREATE TRIGGER report_revisions_latest AFTER INSERT ON report_revisions
BEGIN
  INSERT INTO report_latest (unit_id, period, revision_id, revision, received_at, first_received_at, catalog_id, catalog_version,
    timeliness, late_days, achieved, total, criteria, fund_totals, narratives)
  VALUES (NEW.unit_id, NEW.period, NEW.id, NEW.revision, NEW.received_at, NEW.received_at, NEW.catalog_id, NEW.catalog_version,
    NEW.timeliness, NEW.late_days, NEW.achieved, NEW.total, NEW.criteria, NEW.fund_totals, NEW.narratives)
  ON CONFLICT (unit_id, period) DO UPDATE SET
    first_received_at = min(report_latest.first_received_at, excluded.first_received_at),
    revision_id = CASE WHEN excluded.revision > report_latest.revision THEN excluded.revision_id ELSE report_latest.revision_id END,
    received_at = CASE WHEN excluded.revision > report_latest.revision THEN excluded.received_at ELSE report_latest.received_at END,
    catalog_id = CASE WHEN excluded.revision > report_latest.revision THEN excluded.catalog_id ELSE report_latest.catalog_id END,
    catalog_version = CASE WHEN excluded.revision > report_latest.revision THEN excluded.catalog_version ELSE report_latest.catalog_version END,
    timeliness = CASE WHEN excluded.revision > report_latest.revision THEN excluded.timeliness ELSE report_latest.timeliness END,
    late_days = CASE WHEN excluded.revision > report_latest.revision THEN excluded.late_days ELSE report_latest.late_days END,
    achieved = CASE WHEN excluded.revision > report_latest.revision THEN excluded.achieved ELSE report_latest.achieved END,
    total = CASE WHEN excluded.revision > report_latest.revision THEN excluded.total ELSE report_latest.total END,
    criteria = CASE WHEN excluded.revision > report_latest.revision THEN excluded.criteria ELSE report_latest.criteria END,
    fund_totals = CASE WHEN excluded.revision > report_latest.revision THEN excluded.fund_totals ELSE report_latest.fund_totals END,
    narratives = CASE WHEN excluded.revision > report_latest.revision THEN excluded.narratives ELSE report_latest.narratives END,
    revision = max(report_latest.revision, excluded.revision);
END;

INSERT INTO report_latest (unit_id, period, revision_id, revision, received_at, first_received_at, catalog_id, catalog_version,
  timeliness, late_days, achieved, total, criteria, fund_totals, narratives)
SELECT r.unit_id, r.period, r.id, r.revision, r.received_at,
  (SELECT MIN(f.received_at) FROM report_revisions f WHERE f.unit_id = r.unit_id AND f.period = r.period),
  r.catalog_id, r.catalog_version, r.timeliness, r.late_days, r.achieved, r.total, r.criteria, r.fund_totals, r.narratives
FROM report_revisions r
WHERE r.revision = (SELECT MAX(m.revision) FROM report_revisions m WHERE m.unit_id = r.unit_id AND m.period = r.period);
