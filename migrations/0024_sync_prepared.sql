-- Team cases (issue 20): what a change goes up as is decided, and kept, before it is pushed.
--
-- Until now a push read each unit's state, built its payload and gave it an id inside the
-- transaction that also marked it pushed, after the server's commit. A sync killed between
-- the two left the server with the change and the case without any trace of what it had
-- said: the next push built the payload again, and whatever was decided on the way (a
-- note's uid drawn at random, a review's time read from the clock) came out different under
-- the same change id, which the server ignored. The members then disagreed for good (the
-- convergence test's note under two uids). Now a push first writes each row's change id,
-- kind and payload here and commits; the server gets exactly these bytes, as many times as
-- it takes, and keeps them once.
ALTER TABLE sync_outbox ADD COLUMN change_id TEXT;
ALTER TABLE sync_outbox ADD COLUMN kind TEXT;
ALTER TABLE sync_outbox ADD COLUMN payload TEXT;
-- The SHA-256 of the original a document change carries; the bytes stay in the case and are
-- read when the change is sent.
ALTER TABLE sync_outbox ADD COLUMN original TEXT;

-- What did not travel yet and now does: a document's deletion and restoration, a quote's
-- corrected span, and the audit log's entries.
--
-- A restore puts the document's row back while `trashed_documents` still names it, which
-- tells it apart from an import: it travels as a restore, not as a new document.
DROP TRIGGER sync_documents_insert;
CREATE TRIGGER sync_documents_insert AFTER INSERT ON documents
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) SELECT
        CASE WHEN EXISTS (SELECT 1 FROM trashed_documents WHERE document_id = NEW.id)
             THEN 'document_restore:' ELSE 'document:' END || NEW.id;
END;

CREATE TRIGGER sync_documents_delete AFTER INSERT ON trashed_documents
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) VALUES ('document_delete:' || NEW.document_id);
END;

-- A quote is known to every member by its span, so a corrected span says which span it was.
CREATE TRIGGER sync_quotes_span AFTER UPDATE OF start, end ON quotes
WHEN (NEW.start <> OLD.start OR NEW.end <> OLD.end)
    AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit, detail)
        VALUES ('quote_edit:' || NEW.id, OLD.start || ':' || OLD.end);
END;

CREATE TRIGGER sync_audit_log_insert AFTER INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'url')
BEGIN
    INSERT INTO sync_outbox (unit) VALUES ('audit:' || NEW.id);
END;
