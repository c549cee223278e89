//! The case file: one SQLite database that is the single source of truth of a case.
//!
//! Connection settings (WAL, foreign keys, busy timeout) and migrations are applied here and
//! only here, so every caller gets a connection configured the same way.

pub mod audit;
pub mod authorship;
pub mod copies;
pub mod doc_tags;
pub mod document_page;
pub mod documents;
pub mod entities;
pub mod entity_lists;
pub mod entity_resolution;
pub mod event_tags;
pub mod events;
pub mod extraction;
pub mod integrity;
pub mod lineage;
pub mod lock;
pub mod mail;
pub mod network;
pub mod note_drafts;
pub mod notes;
pub mod ocr;
pub mod pages;
pub mod quotes;
pub mod saved_searches;
pub mod search_journal;
#[cfg(feature = "team")]
pub mod sync_apply;
#[cfg(feature = "team")]
pub mod sync_journal;
#[cfg(feature = "team")]
pub mod sync_outbox;
pub mod timeline_density;
pub mod timeline_points;
pub mod trash;

use std::path::Path;
use std::sync::LazyLock;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::{Error, Result};

/// Every schema change is an embedded SQL file applied in order. A case made by an older
/// build opens in a newer one because the missing migrations run on open.
static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("../../migrations/0001_documents.sql")),
        M::up(include_str!("../../migrations/0002_saved_searches.sql")),
        M::up(include_str!("../../migrations/0003_attribution.sql")),
        M::up(include_str!("../../migrations/0004_timeline.sql")),
        M::up(include_str!("../../migrations/0005_event_spans.sql")),
        M::up(include_str!("../../migrations/0006_notes.sql")),
        M::up(include_str!("../../migrations/0007_pages_and_legal.sql")),
        M::up(include_str!("../../migrations/0008_event_tags.sql")),
        M::up_with_hook(
            include_str!("../../migrations/0009_integrity.sql"),
            backfill_checksums,
        ),
        M::up(include_str!("../../migrations/0010_nothing_lost.sql")),
        M::up(include_str!("../../migrations/0011_merge_into_status.sql")),
        M::up(include_str!("../../migrations/0014_extraction_state.sql")),
        M::up(include_str!("../../migrations/0015_ocr.sql")),
        M::up(include_str!("../../migrations/0016_team_journal.sql")),
        M::up(include_str!("../../migrations/0017_copies.sql")),
        M::up(include_str!("../../migrations/0019_audit_log.sql")),
        M::up(include_str!("../../migrations/0020_document_tags.sql")),
        M::up(include_str!("../../migrations/0022_event_days.sql")),
        M::up(include_str!("../../migrations/0023_stage_pending.sql")),
        M::up(include_str!("../../migrations/0029_kept_tallies.sql")),
        M::up(include_str!("../../migrations/0024_sync_prepared.sql")),
        M::up(include_str!(
            "../../migrations/0028_library_sort_indexes.sql"
        )),
        M::up(include_str!("../../migrations/0025_merge_author.sql")),
        M::up(include_str!("../../migrations/0026_outlet_tallies.sql")),
        M::up(include_str!("../../migrations/0030_mail_threads.sql")),
        M::up(include_str!("../../migrations/0031_quote_day_tallies.sql")),
        M::up(include_str!("../../migrations/0032_later_copies.sql")),
        M::up(include_str!("../../migrations/0033_role_indexes.sql")),
        M::up_with_hook(
            include_str!("../../migrations/0034_bands_once_per_group.sql"),
            |tx: &rusqlite::Transaction| {
                copies::refile_bands_once_per_group(tx)?;
                Ok(())
            },
        ),
        M::up(include_str!(
            "../../migrations/0035_signature_groups_index.sql"
        )),
    ])
});

