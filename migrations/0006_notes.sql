-- Notes: Markdown written by the people working the case, with every saved version kept.
--
-- `notes` holds the current version; `note_versions` holds every version ever saved,
-- including the current one, so restoring an old version is itself a new version and
-- nothing written is ever lost. Titles are unique (ignoring case) because `[[Note title]]`
-- links name notes by title.
CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    text        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX notes_title ON notes (title COLLATE NOCASE);

CREATE TABLE note_versions (
    note_id   INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    version   INTEGER NOT NULL,
    title     TEXT NOT NULL,
    text      TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    -- The version this one restored, when it was made by a restore.
    restored_from INTEGER,
    PRIMARY KEY (note_id, version)
) WITHOUT ROWID, STRICT;

-- What each note's current version cites, for backlinks and for staleness: a cited quote's
-- words, speaker and status are kept as they were when the note first cited it, so an edit,
-- rejection or re-attribution made later shows up as a stale claim.
CREATE TABLE note_citations (
    note_id       INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    target        TEXT NOT NULL,     -- q42, d7, d7:120-188, e9
    kind          TEXT NOT NULL CHECK (kind IN ('quote', 'document', 'span', 'event')),
    target_id     INTEGER NOT NULL,  -- the quote, document or event id
    quote_text    TEXT,
    speaker_id    INTEGER,
    quote_status  TEXT,
    cited_at      TEXT NOT NULL,
    PRIMARY KEY (note_id, target)
) WITHOUT ROWID, STRICT;

CREATE INDEX note_citations_target ON note_citations (kind, target_id);

CREATE TRIGGER notes_journal_insert AFTER INSERT ON notes
BEGIN
    INSERT INTO search_journal (unit) VALUES ('note:' || NEW.id);
END;

CREATE TRIGGER notes_journal_update AFTER UPDATE ON notes
BEGIN
    INSERT INTO search_journal (unit) VALUES ('note:' || NEW.id);
END;

CREATE TRIGGER notes_journal_delete AFTER DELETE ON notes
BEGIN
    INSERT INTO search_journal (unit) VALUES ('note:' || OLD.id);
END;
