-- People's tags and marks on documents (issue 22): tags in the normal form of event tags
-- (src/store/event_tags.rs), a star, and "reviewed".
--
-- Like `document_extraction` these tables have no foreign key to `documents`: a document id
-- is never reused, so a deleted document's tags wait here while it is in the trash and come
-- back with it, and every list and count joins `documents`, so a trashed document's rows are
-- never seen. Purging a document deletes them (store::trash::purge).
CREATE TABLE document_tags (
    document_id  INTEGER NOT NULL,
    tag          TEXT NOT NULL CHECK (tag <> '' AND length(tag) <= 40 AND instr(tag, ',') = 0),
    PRIMARY KEY (document_id, tag)
) WITHOUT ROWID, STRICT;

-- The tag list, and tagging or untagging by tag, look documents up by tag.
CREATE INDEX document_tags_tag ON document_tags (tag, document_id);

-- A row only for a document with a mark; a document without one is neither starred nor
-- reviewed.
CREATE TABLE document_marks (
    document_id  INTEGER PRIMARY KEY,
    starred      INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    reviewed     INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1))
) STRICT;

-- A bulk action over documents (tag, untag, star, unstar, mark or unmark reviewed) and the
-- documents it actually changed, so that undoing it reverses exactly those and leaves alone
-- the documents that already were as the action made them.
CREATE TABLE bulk_actions (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL,
    value      TEXT NOT NULL,
    done_at    TEXT NOT NULL,
    undone_at  TEXT
) STRICT;

CREATE TABLE bulk_action_documents (
    bulk_id      INTEGER NOT NULL REFERENCES bulk_actions (id) ON DELETE CASCADE,
    document_id  INTEGER NOT NULL,
    PRIMARY KEY (bulk_id, document_id)
) WITHOUT ROWID, STRICT;

-- Tags and marks are part of a document's search unit (`tag:`, `is:starred`, the tags
-- facet), so changing them re-indexes the document in the same transaction.
CREATE TRIGGER document_tags_journal_insert AFTER INSERT ON document_tags
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || NEW.document_id);
END;

CREATE TRIGGER document_tags_journal_delete AFTER DELETE ON document_tags
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || OLD.document_id);
END;

CREATE TRIGGER document_marks_journal_insert AFTER INSERT ON document_marks
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || NEW.document_id);
END;

CREATE TRIGGER document_marks_journal_update AFTER UPDATE ON document_marks
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || NEW.document_id);
END;

CREATE TRIGGER document_marks_journal_delete AFTER DELETE ON document_marks
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || OLD.document_id);
END;
