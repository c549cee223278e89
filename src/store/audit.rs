//! The `audit_log` table (migration 0019): appending an entry inside the caller's transaction,
//! reading entries back, and walking the chain for `verify`. The hashing and the chain's rules
//! are `crate::audit`'s; this module only reads and writes rows.

use rusqlite::{params, Connection, OptionalExtension};

use super::now;
use crate::audit::{entry_hash, ChainCheck, Row, GENESIS};
use crate::model::{AuditCheck, AuditEntry, AuditFilter};
use crate::{Error, Result};

/// Appends an entry in the caller's transaction, chained to the newest one, and returns its
/// id. The id is chosen here (one past the largest ever given, which SQLite's sequence keeps)
/// because it is part of what the hash covers.
pub fn append(
    conn: &Connection,
    action: &str,
    target: &str,
    author: Option<&str>,
    detail: &serde_json::Value,
) -> Result<i64> {
    let prev_hash: String = conn
        .prepare_cached("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string());
    let id = highest_id(conn)? + 1;
    let time = now();
    let detail = detail.to_string();
    let hash = entry_hash(id, &time, action, target, author, &detail, &prev_hash);
    conn.prepare_cached(
        "INSERT INTO audit_log (id, time, action, target, author, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id, time, action, target, author, detail, prev_hash, hash
    ])?;
    Ok(id)
}

/// The largest id the log ever gave, removed rows included (AUTOINCREMENT's sequence).
fn highest_id(conn: &Connection) -> Result<i64> {
    let seq: Option<i64> = conn
        .prepare_cached("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    let max: Option<i64> = conn
        .prepare_cached("SELECT max(id) FROM audit_log")?
        .query_row([], |r| r.get(0))?;
    Ok(seq.unwrap_or(0).max(max.unwrap_or(0)))
}

/// Reads `since` as the start of a day (`2026-12-01`) or an RFC 3339 instant, in the form the
/// log's times are written, so that comparing strings compares instants.
fn since_bound(since: &str) -> Result<String> {
    let since = since.trim();
    if let Ok(day) = chrono::NaiveDate::parse_from_str(since, "%Y-%m-%d") {
        return Ok(format!("{day}T00:00:00Z"));
    }
    chrono::DateTime::parse_from_rfc3339(since)
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        })
        .map_err(|_| {
            Error::invalid_input(format!(
                "--since '{since}' is not a date (2026-12-01) or a time (2026-12-01T09:30:00Z)"
            ))
        })
}

fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    let detail: String = r.get(5)?;
    Ok(AuditEntry {
        id: r.get(0)?,
        time: r.get(1)?,
        action: r.get(2)?,
        target: r.get(3)?,
        author: r.get(4)?,
        // An edited row may hold anything; it is shown as the text it holds.
        detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::String(detail)),
        prev_hash: r.get(6)?,
        hash: r.get(7)?,
    })
}

/// Entries `filter` selects, newest first.
pub fn list(conn: &Connection, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
    let since = filter.since.as_deref().map(since_bound).transpose()?;
    let limit = filter.limit.map_or(-1, |l| l as i64);
    let action = filter
        .action
        .as_deref()
        .map(|a| format!("{}%", a.replace(['%', '_'], "")));
    let mut stmt = conn.prepare_cached(
        "SELECT id, time, action, target, author, detail, prev_hash, hash FROM audit_log
         WHERE (?1 IS NULL OR time >= ?1) AND (?2 IS NULL OR action LIKE ?2)
         ORDER BY id DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![since, action, limit], entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One entry by id.
pub fn get(conn: &Connection, id: i64) -> Result<AuditEntry> {
    conn.prepare_cached(
        "SELECT id, time, action, target, author, detail, prev_hash, hash FROM audit_log
         WHERE id = ?1",
    )?
    .query_row([id], entry)
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no audit log entry {id}")))
}

/// Walks the whole log in id order, a row at a time, and says where the chain first breaks.
pub fn check(conn: &Connection) -> Result<AuditCheck> {
    let mut chain = ChainCheck::default();
    let mut stmt = conn.prepare(
        "SELECT id, time, action, target, author, detail, prev_hash, hash FROM audit_log
         ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        chain.push(&Row {
            id: r.get(0)?,
            time: r.get(1)?,
            action: r.get(2)?,
            target: r.get(3)?,
            author: r.get(4)?,
            detail: r.get(5)?,
            prev_hash: r.get(6)?,
            hash: r.get(7)?,
        });
    }
    chain.finish(highest_id(conn)?);
    let (first_broken, problem) = chain
        .broken
        .map_or((None, None), |(id, p)| (Some(id), Some(p)));
    Ok(AuditCheck {
        entries: chain.checked,
        first_broken,
        problem,
    })
}