/// Fills the text checksums migration 0009 adds for rows written by older builds. SQLite has
/// no SHA-256 of its own, so the migration runs this in its transaction. The checksum is of
/// the text as it is now: an older case can only be vouched for from its migration onwards.
fn backfill_checksums(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    let mut documents: Vec<(i64, String)> = Vec::new();
    {
        let mut stmt = tx.prepare("SELECT document_id, text FROM document_contents")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let text: String = row.get(1)?;
            documents.push((row.get(0)?, crate::digest::sha256_hex(text.as_bytes())));
        }
    }
    for (id, sum) in documents {
        tx.execute(
            "UPDATE document_contents SET text_sha256 = ?2 WHERE document_id = ?1",
            rusqlite::params![id, sum],
        )?;
    }
    let mut versions: Vec<(i64, i64, String)> = Vec::new();
    {
        let mut stmt = tx.prepare("SELECT note_id, version, text FROM note_versions")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let text: String = row.get(2)?;
            versions.push((
                row.get(0)?,
                row.get(1)?,
                crate::digest::sha256_hex(text.as_bytes()),
            ));
        }
    }
    for (note, version, sum) in versions {
        tx.execute(
            "UPDATE note_versions SET text_sha256 = ?3 WHERE note_id = ?1 AND version = ?2",
            rusqlite::params![note, version, sum],
        )?;
    }
    Ok(())
}

/// This case's identity (migration 0009), which the search index records so that an index
/// from another case is never trusted.
pub fn case_id(conn: &Connection) -> Result<String> {
    Ok(conn.query_row(
        "SELECT case_id FROM case_identity WHERE only_row = 1",
        [],
        |r| r.get(0),
    )?)
}

/// Now, as every timestamp in the case is written: RFC 3339, UTC, to the second.
///
/// When `SOURCE_DATE_EPOCH` is set (the reproducible-builds convention: seconds since 1970),
/// that instant is used instead of the clock, so a case built twice from the same sources, and
/// every brief exported from it, come out byte for byte the same.
pub(crate) fn now() -> String {
    static FIXED: LazyLock<Option<chrono::DateTime<chrono::Utc>>> = LazyLock::new(|| {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
    });
    FIXED
        .unwrap_or_else(chrono::Utc::now)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The first bytes of every SQLite database, used to refuse opening other files as cases.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Creates a new, empty case file. Refuses to overwrite an existing file.
pub fn create(path: &Path) -> Result<Connection> {
    if path.exists() {
        return Err(Error::conflict(format!(
            "{} already exists",
            path.display()
        )));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::io_at(parent, &e))?;
    }
    connect(path)
}

/// Opens an existing case file and brings its schema up to date.
pub fn open(path: &Path) -> Result<Connection> {
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut header))
        .map_err(|e| Error::io_at(path, &e))?;
    if read > 0 && (read < header.len() || &header != SQLITE_MAGIC) {
        return Err(Error::invalid_input(format!(
            "{} is not a Dossier case file (it is not an SQLite database)",
            path.display()
        )));
    }
    connect(path)
}

/// Opens a case file for reading only, beside a connection that may be writing to it (an
/// import in the app): WAL lets this reader see every committed batch while the writer works.
/// It never migrates; a case whose schema is behind must first be opened normally.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    use rusqlite::OpenFlags;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Error::io(format!("cannot open case file {}: {e}", path.display())))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "cache_size", -8192)?;
    conn.set_prepared_statement_cache_capacity(64);
    let pending = MIGRATIONS.pending_migrations(&conn).map_err(|e| {
        Error::invalid_input(format!(
            "{} is not a Dossier case file ({e})",
            path.display()
        ))
    })?;
    refuse_newer(path, pending)?;
    if pending != 0 {
        return Err(Error::conflict(format!(
            "{} was made by another version of Dossier; open it normally first",
            path.display()
        )));
    }
    Ok(conn)
}

fn connect(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path)
        .map_err(|e| Error::io(format!("cannot open case file {}: {e}", path.display())))?;
    configure(&conn)?;
    // A case that needs migrating is migrated under the case's write lock, so that two
    // processes opening it at once after an upgrade take turns instead of one failing; a case
    // that is up to date (every other open) never waits for a writer.
    let pending = MIGRATIONS.pending_migrations(&conn).map_err(|e| {
        Error::internal(format!(
            "cannot read the schema version of {}: {e}",
            path.display()
        ))
    })?;
    refuse_newer(path, pending)?;
    let _lock = if pending > 0 {
        Some(lock::acquire(path, |_| {})?)
    } else {
        None
    };
    MIGRATIONS.to_latest(&mut conn).map_err(|e| {
        Error::internal(format!("cannot migrate case file {}: {e}", path.display()))
    })?;
    Ok(conn)
}

