-- Quotes, the people and organisations who said them, and where each is mentioned.
--
-- Extraction proposes rows with status 'auto'; a person's review turns them 'confirmed',
-- 'rejected' or 'edited'. Re-extraction deletes and re-proposes only 'auto' rows, so nothing
-- a person decided is ever overwritten.

-- One row per real-world actor in the case. `name` is the canonical display name.
CREATE TABLE entities (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('person', 'organization')),
    -- 'auto' until a person renames, merges or splits it; then 'confirmed'.
    status       TEXT NOT NULL DEFAULT 'auto' CHECK (status IN ('auto', 'confirmed')),
    -- The folded last word of a person's name, so a bare "Levashov" finds "Pyotr Levashov".
    surname_key  TEXT,
    created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX entities_surname ON entities (surname_key);

-- Every way an entity is written. Resolution looks names up here by their folded key, so a
-- person's merge, split or rename (which move or add aliases) survives re-extraction.
CREATE TABLE entity_aliases (
    entity_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    alias_key   TEXT NOT NULL,
    -- 'extracted' (seen in a source), 'variant' (matched by similarity), 'user'.
    origin      TEXT NOT NULL,
    confidence  REAL NOT NULL,
    evidence    TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias_key)
) STRICT;

CREATE INDEX entity_aliases_key ON entity_aliases (alias_key);

-- A place in a document where an entity is named.
CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    entity_id    INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,   -- chars into document_contents.text
    end          INTEGER NOT NULL,
    surface      TEXT NOT NULL,
    role         TEXT                -- the role the source gives the entity there
) STRICT;

CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE INDEX mentions_document ON mentions (document_id, start);

CREATE TABLE quotes (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,   -- chars into document_contents.text
    end            INTEGER NOT NULL,
    text           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('direct', 'mixed', 'indirect', 'scare')),
    spans          TEXT NOT NULL,      -- JSON [[start, end], ...] for quotes split by their cue
    cue            TEXT,
    cue_start      INTEGER,
    cue_end        INTEGER,
    addressee      TEXT,
    speaker_id     INTEGER REFERENCES entities (id) ON DELETE SET NULL,
    speaker_name   TEXT,               -- the name as resolved in the source
    speaker_start  INTEGER,            -- the mention that introduces the quote (maybe "he")
    speaker_end    INTEGER,
    role           TEXT,
    status         TEXT NOT NULL DEFAULT 'auto'
                   CHECK (status IN ('auto', 'confirmed', 'rejected', 'edited')),
    reviewed_at    TEXT
) STRICT;

CREATE INDEX quotes_document ON quotes (document_id, start);
CREATE INDEX quotes_speaker ON quotes (speaker_id);

-- A merge is recorded with everything it moved, so that it can be undone exactly.
CREATE TABLE entity_merges (
    id          INTEGER PRIMARY KEY,
    into_id     INTEGER NOT NULL,
    from_id     INTEGER NOT NULL,
    from_name   TEXT NOT NULL,
    from_kind   TEXT NOT NULL,
    from_status TEXT NOT NULL,
    from_surname_key TEXT,
    aliases     TEXT NOT NULL,   -- JSON of the aliases moved
    quotes      TEXT NOT NULL,   -- JSON ids of the quotes moved
    mentions    TEXT NOT NULL,   -- JSON ids of the mentions moved
    merged_at   TEXT NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The search journal now names units of the index rather than documents: 'document:ID'
-- (a document with its quotes) and 'event:ID'; later kinds add their own prefixes.
DROP TRIGGER documents_journal_insert;
DROP TRIGGER documents_journal_update;
DROP TRIGGER documents_journal_delete;
DROP TABLE search_journal;

-- Positions only grow because pruning always keeps the newest row (store::search_journal),
-- which spares AUTOINCREMENT's extra write per row: an import journals every event it adds.
CREATE TABLE search_journal (
    seq   INTEGER PRIMARY KEY,
    unit  TEXT NOT NULL
) STRICT;

CREATE TRIGGER documents_journal_insert AFTER INSERT ON documents
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || NEW.id);
END;

CREATE TRIGGER documents_journal_update AFTER UPDATE ON documents
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || NEW.id);
END;

CREATE TRIGGER documents_journal_delete AFTER DELETE ON documents
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || OLD.id);
END;

-- Quotes are indexed with their document, so any change to one re-indexes that document's
-- unit. A bulk insert of a new document's quotes is already covered by the document's row.
CREATE TRIGGER quotes_journal_update AFTER UPDATE ON quotes
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || NEW.document_id);
END;

CREATE TRIGGER quotes_journal_delete AFTER DELETE ON quotes
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || OLD.document_id);
END;

-- Consecutive inserts for one document (its quotes, right after the document itself) are
-- journaled once: the newest journal row already names the unit.
CREATE TRIGGER quotes_journal_insert AFTER INSERT ON quotes
BEGIN
    INSERT INTO search_journal (unit)
    SELECT 'document:' || NEW.document_id
    WHERE NOT EXISTS (SELECT 1 FROM search_journal
                      WHERE seq = (SELECT max(seq) FROM search_journal)
                        AND unit = 'document:' || NEW.document_id);
END;

-- A renamed entity changes the speaker of its quotes wherever they are indexed.
CREATE TRIGGER entities_journal_rename AFTER UPDATE OF name ON entities
BEGIN
    INSERT INTO search_journal (unit)
    SELECT DISTINCT 'document:' || document_id FROM quotes WHERE speaker_id = NEW.id;
END;
