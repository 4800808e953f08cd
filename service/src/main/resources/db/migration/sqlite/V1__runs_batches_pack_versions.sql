-- Every batch as received, every pack version with its files, every run with its results,
-- every what-if. JSON and files are stored gzip-compressed; results are also stored as rows so
-- they can be queried without parsing JSON.

CREATE TABLE batches (
    id          INTEGER PRIMARY KEY,
    hash        TEXT    NOT NULL UNIQUE,   -- SHA-256 of the body as received; a batch posted twice is kept once
    pack        TEXT    NOT NULL,
    received_at TEXT    NOT NULL,          -- ISO-8601 instant
    size        INTEGER NOT NULL,          -- bytes as received
    body        BLOB    NOT NULL           -- gzip of the body as received
);

CREATE TABLE pack_versions (
    pack         TEXT NOT NULL,
    version      TEXT NOT NULL,            -- content hash of the pack's files
    first_seen   TEXT NOT NULL,
    origin       TEXT NOT NULL CHECK (origin IN ('disk', 'draft')),
    created_by   TEXT NOT NULL,
    published_at TEXT,                     -- null: a draft never published
    published_by TEXT,
    PRIMARY KEY (pack, version)
);

CREATE TABLE pack_files (
    pack    TEXT NOT NULL,
    version TEXT NOT NULL,
    path    TEXT NOT NULL,                 -- rules-drl/<pack>/x.drl, decision-tables/<pack>/x.xlsx
    content BLOB NOT NULL,                 -- the file's bytes, uncompressed (xlsx is compressed already)
    PRIMARY KEY (pack, version, path),
    FOREIGN KEY (pack, version) REFERENCES pack_versions (pack, version)
);

CREATE TABLE active_packs (
    pack    TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    since   TEXT NOT NULL,
    FOREIGN KEY (pack, version) REFERENCES pack_versions (pack, version)
);

CREATE TABLE runs (
    id         TEXT    PRIMARY KEY,
    batch_id   INTEGER NOT NULL REFERENCES batches (id),
    pack       TEXT    NOT NULL,
    version    TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    result     BLOB    NOT NULL,           -- gzip of the response body exactly as returned
    FOREIGN KEY (pack, version) REFERENCES pack_versions (pack, version)
);

CREATE TABLE results (
    run_id       TEXT    NOT NULL REFERENCES runs (id),
    seq          INTEGER NOT NULL,
    subject_type TEXT    NOT NULL,
    subject_id   TEXT    NOT NULL,
    channel      TEXT    NOT NULL,
    grade        TEXT,
    label        TEXT,
    score        TEXT,
    rank         INTEGER,
    problems     TEXT    NOT NULL,         -- problem codes, comma-separated
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE whatifs (
    id         TEXT PRIMARY KEY,
    run_id     TEXT NOT NULL REFERENCES runs (id),
    pack       TEXT NOT NULL,
    version    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    result     BLOB NOT NULL,
    FOREIGN KEY (pack, version) REFERENCES pack_versions (pack, version)
);

CREATE INDEX runs_by_batch ON runs (batch_id);
CREATE INDEX whatifs_by_run ON whatifs (run_id);
