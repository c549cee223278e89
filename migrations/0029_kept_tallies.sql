-- How many quotes each review status and kind holds, and how many quotes and mentions each
-- entity has, kept by triggers (issue 23). The Quotes view counted its list and the People
-- view and the speakers list ranked entities by grouping every quote and every mention: at a
-- million documents (2.9M quotes, 7.5M mentions) each read took 5 to 11 s. With these tallies
-- the unfiltered count sums a handful of rows and the ranking reads one row per entity.
--
-- `entity_tallies.quotes` counts the quotes an entity speaks that a person has not rejected,
-- of every kind, as the ranking always did; `documents` counts the documents that mention it,
-- which resolution weighs namesakes by (counting them per name resolved was a fifth of the
-- time to add 1,000 articles to the 1M case, whose most named people have 200,000 mentions).
-- A mention is its document's first or last of that entity when no other mention of the
-- entity is in the document, which the index on mentions by document answers in a few rows. A tally row may stay at zero after its quotes go;
-- readers skip rows with nothing to count, and a deleted entity's row goes with it.
CREATE TABLE quote_tallies (
    status  TEXT NOT NULL,
    kind    TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (status, kind)
) WITHOUT ROWID, STRICT;

CREATE TABLE entity_tallies (
    entity_id  INTEGER PRIMARY KEY,
    quotes     INTEGER NOT NULL DEFAULT 0,
    mentions   INTEGER NOT NULL DEFAULT 0,
    documents  INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO quote_tallies (status, kind, n)
SELECT status, kind, count(*) FROM quotes GROUP BY status, kind;

INSERT INTO entity_tallies (entity_id, quotes)
SELECT speaker_id, count(*) FROM quotes
WHERE speaker_id IS NOT NULL AND status <> 'rejected' GROUP BY speaker_id;

INSERT INTO entity_tallies (entity_id, mentions, documents)
SELECT entity_id, count(*), count(DISTINCT document_id) FROM mentions WHERE true
GROUP BY entity_id
ON CONFLICT (entity_id) DO UPDATE
SET mentions = excluded.mentions, documents = excluded.documents;

CREATE INDEX entity_tallies_rank ON entity_tallies (quotes DESC, mentions DESC);

CREATE TRIGGER quote_tallies_insert AFTER INSERT ON quotes
BEGIN
    INSERT INTO quote_tallies (status, kind, n) VALUES (NEW.status, NEW.kind, 1)
    ON CONFLICT (status, kind) DO UPDATE SET n = n + 1;
    INSERT INTO entity_tallies (entity_id, quotes)
    SELECT NEW.speaker_id, 1 WHERE NEW.speaker_id IS NOT NULL AND NEW.status <> 'rejected'
    ON CONFLICT (entity_id) DO UPDATE SET quotes = quotes + 1;
END;

CREATE TRIGGER quote_tallies_delete AFTER DELETE ON quotes
BEGIN
    UPDATE quote_tallies SET n = n - 1 WHERE status = OLD.status AND kind = OLD.kind;
    UPDATE entity_tallies SET quotes = quotes - 1
    WHERE entity_id = OLD.speaker_id AND OLD.status <> 'rejected';
END;

CREATE TRIGGER quote_tallies_update AFTER UPDATE OF status, kind, speaker_id ON quotes
BEGIN
    UPDATE quote_tallies SET n = n - 1 WHERE status = OLD.status AND kind = OLD.kind;
    INSERT INTO quote_tallies (status, kind, n) VALUES (NEW.status, NEW.kind, 1)
    ON CONFLICT (status, kind) DO UPDATE SET n = n + 1;
    UPDATE entity_tallies SET quotes = quotes - 1
    WHERE entity_id = OLD.speaker_id AND OLD.status <> 'rejected';
    INSERT INTO entity_tallies (entity_id, quotes)
    SELECT NEW.speaker_id, 1 WHERE NEW.speaker_id IS NOT NULL AND NEW.status <> 'rejected'
    ON CONFLICT (entity_id) DO UPDATE SET quotes = quotes + 1;
END;

CREATE TRIGGER mention_tallies_insert AFTER INSERT ON mentions
BEGIN
    INSERT INTO entity_tallies (entity_id, mentions, documents)
    VALUES (NEW.entity_id, 1, NOT EXISTS (SELECT 1 FROM mentions
        WHERE document_id = NEW.document_id AND entity_id = NEW.entity_id AND id <> NEW.id))
    ON CONFLICT (entity_id) DO UPDATE
    SET mentions = mentions + 1, documents = documents + excluded.documents;
END;

CREATE TRIGGER mention_tallies_delete AFTER DELETE ON mentions
BEGIN
    UPDATE entity_tallies SET mentions = mentions - 1,
        documents = documents - NOT EXISTS (SELECT 1 FROM mentions
            WHERE document_id = OLD.document_id AND entity_id = OLD.entity_id)
    WHERE entity_id = OLD.entity_id;
END;

CREATE TRIGGER mention_tallies_update AFTER UPDATE OF entity_id, document_id ON mentions
BEGIN
    UPDATE entity_tallies SET mentions = mentions - 1,
        documents = documents - NOT EXISTS (SELECT 1 FROM mentions
            WHERE document_id = OLD.document_id AND entity_id = OLD.entity_id)
    WHERE entity_id = OLD.entity_id;
    INSERT INTO entity_tallies (entity_id, mentions, documents)
    VALUES (NEW.entity_id, 1, NOT EXISTS (SELECT 1 FROM mentions
        WHERE document_id = NEW.document_id AND entity_id = NEW.entity_id AND id <> NEW.id))
    ON CONFLICT (entity_id) DO UPDATE
    SET mentions = mentions + 1, documents = documents + excluded.documents;
END;

CREATE TRIGGER entity_tallies_entity_delete AFTER DELETE ON entities
BEGIN
    DELETE FROM entity_tallies WHERE entity_id = OLD.id;
END;

-- The Quotes list is in publication order: walking documents in that order and each one's
-- quotes by position lets a page stop after its rows instead of sorting every quote, and the
-- status and kind in the quote index let the walk skip rejected and scare quotes without
-- reading the quotes themselves. The id breaks a tie of two quotes starting together, so the
-- order is total and a list read backwards from its end is exactly the reverse.
CREATE INDEX documents_publication_order
    ON documents (published_earliest IS NULL, published_earliest, id);
-- The new index replaces the one on (document_id, start), whose work it does too.
DROP INDEX IF EXISTS quotes_document;
CREATE INDEX quotes_in_document ON quotes (document_id, start, id, status, kind);
