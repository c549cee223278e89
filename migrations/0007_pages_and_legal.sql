-- Pages of paginated sources (PDF): where each page lies in the document's normalized text,
-- in chars, so that any span can be cited by page ("p. 12"). The spans of one document tile
-- its text in order. `number` is the printed page number when the page shows one.
CREATE TABLE document_pages (
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    physical     INTEGER NOT NULL,
    number       INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    PRIMARY KEY (document_id, physical)
) WITHOUT ROWID;

-- What import learned about a document's text beyond the text itself: whether pages had no
-- text layer (`needs_ocr`), and the legal structure of a court filing (court, case number,
-- caption, counts, paragraphs) as JSON. A row exists only for documents with something to say.
CREATE TABLE document_structure (
    document_id  INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    text_status  TEXT NOT NULL DEFAULT 'text' CHECK (text_status IN ('text', 'needs_ocr')),
    legal        TEXT
);
