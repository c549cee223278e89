-- Sources in a case. The metadata lives here; the text and the original bytes live in
-- document_contents so that listing 100k documents never pages through their blobs.
CREATE TABLE documents (
    id                   INTEGER PRIMARY KEY,
    kind                 TEXT NOT NULL,
    title                TEXT NOT NULL,
    url                  TEXT,
    outlet               TEXT,
    authors              TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    published_raw        TEXT,                        -- as the source wrote it
    published            TEXT,                        -- ISO 8601 truncated to its precision
    published_precision  TEXT,                        -- year, month, day, minute, second
    published_zone       TEXT,                        -- the zone as written, e.g. PT
    published_earliest   INTEGER,                     -- unix seconds, for sorting and ranges
    published_latest     INTEGER,
    keywords             TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    language             TEXT,
    doc_ref              TEXT,                        -- the source's own id (DOC ID)
    format               TEXT NOT NULL,
    sha256               TEXT NOT NULL UNIQUE,        -- of the original bytes
    original_size        INTEGER NOT NULL,
    extra                TEXT NOT NULL DEFAULT '{}',  -- JSON object of format-specific metadata
    imported_at          TEXT NOT NULL,               -- RFC 3339, UTC
    original_path        TEXT
) STRICT;

CREATE INDEX documents_published ON documents (published_earliest);
CREATE INDEX documents_kind ON documents (kind);

CREATE TABLE document_contents (
    document_id  INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    original     BLOB NOT NULL,   -- the bytes exactly as imported
    text         TEXT NOT NULL    -- normalized text; every offset in the case refers to it
) STRICT;
