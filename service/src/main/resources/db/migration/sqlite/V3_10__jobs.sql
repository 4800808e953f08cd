-- Long work cut into items (issue 14): a job regrades every stored run of a pack (of a period) as
-- what-ifs or as new runs; its items are claimed by the workers of any instance over the store,
-- each under a lease the worker renews, so an item whose instance died is claimed again. An
-- item's result (a what-if or a run) is stored in the transaction that marks it done.

CREATE TABLE jobs (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('whatif', 'regrade')),
    pack          TEXT NOT NULL,
    version_asked TEXT,                    -- the version the request named; null: the active one
    version       TEXT NOT NULL,           -- the version every item grades with, fixed when the job is made
    params        TEXT NOT NULL,           -- the request as JSON (kind, pack, version, period)
    who           TEXT,                    -- the X-Actor of the request; null when none was named
    created_at    TEXT NOT NULL,           -- ISO-8601 instant
    state         TEXT NOT NULL CHECK (state IN ('running', 'finished')),
    finished_at   TEXT                     -- ISO-8601 instant the last item was done or failed
);

CREATE TABLE job_items (
    job          TEXT    NOT NULL REFERENCES jobs (id),
    seq          INTEGER NOT NULL,         -- 0, 1, ... in the order the runs were stored
    run_id       TEXT    NOT NULL REFERENCES runs (id),
    state        TEXT    NOT NULL CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
    claimed_by   TEXT,                     -- the instance that holds (or last held) the item
    lease_until  INTEGER,                  -- epoch milliseconds the claim holds until, renewed while working
    attempts     INTEGER NOT NULL DEFAULT 0,  -- claims so far; the third that fails fails the item for good
    result_id    TEXT,                     -- the what-if id (kind whatif) or the new run id (kind regrade)
    summary      TEXT,                     -- JSON: changes and grade counts before/after (whatif), the new run's counts (regrade)
    done_by      TEXT,                     -- the instance that stored the result, or failed the item
    done_at      TEXT,                     -- ISO-8601 instant
    error_code   TEXT,                     -- failed: why, as the API's error codes
    error_message TEXT,
    PRIMARY KEY (job, seq)
);

CREATE INDEX job_items_open ON job_items (state, lease_until);
