//! The claim check: a note's text against the case. Broken citations and `[[links]]`, words in
//! quotation marks that are not what the cited source says (misquotes, with the closest wording
//! as a suggestion), and stale quotes: cited quotes rejected, edited or re-attributed since the
//! note cited them, found against the snapshot taken when it first cited them. Also what a save
//! records for that: each target cited, with a snapshot of each quote.

use std::collections::{HashMap, HashSet};

use super::{short, Lookup, QuoteSnapshot, Resolver};
use crate::model::{
    CheckProblem, NoteLinkRecord, ProblemKind, QuoteRecord, ResolvedCitation, ReviewStatus,
};
use crate::notes::{self, NoteSyntax, Target};
use crate::store::notes::CitationRow;
use crate::Result;

/// A note's text checked against the case.
pub(crate) struct Checked {
    pub(crate) syntax: NoteSyntax,
    /// Every citation in the text, in order, resolved, with its line and column.
    pub(crate) citations: Vec<ResolvedCitation>,
    pub(crate) links: Vec<NoteLinkRecord>,
    /// Every problem, in the order of the text.
    pub(crate) problems: Vec<CheckProblem>,
}

fn problem(
    kind: ProblemKind,
    note_id: Option<i64>,
    line: usize,
    column: usize,
    width: usize,
    message: String,
) -> CheckProblem {
    CheckProblem {
        kind,
        note_id,
        line,
        column,
        end_column: column + width.max(1),
        message,
        suggestion: None,
    }
}

/// Checks `text`, the text of note `note` (or of a note not saved yet), resolving its
/// citations with `resolver` and its `[[links]]` with `titles` (note ids by lower-case title).
/// With the note's id, stale quotes are found against what the saved note cited.
pub(crate) fn check_note<L: Lookup + ?Sized>(
    resolver: &mut Resolver<'_, L>,
    titles: &HashMap<String, i64>,
    note: Option<i64>,
    text: &str,
) -> Result<Checked> {
    let syntax = notes::analyse(text);
    let citations: Vec<ResolvedCitation> = syntax
        .citations
        .iter()
        .map(|c| {
            let mut resolved = resolver.resolve(&c.target);
            resolved.line = c.line;
            resolved.column = c.column;
            resolved
        })
        .collect();
    let lookup = resolver.lookup();
    let snapshots = match note {
        Some(id) => lookup.snapshots(id)?,
        None => HashMap::new(),
    };
    let mut problems = Vec::new();
    for bad in &syntax.malformed {
        problems.push(problem(
            ProblemKind::Broken,
            note,
            bad.line,
            bad.column,
            text[bad.range.clone()].chars().count(),
            bad.message.clone(),
        ));
    }
    for (use_, resolved) in syntax.citations.iter().zip(&citations) {
        let width = text[use_.range.clone()].chars().count();
        let snapshot = snapshots.get(&resolved.target);
        if let Some(stale) = staleness(lookup, resolved, snapshot) {
            problems.push(problem(
                ProblemKind::Stale,
                note,
                use_.line,
                use_.column,
                width,
                stale,
            ));
        } else if let Some(message) = &resolved.problem {
            problems.push(problem(
                ProblemKind::Broken,
                note,
                use_.line,
                use_.column,
                width,
                message.clone(),
            ));
        }
    }
    let mut links = Vec::new();
    for link in &syntax.links {
        let note_id = titles.get(&link.title.to_lowercase()).copied();
        if note_id.is_none() {
            problems.push(problem(
                ProblemKind::Broken,
                note,
                link.line,
                link.column,
                text[link.range.clone()].chars().count(),
                format!("no note is titled \"{}\"", link.title),
            ));
        }
        links.push(NoteLinkRecord {
            title: link.title.clone(),
            note_id,
            line: link.line,
            column: link.column,
        });
    }
    misquotes(resolver, &syntax, &citations, note, &mut problems);
    altered_copies(lookup, &syntax, note, text, &mut problems);
    problems.sort_by_key(|p| (p.line, p.column));
    Ok(Checked {
        syntax,
        citations,
        links,
        problems,
    })
}

/// Citations of a quote whose earliest appearance elsewhere has other words (issue 21): the
/// note cites a later copy that changed what was said, and should know it.
fn altered_copies<L: Lookup + ?Sized>(
    lookup: &L,
    syntax: &NoteSyntax,
    note: Option<i64>,
    text: &str,
    problems: &mut Vec<CheckProblem>,
) {
    let mut seen = HashMap::new();
    for use_ in &syntax.citations {
        let notes::Target::Quote(id) = use_.target else {
            continue;
        };
        let found = seen
            .entry(id)
            .or_insert_with(|| lookup.quote_lineage(id))
            .as_ref()
            .and_then(|l| l.appearances.iter().find(|a| a.quote_id == id && a.altered));
        let Some(appearance) = found else {
            continue;
        };
        let first = lineage_first(lookup, appearance.earliest_quote);
        problems.push(problem(
            ProblemKind::Altered,
            note,
            use_.line,
            use_.column,
            text[use_.range.clone()].chars().count(),
            format!(
                "q{id} is a later wording: the earliest appearance, q{} ({}), says \
                 \u{201c}{}\u{201d}",
                appearance.earliest_quote,
                first.0,
                short(&first.1, 160)
            ),
        ));
    }
}

/// Where the earliest appearance is and what it says.
fn lineage_first<L: Lookup + ?Sized>(lookup: &L, id: i64) -> (String, String) {
    match lookup.quote(id) {
        Some(q) => (
            format!(
                "{}, {}",
                q.doc_title,
                q.published.as_deref().unwrap_or("undated")
            ),
            q.text,
        ),
        None => (String::from("not found"), String::new()),
    }
}

