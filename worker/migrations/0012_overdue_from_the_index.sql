-- Counting and paging a province's overdue tasks (25,000 of 60,000 in the benchmark's 600 communes) from the
-- index alone: with the flag-input flag and the task id in it, neither the count nor the page's sort reads a
-- task row — only the page's own rows are read. Same leading columns as before, so the reminder job's seeks
-- by next deadline use it as they used the old one.
DROP INDEX tasks_next_due;
CREATE INDEX tasks_next_due ON tasks (owner_id, next_due, schedule_known, id) WHERE next_due IS NOT NULL;
