//! Which documents the extraction stage has done, and with which extractor version
//! (`document_extraction`, migration 0014).
//!
//! It exists so that the stage can be killed at any moment and resume exactly where it
//! stopped: a document's row is written in the same transaction as what the extractors found
//! in it, so the rows here and the proposals always agree. What is still to do is read from
//! `extraction_pending` (migration 0023), which triggers keep exact, so finding the work costs
//! what is pending rather than a walk over every document.

use rusqlite::{params, Connection};

use crate::Result;

/// Records that `document_id` was extracted with `version`, in the caller's transaction.
pub fn mark(conn: &Connection, document_id: i64, version: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO document_extraction (document_id, version) VALUES (?1, ?2)
         ON CONFLICT (document_id) DO UPDATE SET version = excluded.version",
    )?
    .execute(params![document_id, version])?;
    Ok(())
}

/// Adds to the pending documents those extracted with a version older than `version`, which
/// no trigger can know about: a case made by an older build, or a build whose extractors
/// changed. It reads `document_extraction`'s version index, so it costs what it finds.
pub fn requeue_older(conn: &Connection, version: i64) -> Result<usize> {
    Ok(conn
        .prepare_cached(
            "INSERT OR IGNORE INTO extraction_pending (document_id)
             SELECT e.document_id FROM document_extraction e
             JOIN documents d ON d.id = e.document_id
             WHERE e.version < ?1",
        )?
        .execute([version])?)
}

/// Up to `limit` pending documents after `after` (by id), in id order. Walking by id keeps
/// each call to the rows past the last one, so a stage reads each pending id once.
pub fn pending_after(conn: &Connection, after: i64, limit: usize) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT document_id FROM extraction_pending
         WHERE document_id > ?1 ORDER BY document_id LIMIT ?2",
    )?;
    let ids = stmt
        .query_map(params![after, limit as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// How many documents the case has, and how many of them are pending, counting those an older
/// extractor did that the stage has not queued yet. It only reads, for a read-only case too.
pub fn counts(conn: &Connection, version: i64) -> Result<(usize, usize)> {
    let documents: i64 = conn
        .prepare_cached("SELECT count(*) FROM documents")?
        .query_row([], |r| r.get(0))?;
    let older: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM document_extraction e
             WHERE e.version < ?1
               AND NOT EXISTS (SELECT 1 FROM extraction_pending p WHERE p.document_id = e.document_id)
               AND EXISTS (SELECT 1 FROM documents d WHERE d.id = e.document_id)",
        )?
        .query_row([version], |r| r.get(0))?;
    Ok((documents as usize, pending_count(conn)? + older as usize))
}

/// How many documents are queued as pending.
pub fn pending_count(conn: &Connection) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM extraction_pending")?
        .query_row([], |r| r.get(0))?;
    Ok(n as usize)
}

/// Whether `document_id` has anything extraction writes (a quote, a mention, an event
/// source), which a document never extracted has not, unless a person added an event citing it.
pub fn has_rows(conn: &Connection, document_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM quotes WHERE document_id = ?1)
                 OR EXISTS (SELECT 1 FROM mentions WHERE document_id = ?1)
                 OR EXISTS (SELECT 1 FROM event_sources WHERE document_id = ?1)",
        )?
        .query_row([document_id], |r| r.get(0))?)
}
