-- The team's audit trail (issue 20): every member's audit log entries, in the order the
-- server received them, hash-chained again here with the author PostgreSQL knows them by.
--
-- A member's case keeps its own chain (migration 0019 of the case file); this one chains the
-- team's. Each pushing transaction holds the push lock, reads the newest entry's hash and
-- appends its entries after it with the hash `crate::audit` computes over the entry and that
-- hash, so an edited, removed or reordered row breaks the chain where it happened and
-- `dossier team verify` names it. `author` is `current_user`, never a name the client gives;
-- `target` names the author's own local ids (`document:12`), as their log wrote it, and
-- `member` says whose case those ids are in. Like the rest, never updated or deleted.
CREATE TABLE audit_log (
    id         bigint PRIMARY KEY,
    change_id  text NOT NULL UNIQUE,
    member     text NOT NULL,
    time       text NOT NULL,
    action     text NOT NULL,
    target     text NOT NULL,
    author     text NOT NULL,
    detail     text NOT NULL,
    prev_hash  text NOT NULL,
    hash       text NOT NULL
);

-- Roles granted their rights before this table existed get the same rights on it: readers
-- may read it, editors may also append to it.
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT grantee, privilege_type FROM information_schema.role_table_grants
             WHERE table_name = 'changes' AND privilege_type IN ('SELECT', 'INSERT')
               AND grantee <> current_user
    LOOP
        EXECUTE format('GRANT %s ON audit_log TO %I', r.privilege_type, r.grantee);
    END LOOP;
END $$;
