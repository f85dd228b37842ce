-- Evidence items are append-only like revisions (migration 0005_append_only): a replaced document is a new
-- row naming the old one in `supersedes`, never an edit, and no row is ever removed, whatever SQL reaches
-- the database. An insert that would replace a row (OR REPLACE, OR IGNORE, ON CONFLICT …) fails like a
-- duplicate insert, with the "UNIQUE constraint failed: evidence_items…" the code already handles.
CREATE TRIGGER evidence_items_no_update BEFORE UPDATE ON evidence_items
BEGIN SELECT RAISE(ABORT, 'append-only: evidence_items rows cannot be changed'); END;
CREATE TRIGGER evidence_items_no_delete BEFORE DELETE ON evidence_items
BEGIN SELECT RAISE(ABORT, 'append-only: evidence_items rows cannot be deleted'); END;
CREATE TRIGGER evidence_items_no_replace BEFORE INSERT ON evidence_items
WHEN EXISTS (SELECT 1 FROM evidence_items e WHERE e.id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: evidence_items.id (append-only)'); END;
-- An item is replaced once: a second replacement of the same item fails as the unique index would.
CREATE TRIGGER evidence_items_no_second_replacement BEFORE INSERT ON evidence_items
WHEN NEW.supersedes IS NOT NULL AND EXISTS (SELECT 1 FROM evidence_items e WHERE e.supersedes = NEW.supersedes)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: evidence_items.supersedes (append-only)'); END;
