//! The team case's PostgreSQL side once connected (`connect` reaches it): the server's own migrations
//! (`migrations-team/`), pushing and pulling changes, grants, and re-hashing originals. All
//! the SQL that runs on the server is here; what a refusal or a lost connection means is said
//! once, in `error`.

use postgres::error::SqlState;
use postgres::Client;

use crate::store::sync_journal::Incoming;
use crate::{Error, Result};

/// The server's schema, versioned like the case file's: each file runs once, in order.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations-team/0001_team_case.sql"),
    include_str!("../../migrations-team/0002_audit_log.sql"),
];

/// Serialises writers: each pushing transaction takes it first, so sequence numbers commit
/// in order and a reader never skips a change committed late with a smaller number.
const PUSH_LOCK: i64 = 0x0D05_5132;

/// Turns a PostgreSQL error into ours: a refused right is `forbidden` and names it; a server
/// that cannot be reached or went away is `unavailable`, with the reassurance that nothing
/// local was lost.
pub fn error(err: postgres::Error, doing: &str) -> Error {
    if let Some(db) = err.as_db_error() {
        if *db.code() == SqlState::INSUFFICIENT_PRIVILEGE {
            return Error::forbidden(format!(
                "the team server refused {doing}: {} (this role may read the case but not \
                 change it; an owner can run `dossier team grant ROLE --editor`); nothing was \
                 written, and your local changes are kept",
                db.message()
            ));
        }
        if db.code().code().starts_with("57") || db.code().code().starts_with("08") {
            return unavailable(doing, db.message());
        }
        return Error::internal(format!(
            "the team server failed {doing}: {} ({})",
            db.message(),
            db.code().code()
        ));
    }
    if err.is_closed() || std::error::Error::source(&err).is_some() {
        return unavailable(doing, &err.to_string());
    }
    Error::internal(format!("the team server failed {doing}: {err}"))
}

fn unavailable(doing: &str, why: &str) -> Error {
    Error::unavailable(format!(
        "the team server could not be reached while {doing} ({why}); nothing local was lost, \
         and the next `dossier sync` finishes the job"
    ))
}

