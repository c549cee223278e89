//! The SQL of mail threads and attachments: the threading headers every email keeps in its
//! `extra` (`message_id`, `in_reply_to`, `references`), and each attachment's message, named
//! by SHA-256 in `extra.attached_to`. Threads are computed when asked (`mail::threads`), never
//! stored, so a message imported later joins its thread at once. The library's collapsed
//! threads read a copy of them kept in a TEMP table of the connection (`library_threads`),
//! made again whenever `mail_version` (migration 0030, kept by triggers) says an email changed.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use crate::mail::threads::{threads, MessageHeaders};
use crate::model::ThreadMessage;
use crate::Result;

/// The threading headers of every email in the case, in id order, read along the emails'
/// partial index (migration 0030) rather than every document's row.
pub fn headers(conn: &Connection) -> Result<Vec<MessageHeaders>> {
    let mut stmt = conn.prepare_cached(HEADERS_SQL)?;
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

/// Where a message sorts in its thread: (undated, date, id).
type ThreadOrder = (bool, Option<i64>, i64);

/// The query of `headers`, apart so the plan test can check it walks the emails' index.
pub(crate) const HEADERS_SQL: &str =
    "SELECT id, title, published_earliest, json_extract(extra, '$.message_id'),
            json_extract(extra, '$.in_reply_to'), json_extract(extra, '$.references')
     FROM documents INDEXED BY documents_emails WHERE format = 'email' ORDER BY id";

/// Makes the connection's `temp.library_threads` hold the case's threads of two messages or
/// more as they are now: a row per message with its thread (the id of the thread's first
/// message) and its place in it (0 for the first, oldest first, then by id, as the reader
/// lists them). A message alone in its thread has no row, so a case without threads costs
/// nothing. The table is made again only when `mail_version` moved since it was made, and it
/// is TEMP so a read-only connection (the app's, while its import writes) keeps one too.
pub fn refresh_library_threads(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS library_threads (
             document_id  INTEGER PRIMARY KEY,
             thread       INTEGER NOT NULL,
             place        INTEGER NOT NULL
         );
         CREATE INDEX IF NOT EXISTS temp.library_threads_by_thread
             ON library_threads (thread, place);
         CREATE TEMP TABLE IF NOT EXISTS library_threads_made (version INTEGER NOT NULL);",
    )?;
    // The version is read before the headers: an email arriving between the two then leaves
    // the table marked older than what it holds, and it is made once more, never kept stale.
    let version: i64 = conn
        .prepare_cached("SELECT n FROM main.mail_version WHERE id = 1")?
        .query_row([], |r| r.get(0))?;
    let made: Option<i64> = conn
        .prepare_cached("SELECT version FROM temp.library_threads_made")?
        .query_row([], |r| r.get(0))
        .optional()?;
    if made == Some(version) {
        return Ok(());
    }
    let headers = headers(conn)?;
    let places = threads(&headers);
    // Each thread's messages by the order the reader lists them: dated first, then by date,
    // then by id.
    let mut members: HashMap<&str, Vec<ThreadOrder>> = HashMap::new();
    for h in &headers {
        if let Some(place) = places.get(&h.id) {
            members
                .entry(place.id.as_str())
                .or_default()
                .push((h.date.is_none(), h.date, h.id));
        }
    }
    let mut rows: Vec<[i64; 3]> = Vec::new();
    for mut thread in members.into_values().filter(|m| m.len() > 1) {
        thread.sort_unstable();
        let first = thread[0].2;
        rows.extend(
            thread
                .iter()
                .enumerate()
                .map(|(place, &(_, _, id))| [id, first, place as i64]),
        );
    }
    conn.execute("DELETE FROM temp.library_threads", [])?;
    conn.execute(
        "INSERT INTO temp.library_threads (document_id, thread, place)
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),
                json_extract(value, '$[2]')
         FROM json_each(?1)",
        [serde_json::to_string(&rows)?],
    )?;
    conn.execute("DELETE FROM temp.library_threads_made", [])?;
    conn.execute(
        "INSERT INTO temp.library_threads_made (version) VALUES (?1)",
        [version],
    )?;
    Ok(())
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
