-- What a merge changed on the surviving entity, so that undoing it puts that entity back too.
--
-- A merge confirms the surviving entity; before this column an undo left it confirmed although
-- nobody had reviewed it. Merges recorded by an older build have NULL here, and their undo
-- leaves the status as it is, as it always did. (What a merge did to the surviving entity's own
-- aliases is kept per alias in the `aliases` JSON, which needs no new column.)
ALTER TABLE entity_merges ADD COLUMN into_status TEXT;
