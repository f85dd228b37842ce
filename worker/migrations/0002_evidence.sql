-- Evidence dossiers (hồ sơ minh chứng): one row per document a commune files for a criterion. The file, if
-- any, is in R2 under file_key; rows are never updated or deleted: replacing a document is a new row whose
-- `supersedes` names the old one, and each row can be superseded once.
CREATE TABLE evidence_items (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units (id),
  -- Criterion numbers belong to a catalogue (318/2022 has 19, 51/2025 has 10).
  catalog_id TEXT NOT NULL,
  criterion INTEGER NOT NULL,
  indicator TEXT,
  -- Which of the catalogue's expected documents this is, when the uploader said.
  requirement TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('quyet_dinh', 'bien_ban', 'ke_hoach', 'bao_cao', 'anh_cong_trinh', 'khac')),
  doc_number TEXT,
  doc_date TEXT,
  issuer TEXT,
  title TEXT NOT NULL,
  file_key TEXT,
  file_type TEXT CHECK (file_type IN ('pdf', 'jpeg', 'png', 'docx', 'xlsx')),
  file_size INTEGER,
  file_name TEXT,
  file_sha256 TEXT,
  supersedes TEXT REFERENCES evidence_items (id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  CHECK ((file_key IS NULL) = (file_type IS NULL))
);
CREATE INDEX evidence_items_unit ON evidence_items (unit_id, criterion, created_at);
CREATE UNIQUE INDEX evidence_items_supersedes ON evidence_items (supersedes) WHERE supersedes IS NOT NULL;
