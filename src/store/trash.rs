//! The document trash: deleting a document moves its rows, and the rows that hang off it, into
//! the `trash_*` tables (migration 0010); restoring moves them back with their ids; purging
//! removes them for good, original bytes included.
//!
//! Moving rows out of the live tables, rather than marking them deleted, means every list,
//! count, timeline query and the search index stay as they are and simply no longer see a
//! deleted document; the search journal's triggers record the removal and the return like any
//! other change. Every function here runs inside the caller's transaction.

use rusqlite::{params, Connection, OptionalExtension};

use super::now;
use crate::model::TrashedDocument;
use crate::{Error, Result};

/// The live tables whose rows belong to one document by a `document_id` column, in the order
/// they are restored (parents first).
const BY_DOCUMENT: [&str; 6] = [
    "document_contents",
    "document_pages",
    "document_structure",
    "mentions",
    "quotes",
    "event_sources",
];

/// The live columns of `table` that can be written: generated columns (`events.is_long`) are
/// left out, since SQLite computes them.
fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = stmt.query_map([table], |r| r.get::<_, String>(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

fn column_list(conn: &Connection, table: &str) -> Result<String> {
    Ok(columns(conn, table)?.join(", "))
}

/// Whether a document with this id was ever deleted (in the trash or purged).
pub fn is_trashed(conn: &Connection, id: i64) -> Result<Option<TrashedDocument>> {
    Ok(conn
        .prepare_cached(
            "SELECT document_id, title, deleted_at, purged_at FROM trashed_documents
             WHERE document_id = ?1",
        )?
        .query_row([id], trashed_row)
        .optional()?)
}

fn trashed_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TrashedDocument> {
    Ok(TrashedDocument {
        id: r.get(0)?,
        title: r.get(1)?,
        deleted_at: r.get(2)?,
        purged_at: r.get(3)?,
    })
}

/// Every deleted document not purged yet, most recently deleted first.
pub fn list(conn: &Connection) -> Result<Vec<TrashedDocument>> {
    let mut stmt = conn.prepare(
        "SELECT document_id, title, deleted_at, purged_at FROM trashed_documents
         WHERE purged_at IS NULL ORDER BY deleted_at DESC, document_id DESC",
    )?;
    let rows = stmt.query_map([], trashed_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Events that report only what `id` reports: deleting the document leaves them without a
/// source, so they go to the trash with it.
fn events_only_from(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT event_id FROM event_sources WHERE document_id = ?1
           AND event_id NOT IN (SELECT event_id FROM event_sources WHERE document_id <> ?1)",
    )?;
    let ids = stmt.query_map([id], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Moves a live document and everything that hangs off it into the trash.
pub fn trash(conn: &Connection, id: i64) -> Result<()> {
    let title: String = conn
        .query_row("SELECT title FROM documents WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no document with id {id}")))?;
    let events = events_only_from(conn, id)?;
    for table in ["events", "event_entities", "event_tags"] {
        let cols = column_list(conn, table)?;
        let key = if table == "events" { "id" } else { "event_id" };
        let mut stmt = conn.prepare_cached(&format!(
            "INSERT INTO trash_{table} (trash_document, {cols})
             SELECT ?1, {cols} FROM {table} WHERE {key} = ?2"
        ))?;
        for event in &events {
            stmt.execute(params![id, event])?;
        }
    }
    for table in BY_DOCUMENT {
        let cols = column_list(conn, table)?;
        conn.execute(
            &format!(
                "INSERT INTO trash_{table} ({cols}) SELECT {cols} FROM {table}
                 WHERE document_id = ?1"
            ),
            [id],
        )?;
    }
    let cols = column_list(conn, "documents")?;
    conn.execute(
        &format!("INSERT INTO trash_documents ({cols}) SELECT {cols} FROM documents WHERE id = ?1"),
        [id],
    )?;
    // Deleting the events first and then the document lets the foreign keys' cascades remove
    // the rest (contents, pages, quotes, mentions, sources, event tags and entities).
    let mut delete_event = conn.prepare_cached("DELETE FROM events WHERE id = ?1")?;
    for event in &events {
        delete_event.execute([event])?;
    }
    conn.execute("DELETE FROM documents WHERE id = ?1", [id])?;
    conn.execute(
        "INSERT INTO trashed_documents (document_id, title, deleted_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (document_id) DO UPDATE SET title = ?2, deleted_at = ?3, purged_at = NULL",
        params![id, title, now()],
    )?;
    Ok(())
}

/// Inserts the trashed rows of `table` selected by `filter` back into the live table, keeping
/// each row's id unless a live row took it since (then the row gets a new one). Returns the
/// (old, new) ids of the rows that were renumbered.
fn move_back(conn: &Connection, table: &str, filter: &str, key: i64) -> Result<Vec<(i64, i64)>> {
    let cols = columns(conn, table)?;
    let all = cols.join(", ");
    let taken: Vec<i64> = {
        let mut stmt = conn.prepare(&format!(
            "SELECT t.id FROM trash_{table} t WHERE {filter}
               AND EXISTS (SELECT 1 FROM {table} l WHERE l.id = t.id)"
        ))?;
        let ids = stmt.query_map([key], |r| r.get(0))?;
        ids.collect::<rusqlite::Result<_>>()?
    };
    conn.execute(
        &format!(
            "INSERT INTO {table} ({all}) SELECT {all} FROM trash_{table} t WHERE {filter}
               AND NOT EXISTS (SELECT 1 FROM {table} l WHERE l.id = t.id)"
        ),
        [key],
    )?;
    let without_id: Vec<&str> = cols
        .iter()
        .map(String::as_str)
        .filter(|c| *c != "id")
        .collect();
    let rest = without_id.join(", ");
    let mut renumbered = Vec::new();
    for old in taken {
        conn.execute(
            &format!("INSERT INTO {table} ({rest}) SELECT {rest} FROM trash_{table} WHERE id = ?1"),
            [old],
        )?;
        renumbered.push((old, conn.last_insert_rowid()));
    }
    Ok(renumbered)
}

/// Brings a trashed document back with its ids, quotes, mentions, events and their tags.
/// Rows that pointed at an entity deleted since lose that pointer (a quote its speaker) or are
/// left out (a mention, an event's entity), since the entity is no longer there to point at.
pub fn restore(conn: &Connection, id: i64) -> Result<()> {
    match is_trashed(conn, id)? {
        None => {
            return Err(Error::not_found(format!(
                "document {id} is not in the trash"
            )))
        }
        Some(t) if t.purged_at.is_some() => {
            return Err(Error::not_found(format!(
                "document {id} was purged on {} and cannot be restored",
                t.purged_at.unwrap_or_default()
            )))
        }
        Some(_) => {}
    }
    let documents = column_list(conn, "documents")?;
    conn.execute(
        &format!(
            "INSERT INTO documents ({documents}) SELECT {documents} FROM trash_documents
             WHERE id = ?1"
        ),
        [id],
    )?;
    conn.execute(
        "UPDATE trash_quotes SET speaker_id = NULL WHERE document_id = ?1
           AND speaker_id NOT IN (SELECT id FROM entities)",
        [id],
    )?;
    conn.execute(
        "DELETE FROM trash_mentions WHERE document_id = ?1
           AND entity_id NOT IN (SELECT id FROM entities)",
        [id],
    )?;
    for table in ["document_contents", "document_pages", "document_structure"] {
        let cols = column_list(conn, table)?;
        conn.execute(
            &format!(
                "INSERT INTO {table} ({cols}) SELECT {cols} FROM trash_{table}
                 WHERE document_id = ?1"
            ),
            [id],
        )?;
    }
    move_back(conn, "mentions", "t.document_id = ?1", id)?;
    move_back(conn, "quotes", "t.document_id = ?1", id)?;

    // The events this document's sources point at that are in the trash: those that went with
    // it, and those that went with another document deleted after it.
    let event_filter = "(t.trash_document = ?1 OR t.id IN
        (SELECT event_id FROM trash_event_sources WHERE document_id = ?1))";
    let events: Vec<i64> = {
        let mut stmt = conn.prepare(&format!(
            "SELECT t.id FROM trash_events t WHERE {event_filter}"
        ))?;
        let ids = stmt.query_map([id], |r| r.get(0))?;
        ids.collect::<rusqlite::Result<_>>()?
    };
    let renumbered = move_back(conn, "events", event_filter, id)?;
    for (old, new) in &renumbered {
        for table in [
            "trash_event_sources",
            "trash_event_entities",
            "trash_event_tags",
        ] {
            conn.execute(
                &format!("UPDATE {table} SET event_id = ?2 WHERE event_id = ?1"),
                params![old, new],
            )?;
        }
    }
    let moved: Vec<i64> = events
        .iter()
        .map(|e| {
            renumbered
                .iter()
                .find(|(old, _)| old == e)
                .map_or(*e, |(_, new)| *new)
        })
        .collect();
    for table in ["event_entities", "event_tags"] {
        let cols = column_list(conn, table)?;
        let entity_ok = if table == "event_entities" {
            "AND entity_id IN (SELECT id FROM entities)"
        } else {
            ""
        };
        let mut stmt = conn.prepare(&format!(
            "INSERT OR IGNORE INTO {table} ({cols}) SELECT {cols} FROM trash_{table}
             WHERE event_id = ?1 {entity_ok}"
        ))?;
        let mut clear = conn.prepare(&format!("DELETE FROM trash_{table} WHERE event_id = ?1"))?;
        for event in &moved {
            stmt.execute([event])?;
            clear.execute([event])?;
        }
    }
    {
        let mut clear = conn.prepare("DELETE FROM trash_events WHERE id = ?1")?;
        for event in &events {
            clear.execute([event])?;
        }
    }
    move_back(
        conn,
        "event_sources",
        "t.document_id = ?1 AND t.event_id IN (SELECT id FROM events)",
        id,
    )?;
    clear(conn, id)?;
    conn.execute("DELETE FROM trashed_documents WHERE document_id = ?1", [id])?;
    Ok(())
}

/// Removes a trashed document's rows from the trash.
fn clear(conn: &Connection, id: i64) -> Result<()> {
    for table in BY_DOCUMENT {
        conn.execute(
            &format!("DELETE FROM trash_{table} WHERE document_id = ?1"),
            [id],
        )?;
    }
    for table in ["events", "event_entities", "event_tags"] {
        conn.execute(
            &format!("DELETE FROM trash_{table} WHERE trash_document = ?1"),
            [id],
        )?;
    }
    conn.execute("DELETE FROM trash_documents WHERE id = ?1", [id])?;
    Ok(())
}

/// Removes a trashed document for good: its text, original bytes and everything trashed with
/// it. Only the id and the time stay, so the id is never reused; the title goes too, since a
/// source that must not be kept may be named in it.
pub fn purge(conn: &Connection, id: i64) -> Result<()> {
    match is_trashed(conn, id)? {
        None => {
            return Err(Error::not_found(format!(
                "document {id} is not in the trash"
            )))
        }
        Some(t) if t.purged_at.is_some() => return Ok(()),
        Some(_) => {}
    }
    clear(conn, id)?;
    super::doc_tags::forget(conn, id)?;
    conn.execute(
        "UPDATE trashed_documents SET title = '', purged_at = ?2 WHERE document_id = ?1",
        params![id, now()],
    )?;
    Ok(())
}

/// The largest id any document ever had, live, trashed or purged, so a new document never
/// takes the id of a deleted one.
pub fn max_document_id(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT max(coalesce((SELECT max(id) FROM documents), 0),
                        coalesce((SELECT max(document_id) FROM trashed_documents), 0))",
        )?
        .query_row([], |r| r.get(0))?)
}
