-- Who did what (issue 13): every activation of a pack version, kept (pack_versions keeps only the
-- latest publisher), and an audit log of pack changes and refused tokens. Never a token: a
-- refused one is recorded by the role it claimed and the address it came from.

CREATE TABLE activations (
    id      INTEGER PRIMARY KEY,
    pack    TEXT NOT NULL,
    version TEXT NOT NULL,
    at      TEXT NOT NULL,                 -- ISO-8601 instant
    by      TEXT,                          -- the X-Actor of a publish, or "disk"
    how     TEXT NOT NULL                  -- disk, restored, published, reverted (as active_packs.how)
);

CREATE INDEX activations_by_version ON activations (pack, version);

CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,                 -- ISO-8601 instant
    action  TEXT NOT NULL,                 -- draft, publish, revert, reload, token_refused
    actor   TEXT,                          -- the X-Actor named, "disk" for a reload; null for a refused token
    role    TEXT,                          -- the role the token held, or (token_refused) the role the request needed
    address TEXT,                          -- the client's address; null for a reload
    pack    TEXT,
    version TEXT,
    detail  TEXT                           -- the method and path, or how a version became active
);
