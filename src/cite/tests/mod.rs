//! The citation rules tested with data alone: an in-memory case ([`Fake`]) implements
//! [`Lookup`], and each test states its input and what it expects (`check(input, expect)`), so
//! a rule's cases read as a table and no database is opened.

mod candidates;
mod check;
mod resolve;

use std::cell::RefCell;
use std::collections::HashMap;

use super::{Lookup, NoteRow, QuoteSnapshot};
use crate::model::{
    Document, DocumentKind, DocumentSummary, EventKind, EventRecord, EventSource, NoteSummary,
    PageSpan, QuoteFilter, QuoteRecord, ReviewStatus, SourceFormat, TextStatus, TimelineQuery,
};
use crate::{HitKind, Result, SearchRequest};

/// A case in memory: what `Lookup` answers, and a word search for candidates.
#[derive(Default)]
pub(super) struct Fake {
    documents: Vec<Document>,
    quotes: Vec<QuoteRecord>,
    events: Vec<EventRecord>,
    entities: HashMap<i64, String>,
    notes: Vec<NoteRow>,
    snapshots: HashMap<i64, HashMap<String, QuoteSnapshot>>,
    /// Every document, quote and event read (`d1`, `q1`, `e1`), in order.
    pub(super) reads: RefCell<Vec<String>>,
}

/// Chars `[start, end)` of `text`, found by the first occurrence of `words`.
fn span_of(text: &str, words: &str) -> (usize, usize) {
    let at = text
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} is not in {text:?}"));
    let start = text[..at].chars().count();
    (start, start + words.chars().count())
}

impl Fake {
    pub(super) fn document(mut self, id: i64, title: &str, text: &str) -> Fake {
        self.documents.push(Document {
            summary: DocumentSummary {
                id,
                kind: DocumentKind::Article,
                title: title.to_string(),
                url: Some(format!("https://example.org/{id}")),
                outlet: Some("The Wire".to_string()),
                published: Some("2017-04-10".to_string()),
                doc_ref: None,
                sha256: format!("{id:064x}"),
                format: SourceFormat::Text,
            },
            authors: Vec::new(),
            published_raw: None,
            published_precision: None,
            published_zone: None,
            keywords: Vec::new(),
            language: None,
            extra: serde_json::Value::Null,
            original_size: text.len() as i64,
            imported_at: "2026-01-02T03:04:05Z".to_string(),
            original_path: None,
            text: text.to_string(),
            pages: Vec::new(),
            text_status: TextStatus::Text,
            ocr: None,
            legal: None,
        });
        self
    }

    /// Gives the last document pages starting at these chars (numbered from 1).
    pub(super) fn pages(mut self, starts: &[usize]) -> Fake {
        let document = self.documents.last_mut().expect("a document first");
        let length = document.text.chars().count();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(length);
            let number = i as u32 + 1;
            document.pages.push(PageSpan {
                number,
                physical: number,
                start,
                end,
            });
        }
        self
    }

    pub(super) fn entity(mut self, id: i64, name: &str) -> Fake {
        self.entities.insert(id, name.to_string());
        self
    }

    /// A quote of document `doc`: the first occurrence of `words`, said by entity `speaker`.
    pub(super) fn quote(
        mut self,
        id: i64,
        doc: i64,
        words: &str,
        speaker: Option<i64>,
        status: ReviewStatus,
    ) -> Fake {
        let document = self.doc(doc);
        let (start, end) = span_of(&document.text, words);
        let doc_title = document.summary.title.clone();
        let published = document.summary.published.clone();
        self.quotes.push(QuoteRecord {
            id,
            doc_id: doc,
            start,
            end,
            text: words.to_string(),
            kind: "direct".to_string(),
            spans: vec![[start, end]],
            speaker: speaker.map(|s| self.entities[&s].clone()),
            speaker_id: speaker,
            role: speaker.map(|_| "analyst".to_string()),
            cue: Some("said".to_string()),
            addressee: None,
            speaker_start: None,
            speaker_end: None,
            status,
            doc_title,
            published,
        });
        self
    }

    /// An event reported by the sentence `sentence` of document `doc`, naming `entities`.
    pub(super) fn event(
        mut self,
        id: i64,
        title: &str,
        doc: i64,
        sentence: &str,
        entities: &[&str],
        status: ReviewStatus,
    ) -> Fake {
        let document = self.doc(doc);
        let (start, end) = span_of(&document.text, sentence);
        let doc_title = document.summary.title.clone();
        self.events.push(EventRecord {
            id,
            value: "2017-04-07".to_string(),
            earliest: "2017-04-07".to_string(),
            latest: "2017-04-07".to_string(),
            precision: "day".to_string(),
            title: title.to_string(),
            description: format!("{title}, as reported."),
            kind: EventKind::Extracted,
            sources: vec![EventSource {
                doc_id: doc,
                start,
                end,
                date_text: Some("April 7".to_string()),
                value: "2017-04-07".to_string(),
                earliest: "2017-04-07".to_string(),
                latest: "2017-04-07".to_string(),
                doc_title,
            }],
            entities: entities.iter().map(|e| e.to_string()).collect(),
            tags: Vec::new(),
            status,
            conflict: false,
        });
        self
    }

    pub(super) fn note(mut self, id: i64, title: &str, text: &str) -> Fake {
        self.notes.push(NoteRow {
            summary: NoteSummary {
                id,
                title: title.to_string(),
                version: 1,
                created_at: "2026-01-02T03:04:05Z".to_string(),
                updated_at: "2026-01-02T03:04:05Z".to_string(),
                excerpt: String::new(),
            },
            text: text.to_string(),
        });
        self
    }

    /// What note `note` recorded of quote `target` when it first cited it.
    pub(super) fn snapshot(
        mut self,
        note: i64,
        target: &str,
        text: &str,
        speaker: Option<i64>,
        status: &str,
    ) -> Fake {
        self.snapshots.entry(note).or_default().insert(
            target.to_string(),
            QuoteSnapshot {
                text: text.to_string(),
                speaker_id: speaker,
                status: status.to_string(),
            },
        );
        self
    }

    fn doc(&self, id: i64) -> &Document {
        self.documents
            .iter()
            .find(|d| d.summary.id == id)
            .expect("the document is added first")
    }

    /// The case's search reduced to what candidates need: every typed word (the last one as a
    /// prefix, `word*`) in a quote's text, a document's title and text or an event's title,
    /// within `kind:quote` or `kind:event` when asked, in the order the items were added.
    pub(super) fn search(&self, request: &SearchRequest) -> Result<Vec<(HitKind, i64)>> {
        let mut kind = HitKind::Document;
        let mut words: Vec<String> = Vec::new();
        for token in request.query.split_whitespace() {
            match token {
                "kind:quote" => kind = HitKind::Quote,
                "kind:event" => kind = HitKind::Event,
                word => words.push(word.to_lowercase()),
            }
        }
        let matches = |text: &str| {
            let found: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect();
            words.iter().all(|w| match w.strip_suffix('*') {
                Some(prefix) => found.iter().any(|f| f.starts_with(prefix)),
                None => found.contains(w),
            })
        };
        let hits: Vec<(HitKind, i64)> = match kind {
            HitKind::Quote => self
                .quotes
                .iter()
                .filter(|q| matches(&q.text))
                .map(|q| (kind, q.id))
                .collect(),
            HitKind::Event => self
                .events
                .iter()
                .filter(|e| matches(&e.title))
                .map(|e| (kind, e.id))
                .collect(),
            _ => self
                .documents
                .iter()
                .filter(|d| matches(&format!("{}\n{}", d.summary.title, d.text)))
                .map(|d| (kind, d.summary.id))
                .collect(),
        };
        Ok(hits.into_iter().take(request.limit).collect())
    }
}

