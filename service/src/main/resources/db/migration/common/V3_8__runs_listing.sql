-- The runs listing (GET /api/v1/runs) pages newest first by rowid, often within one pack: this
-- index (pack, then rowid) keeps such a page from scanning or sorting the other packs' runs.
-- Grade counts per run come from results, whose primary key (run_id, seq) serves them already.

CREATE INDEX runs_by_pack ON runs (pack);
