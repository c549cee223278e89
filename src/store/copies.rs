//! The SQL of near-duplicate sources (migration 0017): signatures, their band keys and groups.
//! What is a copy of what is decided in `api::copies` with `copies`; here rows are only read
//! and written. Every read joins `documents`, so a document in the trash is never matched.

use rusqlite::{params, Connection, OptionalExtension};

use crate::copies::Signature;
use crate::Result;

/// A signed document as grouping and listing need it.
#[derive(Debug, Clone)]
pub struct Signed {
    pub id: i64,
    pub signature: Signature,
    pub group: Option<i64>,
    /// Unix seconds of the earliest publication instant, for "earliest"; None when undated.
    pub published_at: Option<i64>,
}

fn signed_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Signed> {
    let bytes: Vec<u8> = row.get(1)?;
    let shingles: i64 = row.get(2)?;
    Ok(Signed {
        id: row.get(0)?,
        signature: Signature::from_bytes(&bytes, shingles as usize),
        group: row.get(3)?,
        published_at: row.get(4)?,
    })
}

const SIGNED_COLUMNS: &str =
    "s.document_id, s.signature, s.shingles, s.group_id, d.published_earliest";

/// Documents without a signature after `after`, in id order.
pub fn pending_after(conn: &Connection, after: i64, limit: usize) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id FROM documents d
         WHERE d.id > ?1
           AND NOT EXISTS (SELECT 1 FROM document_signatures s WHERE s.document_id = d.id)
         ORDER BY d.id LIMIT ?2",
    )?;
    let ids = stmt
        .query_map(params![after, limit as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// How many documents have no signature yet.
pub fn pending_count(conn: &Connection) -> Result<usize> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM documents d
         WHERE NOT EXISTS (SELECT 1 FROM document_signatures s WHERE s.document_id = d.id)",
        [],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

/// Stores a document's signature and, when it is comparable, its band keys.
pub fn insert(conn: &Connection, id: i64, signature: &Signature, keys: &[i64]) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO document_signatures (document_id, shingles, signature, group_id)
         VALUES (?1, ?2, ?3, NULL)",
    )?
    .execute(params![id, signature.shingles as i64, signature.to_bytes()])?;
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO signature_bands (band_key, document_id) VALUES (?1, ?2)",
    )?;
    for key in keys {
        stmt.execute(params![key, id])?;
    }
    Ok(())
}

/// The documents sharing at least one band key with `keys`, other than `id`, in the case (not
/// the trash), each once. One query for all the bands of a signature.
pub fn candidates(conn: &Connection, id: i64, keys: &[i64]) -> Result<Vec<i64>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; keys.len()].join(", ");
    let sql = format!(
        "SELECT DISTINCT b.document_id FROM signature_bands b
         JOIN documents d ON d.id = b.document_id
         WHERE b.band_key IN ({marks}) AND b.document_id <> ?"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let values = keys.iter().copied().chain(std::iter::once(id));
    let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| r.get::<_, i64>(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One document's signature and group, if it is in the case and signed.
pub fn signed(conn: &Connection, id: i64) -> Result<Option<Signed>> {
    let sql = format!(
        "SELECT {SIGNED_COLUMNS} FROM document_signatures s
         JOIN documents d ON d.id = s.document_id WHERE s.document_id = ?1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], signed_from_row)
        .optional()?)
}

/// The members of a group that are in the case, in id order.
pub fn group(conn: &Connection, group: i64) -> Result<Vec<Signed>> {
    let sql = format!(
        "SELECT {SIGNED_COLUMNS} FROM document_signatures s
         JOIN documents d ON d.id = s.document_id WHERE s.group_id = ?1 ORDER BY s.document_id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([group], signed_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every document in a group that is in the case, by group then id.
pub fn all_grouped(conn: &Connection) -> Result<Vec<Signed>> {
    let sql = format!(
        "SELECT {SIGNED_COLUMNS} FROM document_signatures s
         JOIN documents d ON d.id = s.document_id WHERE s.group_id IS NOT NULL
         ORDER BY s.group_id, s.document_id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], signed_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Puts a document in a group.
pub fn set_group(conn: &Connection, id: i64, group: i64) -> Result<()> {
    conn.prepare_cached("UPDATE document_signatures SET group_id = ?2 WHERE document_id = ?1")?
        .execute(params![id, group])?;
    Ok(())
}

/// Moves every member of group `from` (trashed ones included, so a restore finds its group)
/// into group `to`.
pub fn merge_group(conn: &Connection, from: i64, to: i64) -> Result<()> {
    conn.prepare_cached("UPDATE document_signatures SET group_id = ?2 WHERE group_id = ?1")?
        .execute(params![from, to])?;
    Ok(())
}

/// The group of a document, whether or not it is in the case.
pub fn group_of(conn: &Connection, id: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT group_id FROM document_signatures WHERE document_id = ?1")?
        .query_row([id], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten())
}

/// A document's normalized text, for its signature.
pub fn text(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT text FROM document_contents WHERE document_id = ?1")?
        .query_row([id], |r| r.get(0))?)
}
