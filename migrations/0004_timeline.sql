-- The timeline: events with a resolved date interval and the source spans that report them.
--
-- Every document contributes its publication ('publication'); sentences that carry a date
-- become 'extracted' events; people add 'manual' ones. Status works as for quotes: only
-- 'auto' rows are replaced when extraction runs again.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('publication', 'extracted', 'manual')),
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    value        TEXT NOT NULL,      -- TIMEX3 value, e.g. 2017-W14
    earliest     INTEGER NOT NULL,   -- unix seconds, inclusive
    latest       INTEGER NOT NULL,   -- unix seconds, exclusive
    precision    TEXT NOT NULL,      -- century … second
    status       TEXT NOT NULL DEFAULT 'auto'
                 CHECK (status IN ('auto', 'confirmed', 'rejected', 'edited')),
    created_at   TEXT NOT NULL,
    reviewed_at  TEXT
) STRICT;

CREATE INDEX events_time ON events (earliest, latest);

-- Where an event is reported, with the date that source gives it, so that sources which
-- disagree on the date of a merged event can be shown side by side.
CREATE TABLE event_sources (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,   -- the sentence, chars into document_contents.text
    end          INTEGER NOT NULL,
    date_text    TEXT,               -- the date expression as written, if any
    date_start   INTEGER,
    date_end     INTEGER,
    value        TEXT NOT NULL,
    earliest     INTEGER NOT NULL,
    latest       INTEGER NOT NULL
) STRICT;

CREATE INDEX event_sources_event ON event_sources (event_id);
CREATE INDEX event_sources_document ON event_sources (document_id);

-- The people and organisations an event involves.
CREATE TABLE event_entities (
    event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID, STRICT;

CREATE INDEX event_entities_entity ON event_entities (entity_id);

CREATE TRIGGER events_journal_insert AFTER INSERT ON events
BEGIN
    INSERT INTO search_journal (unit) VALUES ('event:' || NEW.id);
END;

CREATE TRIGGER events_journal_update AFTER UPDATE ON events
BEGIN
    INSERT INTO search_journal (unit) VALUES ('event:' || NEW.id);
END;

CREATE TRIGGER events_journal_delete AFTER DELETE ON events
BEGIN
    INSERT INTO search_journal (unit) VALUES ('event:' || OLD.id);
END;
