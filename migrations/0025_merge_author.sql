-- Who merged two entities (issue 20: "the app shows who merged two people"). A merge made
-- here carries the member's team role (NULL in a single-user case); a merge pulled from the
-- server carries its author's role and time. Older merges stay NULL: nobody is named for them.
ALTER TABLE entity_merges ADD COLUMN author TEXT;
