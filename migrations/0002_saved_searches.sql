-- Saved searches: a query kept in the case under a name a person chose.
CREATE TABLE saved_searches (
    name      TEXT PRIMARY KEY,
    query     TEXT NOT NULL,
    saved_at  TEXT NOT NULL                    -- RFC 3339, UTC
) STRICT;

-- The search index beside the case file is a cache. Every change to a document is journaled
-- here in the same transaction, so an index that missed changes (a crash between the SQLite
-- commit and the index commit, another program writing the case) catches up on next open by
-- re-indexing the documents journaled after the sequence number its last commit recorded.
-- Rows the index has committed are pruned.
CREATE TABLE search_journal (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  INTEGER NOT NULL
) STRICT;

CREATE TRIGGER documents_journal_insert AFTER INSERT ON documents
BEGIN
    INSERT INTO search_journal (document_id) VALUES (NEW.id);
END;

CREATE TRIGGER documents_journal_update AFTER UPDATE ON documents
BEGIN
    INSERT INTO search_journal (document_id) VALUES (NEW.id);
END;

CREATE TRIGGER documents_journal_delete AFTER DELETE ON documents
BEGIN
    INSERT INTO search_journal (document_id) VALUES (OLD.id);
END;