/// Brings the server's schema up to date; refuses a server made by a newer Dossier.
pub fn migrate(client: &mut Client) -> Result<()> {
    client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS team_schema (version integer PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now())",
        )
        .map_err(|e| error(e, "preparing the team schema"))?;
    let mut tx = client
        .transaction()
        .map_err(|e| error(e, "preparing the team schema"))?;
    tx.execute("LOCK TABLE team_schema IN EXCLUSIVE MODE", &[])
        .map_err(|e| error(e, "preparing the team schema"))?;
    let current: i32 = tx
        .query_one("SELECT coalesce(max(version), 0) FROM team_schema", &[])
        .map_err(|e| error(e, "reading the team schema version"))?
        .get(0);
    if current as usize > MIGRATIONS.len() {
        return Err(Error::conflict(format!(
            "the team server's schema is version {current}, newer than this Dossier knows \
             ({}); update Dossier",
            MIGRATIONS.len()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.batch_execute(sql)
            .map_err(|e| error(e, "creating the team schema"))?;
        tx.execute(
            "INSERT INTO team_schema (version) VALUES ($1)",
            &[&(i as i32 + 1)],
        )
        .map_err(|e| error(e, "creating the team schema"))?;
    }
    tx.commit()
        .map_err(|e| error(e, "creating the team schema"))
}

/// Brings an older server's schema up to date before a sync sends anything its tables must
/// hold; a role that may not change the schema is told who can.
pub fn migrate_if_behind(client: &mut Client) -> Result<()> {
    let current: i32 = client
        .query_one("SELECT coalesce(max(version), 0) FROM team_schema", &[])
        .map_err(|e| error(e, "reading the team schema version"))?
        .get(0);
    if current as usize >= MIGRATIONS.len() {
        return Ok(());
    }
    migrate(client).map_err(|e| {
        if e.code == crate::ErrorCode::Forbidden {
            Error::forbidden(format!(
                "the team server's schema is older than this Dossier's and this role may not \
                 update it: whoever owns the database runs `dossier sync` once ({})",
                e.message
            ))
        } else {
            e
        }
    })
}

/// The team case's id, and the role this connection is (every change's author).
pub fn identity(client: &mut Client) -> Result<(Option<String>, String)> {
    let row = client
        .query_one(
            "SELECT (SELECT case_id FROM team_case), current_user::text",
            &[],
        )
        .map_err(|e| {
            if e.code() == Some(&SqlState::UNDEFINED_TABLE) {
                Error::not_found(
                    "this database holds no team case (publish one with `dossier team publish`)",
                )
            } else {
                error(e, "reading the team case")
            }
        })?;
    Ok((row.get(0), row.get(1)))
}

pub fn create_case(client: &mut Client, case_id: &str) -> Result<()> {
    client
        .execute(
            "INSERT INTO team_case (case_id) VALUES ($1) ON CONFLICT DO NOTHING",
            &[&case_id],
        )
        .map_err(|e| error(e, "creating the team case"))?;
    Ok(())
}

/// One change on its way up.
pub struct Outbound {
    pub change_id: String,
    pub kind: String,
    pub payload: String,
    pub original: Option<(String, Vec<u8>)>,
}

/// Pushes changes in one transaction: all of them are on the server, or none. A change already
/// there (a push killed after the server committed) is skipped by its id; since a member
/// decides a change once and keeps it until the server has it, the one there says the same,
/// and one that does not is refused rather than let two members disagree in silence.
pub fn push(client: &mut Client, changes: &[Outbound]) -> Result<u64> {
    let doing = "sending your changes";
    let mut tx = client.transaction().map_err(|e| error(e, doing))?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&PUSH_LOCK])
        .map_err(|e| error(e, doing))?;
    let original = tx
        .prepare(
            "INSERT INTO originals (sha256, bytes, size) VALUES ($1, $2, $3)
             ON CONFLICT (sha256) DO NOTHING",
        )
        .map_err(|e| error(e, doing))?;
    let change = tx
        .prepare(
            "INSERT INTO changes (change_id, unit, payload) VALUES ($1, $2, CAST($3::text AS jsonb))
             ON CONFLICT (change_id) DO NOTHING",
        )
        .map_err(|e| error(e, doing))?;
    let same = tx
        .prepare("SELECT payload = CAST($2::text AS jsonb) FROM changes WHERE change_id = $1")
        .map_err(|e| error(e, doing))?;
    let mut added = 0;
    let mut chain = None;
    for c in changes {
        if c.kind == "audit" {
            append_audit(&mut tx, c, &mut chain)?;
            continue;
        }
        if let Some((sha256, bytes)) = &c.original {
            tx.execute(&original, &[sha256, bytes, &(bytes.len() as i64)])
                .map_err(|e| error(e, doing))?;
        }
        let new = tx
            .execute(&change, &[&c.change_id, &c.kind, &c.payload])
            .map_err(|e| error(e, doing))?;
        if new == 0 {
            let agrees: bool = tx
                .query_one(&same, &[&c.change_id, &c.payload])
                .map_err(|e| error(e, doing))?
                .get(0);
            if !agrees {
                return Err(Error::conflict(format!(
                    "the team server already holds change {} with other content than this \
                     case sends under that id; nothing was written",
                    c.change_id
                )));
            }
        }
        added += new;
    }
    tx.commit().map_err(|e| error(e, doing))?;
    Ok(added)
}

