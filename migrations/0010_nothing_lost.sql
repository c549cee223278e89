-- Nothing lost: deleted notes stay in the case, drafts are autosaved, deleted documents go to a
-- trash they can be restored from.
--
-- A deleted note keeps its row and all its versions, marked with `deleted_at`, so deleting is
-- undone by clearing the mark. Its title no longer blocks a new note of the same name, so the
-- unique index on titles covers live notes only; restoring a note whose title was taken since
-- is refused with a clear message.
ALTER TABLE notes ADD COLUMN deleted_at TEXT;
DROP INDEX notes_title;
CREATE UNIQUE INDEX notes_title ON notes (title COLLATE NOCASE) WHERE deleted_at IS NULL;

-- What is being written in the notes editor and not saved yet, written a moment after each
-- keystroke, so a crash or a closed window loses at most that moment. `note_id` 0 is the new
-- note not saved yet; a draft goes when its note is saved or the draft discarded.
CREATE TABLE note_drafts (
    note_id       INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    text          TEXT NOT NULL,
    base_version  INTEGER,   -- the version of the note the draft started from
    saved_at      TEXT NOT NULL
) STRICT;

-- Deleted documents. A document is deleted by moving its rows, and the rows that hang off it,
-- into the trash_* copies below and deleting it from the live tables, so that every list, the
-- timeline and the search index simply no longer see it; restoring moves the rows back with
-- their ids. The row here outlives a purge (which removes the trashed rows, original bytes
-- included) so that a document's id is never given to another document: a note citing @d7
-- must never silently cite a different source.
CREATE TABLE trashed_documents (
    document_id  INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    deleted_at   TEXT NOT NULL,
    purged_at    TEXT
) STRICT;

-- Copies of the live tables' columns. Events, their entities and tags carry the document whose
-- deletion left them without a source. A later migration that adds a column to a live table
-- adds it here too, or a restore leaves it at its default.
CREATE TABLE trash_documents AS SELECT * FROM documents WHERE 0;
CREATE TABLE trash_document_contents AS SELECT * FROM document_contents WHERE 0;
CREATE TABLE trash_document_pages AS SELECT * FROM document_pages WHERE 0;
CREATE TABLE trash_document_structure AS SELECT * FROM document_structure WHERE 0;
CREATE TABLE trash_mentions AS SELECT * FROM mentions WHERE 0;
CREATE TABLE trash_quotes AS SELECT * FROM quotes WHERE 0;
CREATE TABLE trash_event_sources AS SELECT * FROM event_sources WHERE 0;
CREATE TABLE trash_events AS SELECT 0 AS trash_document, * FROM events WHERE 0;
CREATE TABLE trash_event_entities AS SELECT 0 AS trash_document, * FROM event_entities WHERE 0;
CREATE TABLE trash_event_tags AS SELECT 0 AS trash_document, * FROM event_tags WHERE 0;

CREATE INDEX trash_documents_id ON trash_documents (id);
CREATE INDEX trash_document_contents_document ON trash_document_contents (document_id);
CREATE INDEX trash_document_pages_document ON trash_document_pages (document_id);
CREATE INDEX trash_document_structure_document ON trash_document_structure (document_id);
CREATE INDEX trash_mentions_document ON trash_mentions (document_id);
CREATE INDEX trash_quotes_document ON trash_quotes (document_id);
CREATE INDEX trash_event_sources_document ON trash_event_sources (document_id);
CREATE INDEX trash_events_document ON trash_events (trash_document);
CREATE INDEX trash_event_entities_document ON trash_event_entities (trash_document);
CREATE INDEX trash_event_tags_document ON trash_event_tags (trash_document);
