-- Pack versions named by what their files mean, versions refused because they do not grade, and
-- what the service last took from the files on disk (so a restart tells a disk edit from a
-- publish over HTTP). Versions stored before keep their ids; their meaning is filled in at the
-- next start-up.

ALTER TABLE pack_versions ADD COLUMN meaning TEXT;          -- content hash of the files (PackMeaning); equals version for versions stored from now on; null until computed for older ids
ALTER TABLE pack_versions ADD COLUMN status TEXT NOT NULL DEFAULT 'ok'
    CHECK (status IN ('ok', 'refused'));                    -- refused: compiled but failed to grade its pack tests; never activated
ALTER TABLE pack_versions ADD COLUMN reasons TEXT;          -- JSON array of the errors that refused it (file, sheet, cell, line, message); null when ok

ALTER TABLE active_packs ADD COLUMN how TEXT NOT NULL DEFAULT 'published'
    CHECK (how IN ('disk', 'restored', 'published', 'reverted'));  -- how the active version became active: new files on disk, files restored to a stored version, a draft published, an earlier version published again

CREATE INDEX pack_versions_by_meaning ON pack_versions (pack, meaning);

CREATE TABLE disk_seen (
    pack    TEXT PRIMARY KEY,
    meaning TEXT NOT NULL,                                  -- content hash of the files last taken from disk (activated, or stored for review)
    seen_at TEXT NOT NULL                                   -- ISO-8601 instant
);