impl Lookup for Fake {
    fn document(&self, id: i64) -> Option<Document> {
        self.reads.borrow_mut().push(format!("d{id}"));
        self.documents.iter().find(|d| d.summary.id == id).cloned()
    }

    fn quote(&self, id: i64) -> Option<QuoteRecord> {
        self.reads.borrow_mut().push(format!("q{id}"));
        self.quotes.iter().find(|q| q.id == id).cloned()
    }

    fn event(&self, id: i64) -> Option<EventRecord> {
        self.reads.borrow_mut().push(format!("e{id}"));
        self.events.iter().find(|e| e.id == id).cloned()
    }

    fn entity_name(&self, id: i64) -> Option<String> {
        self.entities.get(&id).cloned()
    }

    fn notes(&self) -> Result<Vec<NoteRow>> {
        Ok(self
            .notes
            .iter()
            .map(|n| NoteRow {
                summary: n.summary.clone(),
                text: n.text.clone(),
            })
            .collect())
    }

    fn note_ids_by_title(&self) -> Result<HashMap<String, i64>> {
        Ok(self
            .notes
            .iter()
            .map(|n| (n.summary.title.to_lowercase(), n.summary.id))
            .collect())
    }

    fn snapshots(&self, note: i64) -> Result<HashMap<String, QuoteSnapshot>> {
        Ok(self.snapshots.get(&note).cloned().unwrap_or_default())
    }

    /// By speaker (name, ignoring case) and limit: what candidates ask.
    fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>> {
        Ok(self
            .quotes
            .iter()
            .filter(|q| match &filter.speaker {
                Some(name) => q
                    .speaker
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case(name)),
                None => true,
            })
            .take(filter.limit.unwrap_or(usize::MAX))
            .cloned()
            .collect())
    }

    /// By entity name and limit, rejected events left out: what candidates ask.
    fn events(&self, query: &TimelineQuery) -> Result<Vec<EventRecord>> {
        Ok(self
            .events
            .iter()
            .filter(|e| e.status != ReviewStatus::Rejected)
            .filter(|e| match &query.entity {
                Some(name) => e.entities.iter().any(|n| n.eq_ignore_ascii_case(name)),
                None => true,
            })
            .take(query.limit.unwrap_or(usize::MAX))
            .cloned()
            .collect())
    }

    fn documents(&self) -> Result<Vec<DocumentSummary>> {
        Ok(self.documents.iter().map(|d| d.summary.clone()).collect())
    }
}

/// The case most tests read: an article with two quotes (one rejected) and an event, a PDF
/// of two pages, and a note titled "Arrest" to link to.
pub(super) fn case() -> Fake {
    Fake::default()
        .entity(10, "Vitali Kremez")
        .entity(11, "Brian Krebs")
        .document(
            1,
            "Spam king arrested in Spain",
            "Levashov was arrested in Barcelona on April 7. \u{201c}He would evade prosecution \
             for at least 20 years,\u{201d} said Vitali Kremez. \u{201c}It is a win,\u{201d} \
             said Brian Krebs.",
        )
        .quote(
            1,
            1,
            "He would evade prosecution for at least 20 years,",
            Some(10),
            ReviewStatus::Auto,
        )
        .quote(2, 1, "It is a win,", Some(11), ReviewStatus::Rejected)
        .event(
            1,
            "Arrest of Levashov",
            1,
            "Levashov was arrested in Barcelona on April 7.",
            &["Peter Levashov"],
            ReviewStatus::Confirmed,
        )
        .document(2, "Indictment", "Count one: wire fraud. Count two: fraud.")
        .pages(&[0, 22])
        .note(1, "Draft", "")
        .note(2, "Arrest", "Levashov was arrested.")
}
