//! Notes: writing them with their history, reading them with their resolved citations, links,
//! backlinks and claim-check problems. The rules live in `crate::cite`; these methods gather
//! and write.

use crate::cite::{self, Lookup};
use crate::model::{Backlink, BacklinkTarget, NoteDetail, NoteSummary, NoteVersion};
use crate::store::notes as note_store;
use crate::{Case, Result};

impl Case {
    /// Every note, oldest first.
    pub fn notes(&self) -> Result<Vec<NoteSummary>> {
        Ok(note_store::list(&self.conn)?
            .into_iter()
            .map(|n| n.summary)
            .collect())
    }

    /// A note with its resolved citations, links, backlinks and claim-check problems.
    pub fn note(&self, id: i64) -> Result<NoteDetail> {
        let row = note_store::get(&self.conn, id)?;
        let checked = self.check_note_text(Some(id), &row.text)?;
        Ok(NoteDetail {
            backlinks: cite::links::note_backlinks(self.conn.notes()?, id, &row.summary.title),
            summary: row.summary,
            text: row.text,
            citations: checked.citations,
            links: checked.links,
            problems: checked.problems,
        })
    }

    /// Adds a note; its citations are recorded for backlinks and for spotting stale quotes.
    pub fn add_note(&self, title: &str, text: &str) -> Result<NoteDetail> {
        // One transaction for the note and its citations: a note saved without them would
        // break its citations at the next re-extraction, and its retry would find the title
        // taken.
        let id = self.change(|tx| {
            let id = note_store::insert(tx, title, text)?;
            self.record_citations(tx, id, text)?;
            self.log_note(tx, "note.add", id)?;
            Ok(id)
        })?;
        self.note(id)
    }

    /// Saves a new version of a note (the previous one stays in its history). `title` None
    /// keeps the title.
    pub fn edit_note(&self, id: i64, title: Option<&str>, text: &str) -> Result<NoteDetail> {
        let current = note_store::get(&self.conn, id)?;
        let title = title.unwrap_or(&current.summary.title);
        self.change(|tx| {
            note_store::save(tx, id, title, text, None)?;
            self.record_citations(tx, id, text)?;
            self.log_note(tx, "note.save", id)
        })?;
        self.note(id)
    }

    /// Every saved version of a note, newest first (texts left out).
    pub fn note_history(&self, id: i64) -> Result<Vec<NoteVersion>> {
        note_store::versions(&self.conn, id)
    }

    /// One saved version of a note, with its text.
    pub fn note_version(&self, id: i64, version: i64) -> Result<NoteVersion> {
        note_store::version(&self.conn, id, version)
    }

    /// Brings back an earlier version as a new version, so the restore can itself be undone.
    pub fn restore_note(&self, id: i64, version: i64) -> Result<NoteDetail> {
        let old = note_store::version(&self.conn, id, version)?;
        self.change(|tx| {
            note_store::save(tx, id, &old.title, &old.text, Some(version))?;
            self.record_citations(tx, id, &old.text)?;
            self.log_note(tx, "note.restore", id)
        })?;
        self.note(id)
    }

    /// Accepts how the quotes a note cites are now: their stale warnings go away until they
    /// change again.
    pub fn accept_cited_quotes(&self, id: i64) -> Result<NoteDetail> {
        self.change(|tx| {
            let row = note_store::get(tx, id)?;
            for (target, snapshot) in cite::check::current_snapshots(&**tx, &row.text) {
                note_store::refresh_snapshot(tx, id, &target, &snapshot)?;
            }
            self.log_note(tx, "note.accept_quotes", id)
        })?;
        self.note(id)
    }

    /// Notes that cite a document (or a span or quote of it), a quote, an event or an entity's
    /// quotes and events, or that link to a note.
    pub fn backlinks(&self, target: BacklinkTarget) -> Result<Vec<Backlink>> {
        match target {
            BacklinkTarget::Note(id) => {
                let note = note_store::get(&self.conn, id)?;
                Ok(cite::links::note_backlinks(
                    self.conn.notes()?,
                    id,
                    &note.summary.title,
                ))
            }
            other => note_store::backlinks(&self.conn, other),
        }
    }

    /// Records a change to a note in the audit log, with the version it left the note at
    /// and that version's checksum, which is what the note's history is checked by.
    fn log_note(&self, tx: &rusqlite::Connection, action: &str, id: i64) -> Result<()> {
        let (version, sha256): (i64, Option<String>) = tx.query_row(
            "SELECT version, text_sha256 FROM note_versions WHERE note_id = ?1
             ORDER BY version DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        self.log(
            tx,
            action,
            &format!("note:{id}"),
            serde_json::json!({ "version": version, "text_sha256": sha256 }),
        )
    }

    /// Records what a note's text cites, inside the caller's transaction (`conn`).
    fn record_citations(&self, conn: &rusqlite::Connection, id: i64, text: &str) -> Result<()> {
        note_store::set_citations(conn, id, &cite::check::citation_rows(conn, text))
    }
}
