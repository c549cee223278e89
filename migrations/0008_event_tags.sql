-- Tags people put on events ("arrest", "extradition") to filter the timeline by theme.
--
-- A tag is stored in its normal form (trimmed, inner whitespace as one space, lower-case; see
-- src/store/event_tags.rs), so comparing tags is comparing strings. Tagging is a person's
-- decision: an unreviewed event that carries a tag survives re-extraction like a cited one.
CREATE TABLE event_tags (
    event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    tag       TEXT NOT NULL CHECK (tag <> '' AND length(tag) <= 40 AND instr(tag, ',') = 0),
    PRIMARY KEY (event_id, tag)
) WITHOUT ROWID, STRICT;

-- The timeline's tag filter and the tag list look events up by tag.
CREATE INDEX event_tags_tag ON event_tags (tag, event_id);

-- An event's tags are part of its search unit (`tag:arrest`), so a change of tags re-indexes
-- the event, in the same transaction, as every change to the event itself does.
CREATE TRIGGER event_tags_journal_insert AFTER INSERT ON event_tags
BEGIN
    INSERT INTO search_journal (unit) VALUES ('event:' || NEW.event_id);
END;

CREATE TRIGGER event_tags_journal_delete AFTER DELETE ON event_tags
BEGIN
    INSERT INTO search_journal (unit) VALUES ('event:' || OLD.event_id);
END;
