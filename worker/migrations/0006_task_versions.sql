-- Task versions against lost updates: every stored task has a version, 1 when created and one more with each
-- change. A write names the version it read; the trigger refuses any UPDATE that does not step the version by
-- exactly one, so of two writers that read the same version only the first is stored and the second's whole
-- batch (its audit rows included) rolls back. Every UPDATE of tasks must set version = version + 1.
ALTER TABLE tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TRIGGER tasks_version_steps_by_one BEFORE UPDATE ON tasks
WHEN NEW.version IS NOT OLD.version + 1
BEGIN SELECT RAISE(ABORT, 'version_conflict: tasks'); END;
