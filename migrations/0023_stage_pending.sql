-- Which documents the extraction stage and the copy-grouping pass still have to do, kept by
-- triggers (issue 23). Both passes used to find their work by walking every document and
-- looking for a missing row: at a million documents that walk read the whole `documents`
-- table twice per pass (a count for the progress bar, then the first pending id), 3 s from a
-- cold cache, which was a third of the time to add 1,000 articles to a big case. These tables
-- hold only the pending ids, so both reads cost what is pending, not what is done.
--
-- The tables are exact by construction: a document enters when it is inserted without a row
-- saying it is done (a document restored from the trash keeps its old rows, so it is not done
-- again), leaves when its row is written, and comes back when that row is deleted (a new OCR
-- text deletes it). A document that leaves the case leaves them. An extractor version older
-- than the build's is not something a trigger can know: the stage adds such documents to
-- `extraction_pending` from `document_extraction`'s version index when it starts.
CREATE TABLE extraction_pending (
    document_id  INTEGER PRIMARY KEY
) STRICT;

CREATE TABLE grouping_pending (
    document_id  INTEGER PRIMARY KEY
) STRICT;

INSERT INTO extraction_pending (document_id)
SELECT d.id FROM documents d
WHERE NOT EXISTS (SELECT 1 FROM document_extraction e WHERE e.document_id = d.id);

INSERT INTO grouping_pending (document_id)
SELECT d.id FROM documents d
WHERE NOT EXISTS (SELECT 1 FROM document_signatures s WHERE s.document_id = d.id);

CREATE TRIGGER documents_pending_insert AFTER INSERT ON documents
BEGIN
    INSERT OR IGNORE INTO extraction_pending (document_id)
    SELECT NEW.id WHERE NOT EXISTS
        (SELECT 1 FROM document_extraction WHERE document_id = NEW.id);
    INSERT OR IGNORE INTO grouping_pending (document_id)
    SELECT NEW.id WHERE NOT EXISTS
        (SELECT 1 FROM document_signatures WHERE document_id = NEW.id);
END;

CREATE TRIGGER documents_pending_delete AFTER DELETE ON documents
BEGIN
    DELETE FROM extraction_pending WHERE document_id = OLD.id;
    DELETE FROM grouping_pending WHERE document_id = OLD.id;
END;

CREATE TRIGGER extraction_pending_done AFTER INSERT ON document_extraction
BEGIN
    DELETE FROM extraction_pending WHERE document_id = NEW.document_id;
END;

CREATE TRIGGER extraction_pending_redone AFTER UPDATE ON document_extraction
BEGIN
    DELETE FROM extraction_pending WHERE document_id = NEW.document_id;
END;

CREATE TRIGGER extraction_pending_undone AFTER DELETE ON document_extraction
BEGIN
    INSERT OR IGNORE INTO extraction_pending (document_id)
    SELECT OLD.document_id WHERE EXISTS (SELECT 1 FROM documents WHERE id = OLD.document_id);
END;

CREATE TRIGGER grouping_pending_done AFTER INSERT ON document_signatures
BEGIN
    DELETE FROM grouping_pending WHERE document_id = NEW.document_id;
END;

CREATE TRIGGER grouping_pending_undone AFTER DELETE ON document_signatures
BEGIN
    INSERT OR IGNORE INTO grouping_pending (document_id)
    SELECT OLD.document_id WHERE EXISTS (SELECT 1 FROM documents WHERE id = OLD.document_id);
END;
