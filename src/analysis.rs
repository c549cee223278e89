//! Runs the extractors over a stored document and records what they propose: quotes with
//! their speakers, entities and their mentions, and dated events. The extractors are pure;
//! this is where their output meets the case, and where a person's review is respected:
//! only `auto` rows are replaced, and a proposal that repeats a reviewed one is dropped.

use rusqlite::Connection;

use crate::entities::{self, EntityKind};
use crate::intervals::{self, Interval};
use crate::model::{EventKind, ExtractionReport, ReviewStatus};
use crate::store::entities::ResolveCache;
use crate::store::events::NewSource;
use crate::store::{entities as entity_store, events, quotes as quote_store};
use crate::{quotes, timex, Result};

/// What the pipeline needs to know about a document besides its text.
pub struct DocumentFacts<'a> {
    pub id: i64,
    pub title: &'a str,
    pub text: &'a str,
    /// ISO 8601 at its precision.
    pub published: Option<&'a str>,
    pub published_precision: Option<&'a str>,
    /// Unix seconds, inclusive, as the documents table keeps them.
    pub published_span: Option<(i64, i64)>,
    /// True for a document stored in this same transaction, which has nothing to replace.
    pub fresh: bool,
}

/// Longest event title; longer sentences are cut at a word and marked with an ellipsis.
const TITLE_CHARS: usize = 140;

/// Whether the char at `i` ends a sentence: a full stop, question or exclamation mark
/// followed by a space, a capital or a quote mark (sentences glued by a bad page break still
/// split), or a line break. The full stop of an initial or abbreviation ("A.", "U.S.") does not.
fn ends_sentence(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if c == '\n' {
        return true;
    }
    if !matches!(c, '.' | '!' | '?') {
        return false;
    }
    let followed = chars
        .get(i + 1)
        .is_none_or(|n| n.is_whitespace() || n.is_uppercase() || matches!(n, '"' | '“'));
    let initial = c == '.'
        && i >= 1
        && chars[i - 1].is_uppercase()
        && (i < 2 || !chars[i - 2].is_alphabetic());
    followed && !initial
}

/// The sentence around chars `[start, end)`: back to the previous sentence end or paragraph
/// break, forward to the next, within a bounded window so a text without punctuation stays
/// linear.
fn sentence(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    const WINDOW: usize = 600;
    let ends_sentence = |i: usize| ends_sentence(chars, i);
    let mut s = start;
    let floor = start.saturating_sub(WINDOW);
    while s > floor && !ends_sentence(s - 1) {
        s -= 1;
    }
    let mut e = end;
    let ceiling = (end + WINDOW).min(chars.len());
    while e < ceiling && !ends_sentence(e) {
        e += 1;
    }
    if e < chars.len() && chars[e] != '\n' {
        e += 1;
    }
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    (s, e)
}

