//! The `notes`, `note_versions` and `note_citations` tables.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::now;
use crate::digest::sha256_hex;
use crate::model::{Backlink, BacklinkTarget, NoteSummary, NoteVersion};
use crate::{Error, Result};

/// A note's current version.
pub struct NoteRow {
    pub summary: NoteSummary,
    pub text: String,
}

/// What a cited quote was when the note first cited it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSnapshot {
    pub text: String,
    pub speaker_id: Option<i64>,
    pub status: String,
}

/// One citation of a note's current version, as stored for backlinks and staleness.
pub struct CitationRow<'a> {
    pub target: String,
    pub kind: &'a str,
    pub target_id: i64,
    /// Taken only when the note did not cite this quote before.
    pub snapshot: Option<QuoteSnapshot>,
}

const EXCERPT_CHARS: usize = 140;

fn excerpt(text: &str) -> String {
    crate::text::short_at_word(text, EXCERPT_CHARS)
}

fn title_taken(err: rusqlite::Error, title: &str) -> Error {
    match err {
        rusqlite::Error::SqliteFailure(e, _)
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Error::conflict(format!(
                "a note titled \"{title}\" already exists; note titles are unique because \
                 [[Title]] links name notes by title"
            ))
        }
        other => other.into(),
    }
}

fn check_title(title: &str) -> Result<&str> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::invalid_input("a note needs a title"));
    }
    if title.contains(['[', ']', '\n']) {
        return Err(Error::invalid_input(format!(
            "the title \"{title}\" cannot contain brackets or line breaks, because [[Title]] \
             links name notes by title"
        )));
    }
    Ok(title)
}

/// Adds a note as its version 1. Returns its id. The caller owns the transaction, so that the
/// note and what it cites are saved together or not at all.
pub fn insert(conn: &Connection, title: &str, text: &str) -> Result<i64> {
    let title = check_title(title)?;
    let at = now();
    conn.execute(
        "INSERT INTO notes (title, text, version, created_at, updated_at)
         VALUES (?1, ?2, 1, ?3, ?3)",
        params![title, text, at],
    )
    .map_err(|e| title_taken(e, title))?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO note_versions (note_id, version, title, text, saved_at, text_sha256)
         VALUES (?1, 1, ?2, ?3, ?4, ?5)",
        params![id, title, text, at, sha256_hex(text.as_bytes())],
    )?;
    // The new note's draft is saved now; keeping it would offer it again as unsaved work.
    super::note_drafts::discard(conn, None)?;
    Ok(id)
}

/// Saves a new version of a note. Saving what is already there adds no version. Returns the
/// current version number. The caller owns the transaction, as for `insert`.
pub fn save(
    conn: &Connection,
    id: i64,
    title: &str,
    text: &str,
    restored_from: Option<i64>,
) -> Result<i64> {
    let title = check_title(title)?;
    let current = get(conn, id)?;
    if current.summary.title == title && current.text == text {
        super::note_drafts::discard(conn, Some(id))?;
        return Ok(current.summary.version);
    }
    let version = current.summary.version + 1;
    let at = now();
    conn.execute(
        "UPDATE notes SET title = ?2, text = ?3, version = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, title, text, version, at],
    )
    .map_err(|e| title_taken(e, title))?;
    conn.execute(
        "INSERT INTO note_versions (note_id, version, title, text, saved_at, restored_from,
            text_sha256)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            version,
            title,
            text,
            at,
            restored_from,
            sha256_hex(text.as_bytes())
        ],
    )?;
    super::note_drafts::discard(conn, Some(id))?;
    Ok(version)
}

const COLUMNS: &str = "id, title, version, created_at, updated_at, text";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<NoteRow> {
    let text: String = r.get(5)?;
    Ok(NoteRow {
        summary: NoteSummary {
            id: r.get(0)?,
            title: r.get(1)?,
            version: r.get(2)?,
            created_at: r.get(3)?,
            updated_at: r.get(4)?,
            excerpt: excerpt(&text),
        },
        text,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<NoteRow> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM notes WHERE id = ?1 AND deleted_at IS NULL"
    ))?
    .query_row([id], row)
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no note n{id} in this case")))
}

