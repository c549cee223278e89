//! Resolving citations: what `[@q42]`, `[@d7:120-188]` or `[@e9]` points at, with the exact
//! words, the speaker, the source's details and the page, shared by the claim check, the
//! preview and the brief.

use std::collections::HashMap;
use std::rc::Rc;

use super::Lookup;
use crate::model::{Document, EventRecord, PageSpan, ResolvedCitation, ReviewStatus};
use crate::notes::Target;

/// Chars `[start, end)` of a text: citations count characters, not bytes.
fn chars_between(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// The pages chars `[start, end)` are on, as a citation says it: `p. 12` or `pp. 3–4`.
fn page_label(pages: &[PageSpan], start: usize, end: usize) -> Option<String> {
    let first = pages
        .iter()
        .find(|p| p.start <= start && start < p.end.max(p.start + 1))?;
    let last_char = end.saturating_sub(1).max(start);
    let last = pages
        .iter()
        .find(|p| p.start <= last_char && last_char < p.end.max(p.start + 1))
        .unwrap_or(first);
    Some(if first.number == last.number {
        format!("p. {}", first.number)
    } else {
        format!("pp. {}–{}", first.number, last.number)
    })
}

/// Whether any of chars `[start, end)` lies on a page whose text came from OCR.
fn from_ocr(document: &Document, start: usize, end: usize) -> bool {
    let Some(ocr) = &document.ocr else {
        return false;
    };
    document
        .pages
        .iter()
        .any(|p| ocr.pages.contains(&p.physical) && p.start < end.max(start + 1) && start < p.end)
}

/// Resolves citations against a case, reading each document, event and target once however
/// often it is cited. It lives for one reading of the case (a check, a preview, a brief), so
/// what it remembers cannot go out of date.
pub(crate) struct Resolver<'a, L: Lookup + ?Sized> {
    lookup: &'a L,
    documents: HashMap<i64, Option<Rc<Document>>>,
    events: HashMap<i64, Option<Rc<EventRecord>>>,
    resolved: HashMap<Target, ResolvedCitation>,
}

impl<'a, L: Lookup + ?Sized> Resolver<'a, L> {
    pub(crate) fn new(lookup: &'a L) -> Resolver<'a, L> {
        Resolver {
            lookup,
            documents: HashMap::new(),
            events: HashMap::new(),
            resolved: HashMap::new(),
        }
    }

    /// The case this resolver reads.
    pub(crate) fn lookup(&self) -> &'a L {
        self.lookup
    }

    pub(crate) fn document(&mut self, id: i64) -> Option<Rc<Document>> {
        let lookup = self.lookup;
        self.documents
            .entry(id)
            .or_insert_with(|| lookup.document(id).map(Rc::new))
            .clone()
    }

    fn event(&mut self, id: i64) -> Option<Rc<EventRecord>> {
        let lookup = self.lookup;
        self.events
            .entry(id)
            .or_insert_with(|| lookup.event(id).map(Rc::new))
            .clone()
    }

    fn with_document(&mut self, citation: &mut ResolvedCitation, id: i64) -> Option<Rc<Document>> {
        let document = self.document(id)?;
        citation.doc_id = Some(id);
        citation.doc_title = Some(document.summary.title.clone());
        citation.outlet = document.summary.outlet.clone();
        citation.url = document.summary.url.clone();
        citation.published = document.summary.published.clone();
        citation.imported_at = Some(document.imported_at.clone());
        citation.sha256 = Some(document.summary.sha256.clone());
        Some(document)
    }