fn title_of(sentence: &str) -> String {
    if sentence.chars().count() <= TITLE_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(TITLE_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

/// What the extractors found in one text: pure data, computed without the case, so that an
/// import can extract on one core while it writes to the case on the other.
#[derive(Default)]
pub struct Extraction {
    pub quotes: Vec<quotes::Quote>,
    pub recognized: entities::Recognized,
    pub dates: Vec<timex::Timex>,
    /// The dated paragraphs and overt acts of a court filing (see [`with_legal`]).
    pub acts: Vec<crate::legal::Act>,
    /// Extractors that failed on the text, which keeps the document without their proposals.
    pub problems: Vec<String>,
}

/// Runs one extractor, turning a panic into a problem and an empty result.
fn guarded<T: Default>(
    problems: &mut Vec<String>,
    what: &str,
    extract: impl FnOnce() -> T + std::panic::UnwindSafe,
) -> T {
    std::panic::catch_unwind(extract).unwrap_or_else(|_| {
        problems.push(format!(
            "{what} extraction failed on this document; it was imported without {what} \
             proposals (please report it)"
        ));
        T::default()
    })
}

/// Runs every extractor over `text`; `published` (ISO 8601) anchors relative dates.
pub fn extract(text: &str, published: Option<&str>) -> Extraction {
    // The extractors are pure and bounded, but a bug in one on some unforeseen text must cost
    // that document its proposals, never the import it is part of.
    let mut problems = Vec::new();
    let found_quotes = guarded(&mut problems, "quote", || quotes::extract(text));
    let recognized = guarded(&mut problems, "entity", || {
        entities::recognize(text, &found_quotes)
    });
    let reference = published.and_then(intervals::reference_day);
    let dates = guarded(&mut problems, "date", || timex::extract(text, reference));
    Extraction {
        quotes: found_quotes,
        recognized,
        dates,
        acts: Vec::new(),
        problems,
    }
}

/// Adds what a court filing's structure proposes: its defendants become people (merged with
/// the recognizer's), and its dated paragraphs become events citing the paragraph, in place
/// of the sentence events their dates would otherwise make.
pub fn with_legal(
    mut extraction: Extraction,
    text: &str,
    legal: Option<&crate::model::LegalStructure>,
) -> Extraction {
    let Some(legal) = legal else {
        return extraction;
    };
    let mut problems = Vec::new();
    let (recognized, acts) = guarded(&mut problems, "court filing", || {
        let mut recognized = extraction.recognized.clone();
        crate::legal::add_defendants(text, legal, &mut recognized);
        (recognized, crate::legal::acts(text, legal))
    });
    if problems.is_empty() {
        extraction.recognized = recognized;
        extraction
            .dates
            .retain(|t| !acts.iter().any(|a| a.start <= t.start && t.end <= a.end));
        extraction.acts = acts;
    }
    extraction.problems.extend(problems);
    extraction
}

/// What a person reviewed in a document before it is extracted again: the spans of its kept
/// quotes, and its kept events by sentence start and date start (`None` for the publication).
#[derive(Debug, Default, Clone)]
pub struct Reviewed {
    pub quotes: Vec<(usize, usize)>,
    pub events: Vec<(usize, Option<usize>)>,
}

impl Reviewed {
    pub fn len(&self) -> usize {
        self.quotes.len() + self.events.len()
    }
}

/// Removes a document's unreviewed proposals and its mentions, and says what a person kept.
pub fn clear(conn: &Connection, doc_id: i64) -> Result<Reviewed> {
    entity_store::delete_mentions(conn, doc_id)?;
    Ok(Reviewed {
        quotes: quote_store::clear_unreviewed(conn, doc_id)?,
        events: events::clear_unreviewed(conn, doc_id)?,
    })
}

/// An event to propose, with its one source and its actors (indices into the document's
/// recognised entities).
#[derive(Debug, Clone)]
pub struct PlannedEvent {
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub interval: Interval,
    pub start: usize,
    pub end: usize,
    pub date_text: Option<String>,
    pub date_span: Option<(usize, usize)>,
    pub entities: Vec<usize>,
}

/// What one document's extraction adds to the case, decided without the case: the pure half
/// of recording. Entities are the document's own (indices into `extraction.recognized`);
/// [`write`] resolves them to case entities.
pub struct Plan<'a> {
    pub doc_id: i64,
    pub extraction: &'a Extraction,
    /// Quotes to insert with their speaker's entity, those repeating a reviewed one left out.
    pub quotes: Vec<(&'a quotes::Quote, Option<usize>)>,
    pub events: Vec<PlannedEvent>,
    pub kept_reviewed: usize,
}

/// Decides what to write for `doc`, given what a person reviewed in it. Pure.
pub fn plan<'a>(
    doc: &DocumentFacts<'_>,
    extraction: &'a Extraction,
    reviewed: &Reviewed,
) -> Plan<'a> {
    let recognized = &extraction.recognized;
    let by_key = recognized.by_key();
    let speaker_entity = |name: &str| entities::Recognized::lookup(&by_key, name);
    let quotes: Vec<(&quotes::Quote, Option<usize>)> = extraction
        .quotes
        .iter()
        .filter(|q| {
            !reviewed
                .quotes
                .iter()
                .any(|&(s, e)| s < q.end && q.start < e)
        })
        .map(|q| (q, q.speaker.as_ref().and_then(|s| speaker_entity(&s.name))))
        .collect();
    let kept_event = |start: usize, date: Option<usize>| {
        reviewed
            .events
            .iter()
            .any(|&(s, d)| s == start && d == date)
    };
    let mut planned = Vec::new();

    // The document's own publication is the first event it contributes.
    if let (Some(value), Some(precision), Some((earliest, latest))) =
        (doc.published, doc.published_precision, doc.published_span)
    {
        if !kept_event(0, None) {
            planned.push(PlannedEvent {
                kind: EventKind::Publication,
                title: format!("Published: {}", doc.title),
                description: doc.title.to_string(),
                interval: Interval {
                    value: value.to_string(),
                    earliest,
                    latest: latest + 1,
                    precision: precision.to_string(),
                },
                start: 0,
                end: 0,
                date_text: None,
                date_span: None,
                entities: Vec::new(),
            });
        }
    }

    let chars: Vec<char> = doc.text.chars().collect();
    let named_within = |start: usize, end: usize| -> Vec<usize> {
        recognized
            .mentions
            .iter()
            .filter(|m| m.start >= start && m.end <= end)
            .map(|m| m.entity)
            .collect()
    };
    for t in &extraction.dates {
        let Some(interval) = intervals::of_timex(t) else {
            continue;
        };
        let (start, end) = sentence(&chars, t.start, t.end);
        if kept_event(start, Some(t.start)) {
            continue;
        }
        let text: String = chars[start..end].iter().collect();
        // The people and organisations named in the sentence, and the speakers of quotes in
        // it, are the event's actors.
        let mut actors = named_within(start, end);
        for quote in &extraction.quotes {
            if quote.start < end && start < quote.end {
                if let Some(i) = quote.speaker.as_ref().and_then(|s| speaker_entity(&s.name)) {
                    if recognized.entities[i].kind == EntityKind::Person {
                        actors.push(i);
                    }
                }
            }
        }
        planned.push(PlannedEvent {
            kind: EventKind::Extracted,
            title: title_of(&text),
            description: text,
            interval,
            start,
            end,
            date_text: Some(t.text.clone()),
            date_span: Some((t.start, t.end)),
            entities: actors,
        });
    }
    for act in &extraction.acts {
        if kept_event(act.start, Some(act.date_span.0)) {
            continue;
        }
        let end = act.end.min(chars.len());
        planned.push(PlannedEvent {
            kind: EventKind::Extracted,
            title: act.title.clone(),
            description: chars[act.start.min(end)..end].iter().collect(),
            interval: act.interval.clone(),
            start: act.start,
            end: act.end,
            date_text: Some(act.date_text.clone()),
            date_span: Some(act.date_span),
            entities: named_within(act.start, act.end),
        });
    }
    Plan {
        doc_id: doc.id,
        extraction,
        quotes,
        events: planned,
        kept_reviewed: reviewed.len(),
    }
}