/// Every note, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<NoteRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM notes WHERE deleted_at IS NULL ORDER BY id"
    ))?;
    let rows = stmt.query_map([], row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Ids of notes by title, ignoring case.
pub fn ids_by_title(conn: &Connection) -> Result<HashMap<String, i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT lower(title), id FROM notes WHERE deleted_at IS NULL")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every version of a note, newest first, without their texts.
pub fn versions(conn: &Connection, id: i64) -> Result<Vec<NoteVersion>> {
    get(conn, id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT version, title, saved_at, restored_from, length(text), author FROM note_versions
         WHERE note_id = ?1 ORDER BY version DESC",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(NoteVersion {
            version: r.get(0)?,
            title: r.get(1)?,
            saved_at: r.get(2)?,
            restored_from: r.get(3)?,
            chars: r.get::<_, i64>(4)? as usize,
            text: String::new(),
            author: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn version(conn: &Connection, id: i64, version: i64) -> Result<NoteVersion> {
    get(conn, id)?;
    conn.prepare_cached(
        "SELECT version, title, saved_at, restored_from, text, author FROM note_versions
         WHERE note_id = ?1 AND version = ?2",
    )?
    .query_row(params![id, version], |r| {
        let text: String = r.get(4)?;
        Ok(NoteVersion {
            version: r.get(0)?,
            title: r.get(1)?,
            saved_at: r.get(2)?,
            restored_from: r.get(3)?,
            chars: text.chars().count(),
            text,
            author: r.get(5)?,
        })
    })
    .optional()?
    .ok_or_else(|| Error::not_found(format!("note n{id} has no version {version}")))
}

/// The quote snapshots a note's citations were stored with, by target (`q42`).
pub fn snapshots(conn: &Connection, note_id: i64) -> Result<HashMap<String, QuoteSnapshot>> {
    let mut stmt = conn.prepare_cached(
        "SELECT target, quote_text, speaker_id, quote_status FROM note_citations
         WHERE note_id = ?1 AND kind = 'quote' AND quote_text IS NOT NULL",
    )?;
    let rows = stmt.query_map([note_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            QuoteSnapshot {
                text: r.get(1)?,
                speaker_id: r.get(2)?,
                status: r.get(3)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces what a note cites with `rows`. A target the note already cited keeps its row (and
/// so its snapshot); targets no longer cited are dropped. The caller owns the transaction.
pub fn set_citations(conn: &Connection, note_id: i64, rows: &[CitationRow<'_>]) -> Result<()> {
    let existing: Vec<String> = {
        let mut stmt =
            conn.prepare_cached("SELECT target FROM note_citations WHERE note_id = ?1")?;
        let targets = stmt.query_map([note_id], |r| r.get(0))?;
        targets.collect::<rusqlite::Result<_>>()?
    };
    for target in &existing {
        if !rows.iter().any(|r| &r.target == target) {
            conn.execute(
                "DELETE FROM note_citations WHERE note_id = ?1 AND target = ?2",
                params![note_id, target],
            )?;
        }
    }
    let at = now();
    for row in rows.iter().filter(|r| !existing.contains(&r.target)) {
        conn.execute(
            "INSERT OR IGNORE INTO note_citations (note_id, target, kind, target_id, quote_text,
                speaker_id, quote_status, cited_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                note_id,
                row.target,
                row.kind,
                row.target_id,
                row.snapshot.as_ref().map(|s| s.text.as_str()),
                row.snapshot.as_ref().and_then(|s| s.speaker_id),
                row.snapshot.as_ref().map(|s| s.status.as_str()),
                at
            ],
        )?;
    }
    Ok(())
}

/// Takes a fresh snapshot of one cited quote: the person has seen how it changed.
pub fn refresh_snapshot(
    conn: &Connection,
    note_id: i64,
    target: &str,
    snapshot: &QuoteSnapshot,
) -> Result<()> {
    conn.execute(
        "UPDATE note_citations SET quote_text = ?3, speaker_id = ?4, quote_status = ?5,
            cited_at = ?6 WHERE note_id = ?1 AND target = ?2",
        params![
            note_id,
            target,
            snapshot.text,
            snapshot.speaker_id,
            snapshot.status,
            now()
        ],
    )?;
    Ok(())
}

/// Notes that cite `target`, each with what exactly it cites.
pub fn backlinks(conn: &Connection, target: BacklinkTarget) -> Result<Vec<Backlink>> {
    let (sql, id) = match target {
        BacklinkTarget::Document(id) => (
            "SELECT c.note_id, n.title, c.target FROM note_citations c JOIN notes n ON n.id = c.note_id
             AND n.deleted_at IS NULL
             WHERE (c.kind IN ('document', 'span') AND c.target_id = ?1)
                OR (c.kind = 'quote' AND c.target_id IN
                    (SELECT id FROM quotes WHERE document_id = ?1))
                OR (c.kind = 'event' AND c.target_id IN
                    (SELECT event_id FROM event_sources WHERE document_id = ?1))",
            id,
        ),
        BacklinkTarget::Quote(id) => (
            "SELECT c.note_id, n.title, c.target FROM note_citations c JOIN notes n ON n.id = c.note_id
             AND n.deleted_at IS NULL
             WHERE c.kind = 'quote' AND c.target_id = ?1",
            id,
        ),
        BacklinkTarget::Event(id) => (
            "SELECT c.note_id, n.title, c.target FROM note_citations c JOIN notes n ON n.id = c.note_id
             AND n.deleted_at IS NULL
             WHERE c.kind = 'event' AND c.target_id = ?1",
            id,
        ),
        BacklinkTarget::Entity(id) => (
            "SELECT c.note_id, n.title, c.target FROM note_citations c JOIN notes n ON n.id = c.note_id
             AND n.deleted_at IS NULL
             WHERE (c.kind = 'quote' AND c.target_id IN
                    (SELECT id FROM quotes WHERE speaker_id = ?1))
                OR (c.kind = 'event' AND c.target_id IN
                    (SELECT event_id FROM event_entities WHERE entity_id = ?1))",
            id,
        ),
        BacklinkTarget::Note(_) => {
            return Err(Error::internal(
                "links between notes are found from their texts, not from citations",
            ))
        }
    };
    let mut stmt = conn.prepare_cached(&format!("{sql} ORDER BY c.note_id, c.target"))?;
    let rows = stmt.query_map([id], |r| {
        Ok(Backlink {
            note_id: r.get(0)?,
            note_title: r.get(1)?,
            target: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A note as the search index needs it.
pub struct NoteIndexRow {
    pub id: i64,
    pub title: String,
    pub text: String,
    pub updated_at: String,
}

/// Notes for the index: all of them, or those with the given ids.
pub fn for_each_for_index(
    conn: &Connection,
    ids: Option<&[i64]>,
    mut visit: impl FnMut(NoteIndexRow) -> Result<()>,
) -> Result<usize> {
    let mut count = 0;
    let mut each = |r: &rusqlite::Row<'_>| -> Result<()> {
        count += 1;
        visit(NoteIndexRow {
            id: r.get(0)?,
            title: r.get(1)?,
            text: r.get(2)?,
            updated_at: r.get(3)?,
        })
    };
    // A deleted note leaves the index: the journal names it and nothing is found to add back.
    const SELECT: &str = "SELECT id, title, text, updated_at FROM notes WHERE deleted_at IS NULL";
    match ids {
        None => {
            let mut stmt = conn.prepare(SELECT)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                each(r)?;
            }
        }
        Some(ids) => {
            let mut stmt = conn.prepare_cached(&format!("{SELECT} AND id = ?1"))?;
            for id in ids {
                let mut rows = stmt.query([id])?;
                while let Some(r) = rows.next()? {
                    each(r)?;
                }
            }
        }
    }
    Ok(count)
}

/// Marks a note deleted. Its row, versions and citations stay, so `undelete` brings it back
/// exactly; a deleted note is left out of lists, links, backlinks, the claim check and search.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    get(conn, id)?;
    conn.execute(
        "UPDATE notes SET deleted_at = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    super::note_drafts::discard(conn, Some(id))?;
    Ok(())
}

/// Brings a deleted note back. Refused when a live note took its title meanwhile.
pub fn undelete(conn: &Connection, id: i64) -> Result<()> {
    let title: Option<String> = conn
        .query_row(
            "SELECT title FROM notes WHERE id = ?1 AND deleted_at IS NOT NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    let title = title.ok_or_else(|| Error::not_found(format!("no deleted note n{id}")))?;
    conn.execute("UPDATE notes SET deleted_at = NULL WHERE id = ?1", [id])
        .map_err(|e| title_taken(e, &title))?;
    Ok(())
}

/// Deleted notes, most recently deleted first.
pub fn deleted(conn: &Connection) -> Result<Vec<NoteRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM notes WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id"
    ))?;
    let rows = stmt.query_map([], row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
