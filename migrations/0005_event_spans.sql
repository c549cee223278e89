-- Events by the length of their interval. A range query ("events overlapping March 2017") is
-- two-sided, and the (earliest, latest) index alone answers it by scanning every event that
-- starts before the range ends. Short events (up to 427 days: every day, week, month, quarter
-- and year) that overlap a range start at most 427 days before it, a tight range on this
-- index; the few long ones ("the 1990s", "since 2003") are read apart. The 427 days must
-- match `SHORT` in src/store/events.rs.
ALTER TABLE events ADD COLUMN is_long INTEGER
    GENERATED ALWAYS AS (latest - earliest > 36892800) VIRTUAL;

CREATE INDEX events_by_length ON events (is_long, earliest, latest);
