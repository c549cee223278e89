//! The `search_journal` table: SQLite triggers append a row for every document inserted,
//! updated or deleted, in the same transaction, so the search index can tell what it has not
//! seen yet (after a crash, or a change made by another process) and catch up.

use rusqlite::Connection;

use crate::Result;

/// The newest journal position, 0 for an empty journal.
pub fn head(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(seq), 0) FROM search_journal",
        [],
        |r| r.get(0),
    )?)
}

/// The documents changed after position `after` up to and including `up_to`.
pub fn changed_documents(conn: &Connection, after: i64, up_to: i64) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare("SELECT DISTINCT document_id FROM search_journal WHERE seq > ?1 AND seq <= ?2")?;
    let ids = stmt.query_map([after, up_to], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Drops the rows the index has committed. A failure is harmless (those documents would only
/// be re-indexed once more), so a busy database never fails a search over it.
pub fn prune(conn: &Connection, up_to: i64) {
    let _ = conn.execute("DELETE FROM search_journal WHERE seq <= ?1", [up_to]);
}
