//! Timeline events as the CLI prints them and the app receives them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ReviewStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum EventKind {
    /// A source's own publication.
    Publication,
    /// A sentence of a source that carries a date.
    Extracted,
    /// Added by a person.
    Manual,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Publication => "publication",
            EventKind::Extracted => "extracted",
            EventKind::Manual => "manual",
        }
    }

    pub fn parse(name: &str) -> Option<EventKind> {
        match name {
            "publication" => Some(EventKind::Publication),
            "extracted" => Some(EventKind::Extracted),
            "manual" => Some(EventKind::Manual),
            _ => None,
        }
    }
}

/// A source span that reports an event, with the date that source gives it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct EventSource {
    #[ts(type = "number")]
    pub doc_id: i64,
    /// The sentence, chars into the document's text.
    pub start: usize,
    pub end: usize,
    /// The date expression as the source wrote it ("last week").
    pub date_text: Option<String>,
    pub value: String,
    pub earliest: String,
    pub latest: String,
    pub doc_title: String,
}

/// One event on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct EventRecord {
    #[ts(type = "number")]
    pub id: i64,
    /// TIMEX3 value: 2017-04-12, 2017-W14, 2017-03, 2017-04-12T05:00-07:00.
    pub value: String,
    /// The first day (or instant) the event can be on.
    pub earliest: String,
    /// The last day (or instant) the event can be on, inclusive.
    pub latest: String,
    /// century, decade, year, quarter, month, week, day, minute or second.
    pub precision: String,
    pub title: String,
    pub description: String,
    pub kind: EventKind,
    pub sources: Vec<EventSource>,
    /// People and organisations named in the event's sentences.
    pub entities: Vec<String>,
    /// The tags people gave it, in normal form (lower-case), sorted.
    pub tags: Vec<String>,
    pub status: ReviewStatus,
    /// True when its sources give dates that cannot all be right (their intervals do not
    /// overlap); each source keeps its own date so both can be shown.
    pub conflict: bool,
}

/// Which events to list. Dates are YYYY, YYYY-MM or YYYY-MM-DD; an event is in range when its
/// interval overlaps the range, so an event in "March 2017" is in 2017-03-15..2017-04-15.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct TimelineQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    /// An entity's name or alias.
    pub entity: Option<String>,
    pub kind: Option<EventKind>,
    /// Rejected events are left out unless asked for by status.
    pub status: Option<ReviewStatus>,
    /// Only events carrying this tag (compared in normal form, so `Arrest` finds `arrest`).
    pub tag: Option<String>,
    pub limit: Option<usize>,
    /// Only events at most this many seconds long. The app reads the window of a big case it
    /// is zoomed into without the years and decades around it, which would otherwise come
    /// with every window (a million articles mention "1986" 176k times); its counts per day
    /// still hold them.
    #[ts(type = "number | null")]
    pub longest: Option<i64>,
}

/// A citation of a span of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SpanCitation {
    #[ts(type = "number")]
    pub doc_id: i64,
    pub start: usize,
    pub end: usize,
}

/// A new event, or a person's correction of one (unset fields stay as they are).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct EventInput {
    pub title: Option<String>,
    pub description: Option<String>,
    /// YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, or a date-time YYYY-MM-DDTHH:MM.
    pub date: Option<String>,
    pub sources: Vec<SpanCitation>,
    /// When given, the event's tags become exactly these (in normal form); when absent, a new
    /// event has none and an edited one keeps its own.
    pub tags: Option<Vec<String>>,
}

/// A tag used in the case and how many events carry it, for the timeline's tag filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct EventTagCount {
    pub tag: String,
    pub count: usize,
}

/// Every event of a timeline in columns (one entry per event, index for index), lean enough to
/// send 100k events to the window at once: the axis draws from these and asks for titles
/// (`Case::event_titles`) only for the events it lists, and for an event's sentence and sources
/// (`Case::event`) only when one is clicked. Titles would have doubled the payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct TimelinePoints {
    #[ts(type = "number[]")]
    pub id: Vec<i64>,
    /// Unix seconds, `[start, end)`: the event is as wide as its precision.
    #[ts(type = "number[]")]
    pub start: Vec<i64>,
    #[ts(type = "number[]")]
    pub end: Vec<i64>,
    /// Index into `kinds`' order: 0 publication, 1 extracted, 2 manual.
    pub kind: Vec<u8>,
    /// 0 auto, 1 confirmed, 2 rejected, 3 edited.
    pub status: Vec<u8>,
    pub conflict: Vec<bool>,
    /// The first entity named in the event's sentences (index into `entities`), or -1.
    pub entity: Vec<i32>,
    /// The document of its first source (index into `documents`), or -1.
    pub source: Vec<i32>,
    /// Names of the entities the `entity` column points at.
    pub entities: Vec<String>,
    /// Titles of the documents the `source` column points at.
    pub documents: Vec<String>,
    #[ts(type = "number[]")]
    pub document_ids: Vec<i64>,
}

/// How many events of a timeline query start on each day, for drawing a whole big case at once
/// as density bars (issue 23: 3.8M events at 1M documents). Days with no events are left out.
/// The app reads the events themselves (`TimelinePoints`) only for the stretch it is zoomed
/// into once that stretch holds few enough of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct TimelineDensity {
    /// Days with events, ascending, as unix days: floor(start / 86400).
    #[ts(type = "number[]")]
    pub day: Vec<i64>,
    /// The events starting that day.
    pub count: Vec<u32>,
    /// Of them, those at most 31 days long, which decide where the timeline opens.
    pub precise: Vec<u32>,
    /// All the events counted, the sum of `count`.
    #[ts(type = "number")]
    pub total: u64,
}
