-- The audit trail (issue 22): every change a person makes to the case, appended in the same
-- transaction as the change, so the log and the case never disagree.
--
-- The table is self-contained (no foreign keys, targets are written as text such as
-- `document:12`), so it survives deletes and purges of what it names and a team's sync can
-- copy its rows as they are. `author` is NULL in a single-user case. `detail` is a JSON
-- object as written. Each row carries the hash of the row before it (`prev_hash`; the first
-- row's is 64 zeros) and its own `hash`, a SHA-256 over a canonical encoding of the row and
-- `prev_hash` (src/audit.rs), so an edited, removed or reordered row breaks the chain where
-- it happened and `verify` names it.
--
-- AUTOINCREMENT keeps the largest id ever given in `sqlite_sequence`, which is how `verify`
-- notices the newest rows removed, where no later row's `prev_hash` would.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    time       TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT NOT NULL,
    author     TEXT,
    detail     TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;

-- `dossier log --since` and the app's panel read the newest entries by time.
CREATE INDEX audit_log_time ON audit_log (time);

-- Append-only: Dossier never updates or deletes a row, and these triggers refuse it to
-- anything else using SQLite's ordinary API. Someone who drops them can still edit the file,
-- which is what the hash chain is for.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