/// Appends one member's audit entry to the team's chain, unless an earlier push of the same
/// change already did. `chain` carries the newest entry's id and hash and this role's name
/// from one entry to the next within a push (which holds the push lock, so nobody else
/// appends in between).
fn append_audit(
    tx: &mut postgres::Transaction<'_>,
    c: &Outbound,
    chain: &mut Option<(i64, String, String)>,
) -> Result<()> {
    let doing = "sending your audit log";
    let known = tx
        .query_opt(
            "SELECT 1 FROM audit_log WHERE change_id = $1",
            &[&c.change_id],
        )
        .map_err(|e| error(e, doing))?;
    if known.is_some() {
        return Ok(());
    }
    if chain.is_none() {
        let row = tx
            .query_one(
                "SELECT (SELECT id FROM audit_log ORDER BY id DESC LIMIT 1),
                        (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                        current_user::text",
                &[],
            )
            .map_err(|e| error(e, doing))?;
        *chain = Some((
            row.get::<_, Option<i64>>(0).unwrap_or(0),
            row.get::<_, Option<String>>(1)
                .unwrap_or_else(|| crate::audit::GENESIS.to_string()),
            row.get(2),
        ));
    }
    let Some((last_id, last_hash, role)) = chain.as_mut() else {
        return Ok(());
    };
    let entry: serde_json::Value = serde_json::from_str(&c.payload)?;
    let field = |k: &str| entry[k].as_str().unwrap_or_default().to_string();
    let (time, action, target, detail) = (
        field("time"),
        field("action"),
        field("target"),
        field("detail"),
    );
    let member = c.change_id.rsplit_once('-').map_or("", |(m, _)| m);
    let id = *last_id + 1;
    let hash = crate::audit::entry_hash(
        id,
        &time,
        &action,
        &target,
        Some(role.as_str()),
        &detail,
        last_hash,
    );
    // The author is `current_user` as the server knows it, the same name the hash covers.
    tx.execute(
        "INSERT INTO audit_log (id, change_id, member, time, action, target, author, detail,
             prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, current_user, $7, $8, $9)",
        &[
            &id,
            &c.change_id,
            &member,
            &time,
            &action,
            &target,
            &detail,
            &*last_hash,
            &hash,
        ],
    )
    .map_err(|e| error(e, doing))?;
    *last_id = id;
    *last_hash = hash;
    Ok(())
}

/// Up to `limit` changes after `after`, with the originals of the documents among them.
pub fn pull(
    client: &mut Client,
    after: i64,
    limit: i64,
) -> Result<Vec<(Incoming, Option<Vec<u8>>)>> {
    let rows = client
        .query(
            "SELECT c.seq, c.change_id, c.unit, c.payload::text, c.author,
                to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
                o.bytes
             FROM changes c
             LEFT JOIN originals o ON c.unit = 'document' AND o.sha256 = c.payload->>'sha256'
             WHERE c.seq > $1 ORDER BY c.seq LIMIT $2",
            &[&after, &limit],
        )
        .map_err(|e| error(e, "fetching the team's changes"))?;
    rows.into_iter()
        .map(|row| {
            let payload: String = row.get(3);
            Ok((
                Incoming {
                    server_seq: row.get(0),
                    change_id: row.get(1),
                    unit: row.get(2),
                    payload: serde_json::from_str(&payload)?,
                    author: row.get(4),
                    at: row.get(5),
                },
                row.get(6),
            ))
        })
        .collect()
}

/// Notes how far this member has synced, for the team's status; a role without the right
/// (a reader on an older grant) skips it rather than failing its sync.
pub fn record_member(client: &mut Client, member: &str, seq: i64) -> Result<()> {
    match client.execute(
        "INSERT INTO members (member_id, last_seq) VALUES ($1, $2)
         ON CONFLICT (member_id) DO UPDATE SET last_seq = excluded.last_seq, last_sync = now(),
             role = current_user",
        &[&member, &seq],
    ) {
        Ok(_) => Ok(()),
        Err(e) if e.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) => Ok(()),
        Err(e) => Err(error(e, "recording this member's sync")),
    }
}

