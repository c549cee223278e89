//! The team case's PostgreSQL side: connecting (credentials from the URL, `PGPASSFILE` or
//! `~/.pgpass`, never from Dossier's files), the server's own migrations
//! (`migrations-team/`), pushing and pulling changes, grants, and re-hashing originals. All
//! the SQL that runs on the server is here; what a refusal or a lost connection means is said
//! once, in `error`.

use std::str::FromStr;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, Config, NoTls};

use crate::store::sync_journal::Incoming;
use crate::{Error, Result};

/// The server's schema, versioned like the case file's: each file runs once, in order.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations-team/0001_team_case.sql")];

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

/// Connects to the server at `url` (a `postgres://` URL or `key=value` settings). A password
/// the URL leaves out is looked up in `PGPASSFILE` or `~/.pgpass`, as libpq does.
pub fn connect(url: &str) -> Result<Client> {
    let mut config = Config::from_str(url).map_err(|e| {
        Error::invalid_input(format!("'{}' is not a PostgreSQL URL: {e}", redact(url)))
    })?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    if config.get_password().is_none() {
        if let Some(password) = pgpass(&config) {
            config.password(password);
        }
    }
    config.connect(NoTls).map_err(|e| {
        let e = error(e, "connecting");
        if e.code == crate::ErrorCode::Internal {
            Error::unavailable(e.message)
        } else {
            e
        }
    })
}

/// The URL with any password left out, for messages and for the case file.
pub fn redact(url: &str) -> String {
    static QUERY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"([?&])password=[^&\s]*&?").expect("valid pattern")
    });
    static SETTING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(^|\s+)password=('[^']*'|\S*)").expect("valid pattern")
    });
    let url = QUERY.replace_all(url, "$1");
    let url = SETTING.replace_all(&url, "").trim().to_string();
    let url = url.as_str();
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user_part = &url[scheme + 3..at];
            let user = user_part.split(':').next().unwrap_or_default();
            format!("{}{}@{}", &url[..scheme + 3], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// libpq's password file: `host:port:database:user:password` lines, `*` matching anything,
/// `\:` and `\\` escaped; a Unix socket's host matches `localhost` or its folder.
fn pgpass(config: &Config) -> Option<Vec<u8>> {
    let path = std::env::var_os("PGPASSFILE")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".pgpass")))?;
    let content = std::fs::read_to_string(path).ok()?;
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        _ => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let db = config.get_dbname().unwrap_or_default();
    let user = config.get_user().unwrap_or_default();
    pgpass_lookup(&content, [&host, &port, db, user]).map(String::into_bytes)
}

/// The password of the first line of a password file that fits host, port, database and
/// user.
fn pgpass_lookup(content: &str, wanted: [&str; 4]) -> Option<String> {
    for line in content.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => field.extend(chars.next()),
                ':' if fields.len() < 4 => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        if fields.len() != 5 {
            continue;
        }
        let fits = |i: usize| {
            fields[i] == "*"
                || fields[i] == wanted[i]
                || (i == 0 && wanted[0].starts_with('/') && fields[0] == "localhost")
        };
        if (0..4).all(fits) {
            return Some(fields[4].clone());
        }
    }
    None
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
    pub kind: &'static str,
    pub payload: String,
    pub original: Option<(String, Vec<u8>)>,
}

/// Pushes changes in one transaction: all of them are on the server, or none. A change already
/// there (a push killed after the server committed) is skipped by its id.
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
    let mut added = 0;
    for c in changes {
        if let Some((sha256, bytes)) = &c.original {
            tx.execute(&original, &[sha256, bytes, &(bytes.len() as i64)])
                .map_err(|e| error(e, doing))?;
        }
        added += tx
            .execute(&change, &[&c.change_id, &c.kind, &c.payload])
            .map_err(|e| error(e, doing))?;
    }
    tx.commit().map_err(|e| error(e, doing))?;
    Ok(added)
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
         GRANT SELECT ON team_schema, team_case, originals, changes, members TO {role};
         GRANT INSERT, UPDATE ON members TO {role};
         REVOKE INSERT ON originals, changes FROM {role};"
    );
    if editor {
        sql.push_str(&format!(
            "GRANT INSERT ON originals, changes TO {role};
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
}

/// Re-hashes every original on the server, a page at a time, and lists the documents the log
/// names with whether their original is there.
pub fn check(client: &mut Client) -> Result<ServerCheck> {
    let doing = "checking the team case";
    let mut out = ServerCheck {
        originals: 0,
        bad_originals: Vec::new(),
        missing_originals: Vec::new(),
        documents: Vec::new(),
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
            "SELECT DISTINCT c.payload->>'sha256', o.sha256 IS NULL FROM changes c
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
        out.documents.push(sha256);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_leaves_passwords_out_of_urls_and_settings() {
        assert_eq!(
            redact("postgres://alice:s3cret@db.example.org/case"),
            "postgres://alice@db.example.org/case"
        );
        assert_eq!(
            redact("host=/tmp/x password=s3cret user=alice"),
            "host=/tmp/x user=alice"
        );
        assert_eq!(
            redact("postgres://alice@db/case?password=s3cret&sslmode=disable"),
            "postgres://alice@db/case?sslmode=disable"
        );
        assert_eq!(redact("host=/tmp/x user=bob"), "host=/tmp/x user=bob");
    }

    #[test]
    fn pgpass_lines_match_like_libpq() {
        let file = "# comment\n\
                    db.example.org:5432:case:alice:first\n\
                    *:*:*:bob:b\\:colon\n\
                    localhost:5432:*:carol:socket\n";
        let find = |host, user| pgpass_lookup(file, [host, "5432", "case", user]);
        assert_eq!(find("db.example.org", "alice").as_deref(), Some("first"));
        assert_eq!(find("other", "alice"), None);
        assert_eq!(find("anywhere", "bob").as_deref(), Some("b:colon"));
        assert_eq!(find("/run/postgresql", "carol").as_deref(), Some("socket"));
    }
}
