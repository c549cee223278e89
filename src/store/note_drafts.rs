//! The `note_drafts` table: what the notes editor holds and has not saved as a version, so
//! that a crash, a restart or a closed window never costs more than the last moment's typing.
//! Drafts are not versions: they are overwritten as the person types and go when the note is
//! saved or the draft discarded.

use rusqlite::{params, Connection};

use super::now;
use crate::model::NoteDraft;
use crate::Result;

/// The key of the new note's draft, which has no note id yet.
const NEW_NOTE: i64 = 0;

/// Writes (or overwrites) the draft of a note, or of the new note when `note_id` is None.
pub fn put(
    conn: &Connection,
    note_id: Option<i64>,
    title: &str,
    text: &str,
    base_version: Option<i64>,
) -> Result<NoteDraft> {
    let saved_at = now();
    conn.prepare_cached(
        "INSERT INTO note_drafts (note_id, title, text, base_version, saved_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (note_id) DO UPDATE SET title = ?2, text = ?3, base_version = ?4,
            saved_at = ?5",
    )?
    .execute(params![
        note_id.unwrap_or(NEW_NOTE),
        title,
        text,
        base_version,
        saved_at
    ])?;
    Ok(NoteDraft {
        note_id,
        title: title.to_string(),
        text: text.to_string(),
        base_version,
        saved_at,
    })
}

/// Every draft, the new note's first, then by note id.
pub fn list(conn: &Connection) -> Result<Vec<NoteDraft>> {
    let mut stmt = conn.prepare_cached(
        "SELECT note_id, title, text, base_version, saved_at FROM note_drafts ORDER BY note_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let id: i64 = r.get(0)?;
        Ok(NoteDraft {
            note_id: (id != NEW_NOTE).then_some(id),
            title: r.get(1)?,
            text: r.get(2)?,
            base_version: r.get(3)?,
            saved_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Drops the draft of a note (or of the new note); nothing happens when there is none.
pub fn discard(conn: &Connection, note_id: Option<i64>) -> Result<()> {
    conn.prepare_cached("DELETE FROM note_drafts WHERE note_id = ?1")?
        .execute([note_id.unwrap_or(NEW_NOTE)])?;
    Ok(())
}
