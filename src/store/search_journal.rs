//! The `search_journal` table: SQLite triggers append a row naming the index unit
//! (`document:12` for a document with its quotes, `event:7`) of every row inserted, updated or
//! deleted, in the same transaction, so the search index can tell what it has not seen yet
//! (after a crash, or a change made by another process) and catch up.

use rusqlite::Connection;

use crate::Result;

/// The newest journal position, 0 for an empty journal.
pub fn head(conn: &Connection) -> Result<i64> {
    // Every search reads the head first; compiling the statement anew each time was a
    // fiftieth of a search at 100k documents (session 13), so the compiled one is kept.
    Ok(conn
        .prepare_cached("SELECT coalesce(max(seq), 0) FROM search_journal")?
        .query_row([], |r| r.get(0))?)
}

/// Journals `unit` by hand. The trigger on quote inserts skips a unit the newest journal row
/// already names, which is right within one import (the document's row came just before its
/// quotes) but wrong when that row is an old one the index has already seen, as it is when the
/// extraction stage adds quotes to a document imported earlier; so the stage journals the
/// document itself first.
pub fn touch(conn: &Connection, unit: &str) -> Result<()> {
    conn.prepare_cached("INSERT INTO search_journal (unit) VALUES (?1)")?
        .execute([unit])?;
    Ok(())
}

/// The units changed after position `after` up to and including `up_to`.
pub fn changed_units(conn: &Connection, after: i64, up_to: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT DISTINCT unit FROM search_journal WHERE seq > ?1 AND seq <= ?2")?;
    let units = stmt.query_map([after, up_to], |r| r.get(0))?;
    Ok(units.collect::<rusqlite::Result<_>>()?)
}

/// Drops the rows the index has committed, except the newest, whose position keeps new rows
/// numbered after it (the table has no AUTOINCREMENT). A failure is harmless (those units
/// would only be re-indexed once more), so a busy database never fails a search over it.
pub fn prune(conn: &Connection, up_to: i64) {
    let _ = conn.execute(
        "DELETE FROM search_journal WHERE seq <= ?1
            AND seq < (SELECT max(seq) FROM search_journal)",
        [up_to],
    );
}
