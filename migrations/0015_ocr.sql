-- Optical character recognition of scanned pages (issue 19).
--
-- A scanned PDF page or an image is imported with `needs_ocr` and the text it has (often none);
-- the OCR stage then recognises its pages one at a time in the background. Each recognised
-- page is committed here on its own, so a stage killed at any moment resumes at the next page
-- rather than at the start of a 300-page scan. When every page of a document is done, its text
-- is written once from the pages, in one transaction that also records how (in
-- `document_ocr`), removes the job and these rows, and makes the document pending for the
-- extraction stage.
--
-- The tables have no foreign keys, like `document_extraction`: a document id is never reused,
-- and every query joins `documents`, so rows of a document in the trash or purged are never
-- seen; a restored document keeps its OCR record.

-- A document waiting for OCR, with the languages it is to be read in (`eng+deu`) and the
-- physical pages to recognise (JSON array); written by the import (`--ocr-lang`, else the
-- case default) and by `dossier ocr ID`.
CREATE TABLE ocr_jobs (
    document_id  INTEGER PRIMARY KEY,
    languages    TEXT NOT NULL,
    pages        TEXT NOT NULL
) STRICT;

-- One recognised page of a pending job: its text as the engine wrote it, the low-confidence
-- words as char spans into that text (JSON [[start, end], ...]), the mean word confidence
-- (0-100), and, when the page could not be read, why.
CREATE TABLE ocr_pages (
    document_id  INTEGER NOT NULL,
    physical     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    low          TEXT NOT NULL DEFAULT '[]',
    words        INTEGER NOT NULL DEFAULT 0,
    confidence   REAL,
    error        TEXT,
    PRIMARY KEY (document_id, physical)
) STRICT;

-- How a document's text came from OCR: the engine and its version, the languages, the mean
-- word confidence, the physical pages recognised (JSON array), the words under the confidence
-- threshold as char spans into the stored text (JSON [[start, end], ...]), and the pages that
-- could not be read with why (JSON [[page, "why"], ...]).
CREATE TABLE document_ocr (
    document_id      INTEGER PRIMARY KEY,
    engine           TEXT NOT NULL,
    languages        TEXT NOT NULL,
    mean_confidence  REAL,
    pages            TEXT NOT NULL,
    low_confidence   TEXT NOT NULL DEFAULT '[]',
    failed_pages     TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- Settings of the case as a whole; `ocr_languages` is the languages scans are read in when
-- an import names none.
CREATE TABLE case_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

-- Scans imported by an older build wait as `needs_ocr` with no job; they become jobs for
-- every page with (almost) no text, in English, the default.
INSERT INTO ocr_jobs (document_id, languages, pages)
SELECT s.document_id, 'eng',
       (SELECT json_group_array(p.physical) FROM document_pages p
         WHERE p.document_id = s.document_id AND p.end - p.start < 24)
FROM document_structure s JOIN documents d ON d.id = s.document_id
WHERE s.text_status = 'needs_ocr';
