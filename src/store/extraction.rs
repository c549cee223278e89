//! Which documents the extraction stage has done, and with which extractor version
//! (`document_extraction`, migration 0014).
//!
//! It exists so that the stage can be killed at any moment and resume exactly where it
//! stopped: a document's row is written in the same transaction as what the extractors found
//! in it, so the rows here and the proposals always agree. Every count joins `documents`,
//! since a purged document's row may remain (ids are never reused, so it harms nothing).

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

/// Up to `limit` documents after `after` (by id) not yet extracted with `version` or a later
/// one, in id order. Walking by id keeps each call to the rows past the last one, so going
/// through a million documents reads each once rather than scanning from the start per batch.
pub fn pending_after(
    conn: &Connection,
    after: i64,
    version: i64,
    limit: usize,
) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id FROM documents d
         LEFT JOIN document_extraction e ON e.document_id = d.id
         WHERE d.id > ?1 AND (e.version IS NULL OR e.version < ?2)
         ORDER BY d.id LIMIT ?3",
    )?;
    let ids = stmt
        .query_map(params![after, version, limit as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// How many documents the case has, and how many of them are extracted with `version` or a
/// later one.
pub fn counts(conn: &Connection, version: i64) -> Result<(usize, usize)> {
    let documents: i64 = conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
    let extracted: i64 = conn.query_row(
        "SELECT count(*) FROM document_extraction e
         JOIN documents d ON d.id = e.document_id
         WHERE e.version >= ?1",
        [version],
        |r| r.get(0),
    )?;
    Ok((documents as usize, extracted as usize))
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
