-- The server side of a team case (issue 20), on a PostgreSQL database of its own.
--
-- The case travels as a log of changes, each carrying its author (the PostgreSQL role that
-- wrote it, never a name a client claims) and its time, and each member's local case file is
-- what the log makes. Originals are stored once by SHA-256, so two members importing the same
-- file make one document. Rights are PostgreSQL's own: `dossier team grant` gives a role
-- SELECT (reader) or SELECT and INSERT (editor); nothing is ever updated or deleted here.

CREATE TABLE team_case (
    only_row    boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    case_id     text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text NOT NULL DEFAULT current_user
);

CREATE TABLE originals (
    sha256    text PRIMARY KEY,
    bytes     bytea NOT NULL,
    size      bigint NOT NULL,
    added_by  text NOT NULL DEFAULT current_user,
    added_at  timestamptz NOT NULL DEFAULT now()
);

-- `seq` is the order every member applies changes in. Writers take a lock on the table for
-- their whole transaction, so sequence numbers commit in order and a reader that has seen
-- seq N has seen every change before it.
CREATE TABLE changes (
    seq        bigserial PRIMARY KEY,
    change_id  text NOT NULL UNIQUE,
    unit       text NOT NULL,
    payload    jsonb NOT NULL,
    author     text NOT NULL DEFAULT current_user,
    at         timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Which member last pulled up to where: what the app's "who synced" status reads.
CREATE TABLE members (
    member_id   text PRIMARY KEY,
    role        text NOT NULL DEFAULT current_user,
    last_seq    bigint NOT NULL DEFAULT 0,
    last_sync   timestamptz NOT NULL DEFAULT now()
);
