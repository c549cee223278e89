-- Near-duplicate sources (issue 21): each document's MinHash signature, its LSH band keys,
-- and the group of near-duplicates it belongs to.
--
-- A document is pending for the copy-grouping pass until it has a row in
-- `document_signatures`; that row, its bands and its group are written in one transaction, so
-- a pass killed at any moment resumes at the first document without a signature.
--
-- Like `document_extraction`, these tables have no foreign keys: a document id is never
-- reused, so a deleted document's rows can wait in place for a restore (its group comes back
-- with it), and every query joins `documents`, so a document in the trash is never counted,
-- listed or matched. The earliest document of a group and each member's similarity to it are
-- computed when read, from the signatures, so a deletion or a corrected publication date
-- never leaves them stale.
CREATE TABLE document_signatures (
    document_id  INTEGER PRIMARY KEY,
    -- How many distinct word shingles the text has; under `copies::MIN_SHINGLES` the document
    -- is never grouped (and has no bands).
    shingles     INTEGER NOT NULL,
    -- `copies::PERMUTATIONS` minimums as little-endian u32.
    signature    BLOB NOT NULL,
    -- The group: the smallest document id in it. NULL while the document has no copy.
    group_id     INTEGER
) STRICT;

CREATE INDEX document_signatures_group ON document_signatures (group_id)
    WHERE group_id IS NOT NULL;

-- One row per band of a signature: documents sharing a key are candidates to compare.
CREATE TABLE signature_bands (
    band_key     INTEGER NOT NULL,
    document_id  INTEGER NOT NULL,
    PRIMARY KEY (band_key, document_id)
) STRICT, WITHOUT ROWID;