/// Writes a plan: resolves the document's entities to the case's, then inserts mentions,
/// quotes and events. One way: it reads the case only to resolve entities. The caller owns
/// the transaction.
pub fn write(
    conn: &Connection,
    plan: &Plan<'_>,
    cache: &mut ResolveCache,
) -> Result<ExtractionReport> {
    let recognized = &plan.extraction.recognized;
    let mut report = ExtractionReport {
        documents: 1,
        problems: plan.extraction.problems.clone(),
        kept_reviewed: plan.kept_reviewed,
        ..ExtractionReport::default()
    };
    let mut entity_ids = Vec::with_capacity(recognized.entities.len());
    for entity in &recognized.entities {
        entity_ids.push(entity_store::resolve(conn, entity, plan.doc_id, cache)?);
    }
    for mention in &recognized.mentions {
        entity_store::insert_mention(
            conn,
            entity_ids[mention.entity],
            plan.doc_id,
            mention.start,
            mention.end,
            &mention.surface,
            mention.role.as_deref(),
        )?;
        report.mentions += 1;
    }
    for (quote, speaker) in &plan.quotes {
        quote_store::insert(conn, plan.doc_id, quote, speaker.map(|i| entity_ids[i]))?;
        report.quotes += 1;
    }
    for event in &plan.events {
        let id = events::insert(
            conn,
            event.kind,
            &event.title,
            &event.description,
            &event.interval,
            ReviewStatus::Auto,
        )?;
        events::add_source(
            conn,
            id,
            &NewSource {
                doc_id: plan.doc_id,
                start: event.start,
                end: event.end,
                date_text: event.date_text.as_deref(),
                date_span: event.date_span,
                interval: &event.interval,
            },
        )?;
        for &i in &event.entities {
            events::add_entity(conn, id, entity_ids[i])?;
        }
        report.events += 1;
    }
    Ok(report)
}

