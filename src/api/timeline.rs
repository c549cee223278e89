//! The timeline: listing events, adding manual ones, review and merge.

use crate::intervals::{self, Interval};
use crate::model::{EventInput, EventKind, EventRecord, ReviewStatus, SpanCitation, TimelineQuery};
use crate::store::documents;
use crate::store::events::{self, NewSource};
use crate::{Case, Error, Result};

/// A person's citation as an event source: it dates the event as the event does.
fn cited<'a>(source: &SpanCitation, interval: &'a Interval) -> NewSource<'a> {
    NewSource {
        doc_id: source.doc_id,
        start: source.start,
        end: source.end,
        date_text: None,
        date_span: None,
        interval,
    }
}

impl Case {
    /// Events in order of their dates; an event is in a range when its interval overlaps it.
    pub fn timeline(&self, query: &TimelineQuery) -> Result<Vec<EventRecord>> {
        events::list(&self.conn, query)
    }

    pub fn event(&self, id: i64) -> Result<EventRecord> {
        events::get(&self.conn, id)
    }

    /// Adds a manual event, confirmed, citing the spans it lists.
    pub fn add_event(&self, input: &EventInput) -> Result<EventRecord> {
        let title = input
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| Error::invalid_input("an event needs a title"))?;
        let date = input
            .date
            .as_deref()
            .ok_or_else(|| Error::invalid_input("an event needs a date"))?;
        let interval = intervals::parse(date)?;
        for source in &input.sources {
            self.check_span(source.doc_id, source.start, source.end)?;
        }
        let id = self.changing_index(|| {
            let tx = self.conn.unchecked_transaction()?;
            let id = events::insert(
                &tx,
                EventKind::Manual,
                title,
                input.description.as_deref().unwrap_or(""),
                &interval,
                ReviewStatus::Confirmed,
            )?;
            for source in &input.sources {
                events::add_source(&tx, id, &cited(source, &interval))?;
            }
            tx.commit()?;
            Ok(id)
        })?;
        self.event(id)
    }

    /// A citation must point inside its document's text.
    fn check_span(&self, doc_id: i64, start: usize, end: usize) -> Result<()> {
        let length = documents::get(&self.conn, doc_id)?.text.chars().count();
        if start > end || end > length {
            return Err(Error::invalid_input(format!(
                "the span {start}-{end} is not inside document {doc_id} ({length} characters)"
            )));
        }
        Ok(())
    }

    /// Corrects an event's title, description or date; it becomes `edited`. Sources given
    /// are added to it.
    pub fn edit_event(&self, id: i64, input: &EventInput) -> Result<EventRecord> {
        let interval = input.date.as_deref().map(intervals::parse).transpose()?;
        for source in &input.sources {
            self.check_span(source.doc_id, source.start, source.end)?;
        }
        self.changing_index(|| {
            let tx = self.conn.unchecked_transaction()?;
            events::edit(
                &tx,
                id,
                input.title.as_deref(),
                input.description.as_deref(),
                interval.as_ref(),
            )?;
            let current = events::get(&tx, id)?;
            let own = intervals::parse(&current.value).ok();
            for source in &input.sources {
                let interval = interval
                    .clone()
                    .or_else(|| own.clone())
                    .ok_or_else(|| Error::internal("the event has no date"))?;
                events::add_source(&tx, id, &cited(source, &interval))?;
            }
            tx.commit()?;
            Ok(())
        })?;
        self.event(id)
    }

    pub fn review_event(&self, id: i64, status: ReviewStatus) -> Result<EventRecord> {
        if status == ReviewStatus::Edited {
            return Err(Error::invalid_input(
                "an event becomes 'edited' by editing it, not by setting its status",
            ));
        }
        self.changing_index(|| events::set_status(&self.conn, id, status))?;
        self.event(id)
    }

    /// Merges events that report the same thing into `into`, which keeps every source; when
    /// the sources disagree on the date, the merged event is flagged as a conflict.
    pub fn merge_events(&self, into: i64, from: &[i64]) -> Result<EventRecord> {
        if from.is_empty() {
            return Err(Error::invalid_input("name the events to merge into it"));
        }
        self.changing_index(|| {
            let tx = self.conn.unchecked_transaction()?;
            events::merge(&tx, into, from)?;
            tx.commit()?;
            Ok(())
        })?;
        self.event(into)
    }
}
