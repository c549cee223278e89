-- How many events start on each day, kept by triggers, so the timeline's first paint over a
-- million documents (about 3.8M events) reads a few thousand rows rather than every event
-- (issue 23). The app draws these counts as density bars and reads the events themselves only
-- for a window it is zoomed into (src/store/timeline_density.rs).
--
-- A row counts the events of one day by kind and status, because those are the timeline's
-- filters that every event carries; the entity and tag filters select few events and are
-- counted from `events` itself. `precise` marks events at most 31 days long, the ones that
-- decide where the timeline opens (ui/src/lib/timeview.ts). `day` is the start's day,
-- floor(earliest / 86400), written so that dates before 1970 round down too (SQLite's integer
-- division rounds toward zero).
CREATE TABLE event_days (
    day      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    status   TEXT NOT NULL,
    precise  INTEGER NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (day, kind, status, precise)
) WITHOUT ROWID, STRICT;

INSERT INTO event_days (day, kind, status, precise, count)
SELECT (earliest - ((earliest % 86400) + 86400) % 86400) / 86400, kind, status,
       latest - earliest <= 2678400, count(*)
FROM events GROUP BY 1, 2, 3, 4;

-- Every way an event comes and goes (extraction, a person's edit, review or merge, the trash
-- and its restore) is an insert, update or delete on `events`, so these three triggers keep
-- the counts exact in the same transaction as the change.
CREATE TRIGGER event_days_insert AFTER INSERT ON events
BEGIN
    INSERT INTO event_days (day, kind, status, precise, count)
    VALUES ((NEW.earliest - ((NEW.earliest % 86400) + 86400) % 86400) / 86400, NEW.kind,
            NEW.status, NEW.latest - NEW.earliest <= 2678400, 1)
    ON CONFLICT (day, kind, status, precise) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER event_days_delete AFTER DELETE ON events
BEGIN
    UPDATE event_days SET count = count - 1
    WHERE day = (OLD.earliest - ((OLD.earliest % 86400) + 86400) % 86400) / 86400
      AND kind = OLD.kind AND status = OLD.status
      AND precise = (OLD.latest - OLD.earliest <= 2678400);
    DELETE FROM event_days
    WHERE day = (OLD.earliest - ((OLD.earliest % 86400) + 86400) % 86400) / 86400
      AND kind = OLD.kind AND status = OLD.status
      AND precise = (OLD.latest - OLD.earliest <= 2678400) AND count <= 0;
END;

CREATE TRIGGER event_days_update AFTER UPDATE OF earliest, latest, kind, status ON events
WHEN OLD.earliest IS NOT NEW.earliest OR OLD.latest IS NOT NEW.latest
  OR OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status
BEGIN
    UPDATE event_days SET count = count - 1
    WHERE day = (OLD.earliest - ((OLD.earliest % 86400) + 86400) % 86400) / 86400
      AND kind = OLD.kind AND status = OLD.status
      AND precise = (OLD.latest - OLD.earliest <= 2678400);
    DELETE FROM event_days
    WHERE day = (OLD.earliest - ((OLD.earliest % 86400) + 86400) % 86400) / 86400
      AND kind = OLD.kind AND status = OLD.status
      AND precise = (OLD.latest - OLD.earliest <= 2678400) AND count <= 0;
    INSERT INTO event_days (day, kind, status, precise, count)
    VALUES ((NEW.earliest - ((NEW.earliest % 86400) + 86400) % 86400) / 86400, NEW.kind,
            NEW.status, NEW.latest - NEW.earliest <= 2678400, 1)
    ON CONFLICT (day, kind, status, precise) DO UPDATE SET count = count + 1;
END;
