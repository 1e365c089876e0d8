-- narada schema, version 6: a decision can be retracted (undo in the interface). The row
-- stays in the log; "current decision" queries skip retracted rows.
ALTER TABLE decision ADD COLUMN retracted_at TEXT;
