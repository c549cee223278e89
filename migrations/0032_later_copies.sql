-- Which documents are later copies, kept on the row by triggers (issue 23). The library shows
-- a group of near-duplicates as its first-imported copy still in the case, and found those
-- rows by looking up each walked document's group: at a million documents where each story
-- has about 43 copies, a 200-row page walked 8,600 documents and their groups (0.6-4.3 s),
-- and the End key and the count read every group. With the flag kept here, partial indexes
-- of the documents that are not later copies (23k of 1M in that case) give each order's rows
-- directly.
--
-- `later_copy` is 1 exactly when the document's group (migration 0017) has a member with a
-- smaller id that is in `documents`; a document without a group, or the first of its group
-- still in the case, has 0. Trashed documents are out of `documents`, so a copy whose first
-- member goes to the trash becomes the one shown, and the reverse on a restore. `verify`
-- recomputes every flag and names a disagreement (`integrity::kept_tables_disagreeing`).
--
-- A filtered library still asks each matching later copy whether an earlier member passes
-- the same filter; the flag only spares that question for the rows that have no earlier
-- member at all.
ALTER TABLE documents ADD COLUMN later_copy INTEGER NOT NULL DEFAULT 0;
-- The trash copies a document's row by the live table's columns.
ALTER TABLE trash_documents ADD COLUMN later_copy INTEGER NOT NULL DEFAULT 0;

-- A change of the flag is not a change of the document the search index holds, nor of a mail
-- thread: those triggers fire for any other change, as before.
DROP TRIGGER IF EXISTS documents_journal_update;
CREATE TRIGGER documents_journal_update AFTER UPDATE ON documents
    WHEN NEW.later_copy IS OLD.later_copy
BEGIN
    INSERT INTO search_journal (unit) VALUES ('document:' || NEW.id);
END;

DROP TRIGGER IF EXISTS mail_version_update;
CREATE TRIGGER mail_version_update AFTER UPDATE ON documents
    WHEN (NEW.format = 'email' OR OLD.format = 'email') AND NEW.later_copy IS OLD.later_copy
BEGIN
    UPDATE mail_version SET n = n + 1 WHERE id = 1;
END;


-- The documents that are later copies by that definition, asked of the rows themselves: the
-- triggers below set the flag from it, and `verify` compares the flags with it. Asked for one
-- document (`WHERE id = ?`), it is a lookup of its signature and of its group's first members.
CREATE VIEW later_copies_now AS
SELECT s.document_id AS id FROM document_signatures s
JOIN document_signatures o ON o.group_id = s.group_id AND o.document_id < s.document_id
JOIN documents od ON od.id = o.document_id
WHERE s.group_id IS NOT NULL;

UPDATE documents SET later_copy = 1
WHERE EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id);

-- Every trigger below sets the flag of a few documents to what it should be, writing only the
-- rows whose flag changes. Which documents: the one whose group or presence changed, and the
-- members after it in the group it left or joined (it may hide them or stop hiding them); the
-- members before it are not affected by it. Grouping adds documents in id order, so the usual
-- update touches one row.
CREATE TRIGGER later_copies_signature_insert AFTER INSERT ON document_signatures
    WHEN NEW.group_id IS NOT NULL
BEGIN
    UPDATE documents SET later_copy = EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id)
    WHERE id IN (SELECT document_id FROM document_signatures
                 WHERE group_id = NEW.group_id AND document_id >= NEW.document_id)
      AND later_copy <> EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id);
END;

CREATE TRIGGER later_copies_signature_group AFTER UPDATE OF group_id ON document_signatures
BEGIN
    UPDATE documents SET later_copy = EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id)
    WHERE id IN (SELECT NEW.document_id
                 UNION ALL SELECT document_id FROM document_signatures
                 WHERE group_id = OLD.group_id AND document_id > OLD.document_id
                 UNION ALL SELECT document_id FROM document_signatures
                 WHERE group_id = NEW.group_id AND document_id > NEW.document_id)
      AND later_copy <> EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id);
END;

CREATE TRIGGER later_copies_signature_delete AFTER DELETE ON document_signatures
BEGIN
    UPDATE documents SET later_copy = EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id)
    WHERE id IN (SELECT OLD.document_id
                 UNION ALL SELECT document_id FROM document_signatures
                 WHERE group_id = OLD.group_id AND document_id > OLD.document_id)
      AND later_copy <> EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id);
END;

-- An import adds documents before they have a signature, so this usually finds nothing to
-- change; a restore brings back a document whose signature and group waited for it.
CREATE TRIGGER later_copies_document_insert AFTER INSERT ON documents
BEGIN
    UPDATE documents SET later_copy = EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id)
    WHERE id IN (SELECT NEW.id
                 UNION ALL SELECT o.document_id FROM document_signatures s
                 JOIN document_signatures o ON o.group_id = s.group_id
                                           AND o.document_id > s.document_id
                 WHERE s.document_id = NEW.id AND s.group_id IS NOT NULL)
      AND later_copy <> EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id);
END;

CREATE TRIGGER later_copies_document_delete AFTER DELETE ON documents
BEGIN
    UPDATE documents SET later_copy = EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id)
    WHERE id IN (SELECT o.document_id FROM document_signatures s
                 JOIN document_signatures o ON o.group_id = s.group_id
                                           AND o.document_id > s.document_id
                 WHERE s.document_id = OLD.id AND s.group_id IS NOT NULL)
      AND later_copy <> EXISTS (SELECT 1 FROM later_copies_now WHERE id = documents.id);
END;

-- The library's orders (migrations 0001 and 0028) over the rows shown when copies collapse.
CREATE INDEX documents_shown_published ON documents (published_earliest) WHERE later_copy = 0;
CREATE INDEX documents_shown_title ON documents (title COLLATE NOCASE) WHERE later_copy = 0;
CREATE INDEX documents_shown_kind ON documents (kind) WHERE later_copy = 0;
CREATE INDEX documents_shown_outlet ON documents (outlet COLLATE NOCASE) WHERE later_copy = 0;
CREATE INDEX documents_shown ON documents (id) WHERE later_copy = 0;
