-- Which catalogue judges a unit's reports, from which period on, and each unit's class in a catalogue:
-- data set by the NTM office, inherited from the nearest ancestor, only ever added to (never changed), so
-- history can be read back. Replaces units.catalog_id and units.region, which are no longer read.

-- "Catalogue C, version V judges this unit's periods whose commune deadline is on or after effective_from."
CREATE TABLE catalog_assignments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id TEXT NOT NULL REFERENCES units (id),
  catalog_id TEXT NOT NULL,
  catalog_version TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  FOREIGN KEY (catalog_id, catalog_version) REFERENCES catalogs (id, version)
);
CREATE INDEX catalog_assignments_unit ON catalog_assignments (unit_id, effective_from, seq);

-- A unit's class (region, commune group) in a catalogue's classification, per catalogue id so a new
-- version keeps it; set on a commune or on an ancestor for all below it. The latest entry wins.
CREATE TABLE unit_classes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id TEXT NOT NULL REFERENCES units (id),
  catalog_id TEXT NOT NULL,
  class_id TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL
);
CREATE INDEX unit_classes_unit ON unit_classes (unit_id, catalog_id, seq);

-- A loaded catalogue version is never changed or removed: revisions name the version that judged them.
CREATE TRIGGER catalogs_append_only_update BEFORE UPDATE ON catalogs
BEGIN SELECT RAISE(ABORT, 'catalogs are append-only: load a new version'); END;
CREATE TRIGGER catalogs_append_only_delete BEFORE DELETE ON catalogs
BEGIN SELECT RAISE(ABORT, 'catalogs are append-only'); END;
CREATE TRIGGER catalog_assignments_append_only_update BEFORE UPDATE ON catalog_assignments
BEGIN SELECT RAISE(ABORT, 'catalog assignments are append-only'); END;
CREATE TRIGGER catalog_assignments_append_only_delete BEFORE DELETE ON catalog_assignments
BEGIN SELECT RAISE(ABORT, 'catalog assignments are append-only'); END;
CREATE TRIGGER unit_classes_append_only_update BEFORE UPDATE ON unit_classes
BEGIN SELECT RAISE(ABORT, 'unit classes are append-only'); END;
CREATE TRIGGER unit_classes_append_only_delete BEFORE DELETE ON unit_classes
BEGIN SELECT RAISE(ABORT, 'unit classes are append-only'); END;
-- INSERT OR REPLACE would delete the stored version without a DELETE trigger firing (see the append-only
-- migration): an insert meeting a stored version fails instead. Loads check first and insert WHERE NOT EXISTS.
CREATE TRIGGER catalogs_append_only_replace BEFORE INSERT ON catalogs
WHEN EXISTS (SELECT 1 FROM catalogs c WHERE c.id = NEW.id AND c.version = NEW.version)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: catalogs (append-only)'); END;

-- Existing data: a unit's catalogue becomes an assignment of its newest loaded version from the catalogue's
-- own first day; a unit's region becomes its class in every loaded catalogue whose regions include it.
INSERT INTO catalog_assignments (unit_id, catalog_id, catalog_version, effective_from, assigned_by, assigned_at)
SELECT u.id, c.id, c.version, COALESCE(json_extract(c.body, '$.effectiveFrom'), json_extract(c.body, '$.validFrom'), '2000-01-01'),
  'migration', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM units u JOIN catalogs c ON c.id = u.catalog_id
WHERE c.version = (SELECT c2.version FROM catalogs c2 WHERE c2.id = c.id ORDER BY c2.loaded_at DESC, c2.version DESC LIMIT 1);

INSERT INTO unit_classes (unit_id, catalog_id, class_id, assigned_by, assigned_at)
SELECT DISTINCT u.id, c.id, u.region, 'migration', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM units u JOIN catalogs c
WHERE u.region IS NOT NULL
  AND EXISTS (SELECT 1 FROM json_each(c.body, '$.regions') r WHERE json_extract(r.value, '$.id') = u.region);
