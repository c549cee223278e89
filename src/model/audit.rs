//! What the audit trail and the document tags exchange with the CLI and the app: log entries
//! and the filter that reads them, the chain check, and bulk actions over documents with
//! their progress and result. Kept together because every bulk action is one audit entry.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One entry of the audit log: a change a person made to the case.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub id: i64,
    /// RFC 3339, UTC, to the second.
    pub time: String,
    /// What was done, as `area.verb`: `document.tag`, `note.save`, `entity.merge`, `import`…
    pub action: String,
    /// What it was done to: `document:12`, `note:3`, `documents:1000` for a bulk action.
    pub target: String,
    /// Who did it, in a team case; None in a single-user case.
    pub author: Option<String>,
    /// The particulars as a JSON object (ids, statuses, counts; never a source's title, which
    /// a purge must be able to remove from the case).
    #[ts(type = "Record<string, unknown>")]
    pub detail: serde_json::Value,
    pub prev_hash: String,
    pub hash: String,
}

/// Which entries to read: those at or after `since` (RFC 3339 or a date `2026-12-01`),
/// newest first, at most `limit` (all when None).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct AuditFilter {
    pub since: Option<String>,
    pub limit: Option<usize>,
    /// Only entries whose action starts with this (`document.` for every document change).
    pub action: Option<String>,
}

/// Whether the log's hash chain holds: how many entries were checked and the first one that
/// does not follow from the one before (edited, removed or reordered), if any.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct AuditCheck {
    pub entries: usize,
    #[ts(type = "number | null")]
    pub first_broken: Option<i64>,
    pub problem: Option<String>,
}

/// What a bulk action does to every document it is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "action", content = "value")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum BulkAction {
    Tag(String),
    Untag(String),
    Star,
    Unstar,
    MarkReviewed,
    UnmarkReviewed,
}

/// Which documents a bulk action is over: listed ids, or every document hit of a query
/// (including those a window has not loaded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum DocumentSelection {
    Ids(#[ts(type = "Array<number>")] Vec<i64>),
    Query(String),
}

/// What a bulk action did: the documents it was given, the ones it changed (the others were
/// already so), and the id that `undo_bulk` takes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct BulkReport {
    #[ts(type = "number")]
    pub bulk_id: i64,
    pub selected: usize,
    pub changed: usize,
}

/// How far a bulk action has got, reported as it writes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct BulkProgress {
    pub done: usize,
    pub total: usize,
}

/// A document's tags and marks, for the library, the reader and search results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DocumentMarks {
    #[ts(type = "number")]
    pub document_id: i64,
    pub tags: Vec<String>,
    pub starred: bool,
    pub reviewed: bool,
}

/// A tag on documents and how many live documents carry it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DocumentTagCount {
    pub tag: String,
    pub count: usize,
}
