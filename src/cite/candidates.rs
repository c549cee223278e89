//! Autocomplete for citations: what typing `[@` and a few words can insert, ranked: an
//! entity named exactly so first, then whole words, then what the search found by prefix or
//! stem.

use super::{short, Lookup};
use crate::model::{CitationCandidate, QuoteFilter, ReviewStatus, TimelineQuery};
use crate::model::{HitKind, SearchRequest};
use crate::notes::Target;
use crate::Result;

/// The case's full-text search, as candidates use it: the kind and id of each hit, best first.
pub(crate) type Search<'a> = &'a dyn Fn(&SearchRequest) -> Result<Vec<(HitKind, i64)>>;

fn day(published: Option<&str>) -> String {
    published
        .map(|p| p.chars().take(10).collect())
        .unwrap_or_default()
}

fn quote_candidate<L: Lookup + ?Sized>(case: &L, id: i64) -> Option<CitationCandidate> {
    let quote = case.quote(id)?;
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

fn document_candidate<L: Lookup + ?Sized>(case: &L, id: i64) -> Option<CitationCandidate> {
    let document = case.document(id)?;
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

fn event_candidate<L: Lookup + ?Sized>(case: &L, id: i64) -> Option<CitationCandidate> {
    let event = case.event(id)?;
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

/// What `[@` can insert for `query`: quotes, documents and events, best matches first, at
/// most `limit` (1 to 100). `q42`, `d7` or `e9` typed as such find that item.
pub(crate) fn find<L: Lookup + ?Sized>(
    case: &L,
    search: Search<'_>,
    query: &str,
    limit: usize,
) -> Result<Vec<CitationCandidate>> {
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
    let Some(words) = prefix_query(typed) else {
        // Nothing typed yet: the first quotes, documents and events, so the list is never
        // empty in a case that has any.
        let mut found = Vec::new();
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
        let events = case.events(&TimelineQuery {
            limit: Some(limit / 4 + 1),
            ..TimelineQuery::default()
        })?;
        found.extend(events.iter().filter_map(|e| event_candidate(case, e.id)));
        found.truncate(limit);
        return Ok(found);
    };
    // Quotes first (what notes cite most), then documents and events; each search reaches
    // deeper than its share so that an exact match the search engine ranked low (a short
    // event title among long articles) can still come first.
    let typed_words = folded_words(typed);
    let mut ranked: Vec<(Tier, CitationCandidate)> = Vec::new();
    // A person or organisation named exactly what was typed (by name or alias): their quotes
    // and the events naming them come first, although the search would not find the words of
    // a name in a quote's text.
    let named = typed.trim().to_string();
    let quotes = case
        .quotes(&QuoteFilter {
            speaker: Some(named.clone()),
            limit: Some(limit / 2 + 1),
            ..QuoteFilter::default()
        })
        .unwrap_or_default();
    ranked.extend(
        quotes
            .iter()
            .filter_map(|q| quote_candidate(case, q.id).map(|c| (Tier::Exact, c))),
    );
    let events = case
        .events(&TimelineQuery {
            entity: Some(named),
            limit: Some(limit / 4 + 1),
            ..TimelineQuery::default()
        })
        .unwrap_or_default();
    ranked.extend(
        events
            .iter()
            .filter_map(|e| event_candidate(case, e.id).map(|c| (Tier::Exact, c))),
    );
    for (scope, share) in [
        ("kind:quote", limit / 2 + 1),
        ("", limit / 4 + 1),
        ("kind:event", limit / 4 + 1),
    ] {
        let request = SearchRequest {
            query: format!("{words} {scope}").trim().to_string(),
            limit: limit.max(share),
            facets: false,
            snippets: false,
            ..SearchRequest::default()
        };
        let Ok(hits) = search(&request) else {
            continue;
        };
        let mut kept = 0;
        for (kind, id) in hits {
            let found = match kind {
                HitKind::Quote => quote_match(case, id, &typed_words),
                HitKind::Document => document_match(case, id, &typed_words),
                HitKind::Event => event_match(case, id, &typed_words),
                HitKind::Note => None,
            };
            let Some((tier, candidate)) = found else {
                continue;
            };
            // Past its share a kind only contributes exact matches, so the usual mix of
            // quotes, documents and events is kept for everything else.
            if kept < share || tier < Tier::Words {
                kept += 1;
                ranked.push((tier, candidate));
            }
        }
    }
    // A stable sort: within a tier the kinds keep their order and the search's ranking. What
    // both the entity and the search found is listed once, where it ranks best.
    ranked.sort_by_key(|(tier, _)| *tier);
    let mut seen = std::collections::HashSet::new();
    let mut found: Vec<CitationCandidate> = ranked
        .into_iter()
        .map(|(_, c)| c)
        .filter(|c| seen.insert(c.insert.clone()))
        .collect();
    found.truncate(limit);
    Ok(found)
}

/// How closely a candidate matches what was typed, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    /// An entity named exactly so (a quote's speaker, an event's person or organisation), or
    /// an event whose title has every typed word whole.
    Exact,
    /// A quote's words or a document's title include every typed word whole.
    Words,
    /// What the search found by prefix or stem.
    Found,
}

/// Lower-case alphanumeric words, the way typed words are compared with names and titles.
fn folded_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn has_all(text: &str, typed: &[String]) -> bool {
    let words = folded_words(text);
    !typed.is_empty() && typed.iter().all(|t| words.contains(t))
}

fn is_named(name: &str, typed: &[String]) -> bool {
    !typed.is_empty() && folded_words(name) == typed
}

fn quote_match<L: Lookup + ?Sized>(
    case: &L,
    id: i64,
    typed: &[String],
) -> Option<(Tier, CitationCandidate)> {
    let quote = case.quote(id)?;
    let tier = if quote.speaker.as_deref().is_some_and(|s| is_named(s, typed)) {
        Tier::Exact
    } else if has_all(&quote.text, typed) {
        Tier::Words
    } else {
        Tier::Found
    };
    Some((tier, quote_candidate(case, id)?))
}

fn document_match<L: Lookup + ?Sized>(
    case: &L,
    id: i64,
    typed: &[String],
) -> Option<(Tier, CitationCandidate)> {
    let candidate = document_candidate(case, id)?;
    // The label is the title, shortened only past 140 characters.
    let tier = if has_all(&candidate.label, typed) {
        Tier::Words
    } else {
        Tier::Found
    };
    Some((tier, candidate))
}

fn event_match<L: Lookup + ?Sized>(
    case: &L,
    id: i64,
    typed: &[String],
) -> Option<(Tier, CitationCandidate)> {
    let event = case.event(id)?;
    let tier = if has_all(&event.title, typed) || event.entities.iter().any(|e| is_named(e, typed))
    {
        Tier::Exact
    } else {
        Tier::Found
    };
    Some((tier, event_candidate(case, id)?))
}
