//! Autocomplete for citations: what typing `[@` and a few words can insert.

use super::notes::short;
use crate::model::{CitationCandidate, QuoteFilter, ReviewStatus, TimelineQuery};
use crate::notes::Target;
use crate::search::model::{HitKind, SearchRequest};
use crate::{Case, Result};

fn day(published: Option<&str>) -> String {
    published
        .map(|p| p.chars().take(10).collect())
        .unwrap_or_default()
}

fn quote_candidate(case: &Case, id: i64) -> Option<CitationCandidate> {
    let quote = case.quote(id).ok()?;
    (quote.status != ReviewStatus::Rejected).then(|| CitationCandidate {
        insert: format!("[@q{id}]"),
        kind: "quote".to_string(),
        label: short(&quote.text, 140),
        detail: format!(
            "{} — {} {}",
            quote.speaker.as_deref().unwrap_or("no speaker"),
            quote.doc_title,
            day(quote.published.as_deref())
        )
        .trim_end()
        .to_string(),
    })
}

fn document_candidate(case: &Case, id: i64) -> Option<CitationCandidate> {
    let document = case.document(id).ok()?;
    let summary = document.summary;
    Some(CitationCandidate {
        insert: format!("[@d{id}]"),
        kind: "document".to_string(),
        label: short(&summary.title, 140),
        detail: [
            summary.outlet.unwrap_or_default(),
            day(summary.published.as_deref()),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" · "),
    })
}

fn event_candidate(case: &Case, id: i64) -> Option<CitationCandidate> {
    let event = case.event(id).ok()?;
    (event.status != ReviewStatus::Rejected).then(|| CitationCandidate {
        insert: format!("[@e{id}]"),
        kind: "event".to_string(),
        label: short(&event.title, 140),
        detail: format!("{} ({} … {})", event.value, event.earliest, event.latest),
    })
}

/// The query's words as a prefix search: every word must match, the last one as typed so far.
fn prefix_query(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let (last, rest) = words.split_last()?;
    let mut parts: Vec<String> = rest.to_vec();
    parts.push(format!("{last}*"));
    Some(parts.join(" "))
}

pub(super) fn find(case: &Case, query: &str, limit: usize) -> Result<Vec<CitationCandidate>> {
    let limit = limit.clamp(1, 100);
    let typed = query
        .trim()
        .trim_start_matches("[@")
        .trim_start_matches('@');
    if let Ok(target) = Target::parse(typed) {
        let found = match target {
            Target::Quote(id) => quote_candidate(case, id),
            Target::Document(id) | Target::Span { doc: id, .. } => document_candidate(case, id),
            Target::Event(id) => event_candidate(case, id),
        };
        return Ok(found.into_iter().collect());
    }
    let mut found = Vec::new();
    let Some(words) = prefix_query(typed) else {
        // Nothing typed yet: the first quotes, documents and events, so the list is never
        // empty in a case that has any.
        let quotes = case.quotes(&QuoteFilter::default())?;
        found.extend(
            quotes
                .iter()
                .take(limit / 2 + 1)
                .filter_map(|q| quote_candidate(case, q.id)),
        );
        found.extend(
            case.documents()?
                .iter()
                .take(limit / 4 + 1)
                .filter_map(|d| document_candidate(case, d.id)),
        );
        let events = case.timeline(&TimelineQuery {
            limit: Some(limit / 4 + 1),
            ..TimelineQuery::default()
        })?;
        found.extend(events.iter().filter_map(|e| event_candidate(case, e.id)));
        found.truncate(limit);
        return Ok(found);
    };
    // Quotes first (what notes cite most), then documents and events.
    for (scope, share) in [
        ("kind:quote", limit / 2 + 1),
        ("", limit / 4 + 1),
        ("kind:event", limit / 4 + 1),
    ] {
        let request = SearchRequest {
            query: format!("{words} {scope}").trim().to_string(),
            limit: share,
            facets: false,
            snippets: false,
            ..SearchRequest::default()
        };
        let Ok(results) = case.search(&request) else {
            continue;
        };
        for hit in results.hits {
            let candidate = match hit.kind {
                HitKind::Quote => quote_candidate(case, hit.id),
                HitKind::Document => document_candidate(case, hit.id),
                HitKind::Event => event_candidate(case, hit.id),
                HitKind::Note => None,
            };
            found.extend(candidate);
        }
    }
    found.truncate(limit);
    Ok(found)
}
