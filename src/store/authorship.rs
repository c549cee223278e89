//! Who did what, for the app to say so (issue 20): a quote's review decisions with their
//! authors (kept in `sync_reviews` when a decision is sent or received) and an entity's merges
//! with who made them (`entity_merges.author`). Note versions carry their author in
//! `note_versions` and are read with the notes.

use rusqlite::{params, Connection};

use crate::model::{MergeRecord, ReviewDecision};
use crate::Result;

/// Where a quote is, as every member finds it: its document's SHA-256 and its span.
pub fn quote_target(sha256: &str, start: i64, end: i64) -> String {
    format!("quote:{sha256}:{start}:{end}")
}

/// A quote's review decisions, newest first. A decision made here and not yet sent has no
/// row yet: it is recorded, with this member as its author, when the next sync prepares it.
pub fn quote_reviews(conn: &Connection, quote_id: i64) -> Result<Vec<ReviewDecision>> {
    let target: Option<String> = conn
        .prepare_cached(
            "SELECT d.sha256, q.start, q.end FROM quotes q
             JOIN documents d ON d.id = q.document_id WHERE q.id = ?1",
        )?
        .query_row([quote_id], |r| {
            Ok(quote_target(&r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))
        })
        .ok();
    let Some(target) = target else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT status, author, at FROM sync_reviews WHERE target = ?1
         ORDER BY at DESC, author DESC",
    )?;
    let rows = stmt.query_map([target], |r| {
        Ok(ReviewDecision {
            status: r.get(0)?,
            author: r.get(1)?,
            at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The merges that folded other entities into this one and still stand, newest first.
pub fn entity_merges(conn: &Connection, entity_id: i64) -> Result<Vec<MergeRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, from_name, author, merged_at FROM entity_merges
         WHERE into_id = ?1 AND undone = 0 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([entity_id], |r| {
        Ok(MergeRecord {
            merge_id: r.get(0)?,
            from_name: r.get(1)?,
            author: r.get(2)?,
            at: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Names the member who made a merge pulled from the server, and when they made it.
pub fn merged_by(conn: &Connection, merge_id: i64, author: &str, at: &str) -> Result<()> {
    conn.execute(
        "UPDATE entity_merges SET author = ?2, merged_at = ?3 WHERE id = ?1",
        params![merge_id, author, at],
    )?;
    Ok(())
}
