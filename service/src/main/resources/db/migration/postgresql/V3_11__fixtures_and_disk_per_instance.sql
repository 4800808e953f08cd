-- PostgreSQL's form of sqlite/V3_11 (same tables and meaning; see the comments there).

-- Issue 14, instances without a shared disk. A pack version's fixtures (the published circulars
-- its gate grades, fixtures/<pack>/*.json with their *.expected.json) are kept in the store by
-- the hash of the set, so an instance with an empty home gates with the same fixtures; and what
-- was last taken from disk is kept per instance, so instances with different files on disk do not
-- take each other's files for edits. disk_seen is no longer read: an instance with no row here
-- counts its files as an edit only where they are no stored version, as before disk_seen.

CREATE TABLE fixture_files (
    fixtures TEXT NOT NULL,                -- hash of the set (every file's name and bytes, PackSource.bytesHash)
    path     TEXT NOT NULL,                -- the file's name in fixtures/<pack>/, e.g. shangqiu.expected.json
    content  BYTEA NOT NULL,                -- the file's bytes
    PRIMARY KEY (fixtures, path)
);

ALTER TABLE pack_versions ADD COLUMN fixtures TEXT;         -- the fixture set the version is gated with; null: none kept (stored before 3.11, or a pack without fixtures)

CREATE TABLE disk_seen_by_instance (
    instance TEXT NOT NULL,                -- the instance id (a hash of the host name and the home folder, InstanceId)
    pack     TEXT NOT NULL,
    meaning  TEXT NOT NULL,                -- content hash of the files this instance last took from its disk
    seen_at  TEXT NOT NULL,                -- ISO-8601 instant
    PRIMARY KEY (instance, pack)
);
