-- How many quotes each publication day holds, by review status and kind, kept by triggers
-- (issue 23). The Quotes list is in publication order and a page was found by walking the
-- documents' publication index and each one's quotes up to its offset: the middle page of a
-- million documents (2.85M quotes) skipped 1.4M index entries and took 1.08 s. Summing these
-- rows finds the day a page starts on, and the walk starts at that day's first document.
--
-- A quote counts under its document's day, floor(published_earliest / 86400), written as in
-- migration 0022 so that dates before 1970 round down too. `published_earliest` is in unix
-- seconds and may carry a time of day; a day is a range of it with nothing of another day in
-- between, so the documents of one row are exactly the ones the walk reads together. A
-- document without a date counts under `undated` = 1 (with `day` 0, since a key cannot be
-- NULL), which sorts after every date as the list's `published_earliest IS NULL` does.
--
-- Documents in the trash are out of `documents` and their quotes out of `quotes`, so, as for
-- `quote_tallies`, they count nowhere. A row may stay at zero after its quotes go; readers skip
-- rows with nothing to count.
CREATE TABLE quote_day_tallies (
    undated  INTEGER NOT NULL,
    day      INTEGER NOT NULL,
    status   TEXT NOT NULL,
    kind     TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (undated, day, status, kind)
) WITHOUT ROWID, STRICT;

INSERT INTO quote_day_tallies (undated, day, status, kind, n)
SELECT d.published_earliest IS NULL,
       coalesce((d.published_earliest - ((d.published_earliest % 86400) + 86400) % 86400)
                / 86400, 0),
       q.status, q.kind, count(*)
FROM quotes q JOIN documents d ON d.id = q.document_id
GROUP BY 1, 2, 3, 4;

-- A quote comes and goes with its document's day, read from the document. A document's
-- delete (the trash, a purge) removes its row before its quotes cascade, so the quotes' delete
-- trigger finds no day then and the document's own trigger, which runs first, subtracts them.
CREATE TRIGGER quote_day_tallies_insert AFTER INSERT ON quotes
BEGIN
    INSERT INTO quote_day_tallies (undated, day, status, kind, n)
    SELECT published_earliest IS NULL,
           coalesce((published_earliest - ((published_earliest % 86400) + 86400) % 86400)
                    / 86400, 0),
           NEW.status, NEW.kind, 1
    FROM documents WHERE id = NEW.document_id
    ON CONFLICT (undated, day, status, kind) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER quote_day_tallies_delete AFTER DELETE ON quotes
BEGIN
    UPDATE quote_day_tallies SET n = n - 1
    WHERE (undated, day) = (
            SELECT published_earliest IS NULL,
                   coalesce((published_earliest - ((published_earliest % 86400) + 86400) % 86400)
                            / 86400, 0)
            FROM documents WHERE id = OLD.document_id)
      AND status = OLD.status AND kind = OLD.kind;
END;

CREATE TRIGGER quote_day_tallies_update AFTER UPDATE OF status, kind, document_id ON quotes
WHEN OLD.status IS NOT NEW.status OR OLD.kind IS NOT NEW.kind
  OR OLD.document_id IS NOT NEW.document_id
BEGIN
    UPDATE quote_day_tallies SET n = n - 1
    WHERE (undated, day) = (
            SELECT published_earliest IS NULL,
                   coalesce((published_earliest - ((published_earliest % 86400) + 86400) % 86400)
                            / 86400, 0)
            FROM documents WHERE id = OLD.document_id)
      AND status = OLD.status AND kind = OLD.kind;
    INSERT INTO quote_day_tallies (undated, day, status, kind, n)
    SELECT published_earliest IS NULL,
           coalesce((published_earliest - ((published_earliest % 86400) + 86400) % 86400)
                    / 86400, 0),
           NEW.status, NEW.kind, 1
    FROM documents WHERE id = NEW.document_id
    ON CONFLICT (undated, day, status, kind) DO UPDATE SET n = n + 1;
END;

-- A document dated anew (a person's correction of its date) moves its quotes to the new day.
CREATE TRIGGER quote_day_tallies_redate AFTER UPDATE OF published_earliest ON documents
WHEN (OLD.published_earliest - ((OLD.published_earliest % 86400) + 86400) % 86400) / 86400
     IS NOT (NEW.published_earliest - ((NEW.published_earliest % 86400) + 86400) % 86400) / 86400
BEGIN
    UPDATE quote_day_tallies
    SET n = n - (SELECT count(*) FROM quotes WHERE document_id = OLD.id
                   AND status = quote_day_tallies.status AND kind = quote_day_tallies.kind)
    WHERE undated = (OLD.published_earliest IS NULL)
      AND day = coalesce((OLD.published_earliest
                          - ((OLD.published_earliest % 86400) + 86400) % 86400) / 86400, 0);
    INSERT INTO quote_day_tallies (undated, day, status, kind, n)
    SELECT NEW.published_earliest IS NULL,
           coalesce((NEW.published_earliest
                     - ((NEW.published_earliest % 86400) + 86400) % 86400) / 86400, 0),
           status, kind, count(*)
    FROM quotes WHERE document_id = NEW.id GROUP BY status, kind
    ON CONFLICT (undated, day, status, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER quote_day_tallies_document_delete BEFORE DELETE ON documents
BEGIN
    UPDATE quote_day_tallies
    SET n = n - (SELECT count(*) FROM quotes WHERE document_id = OLD.id
                   AND status = quote_day_tallies.status AND kind = quote_day_tallies.kind)
    WHERE undated = (OLD.published_earliest IS NULL)
      AND day = coalesce((OLD.published_earliest
                          - ((OLD.published_earliest % 86400) + 86400) % 86400) / 86400, 0);
END;
