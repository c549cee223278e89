-- Mail threads in the library (issue 21). Threads are still computed when asked, never stored
-- (src/mail/threads.rs): a message imported later must join its thread at once. What the
-- library keeps is a per-connection copy of them in a TEMP table (store::document_page), and
-- these two things make keeping it cheap at a million documents.
--
-- The emails are found through a partial index instead of reading every document's row:
-- `format` has no index, and threading read each of a million rows to find a few thousand.
CREATE INDEX documents_emails ON documents (id) WHERE format = 'email';

-- A counter every change to an email bumps (an import, an edit of its title or date, the
-- trash, a restore, a team member's message), so the library knows its copy of the threads
-- is stale from one row instead of comparing every email.
CREATE TABLE mail_version (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    n   INTEGER NOT NULL
) STRICT;

INSERT INTO mail_version (id, n) VALUES (1, 0);

CREATE TRIGGER mail_version_insert AFTER INSERT ON documents WHEN NEW.format = 'email'
BEGIN
    UPDATE mail_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER mail_version_update AFTER UPDATE ON documents
    WHEN NEW.format = 'email' OR OLD.format = 'email'
BEGIN
    UPDATE mail_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER mail_version_delete AFTER DELETE ON documents WHEN OLD.format = 'email'
BEGIN
    UPDATE mail_version SET n = n + 1 WHERE id = 1;
END;
