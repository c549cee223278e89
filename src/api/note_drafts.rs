//! Notes that are never lost: drafts autosaved while a person types, and deletion that can be
//! undone. A draft is what the editor holds between saves; a deleted note keeps its row and
//! every version and comes back with `undelete_note`.

use crate::model::{NoteDraft, NoteSummary};
use crate::store::{note_drafts, notes as note_store};
use crate::{Case, Result};

impl Case {
    /// Writes the draft of a note (or of the new note, `note_id` None), replacing the previous
    /// draft. The app calls it a moment after each change in the editor.
    pub fn save_note_draft(
        &self,
        note_id: Option<i64>,
        title: &str,
        text: &str,
    ) -> Result<NoteDraft> {
        self.change(|tx| {
            let base_version = match note_id {
                Some(id) => Some(note_store::get(tx, id)?.summary.version),
                None => None,
            };
            note_drafts::put(tx, note_id, title, text, base_version)
        })
    }

    /// Every unsaved draft, the new note's first; the app offers them again on open.
    pub fn note_drafts(&self) -> Result<Vec<NoteDraft>> {
        note_drafts::list(&self.conn)
    }

    /// Drops a draft, when a person chooses to discard their unsaved changes.
    pub fn discard_note_draft(&self, note_id: Option<i64>) -> Result<()> {
        self.change(|tx| note_drafts::discard(tx, note_id))
    }

    /// Deletes a note: it leaves the lists, links, backlinks, claim check and search, but its
    /// versions stay and `undelete_note` brings it back.
    pub fn delete_note(&self, id: i64) -> Result<()> {
        self.change(|tx| {
            note_store::delete(tx, id)?;
            self.log(
                tx,
                "note.delete",
                &format!("note:{id}"),
                serde_json::json!({}),
            )
        })
    }

    /// Brings a deleted note back as it was.
    pub fn undelete_note(&self, id: i64) -> Result<NoteSummary> {
        self.change(|tx| {
            note_store::undelete(tx, id)?;
            self.log(
                tx,
                "note.undelete",
                &format!("note:{id}"),
                serde_json::json!({}),
            )
        })?;
        Ok(self.note(id)?.summary)
    }

    /// Deleted notes, most recently deleted first.
    pub fn deleted_notes(&self) -> Result<Vec<NoteSummary>> {
        Ok(note_store::deleted(&self.conn)?
            .into_iter()
            .map(|r| r.summary)
            .collect())
    }
}
