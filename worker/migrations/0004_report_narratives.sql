-- The words of a report (kết quả đạt được, khó khăn vướng mắc, kiến nghị đề xuất), kept with its revision:
-- JSON {"achievements": "...", "difficulties": "...", "requests": "..."}, each at most 4,000 characters.
-- Revisions stored before this column answer with the three sections empty.
ALTER TABLE report_revisions ADD COLUMN narratives TEXT NOT NULL DEFAULT '{}';