/// A case whose schema is ahead of this build's migrations was made or opened by a newer
/// Dossier. It is refused with a code the app can show, and without touching the file (the
/// migration library's own message, "a migration number that is too high", reached people
/// as an internal error).
fn refuse_newer(path: &Path, pending: i32) -> Result<()> {
    if pending >= 0 {
        return Ok(());
    }
    Err(Error::unsupported(format!(
        "{} was made by a newer version of Dossier ({} schema change{} ahead of this one); \
         open it with that version or a later one",
        path.display(),
        -pending,
        if pending == -1 { "" } else { "s" }
    )))
}

/// How long a connection waits for another process's lock before it gives up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Puts the case in WAL mode. A case made by an old build is in rollback-journal mode, and
/// switching it needs an exclusive lock that SQLite tries once, without the busy handler: two
/// processes opening such a case at once saw "database is locked". The switch is retried
/// until the busy timeout instead; once one process has switched, the others find WAL set.
fn switch_to_wal(conn: &Connection) -> Result<()> {
    let started = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return Ok(other?),
        }
    }
}

/// Pragmas for every connection: WAL for crash safety and concurrent readers, foreign keys
/// for referential integrity, and a busy timeout so a second process waits instead of failing.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    switch_to_wal(conn)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // 32 MB of page cache (the default is 2 MB) keeps the indexes an import or a re-extraction
    // writes to in memory, instead of spilling half-written pages to the WAL and reading them
    // back.
    conn.pragma_update(None, "cache_size", -32768)?;
    // Each imported document is written inside a savepoint, and SQLite keeps the pages a
    // savepoint changes in a sub-journal so it can roll them back. On disk that sub-journal
    // cost an import with extraction a write system call per page per document (a fifth of
    // the importing thread's time on the 23k corpus); in memory it is a copy. A sub-journal
    // never outlives its transaction, so nothing durable moves to memory; temporary sort
    // tables do too, which at 100k documents is tens of megabytes at most. Savepoints should
    // stay one document wide: measured, one savepoint over 4 documents cost the importing
    // thread 20% more and one over 64 twice as much, nearly all of it in SQLite releasing
    // statement savepoints against the grown in-memory sub-journal.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // Importing one document runs some twenty distinct statements; with rusqlite's default
    // cache of 16 they would evict each other and be compiled again for every document.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// A new case's connection, with every migration's tables and indexes, for the store's unit
/// tests; the folder goes with the first value.
#[cfg(test)]
fn empty_case() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.dossier");
    std::fs::write(&path, b"").unwrap();
    let conn = open(&path).unwrap();
    (dir, conn)
}

/// SQLite's plan for `sql`, its steps joined with "; ", for the store's unit tests.
#[cfg(test)]
fn plan_of(conn: &Connection, sql: &str) -> String {
    let steps: Vec<String> = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap()
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    steps.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn a_case_from_a_newer_build_was_an_internal_error_about_migration_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.dossier");
        drop(create(&path).unwrap());
        let version: i64 = Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", version + 2)
            .unwrap();
        for err in [open(&path).unwrap_err(), open_read_only(&path).unwrap_err()] {
            assert_eq!(err.code, crate::error::ErrorCode::Unsupported, "{err:?}");
            assert!(
                err.message
                    .contains("newer version of Dossier (2 schema changes ahead"),
                "{}",
                err.message
            );
        }
        // Refusing it changed nothing: the file keeps the newer schema.
        let after: i64 = Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(after, version + 2);
    }

    #[test]
    fn an_old_case_opened_by_several_processes_at_once_waits_instead_of_database_is_locked() {
        // An old build's case is in rollback-journal mode, and the first open switches it to
        // WAL. Connections opening it at the same moment met that switch with "database is
        // locked"; each round here starts four at once on a fresh old case.
        for round in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(format!("old{round}.dossier"));
            Connection::open(&path)
                .unwrap()
                .execute_batch("PRAGMA journal_mode=DELETE; CREATE TABLE t(x);")
                .unwrap();
            let start = std::sync::Arc::new(std::sync::Barrier::new(4));
            let openers: Vec<_> = (0..4)
                .map(|_| {
                    let (path, start) = (path.clone(), start.clone());
                    std::thread::spawn(move || {
                        let conn = Connection::open(&path).unwrap();
                        start.wait();
                        configure(&conn)
                    })
                })
                .collect();
            for opener in openers {
                opener.join().unwrap().unwrap();
            }
        }
    }
}
