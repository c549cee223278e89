//! The SQL of mail threads and attachments: the threading headers every email keeps in its
//! `extra` (`message_id`, `in_reply_to`, `references`), and each attachment's message, named
//! by SHA-256 in `extra.attached_to`. Threads are computed when asked (`mail::threads`), never
//! stored, so no migration holds them and a message imported later joins its thread at once.

use rusqlite::Connection;

use crate::mail::threads::MessageHeaders;
use crate::model::ThreadMessage;
use crate::Result;

/// The threading headers of every email in the case, in id order.
pub fn headers(conn: &Connection) -> Result<Vec<MessageHeaders>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, published_earliest, json_extract(extra, '$.message_id'),
                json_extract(extra, '$.in_reply_to'), json_extract(extra, '$.references')
         FROM documents WHERE format = 'email' ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        let references: Option<String> = r.get(5)?;
        Ok(MessageHeaders {
            id: r.get(0)?,
            subject: r.get(1)?,
            date: r.get(2)?,
            message_id: r.get(3)?,
            in_reply_to: r.get(4)?,
            // A list written by the import; anything else (an older case's email has none)
            // reads as no references.
            references: references
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every attachment whose message is in the case, as (attachment id, message id).
pub fn parents(conn: &Connection) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, p.id FROM documents c
         JOIN documents p ON p.sha256 = json_extract(c.extra, '$.attached_to.sha256')
         WHERE c.extra LIKE '%\"attached_to\"%'
         ORDER BY c.id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The messages with these ids as a thread's list shows them, oldest first (then by id).
pub fn messages(conn: &Connection, ids: &[i64]) -> Result<Vec<ThreadMessage>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, json_extract(authors, '$[0]'), published FROM documents
         WHERE id IN (SELECT value FROM json_each(?1))
         ORDER BY published_earliest IS NULL, published_earliest, id",
    )?;
    let rows = stmt.query_map([serde_json::to_string(ids)?], |r| {
        Ok(ThreadMessage {
            id: r.get(0)?,
            title: r.get(1)?,
            sender: r.get(2)?,
            published: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether document `id` is in the case.
pub fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}
