//! The case file answers what citations need to know: [`Lookup`] for the case's SQLite
//! connection (or a transaction on it, so a save records what it sees), in this one place.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{Lookup, NoteRow, QuoteSnapshot};
use crate::model::{
    Document, DocumentSummary, EventRecord, QuoteFilter, QuoteRecord, TimelineQuery,
};
use crate::store::{documents, entity_lists, events, notes, quotes};
use crate::Result;

impl Lookup for Connection {
    fn quote_lineage(&self, id: i64) -> Option<crate::model::QuoteLineage> {
        // A quote that is missing, or has no speaker, has no lineage.
        let speaker = crate::store::lineage::speaker_of(self, id)
            .ok()
            .flatten()
            .flatten()?;
        let quotes = crate::store::lineage::spoken(self, Some(&speaker)).ok()?;
        crate::lineage::lineage_of(&quotes, id)
    }

    fn document(&self, id: i64) -> Option<Document> {
        documents::get(self, id).ok()
    }

    fn quote(&self, id: i64) -> Option<QuoteRecord> {
        quotes::get(self, id).ok()
    }

    fn event(&self, id: i64) -> Option<EventRecord> {
        events::get(self, id).ok()
    }

    fn entity_name(&self, id: i64) -> Option<String> {
        entity_lists::summary(self, id).ok().map(|e| e.name)
    }

    fn notes(&self) -> Result<Vec<NoteRow>> {
        notes::list(self)
    }

    fn note_ids_by_title(&self) -> Result<HashMap<String, i64>> {
        notes::ids_by_title(self)
    }

    fn snapshots(&self, note: i64) -> Result<HashMap<String, QuoteSnapshot>> {
        notes::snapshots(self, note)
    }

    fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>> {
        quotes::list(self, filter)
    }

    fn events(&self, query: &TimelineQuery) -> Result<Vec<EventRecord>> {
        events::list(self, query)
    }

    fn documents(&self) -> Result<Vec<DocumentSummary>> {
        documents::list(self)
    }
}