/// Words in quotation marks that none of their claim's citations says.
fn misquotes<L: Lookup + ?Sized>(
    resolver: &mut Resolver<'_, L>,
    syntax: &NoteSyntax,
    citations: &[ResolvedCitation],
    note: Option<i64>,
    problems: &mut Vec<CheckProblem>,
) {
    for claim in &syntax.claims {
        if claim.quoted.is_empty() {
            continue;
        }
        let mut sources: Vec<(String, String)> = Vec::new();
        // Each target is read and compared once per claim, however often the claim cites
        // it: a claim citing one quote two thousand times took 13 s to check (found by
        // fuzzing), since every quoted phrase was compared with every copy.
        let mut seen = HashSet::new();
        for &i in &claim.citations {
            let target = syntax.citations[i].target;
            if !seen.insert(target) {
                continue;
            }
            for cited in resolver.cited_texts(&target, &citations[i]) {
                sources.push((target.to_string(), cited));
            }
        }
        if sources.is_empty() {
            continue;
        }
        for quoted in &claim.quoted {
            if sources
                .iter()
                .any(|(_, s)| notes::appears_in(&quoted.text, s))
            {
                continue;
            }
            let closest = sources
                .iter()
                .filter_map(|(target, s)| {
                    notes::closest_wording(&quoted.text, s).map(|(w, score)| (target, w, score))
                })
                .max_by(|a, b| a.2.total_cmp(&b.2));
            let cited: Vec<&str> = {
                let mut names: Vec<&str> = sources.iter().map(|(t, _)| t.as_str()).collect();
                names.dedup();
                names
            };
            let mut found = problem(
                ProblemKind::Misquote,
                note,
                quoted.line,
                quoted.column,
                quoted.text.chars().count(),
                match &closest {
                    Some((target, wording, _)) => format!(
                        "\u{201c}{}\u{201d} is not what {} says; {target} says \
                         \u{201c}{wording}\u{201d}",
                        quoted.text,
                        cited.join(", ")
                    ),
                    None => format!(
                        "\u{201c}{}\u{201d} does not appear in {}",
                        quoted.text,
                        cited.join(", ")
                    ),
                },
            );
            found.suggestion = closest.map(|(_, wording, _)| wording);
            problems.push(found);
        }
    }
}

/// Why a cited quote is stale: rejected, edited or re-attributed since the note cited it.
pub(crate) fn staleness<L: Lookup + ?Sized>(
    lookup: &L,
    resolved: &ResolvedCitation,
    snapshot: Option<&QuoteSnapshot>,
) -> Option<String> {
    let (Some(snapshot), Some(status)) = (snapshot, resolved.status) else {
        return None;
    };
    let target = &resolved.target;
    if status == ReviewStatus::Rejected && snapshot.status != "rejected" {
        return Some(format!(
            "{target} was rejected in review after this note cited it"
        ));
    }
    if resolved.speaker_id != snapshot.speaker_id {
        let name = |id: Option<i64>| -> String {
            id.and_then(|id| lookup.entity_name(id))
                .unwrap_or_else(|| "no one".to_string())
        };
        return Some(format!(
            "{target} was re-attributed from {} to {} after this note cited it",
            name(snapshot.speaker_id),
            name(resolved.speaker_id)
        ));
    }
    let words = resolved.words.as_deref().unwrap_or_default();
    if words != snapshot.text {
        return Some(format!(
            "{target} was edited after this note cited it: it now reads \u{201c}{}\u{201d} \
             (it read \u{201c}{}\u{201d})",
            short(words, 160),
            short(&snapshot.text, 160)
        ));
    }
    if status == ReviewStatus::Edited && snapshot.status != "edited" {
        return Some(format!(
            "{target} was edited in review after this note cited it"
        ));
    }
    None
}

/// A quote as a snapshot records it.
fn snapshot_of(quote: QuoteRecord) -> QuoteSnapshot {
    QuoteSnapshot {
        text: quote.text,
        speaker_id: quote.speaker_id,
        status: quote.status.as_str().to_string(),
    }
}

/// What saving `text` records of its citations: each target once, in order of first citation,
/// with a snapshot of each quote that exists (the store keeps an earlier snapshot of a target
/// the note already cited).
pub(crate) fn citation_rows<L: Lookup + ?Sized>(
    lookup: &L,
    text: &str,
) -> Vec<CitationRow<'static>> {
    let syntax = notes::analyse(text);
    let mut rows: Vec<CitationRow<'static>> = Vec::new();
    for target in syntax.citations.iter().map(|c| c.target) {
        let key = target.to_string();
        if rows.iter().any(|r| r.target == key) {
            continue;
        }
        let snapshot = match target {
            Target::Quote(quote_id) => lookup.quote(quote_id).map(snapshot_of),
            _ => None,
        };
        rows.push(CitationRow {
            target: key,
            kind: target.kind_name(),
            target_id: target.id(),
            snapshot,
        });
    }
    rows
}

/// The snapshots that accept how the quotes `text` cites are now, by target, in order of
/// citation (a quote cited twice is listed twice, as the store's refresh is idempotent).
pub(crate) fn current_snapshots<L: Lookup + ?Sized>(
    lookup: &L,
    text: &str,
) -> Vec<(String, QuoteSnapshot)> {
    notes::analyse(text)
        .citations
        .iter()
        .filter_map(|c| match c.target {
            Target::Quote(id) => lookup
                .quote(id)
                .map(|quote| (c.target.to_string(), snapshot_of(quote))),
            _ => None,
        })
        .collect()
}