/// Gives an existing role its rights on the team case: a reader may read every table; an
/// editor may also add changes and originals. Nobody may update or delete them.
pub fn grant(client: &mut Client, role: &str, editor: bool) -> Result<()> {
    let exists: bool = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
            &[&role],
        )
        .map_err(|e| error(e, "looking up the role"))?
        .get(0);
    if !exists {
        return Err(Error::not_found(format!(
            "no PostgreSQL role '{role}': roles are created by whoever runs the database \
             (CREATE ROLE {role} LOGIN)"
        )));
    }
    let role = format!("\"{}\"", role.replace('"', "\"\""));
    let mut sql = format!(
        "GRANT USAGE ON SCHEMA public TO {role};
         GRANT SELECT ON team_schema, team_case, originals, changes, members, audit_log
             TO {role};
         GRANT INSERT, UPDATE ON members TO {role};
         REVOKE INSERT ON originals, changes, audit_log FROM {role};"
    );
    if editor {
        sql.push_str(&format!(
            "GRANT INSERT ON originals, changes, audit_log TO {role};
             GRANT USAGE ON SEQUENCE changes_seq_seq TO {role};"
        ));
    }
    client
        .batch_execute(&sql)
        .map_err(|e| error(e, "granting rights"))
}

/// What `team verify` found on the server.
pub struct ServerCheck {
    pub originals: u64,
    pub bad_originals: Vec<String>,
    pub missing_originals: Vec<String>,
    pub documents: Vec<String>,
    /// Entries of the team's audit chain checked, and where it first breaks.
    pub audit_entries: u64,
    pub audit_problem: Option<String>,
}

/// Re-hashes every original on the server, a page at a time, lists the documents the log
/// names (those whose last fate was a deletion left out) with whether their original is
/// there, and walks the team's audit chain.
pub fn check(client: &mut Client) -> Result<ServerCheck> {
    let doing = "checking the team case";
    let mut out = ServerCheck {
        originals: 0,
        bad_originals: Vec::new(),
        missing_originals: Vec::new(),
        documents: Vec::new(),
        audit_entries: 0,
        audit_problem: None,
    };
    let mut after = String::new();
    loop {
        let rows = client
            .query(
                "SELECT sha256, bytes FROM originals WHERE sha256 > $1 ORDER BY sha256 LIMIT 200",
                &[&after],
            )
            .map_err(|e| error(e, doing))?;
        if rows.is_empty() {
            break;
        }
        for row in rows {
            let sha256: String = row.get(0);
            let bytes: Vec<u8> = row.get(1);
            out.originals += 1;
            if crate::digest::sha256_hex(&bytes) != sha256 {
                out.bad_originals.push(sha256.clone());
            }
            after = sha256;
        }
    }
    for row in client
        .query(
            "SELECT DISTINCT c.payload->>'sha256', o.sha256 IS NULL,
                coalesce((SELECT f.unit = 'document_delete' FROM changes f
                          WHERE f.unit IN ('document_delete', 'document_restore')
                            AND f.payload->>'sha256' = c.payload->>'sha256'
                          ORDER BY f.seq DESC LIMIT 1), false)
             FROM changes c
             LEFT JOIN originals o ON o.sha256 = c.payload->>'sha256'
             WHERE c.unit = 'document'",
            &[],
        )
        .map_err(|e| error(e, doing))?
    {
        let sha256: String = row.get(0);
        if row.get::<_, bool>(1) {
            out.missing_originals.push(sha256.clone());
        }
        // A document the team deleted last is in nobody's live case, only in their trash.
        if !row.get::<_, bool>(2) {
            out.documents.push(sha256);
        }
    }
    let mut chain = crate::audit::ChainCheck::default();
    let mut after = 0i64;
    loop {
        let rows = client
            .query(
                "SELECT id, time, action, target, author, detail, prev_hash, hash FROM audit_log
                 WHERE id > $1 ORDER BY id LIMIT 1000",
                &[&after],
            )
            .map_err(|e| error(e, doing))?;
        if rows.is_empty() {
            break;
        }
        for row in rows {
            let entry = crate::audit::Row {
                id: row.get(0),
                time: row.get(1),
                action: row.get(2),
                target: row.get(3),
                author: row.get(4),
                detail: row.get(5),
                prev_hash: row.get(6),
                hash: row.get(7),
            };
            after = entry.id;
            chain.push(&entry);
        }
    }
    out.audit_entries = chain.checked as u64;
    out.audit_problem = chain
        .broken
        .map(|(_, problem)| format!("the team server's {problem}"));
    Ok(out)
}