/// Records what the extractors found in a document, replacing its earlier unreviewed
/// proposals and keeping the reviewed ones: [`clear`], then [`plan`] and [`write`]. The
/// caller owns the transaction.
pub fn record(
    conn: &Connection,
    doc: &DocumentFacts<'_>,
    extraction: &Extraction,
    cache: &mut ResolveCache,
) -> Result<ExtractionReport> {
    let reviewed = if doc.fresh {
        Reviewed::default()
    } else {
        clear(conn, doc.id)?
    };
    write(conn, &plan(doc, extraction, &reviewed), cache)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_of(text: &str, needle: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        let (s, e) = sentence(&chars, start, start + needle.chars().count());
        chars[s..e].iter().collect()
    }

    #[test]
    fn sentences_stop_at_their_ends_but_not_at_abbreviations() {
        let text = "First one. He was arrested in Spain last week under a U.S. warrant. Then more.";
        assert_eq!(
            sentence_of(text, "last week"),
            "He was arrested in Spain last week under a U.S. warrant."
        );
        let glued = "It ended.The day after the arrest, the U.S. Justice Department spoke.Next.";
        assert_eq!(
            sentence_of(glued, "The day after"),
            "The day after the arrest, the U.S. Justice Department spoke."
        );
    }

    /// `plan` decides without the case: what a person reviewed is not proposed again, and an
    /// event's actors are the people named in its sentence.
    #[test]
    fn a_plan_leaves_out_what_a_person_reviewed_and_names_each_events_actors() {
        let text = "\"The port stays open,\" said Halvard Quist. On 3 March 2021 Halvard Quist \
            met Ylva Ostend in Bergen. Ostend agreed.";
        let extraction = extract(text, Some("2021-03-05"));
        assert_eq!(extraction.quotes.len(), 1);
        let doc = DocumentFacts {
            id: 7,
            title: "Port",
            text,
            published: Some("2021-03-05"),
            published_precision: Some("day"),
            published_span: Some((1_614_902_400, 1_614_988_799)),
            fresh: false,
        };
        let all = plan(&doc, &extraction, &Reviewed::default());
        assert_eq!(all.quotes.len(), 1);
        assert_eq!(
            all.quotes[0]
                .1
                .map(|i| extraction.recognized.entities[i].name.as_str()),
            Some("Halvard Quist")
        );
        assert_eq!(all.events[0].kind, EventKind::Publication);
        let dated = all
            .events
            .iter()
            .find(|e| e.date_text.as_deref() == Some("3 March 2021"))
            .expect("the dated sentence is an event");
        let mut actors: Vec<&str> = dated
            .entities
            .iter()
            .map(|&i| extraction.recognized.entities[i].name.as_str())
            .collect();
        actors.sort();
        actors.dedup();
        assert_eq!(actors, ["Halvard Quist", "Ylva Ostend"]);

        let q = &extraction.quotes[0];
        let reviewed = Reviewed {
            quotes: vec![(q.start, q.end)],
            events: vec![(0, None), (dated.start, dated.date_span.map(|d| d.0))],
        };
        let kept = plan(&doc, &extraction, &reviewed);
        assert!(kept.quotes.is_empty());
        assert_eq!(kept.events.len(), all.events.len() - 2);
        assert_eq!(kept.kept_reviewed, 3);
    }

    #[test]
    fn long_sentences_get_short_titles() {
        let long = "word ".repeat(60);
        let title = title_of(long.trim());
        assert!(title.ends_with('…'));
        assert!(title.chars().count() <= TITLE_CHARS + 1);
    }
}
