//! People's tags and marks on documents (`document_tags`, `document_marks`, migration 0020)
//! and the bulk actions that set them (`bulk_actions`, `bulk_action_documents`), so that one
//! can be undone exactly. Tags are in the normal form of event tags (`event_tags::normalize`).
//! Every function runs in the caller's transaction and reports which documents it actually
//! changed, which is what an undo reverses.

use rusqlite::{params, Connection, OptionalExtension};

use super::now;
use crate::model::{DocumentMarks, DocumentTagCount};
use crate::{Error, Result};

/// A mark a document carries or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Starred,
    Reviewed,
}

impl Mark {
    fn column(self) -> &'static str {
        match self {
            Mark::Starred => "starred",
            Mark::Reviewed => "reviewed",
        }
    }
}

/// The error a step's `false` ends a bulk write with; the caller's transaction rolls back.
fn cancelled() -> Error {
    Error::conflict("the bulk action was cancelled; nothing changed")
}

/// Each writer below calls `step` with the documents done so far; `false` from it stops the
/// write with `cancelled`.
///
/// Tags documents `ids` with `tag` (normal form); returns the ids that did not have it.
pub fn add(
    conn: &Connection,
    ids: &[i64],
    tag: &str,
    step: &mut dyn FnMut(usize) -> bool,
) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("INSERT OR IGNORE INTO document_tags VALUES (?1, ?2)")?;
    each_changed(ids, step, |id| stmt.execute(params![id, tag]))
}

/// Takes `tag` off documents `ids`; returns the ids that had it.
pub fn remove(
    conn: &Connection,
    ids: &[i64],
    tag: &str,
    step: &mut dyn FnMut(usize) -> bool,
) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare_cached("DELETE FROM document_tags WHERE document_id = ?1 AND tag = ?2")?;
    each_changed(ids, step, |id| stmt.execute(params![id, tag]))
}

/// Sets or clears `mark` on documents `ids`; returns the ids whose mark changed.
pub fn set_mark(
    conn: &Connection,
    ids: &[i64],
    mark: Mark,
    on: bool,
    step: &mut dyn FnMut(usize) -> bool,
) -> Result<Vec<i64>> {
    let column = mark.column();
    // Setting inserts the row or flips the column; clearing only flips an existing row, so
    // that a document never marked gets no row.
    let sql = if on {
        format!(
            "INSERT INTO document_marks (document_id, {column}) VALUES (?1, 1)
             ON CONFLICT (document_id) DO UPDATE SET {column} = 1 WHERE {column} = 0"
        )
    } else {
        format!("UPDATE document_marks SET {column} = 0 WHERE document_id = ?1 AND {column} = 1")
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    each_changed(ids, step, |id| stmt.execute([id]))
}

/// The one loop of every bulk writer: runs `write` for each id (it answers how many rows it
/// changed), reporting each step; returns the ids it changed a row for, or `cancelled` when
/// `step` says stop (the caller's transaction is then rolled back).
fn each_changed(
    ids: &[i64],
    step: &mut dyn FnMut(usize) -> bool,
    mut write: impl FnMut(i64) -> rusqlite::Result<usize>,
) -> Result<Vec<i64>> {
    let mut changed = Vec::new();
    for (i, &id) in ids.iter().enumerate() {
        if write(id)? > 0 {
            changed.push(id);
        }
        if !step(i + 1) {
            return Err(cancelled());
        }
    }
    Ok(changed)
}

/// A document's tags and marks.
pub fn of_document(conn: &Connection, id: i64) -> Result<DocumentMarks> {
    let mut tags =
        conn.prepare_cached("SELECT tag FROM document_tags WHERE document_id = ?1 ORDER BY tag")?;
    let tags = tags
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let (starred, reviewed) = conn
        .prepare_cached("SELECT starred, reviewed FROM document_marks WHERE document_id = ?1")?
        .query_row([id], |r| Ok((r.get::<_, bool>(0)?, r.get::<_, bool>(1)?)))
        .optional()?
        .unwrap_or((false, false));
    Ok(DocumentMarks {
        document_id: id,
        tags,
        starred,
        reviewed,
    })
}

const ALL_MARKED: &str = "SELECT d.id,
                (SELECT group_concat(tag, ',') FROM
                    (SELECT tag FROM document_tags WHERE document_id = d.id ORDER BY tag)),
                coalesce(m.starred, 0), coalesce(m.reviewed, 0)
         FROM (SELECT document_id FROM document_marks
               UNION SELECT document_id FROM document_tags) x
         CROSS JOIN documents d ON d.id = x.document_id
         LEFT JOIN document_marks m ON m.document_id = d.id
         ORDER BY d.id";

/// Every live document that has a tag or a mark, by id: what the library shows beside its
/// rows. Documents with neither are left out.
///
/// The documents are found from the marks and the tags, not by testing every document: at
/// a million documents that walk took 4 s each time the library opened (issue 23).
pub fn all_marked(conn: &Connection) -> Result<Vec<DocumentMarks>> {
    let mut stmt = conn.prepare_cached(ALL_MARKED)?;
    let rows = stmt.query_map([], |r| {
        let tags: Option<String> = r.get(1)?;
        Ok(DocumentMarks {
            document_id: r.get(0)?,
            tags: split_tags(tags.as_deref()),
            starred: r.get(2)?,
            reviewed: r.get(3)?,
        })
    })?;
    Ok(rows
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|m| !m.tags.is_empty() || m.starred || m.reviewed)
        .collect())
}

