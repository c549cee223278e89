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

/// Extracts quotes, entities and events from one document and records them.
pub fn analyze(
    conn: &Connection,
    doc: &DocumentFacts<'_>,
    cache: &mut ResolveCache,
) -> Result<ExtractionReport> {
    let extraction = extract(doc.text, doc.published);
    let legal = crate::store::pages::legal(conn, doc.id)?;
    let extraction = with_legal(extraction, doc.text, legal.as_ref());
    record(conn, doc, &extraction, cache)
}

/// Records what the extractors found in a document, replacing its earlier unreviewed
/// proposals and keeping the reviewed ones. The caller owns the transaction.
pub fn record(
    conn: &Connection,
    doc: &DocumentFacts<'_>,
    extraction: &Extraction,
    cache: &mut ResolveCache,
) -> Result<ExtractionReport> {
    let mut report = ExtractionReport {
        documents: 1,
        problems: extraction.problems.clone(),
        ..ExtractionReport::default()
    };
    let found_quotes = &extraction.quotes;
    let recognized = &extraction.recognized;
    let (reviewed_quotes, reviewed_events) = if doc.fresh {
        (Vec::new(), Vec::new())
    } else {
        entity_store::delete_mentions(conn, doc.id)?;
        (
            quote_store::clear_unreviewed(conn, doc.id)?,
            events::clear_unreviewed(conn, doc.id)?,
        )
    };
    report.kept_reviewed = reviewed_quotes.len() + reviewed_events.len();

    let by_key = recognized.by_key();
    let speaker_entity = |name: &str| entities::Recognized::lookup(&by_key, name);
    let mut entity_ids = Vec::with_capacity(recognized.entities.len());
    for entity in &recognized.entities {
        entity_ids.push(entity_store::resolve(conn, entity, doc.id, cache)?);
    }
    for mention in &recognized.mentions {
        entity_store::insert_mention(
            conn,
            entity_ids[mention.entity],
            doc.id,
            mention.start,
            mention.end,
            &mention.surface,
            mention.role.as_deref(),
        )?;
        report.mentions += 1;
    }
    for quote in found_quotes {
        if reviewed_quotes
            .iter()
            .any(|&(s, e)| s < quote.end && quote.start < e)
        {
            continue;
        }
        let speaker_id = quote
            .speaker
            .as_ref()
            .and_then(|s| speaker_entity(&s.name))
            .map(|i| entity_ids[i]);
        quote_store::insert(conn, doc.id, quote, speaker_id)?;
        report.quotes += 1;
    }

    // The document's own publication is the first event it contributes.
    if let (Some(value), Some(precision), Some((earliest, latest))) =
        (doc.published, doc.published_precision, doc.published_span)
    {
        if !reviewed_events.iter().any(|&(s, d)| s == 0 && d.is_none()) {
            let interval = Interval {
                value: value.to_string(),
                earliest,
                latest: latest + 1,
                precision: precision.to_string(),
            };
            let title = format!("Published: {}", doc.title);
            let id = events::insert(
                conn,
                EventKind::Publication,
                &title,
                doc.title,
                &interval,
                ReviewStatus::Auto,
            )?;
            events::add_source(
                conn,
                id,
                &NewSource {
                    doc_id: doc.id,
                    start: 0,
                    end: 0,
                    date_text: None,
                    date_span: None,
                    interval: &interval,
                },
            )?;
            report.events += 1;
        }
    }

    let chars: Vec<char> = doc.text.chars().collect();
    for t in &extraction.dates {
        let Some(interval) = intervals::of_timex(t) else {
            continue;
        };
        let (start, end) = sentence(&chars, t.start, t.end);
        if reviewed_events
            .iter()
            .any(|&(s, d)| s == start && d == Some(t.start))
        {
            continue;
        }
        let text: String = chars[start..end].iter().collect();
        let id = events::insert(
            conn,
            EventKind::Extracted,
            &title_of(&text),
            &text,
            &interval,
            ReviewStatus::Auto,
        )?;
        events::add_source(
            conn,
            id,
            &NewSource {
                doc_id: doc.id,
                start,
                end,
                date_text: Some(&t.text),
                date_span: Some((t.start, t.end)),
                interval: &interval,
            },
        )?;
        // The people and organisations named in the sentence, and the speakers of quotes in
        // it, are the event's actors.
        for mention in &recognized.mentions {
            if mention.start >= start && mention.end <= end {
                events::add_entity(conn, id, entity_ids[mention.entity])?;
            }
        }
        for quote in found_quotes {
            if quote.start < end && start < quote.end {
                if let Some(i) = quote.speaker.as_ref().and_then(|s| speaker_entity(&s.name)) {
                    if recognized.entities[i].kind == EntityKind::Person {
                        events::add_entity(conn, id, entity_ids[i])?;
                    }
                }
            }
        }
        report.events += 1;
    }
    for act in &extraction.acts {
        if reviewed_events
            .iter()
            .any(|&(s, d)| s == act.start && d == Some(act.date_span.0))
        {
            continue;
        }
        let paragraph: String = chars[act.start..act.end.min(chars.len())].iter().collect();
        let id = events::insert(
            conn,
            EventKind::Extracted,
            &act.title,
            &paragraph,
            &act.interval,
            ReviewStatus::Auto,
        )?;
        events::add_source(
            conn,
            id,
            &NewSource {
                doc_id: doc.id,
                start: act.start,
                end: act.end,
                date_text: Some(&act.date_text),
                date_span: Some(act.date_span),
                interval: &act.interval,
            },
        )?;
        for mention in &recognized.mentions {
            if mention.start >= act.start && mention.end <= act.end {
                events::add_entity(conn, id, entity_ids[mention.entity])?;
            }
        }
        report.events += 1;
    }
    Ok(report)
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

    #[test]
    fn long_sentences_get_short_titles() {
        let long = "word ".repeat(60);
        let title = title_of(long.trim());
        assert!(title.ends_with('…'));
        assert!(title.chars().count() <= TITLE_CHARS + 1);
    }
}
