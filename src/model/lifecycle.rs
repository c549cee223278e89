//! What deleting, restoring, correcting and copying a case's contents exchange: the edit of a
//! document's metadata, what depends on documents about to be deleted, the trash, note drafts
//! and backups. Kept apart so that the app and the CLI show the same facts before anything
//! irreversible happens.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::DocumentKind;

/// A person's correction of a document's metadata. Unset fields stay as they are; an empty
/// outlet clears it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DocumentEdit {
    pub kind: Option<DocumentKind>,
    pub title: Option<String>,
    /// The publication date as a person writes it: `2017-04-12`, `2017-04`, `2017`, or any
    /// form the importer reads (`April 12, 2017`, RFC 2822).
    pub published: Option<String>,
    pub outlet: Option<String>,
}

/// A note, named.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct NoteRef {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
}

/// What deleting some documents takes with it, shown before it happens.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DeletionImpact {
    #[ts(type = "number[]")]
    pub documents: Vec<i64>,
    /// Quotes in them, and how many of those a person reviewed.
    pub quotes: usize,
    pub reviewed_quotes: usize,
    /// Events they report, and how many of those no other document reports (these leave the
    /// timeline with them).
    pub events: usize,
    pub events_removed: usize,
    /// Notes citing them, their quotes or their events: their citations stop resolving.
    pub citing_notes: Vec<NoteRef>,
}

/// A deleted document: in the trash until restored, or purged.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct TrashedDocument {
    #[ts(type = "number")]
    pub id: i64,
    /// Empty once purged.
    pub title: String,
    pub deleted_at: String,
    pub purged_at: Option<String>,
}

/// A draft of a note: what the editor held, autosaved and not saved as a version yet.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct NoteDraft {
    /// The note it is a draft of; None for a new note.
    #[ts(type = "number | null")]
    pub note_id: Option<i64>,
    pub title: String,
    pub text: String,
    /// The note's version the draft started from.
    #[ts(type = "number | null")]
    pub base_version: Option<i64>,
    pub saved_at: String,
}

/// A copy of the case file made while it may be in use.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct BackupReport {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub documents: usize,
    pub notes: usize,
}

/// How far a long check or rebuild of the whole case has come (`verify`, `reindex`): the step
/// it is on, in words, and how many of that step's items are done out of how many (0 when the
/// step cannot tell, as SQLite's own integrity check cannot). A 1M-document case takes minutes
/// for each, and a person must see that it moves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepProgress {
    pub step: &'static str,
    pub done: u64,
    pub total: u64,
}