/// Tags joined by commas (a tag never holds one) back into a list.
pub fn split_tags(joined: Option<&str>) -> Vec<String> {
    joined
        .filter(|s| !s.is_empty())
        .map(|s| s.split(',').map(str::to_string).collect())
        .unwrap_or_default()
}

/// Every tag on live documents with how many carry it, by tag.
pub fn counts(conn: &Connection) -> Result<Vec<DocumentTagCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.tag, count(*) FROM document_tags t JOIN documents d ON d.id = t.document_id
         GROUP BY t.tag ORDER BY t.tag",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(DocumentTagCount {
            tag: r.get(0)?,
            count: r.get::<_, i64>(1)? as usize,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Forgets a purged document's tags and marks.
pub fn forget(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM document_tags WHERE document_id = ?1", [id])?;
    conn.execute("DELETE FROM document_marks WHERE document_id = ?1", [id])?;
    Ok(())
}

/// Records a bulk action and the documents it changed; returns its id.
pub fn record_bulk(conn: &Connection, action: &str, value: &str, changed: &[i64]) -> Result<i64> {
    conn.prepare_cached("INSERT INTO bulk_actions (action, value, done_at) VALUES (?1, ?2, ?3)")?
        .execute(params![action, value, now()])?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare_cached("INSERT INTO bulk_action_documents VALUES (?1, ?2)")?;
    for &doc in changed {
        stmt.execute([id, doc])?;
    }
    Ok(id)
}

/// A recorded bulk action: what it did and the documents it changed.
pub struct BulkRecord {
    pub action: String,
    pub value: String,
    pub changed: Vec<i64>,
}

/// Takes a bulk action to undo: refuses one already undone, and marks it undone.
pub fn take_for_undo(conn: &Connection, id: i64) -> Result<BulkRecord> {
    let (action, value, undone): (String, String, Option<String>) = conn
        .prepare_cached("SELECT action, value, undone_at FROM bulk_actions WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no bulk action {id}")))?;
    if let Some(when) = undone {
        return Err(Error::conflict(format!(
            "bulk action {id} was already undone ({when})"
        )));
    }
    conn.prepare_cached("UPDATE bulk_actions SET undone_at = ?2 WHERE id = ?1")?
        .execute(params![id, now()])?;
    let mut stmt = conn.prepare_cached(
        "SELECT document_id FROM bulk_action_documents WHERE bulk_id = ?1 ORDER BY document_id",
    )?;
    let changed = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(BulkRecord {
        action,
        value,
        changed,
    })
}

/// Which of `ids` are not live documents (missing, trashed or purged), for refusing a
/// selection by ids that names one.
pub fn missing(conn: &Connection, ids: &[i64]) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
    let mut missing = Vec::new();
    for &id in ids {
        if !stmt.exists([id])? {
            missing.push(id);
        }
    }
    Ok(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regression: listing the marked documents tested every document of the case for a
    /// mark or a tag, 4 s at a million documents on every opening of the library.
    #[test]
    fn the_marked_documents_were_found_by_walking_every_document() {
        let (_dir, conn) = super::super::empty_case();
        let plan = super::super::plan_of(&conn, ALL_MARKED);
        assert!(
            !plan
                .split("; ")
                .any(|step| step.split_whitespace().take(2).eq(["SCAN", "d"])),
            "{plan}"
        );
        assert!(all_marked(&conn).unwrap().is_empty());
    }
}
