-- The period each run graded, so a later run can find its subjects' earlier periods among the runs
-- stored for the same pack (README "Earlier periods"). Runs stored before this have none and are
-- not found as anyone's earlier period.

ALTER TABLE runs ADD COLUMN period_from TEXT;   -- YYYY-MM-DD
ALTER TABLE runs ADD COLUMN period_to   TEXT;   -- YYYY-MM-DD

CREATE INDEX runs_by_pack_period_end ON runs (pack, period_to);