    /// What `target` points at, or why it points at nothing (line and column left at 0 for
    /// the caller to set).
    pub(crate) fn resolve(&mut self, target: &Target) -> ResolvedCitation {
        if let Some(known) = self.resolved.get(target) {
            return known.clone();
        }
        let mut citation = self.resolve_target(target);
        if let (Some(doc_id), Some(start), Some(end)) =
            (citation.doc_id, citation.start, citation.end)
        {
            if let Some(document) = self.document(doc_id) {
                citation.pages = page_label(&document.pages, start, end).map(|label| {
                    // Words read by OCR may be misread; whoever quotes them is told so.
                    if from_ocr(&document, start, end) {
                        format!("OCR, {label}")
                    } else {
                        label
                    }
                });
            }
        }
        self.resolved.insert(*target, citation.clone());
        citation
    }

    fn resolve_target(&mut self, target: &Target) -> ResolvedCitation {
        let mut citation = ResolvedCitation {
            target: target.to_string(),
            kind: target.kind_name().to_string(),
            ..ResolvedCitation::default()
        };
        match *target {
            Target::Quote(id) => match self.lookup.quote(id) {
                None => citation.problem = Some(format!("there is no quote q{id} in this case")),
                Some(quote) => {
                    if quote.status == ReviewStatus::Rejected {
                        citation.problem = Some(format!(
                            "quote q{id} was rejected in review: it is not a quote"
                        ));
                    }
                    citation.words = Some(quote.text);
                    citation.speaker = quote.speaker;
                    citation.speaker_id = quote.speaker_id;
                    citation.role = quote.role;
                    citation.status = Some(quote.status);
                    citation.start = Some(quote.start);
                    citation.end = Some(quote.end);
                    self.with_document(&mut citation, quote.doc_id);
                }
            },
            Target::Document(id) => {
                if self.with_document(&mut citation, id).is_none() {
                    citation.problem = Some(format!("there is no document d{id} in this case"));
                }
            }
            Target::Span { doc, start, end } => match self.with_document(&mut citation, doc) {
                None => {
                    citation.problem = Some(format!("there is no document d{doc} in this case"))
                }
                Some(document) => {
                    let length = document.text.chars().count();
                    if end > length {
                        citation.problem = Some(format!(
                            "the span {start}-{end} goes past the end of document d{doc}, which \
                             has {length} characters"
                        ));
                    } else {
                        citation.words = Some(chars_between(&document.text, start, end));
                        citation.start = Some(start);
                        citation.end = Some(end);
                    }
                }
            },
            Target::Event(id) => match self.event(id) {
                None => citation.problem = Some(format!("there is no event e{id} in this case")),
                Some(event) => {
                    if event.status == ReviewStatus::Rejected {
                        citation.problem = Some(format!("event e{id} was rejected in review"));
                    }
                    citation.status = Some(event.status);
                    citation.event_value = Some(event.value.clone());
                    citation.event_title = Some(event.title.clone());
                    if let Some(source) = event.sources.first() {
                        if let Some(document) = self.with_document(&mut citation, source.doc_id) {
                            if source.end > source.start {
                                citation.words =
                                    Some(chars_between(&document.text, source.start, source.end));
                                citation.start = Some(source.start);
                                citation.end = Some(source.end);
                            }
                        }
                    }
                }
            },
        }
        citation
    }

    /// Every text a citation stands for, which words quoted beside it must come from: a
    /// quote's words, a span, a whole document, each sentence reporting an event.
    pub(crate) fn cited_texts(
        &mut self,
        target: &Target,
        resolved: &ResolvedCitation,
    ) -> Vec<String> {
        match *target {
            Target::Quote(_) | Target::Span { .. } => resolved.words.iter().cloned().collect(),
            Target::Document(id) => self
                .document(id)
                .map(|d| vec![d.text.clone()])
                .unwrap_or_default(),
            Target::Event(id) => {
                let Some(event) = self.event(id) else {
                    return Vec::new();
                };
                let mut texts = Vec::new();
                for source in event.sources.iter().filter(|s| s.end > s.start) {
                    if let Some(document) = self.document(source.doc_id) {
                        texts.push(chars_between(&document.text, source.start, source.end));
                    }
                }
                texts.push(format!("{}\n{}", event.title, event.description));
                texts
            }
        }
    }
}
