//! What the library asks the core for: one page of the document list in a chosen order and
//! filter, so that a million-document case opens without sending every row to the window.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DocumentKind, DocumentSummary};

/// The column the library is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum LibrarySort {
    /// Publication, earliest first; undated documents last in either direction.
    #[default]
    Published,
    /// Titles ignoring ASCII case.
    Title,
    Kind,
    /// Outlets ignoring ASCII case; documents without one last in either direction.
    Outlet,
    /// Import order (the id).
    Imported,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum SortDir {
    #[default]
    Asc,
    Desc,
}

/// One page of the library: its order, its filter and which rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DocumentPageRequest {
    pub sort: LibrarySort,
    pub dir: SortDir,
    /// Words every title must contain, ignoring ASCII case.
    pub title: Option<String>,
    pub kind: Option<DocumentKind>,
    /// Part of the outlet's name, ignoring ASCII case.
    pub outlet: Option<String>,
    /// Inclusive bounds as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a date of lower precision is in
    /// the range when its period overlaps it, as the search language's date filters treat it.
    pub from: Option<String>,
    pub to: Option<String>,
    pub offset: usize,
    /// At most this many rows; none means every row from `offset`.
    pub limit: Option<usize>,
    /// Leaves `total` out: counting a filtered million rows costs a scan, and the pages after
    /// the first do not need it.
    pub skip_total: bool,
    /// Shows a group of near-duplicates (issue 21) as one row, its first-imported document
    /// still in the case, so forty copies of a wire story do not bury the rest.
    pub collapse_copies: bool,
    /// Shows a mail thread (issue 21) as one row, its oldest message in the case, so an
    /// archive of long conversations lists conversations.
    pub collapse_threads: bool,
}

/// A page of document summaries and, unless it was skipped, how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DocumentPage {
    pub total: Option<usize>,
    pub documents: Vec<DocumentSummary>,
    /// For each of `documents`, in order, how many near-duplicates of it the case holds
    /// besides it (0 for a document without copies): the row's "+N copies".
    pub copies: Vec<usize>,
    /// For each of `documents`, in order, with `collapse_threads`: how many messages of its
    /// thread the case holds, itself included (the row's "N messages"; 1 for an email alone,
    /// 0 for a document that is no email). All 0 when threads are not collapsed.
    pub messages: Vec<usize>,
}

/// An outlet and how many documents it published, for the library's outlet suggestions.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct OutletCount {
    pub outlet: String,
    pub documents: usize,
}
