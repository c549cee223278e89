//! Citations, their own room: what `[@q42]`, `[@d7:120-188]` or `[@e9]` points at
//! (`resolve`), the claim check of a note's text with its staleness rules (`check`), the
//! preview's citation labels and note backlinks (`links`), and what `[@` can insert
//! (`candidates`).
//!
//! The rules are written against [`Lookup`], the little a citation needs to know about a case
//! (a document, a quote, an event, an entity's name, the notes and what they cited), so they
//! are tested with data alone (`tests`, over an in-memory case) and the case's connection
//! implements it in one place (`sqlite`). `crate::api` holds the `Case` methods, which only
//! delegate here and write what these rules decide.

pub(crate) mod candidates;
pub(crate) mod check;
pub(crate) mod links;
pub(crate) mod resolve;
mod sqlite;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::model::{
    Document, DocumentSummary, EventRecord, QuoteFilter, QuoteRecord, TimelineQuery,
};
use crate::Result;

pub(crate) use check::{check_note, Checked};
pub(crate) use resolve::Resolver;

/// What a cited quote was when the note first cited it, which is how a later edit, rejection
/// or re-attribution shows up as stale.
pub(crate) use crate::store::notes::QuoteSnapshot;

/// A note as the citation rules read it: its summary and its current text.
pub(crate) use crate::store::notes::NoteRow;

/// What the citation rules need to know about a case. Lookups of one item answer `None` when
/// there is no such item (a broken citation is a finding, not an error); lists and the
/// note tables answer errors as the case gives them.
pub(crate) trait Lookup {
    /// A document with its text, title, metadata and pages.
    fn document(&self, id: i64) -> Option<Document>;
    fn quote(&self, id: i64) -> Option<QuoteRecord>;
    fn event(&self, id: i64) -> Option<EventRecord>;
    /// A person's or organisation's name, as a re-attribution names them.
    fn entity_name(&self, id: i64) -> Option<String>;
    /// Every note with its text, oldest first.
    fn notes(&self) -> Result<Vec<NoteRow>>;
    /// Note ids by their title in lower case, which is how `[[links]]` find notes.
    fn note_ids_by_title(&self) -> Result<HashMap<String, i64>>;
    /// The quote snapshots a saved note's citations were stored with, by target (`q42`).
    fn snapshots(&self, note: i64) -> Result<HashMap<String, QuoteSnapshot>>;
    /// Quotes matching `filter`, in the case's order (by publication, then reading order).
    fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>>;
    /// Events matching `query`, in the timeline's order.
    fn events(&self, query: &TimelineQuery) -> Result<Vec<EventRecord>>;
    fn documents(&self) -> Result<Vec<DocumentSummary>>;
    /// A quote's lineage across documents (issue 21), when it appears in more than one; the
    /// claim check tells a note citing a later, altered wording. None by default, for lookups
    /// that know no lineage.
    fn quote_lineage(&self, _id: i64) -> Option<crate::model::QuoteLineage> {
        None
    }
}

pub(crate) use crate::text::short;
