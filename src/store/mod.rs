//! The case file: one SQLite database that is the single source of truth of a case.
//!
//! Connection settings (WAL, foreign keys, busy timeout) and migrations are applied here and
//! only here, so every caller gets a connection configured the same way.

pub mod documents;
pub mod entities;
pub mod entity_lists;
pub mod event_tags;
pub mod events;
pub mod notes;
pub mod pages;
pub mod quotes;
pub mod saved_searches;
pub mod search_journal;
pub mod timeline_points;

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
        M::up(include_str!("../../migrations/0009_merge_into_status.sql")),
    ])
});

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

fn connect(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path)
        .map_err(|e| Error::io(format!("cannot open case file {}: {e}", path.display())))?;
    configure(&conn)?;
    MIGRATIONS.to_latest(&mut conn).map_err(|e| {
        Error::internal(format!("cannot migrate case file {}: {e}", path.display()))
    })?;
    Ok(conn)
}

/// Pragmas for every connection: WAL for crash safety and concurrent readers, foreign keys
/// for referential integrity, and a busy timeout so a second process waits instead of failing.
fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
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
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    // Importing one document runs some twenty distinct statements; with rusqlite's default
    // cache of 16 they would evict each other and be compiled again for every document.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }
}
