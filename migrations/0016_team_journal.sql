-- Team cases (issue 20): the change journal that `dossier sync` pushes, what it pulled and has
-- still to apply, the review decisions of every member, and the conflicts it kept.
--
-- Like `search_journal`, the outbox names units, not rows: triggers record that a document
-- arrived, a quote was reviewed, a note version was saved, a saved search changed or two
-- entities were merged or one renamed; the sync reads the unit's current state when it
-- pushes. The triggers fire only in a team case (one with a `url` in `sync_state`), so a
-- single-user case's writes cost one lookup and fill nothing; `publish` reads the whole case.

CREATE TABLE sync_outbox (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    unit    TEXT NOT NULL,
    -- What the unit's current state no longer says (an entity's name before a rename).
    detail  TEXT
) STRICT;

-- Key/value state: this member's id, the server it syncs with and the last change pulled.
CREATE TABLE sync_state (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

-- Changes pulled from the server and not yet applied: they wait here while the extraction
-- stage proposes the quotes and entities of the documents they came with, so that a sync
-- killed between the two finishes the job the next time.
CREATE TABLE sync_inbox (
    server_seq  INTEGER PRIMARY KEY,
    change_id   TEXT NOT NULL,
    unit        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    author      TEXT NOT NULL,
    at          TEXT NOT NULL
) STRICT;

-- Every review decision known for a quote or an event, this member's and the others': the
-- later one decides the status, the rest stay as its history.
CREATE TABLE sync_reviews (
    change_id  TEXT PRIMARY KEY,
    -- quote:<document sha256>:<start>:<end>, or event:<sha256>:<start>:<end>:<value> for an
    -- event by its first source sentence and its date
    target     TEXT NOT NULL,
    status     TEXT NOT NULL,
    author     TEXT NOT NULL,
    at         TEXT NOT NULL
) STRICT;

CREATE INDEX sync_reviews_target ON sync_reviews (target, at);

-- Notes are known across members by a uid, and each version by the change that carried it,
-- so that a version saved on a stale copy is seen as a conflict rather than a continuation.
ALTER TABLE notes ADD COLUMN uid TEXT;
ALTER TABLE note_versions ADD COLUMN change_id TEXT;
ALTER TABLE note_versions ADD COLUMN author TEXT;
-- JSON array of the change ids this version was saved on top of: the note's heads then.
ALTER TABLE note_versions ADD COLUMN parents TEXT;

-- Two members who changed one note apart: both versions are kept, and this row says so
-- until someone saves a version that settles it.
CREATE TABLE sync_conflicts (
    id          INTEGER PRIMARY KEY,
    note_id     INTEGER NOT NULL,
    ours        INTEGER NOT NULL,   -- the local version
    theirs      INTEGER NOT NULL,   -- the version that came in
    author      TEXT NOT NULL,      -- who wrote theirs
    found_at    TEXT NOT NULL,
    resolved_at TEXT
) STRICT;

CREATE TRIGGER sync_documents_insert AFTER INSERT ON documents
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) VALUES ('document:' || NEW.id);
END;

CREATE TRIGGER sync_quotes_review AFTER UPDATE OF status ON quotes
WHEN NEW.status <> 'auto' AND NEW.status IS NOT OLD.status
    AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) VALUES ('quote:' || NEW.id);
END;

CREATE TRIGGER sync_events_review AFTER UPDATE OF status ON events
WHEN NEW.status <> 'auto' AND NEW.status IS NOT OLD.status
    AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) VALUES ('event:' || NEW.id);
END;

CREATE TRIGGER sync_note_versions_insert AFTER INSERT ON note_versions
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) VALUES ('note_version:' || NEW.note_id || ':' || NEW.version);
END;

CREATE TRIGGER sync_saved_searches_insert AFTER INSERT ON saved_searches
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) VALUES ('saved_search:' || NEW.name);
END;

CREATE TRIGGER sync_saved_searches_update AFTER UPDATE ON saved_searches
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) VALUES ('saved_search:' || NEW.name);
END;

CREATE TRIGGER sync_saved_searches_delete AFTER DELETE ON saved_searches
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) VALUES ('saved_search:' || OLD.name);
END;

CREATE TRIGGER sync_entity_merges_insert AFTER INSERT ON entity_merges
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) VALUES ('entity_merge:' || NEW.id);
END;

-- Only a person's rename (which confirms the entity) travels; resolution renaming an `auto`
-- entity is extraction's own business and happens on every member alike.
CREATE TRIGGER sync_entities_rename AFTER UPDATE OF name ON entities
WHEN NEW.status = 'confirmed' AND NEW.name <> OLD.name
    AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit, detail) VALUES ('entity_rename:' || NEW.id, OLD.name);
END;
