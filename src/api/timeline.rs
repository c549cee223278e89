//! The timeline: listing events, adding manual ones, review and merge.

use crate::intervals::{self, Interval};
use crate::model::{
    EventInput, EventKind, EventRecord, EventTagCount, ReviewStatus, SpanCitation, TimelineDensity,
    TimelinePoints, TimelineQuery,
};
use crate::store::event_tags;
use crate::store::events::{self, NewSource};
use crate::store::{documents, timeline_density, timeline_points};
use serde_json::json;

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

    /// The events of `timeline(query)` in lean columns, for drawing 100k of them at once.
    pub fn timeline_points(&self, query: &TimelineQuery) -> Result<TimelinePoints> {
        timeline_points::points(&self.conn, query)
    }

    /// How many of `timeline(query)`'s events start on each day: what the app draws of a case
    /// too big to send every event, read from counts kept per day (migration 0022).
    pub fn timeline_density(&self, query: &TimelineQuery) -> Result<TimelineDensity> {
        timeline_density::density(&self.conn, query)
    }

    /// The titles of events `ids` (cut at 160 characters), in that order.
    pub fn event_titles(&self, ids: &[i64]) -> Result<Vec<String>> {
        timeline_points::titles(&self.conn, ids)
    }

    pub fn event(&self, id: i64) -> Result<EventRecord> {
        events::get(&self.conn, id)
    }

    /// Adds a manual event, confirmed, citing the spans it lists, with the tags it lists.
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
        let tags = event_tags::normalize_all(input.tags.as_deref().unwrap_or_default())?;
        let id = self.change(|tx| {
            let id = events::insert(
                tx,
                EventKind::Manual,
                title,
                input.description.as_deref().unwrap_or(""),
                &interval,
                ReviewStatus::Confirmed,
            )?;
            for source in &input.sources {
                events::add_source(tx, id, &cited(source, &interval))?;
            }
            event_tags::add(tx, id, &tags)?;
            self.log(
                tx,
                "event.add",
                &format!("event:{id}"),
                json!({ "date": date, "tags": tags, "sources": input.sources.len() }),
            )?;
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
    /// are added to it; tags given replace its own. An edit that only sets tags leaves the
    /// status as it is: tagging files an event, it does not vouch for it.
    pub fn edit_event(&self, id: i64, input: &EventInput) -> Result<EventRecord> {
        let interval = input.date.as_deref().map(intervals::parse).transpose()?;
        for source in &input.sources {
            self.check_span(source.doc_id, source.start, source.end)?;
        }
        let tags = input
            .tags
            .as_deref()
            .map(event_tags::normalize_all)
            .transpose()?;
        let only_tags = tags.is_some()
            && input.title.is_none()
            && input.description.is_none()
            && interval.is_none()
            && input.sources.is_empty();
        self.change(|tx| {
            if only_tags {
                events::get(tx, id)?;
            } else {
                events::edit(
                    tx,
                    id,
                    input.title.as_deref(),
                    input.description.as_deref(),
                    interval.as_ref(),
                )?;
            }
            if let Some(tags) = &tags {
                event_tags::set(tx, id, tags)?;
            }
            let current = events::get(tx, id)?;
            let own = intervals::parse(&current.value).ok();
            for source in &input.sources {
                let interval = interval
                    .clone()
                    .or_else(|| own.clone())
                    .ok_or_else(|| Error::internal("the event has no date"))?;
                events::add_source(tx, id, &cited(source, &interval))?;
            }
            let action = if only_tags { "event.tag" } else { "event.edit" };
            self.log(
                tx,
                action,
                &format!("event:{id}"),
                json!({
                    "title": input.title.is_some(),
                    "description": input.description.is_some(),
                    "date": input.date,
                    "tags": tags,
                    "sources_added": input.sources.len(),
                }),
            )
        })?;
        self.event(id)
    }

    pub fn review_event(&self, id: i64, status: ReviewStatus) -> Result<EventRecord> {
        if status == ReviewStatus::Edited {
            return Err(Error::invalid_input(
                "an event becomes 'edited' by editing it, not by setting its status",
            ));
        }
        self.change(|tx| {
            events::set_status(tx, id, status)?;
            self.log(
                tx,
                "event.review",
                &format!("event:{id}"),
                json!({ "status": status.as_str() }),
            )
        })?;
        self.event(id)
    }

    /// Merges events that report the same thing into `into`, which keeps every source and
    /// every tag; when the sources disagree on the date, the merged event is flagged as a
    /// conflict.
    pub fn merge_events(&self, into: i64, from: &[i64]) -> Result<EventRecord> {
        if from.is_empty() {
            return Err(Error::invalid_input("name the events to merge into it"));
        }
        self.change(|tx| {
            events::merge(tx, into, from)?;
            self.log(
                tx,
                "event.merge",
                &format!("event:{into}"),
                json!({ "from": from }),
            )
        })?;
        self.event(into)
    }

    /// Adds and removes tags of an event (removals first, so a tag in both lists stays). Its
    /// review status does not change, but an unreviewed event with a tag is kept when its
    /// document is extracted again, as a reviewed one is.
    pub fn tag_event(&self, id: i64, add: &[String], remove: &[String]) -> Result<EventRecord> {
        let add = event_tags::normalize_all(add)?;
        let remove = event_tags::normalize_all(remove)?;
        self.change(|tx| {
            events::get(tx, id)?;
            event_tags::remove(tx, id, &remove)?;
            event_tags::add(tx, id, &add)?;
            self.log(
                tx,
                "event.tag",
                &format!("event:{id}"),
                json!({ "added": add, "removed": remove }),
            )
        })?;
        self.event(id)
    }

    /// Every tag on the case's events with how many carry it, by tag: the timeline's filter.
    pub fn event_tags(&self) -> Result<Vec<EventTagCount>> {
        event_tags::counts(&self.conn)
    }
}
