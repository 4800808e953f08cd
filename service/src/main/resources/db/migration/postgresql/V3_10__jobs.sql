-- PostgreSQL's form of sqlite/V3_10 (same tables and meaning; see the comments there). jobs gets an
-- explicit rowid, numbered as rows arrive, so the listing pages them as SQLite's rowid does.

CREATE TABLE jobs (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('whatif', 'regrade')),
    pack          TEXT NOT NULL,
    version_asked TEXT,
    version       TEXT NOT NULL,
    params        TEXT NOT NULL,
    who           TEXT,
    created_at    TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('running', 'finished')),
    finished_at   TEXT,
    rowid         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE   -- the order jobs were made in: pages the listing
);

CREATE TABLE job_items (
    job           TEXT    NOT NULL REFERENCES jobs (id),
    seq           INTEGER NOT NULL,
    run_id        TEXT    NOT NULL REFERENCES runs (id),
    state         TEXT    NOT NULL CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
    claimed_by    TEXT,
    lease_until   BIGINT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    result_id     TEXT,
    summary       TEXT,
    done_by       TEXT,
    done_at       TEXT,
    error_code    TEXT,
    error_message TEXT,
    PRIMARY KEY (job, seq)
);

CREATE INDEX job_items_open ON job_items (state, lease_until);
