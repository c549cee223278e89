-- Which documents the extraction stage has done, and with which extractor version (issue 23).
--
-- Documents are imported first and extracted in a stage of their own, which may be killed at
-- any moment: a document is pending until a row here says it was extracted with the current
-- `extraction::EXTRACTOR_VERSION`, and that row is written in the same transaction as what
-- the extractors found in it, so a killed stage never does a document twice nor skips one.
--
-- It is a table of its own rather than a column of `documents` so that marking a document
-- extracted does not fire the search journal's trigger on `documents` (which would re-index
-- it) nor change the shape the trash copies `documents` rows in. It has no foreign key: a
-- document id is never reused, so the row can outlive a move to the trash and back (a
-- restored document is not extracted again), and a purged document's row is never counted
-- because every count joins `documents`.
CREATE TABLE document_extraction (
    document_id  INTEGER PRIMARY KEY,
    version      INTEGER NOT NULL
) STRICT;

CREATE INDEX document_extraction_version ON document_extraction (version);

-- A case made by an older build extracted its documents inside the import, with the
-- extractors this build calls version 1, unless it was told `--no-extract`. A document with
-- anything extraction writes (a quote, a mention, an event source: every dated document has
-- its publication event) counts as extracted with version 1, so opening a big old case does
-- not re-run minutes of extraction and churn its proposals for nothing. A document with none
-- stays pending: that is every document imported with `--no-extract`, whose extraction the old
-- build left to a later `reextract`, plus texts with nothing to find, which cost little to run
-- again. Documents in the trash are judged the same way by their trashed rows.
INSERT INTO document_extraction (document_id, version)
SELECT d.id, 1 FROM documents d
WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.document_id = d.id)
   OR EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id)
   OR EXISTS (SELECT 1 FROM event_sources s WHERE s.document_id = d.id);

INSERT OR IGNORE INTO document_extraction (document_id, version)
SELECT d.id, 1 FROM trash_documents d
WHERE EXISTS (SELECT 1 FROM trash_quotes q WHERE q.document_id = d.id)
   OR EXISTS (SELECT 1 FROM trash_mentions m WHERE m.document_id = d.id)
   OR EXISTS (SELECT 1 FROM trash_event_sources s WHERE s.document_id = d.id);
