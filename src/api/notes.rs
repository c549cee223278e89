//! Notes: writing them with their history, resolving their citations, backlinks, and the claim
//! check (broken citations, misquotes, stale quotes).

use std::collections::{HashMap, HashSet};

use super::citations::Resolver;
use crate::model::{
    Backlink, BacklinkTarget, CheckProblem, CheckReport, ClaimRecord, NoteDetail, NoteLinkRecord,
    NoteSummary, NoteVersion, ProblemKind, ResolvedCitation, ReviewStatus,
};
use crate::notes::{self, NoteSyntax, Target};
use crate::store::notes::{self as note_store, CitationRow, QuoteSnapshot};
use crate::store::{entity_lists, quotes};
use crate::{Case, Result};

/// A note's text checked against the case.
struct Checked {
    syntax: NoteSyntax,
    citations: Vec<ResolvedCitation>,
    links: Vec<NoteLinkRecord>,
    problems: Vec<CheckProblem>,
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

/// Text on one line, cut at `max` characters with an ellipsis.
pub(crate) fn short(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        format!("{}…", flat.chars().take(max).collect::<String>().trim_end())
    }
}

impl Case {
    /// Every note, oldest first.
    pub fn notes(&self) -> Result<Vec<NoteSummary>> {
        Ok(note_store::list(&self.conn)?
            .into_iter()
            .map(|n| n.summary)
            .collect())
    }

    /// A note with its resolved citations, links, backlinks and claim-check problems.
    pub fn note(&self, id: i64) -> Result<NoteDetail> {
        let row = note_store::get(&self.conn, id)?;
        let checked = self.check_note_text(Some(id), &row.text)?;
        Ok(NoteDetail {
            backlinks: self.note_backlinks(id, &row.summary.title)?,
            summary: row.summary,
            text: row.text,
            citations: checked.citations,
            links: checked.links,
            problems: checked.problems,
        })
    }

    /// Adds a note; its citations are recorded for backlinks and for spotting stale quotes.
    pub fn add_note(&self, title: &str, text: &str) -> Result<NoteDetail> {
        // One transaction for the note and its citations: a note saved without them would
        // break its citations at the next re-extraction, and its retry would find the title
        // taken.
        let id = self.change(|tx| {
            let id = note_store::insert(tx, title, text)?;
            self.record_citations(tx, id, text)?;
            Ok(id)
        })?;
        self.note(id)
    }

    /// Saves a new version of a note (the previous one stays in its history). `title` None
    /// keeps the title.
    pub fn edit_note(&self, id: i64, title: Option<&str>, text: &str) -> Result<NoteDetail> {
        let current = note_store::get(&self.conn, id)?;
        let title = title.unwrap_or(&current.summary.title);
        self.change(|tx| {
            note_store::save(tx, id, title, text, None)?;
            self.record_citations(tx, id, text)?;
            Ok(())
        })?;
        self.note(id)
    }

    /// Every saved version of a note, newest first (texts left out).
    pub fn note_history(&self, id: i64) -> Result<Vec<NoteVersion>> {
        note_store::versions(&self.conn, id)
    }

    /// One saved version of a note, with its text.
    pub fn note_version(&self, id: i64, version: i64) -> Result<NoteVersion> {
        note_store::version(&self.conn, id, version)
    }

    /// Brings back an earlier version as a new version, so the restore can itself be undone.
    pub fn restore_note(&self, id: i64, version: i64) -> Result<NoteDetail> {
        let old = note_store::version(&self.conn, id, version)?;
        self.change(|tx| {
            note_store::save(tx, id, &old.title, &old.text, Some(version))?;
            self.record_citations(tx, id, &old.text)?;
            Ok(())
        })?;
        self.note(id)
    }

    /// Accepts how the quotes a note cites are now: their stale warnings go away until they
    /// change again.
    pub fn accept_cited_quotes(&self, id: i64) -> Result<NoteDetail> {
        self.change(|tx| {
            let row = note_store::get(tx, id)?;
            for target in notes::analyse(&row.text).citations.iter().map(|c| c.target) {
                if let Target::Quote(quote_id) = target {
                    if let Ok(quote) = quotes::get(tx, quote_id) {
                        note_store::refresh_snapshot(
                            tx,
                            id,
                            &target.to_string(),
                            &QuoteSnapshot {
                                text: quote.text,
                                speaker_id: quote.speaker_id,
                                status: quote.status.as_str().to_string(),
                            },
                        )?;
                    }
                }
            }
            Ok(())
        })?;
        self.note(id)
    }

    /// Notes that cite a document (or a span or quote of it), a quote, an event or an entity's
    /// quotes and events, or that link to a note.
    pub fn backlinks(&self, target: BacklinkTarget) -> Result<Vec<Backlink>> {
        match target {
            BacklinkTarget::Note(id) => {
                let note = note_store::get(&self.conn, id)?;
                self.note_backlinks(id, &note.summary.title)
            }
            other => note_store::backlinks(&self.conn, other),
        }
    }

    /// The claim check of one note, or of every note: each claim with what it cites, and
    /// every problem.
    pub fn check(&self, note: Option<i64>) -> Result<CheckReport> {
        let rows = match note {
            Some(id) => vec![note_store::get(&self.conn, id)?],
            None => note_store::list(&self.conn)?,
        };
        let mut report = CheckReport::default();
        for row in rows {
            let id = row.summary.id;
            let checked = self.check_note_text(Some(id), &row.text)?;
            for claim in &checked.syntax.claims {
                report.claims.push(ClaimRecord {
                    note_id: id,
                    note_title: row.summary.title.clone(),
                    line: claim.line,
                    column: claim.column,
                    text: claim.text.clone(),
                    citations: claim
                        .citations
                        .iter()
                        .map(|&i| checked.citations[i].clone())
                        .collect(),
                });
            }
            report.problems.extend(checked.problems);
        }
        Ok(report)
    }

    /// Checks text being written, before it is saved: what the editor underlines. With the
    /// note's id, stale quotes are found against what the saved note cited.
    pub fn check_text(&self, note: Option<i64>, text: &str) -> Result<Vec<CheckProblem>> {
        Ok(self.check_note_text(note, text)?.problems)
    }

    /// A note's Markdown as sanitised HTML for a preview, citations and note links as links.
    pub fn render_note_html(&self, text: &str) -> Result<String> {
        let mut resolver = Resolver::new(self);
        let titles = note_store::ids_by_title(&self.conn)?;
        let resolver = std::cell::RefCell::new(&mut resolver);
        Ok(notes::render_html(
            text,
            &|target| {
                let cited = resolver.borrow_mut().resolve(target);
                let who = cited
                    .speaker
                    .as_deref()
                    .and_then(|s| s.split_whitespace().last())
                    .map(|surname| format!("{surname}, "))
                    .unwrap_or_default();
                notes::CiteLabel {
                    text: format!("{who}{target}"),
                    title: match (&cited.problem, &cited.words) {
                        (Some(problem), _) => problem.clone(),
                        (None, Some(words)) => format!(
                            "\u{201c}{}\u{201d}{}{}",
                            short(words, 280),
                            cited
                                .speaker
                                .as_deref()
                                .map(|s| format!(" — {s}"))
                                .unwrap_or_default(),
                            cited
                                .doc_title
                                .as_deref()
                                .map(|t| format!(", {t}"))
                                .unwrap_or_default()
                        ),
                        (None, None) => cited
                            .event_title
                            .clone()
                            .or(cited.doc_title.clone())
                            .unwrap_or_default(),
                    },
                    broken: cited.problem.is_some(),
                }
            },
            &|title| titles.get(&title.to_lowercase()).copied(),
        ))
    }

    /// Records what a note's text cites, inside the caller's transaction (`conn`).
    fn record_citations(&self, conn: &rusqlite::Connection, id: i64, text: &str) -> Result<()> {
        let syntax = notes::analyse(text);
        let mut rows: Vec<CitationRow<'_>> = Vec::new();
        for target in syntax.citations.iter().map(|c| c.target) {
            let key = target.to_string();
            if rows.iter().any(|r| r.target == key) {
                continue;
            }
            let snapshot = match target {
                Target::Quote(quote_id) => {
                    quotes::get(conn, quote_id).ok().map(|quote| QuoteSnapshot {
                        text: quote.text,
                        speaker_id: quote.speaker_id,
                        status: quote.status.as_str().to_string(),
                    })
                }
                _ => None,
            };
            rows.push(CitationRow {
                target: key,
                kind: target.kind_name(),
                target_id: target.id(),
                snapshot,
            });
        }
        note_store::set_citations(conn, id, &rows)
    }

    fn note_backlinks(&self, id: i64, title: &str) -> Result<Vec<Backlink>> {
        let wanted = title.to_lowercase();
        let mut backlinks = Vec::new();
        for other in note_store::list(&self.conn)? {
            if other.summary.id == id || !other.text.to_lowercase().contains(&wanted) {
                continue;
            }
            let syntax = notes::analyse(&other.text);
            if syntax
                .links
                .iter()
                .any(|l| l.title.to_lowercase() == wanted)
            {
                backlinks.push(Backlink {
                    note_id: other.summary.id,
                    note_title: other.summary.title,
                    target: format!("[[{title}]]"),
                });
            }
        }
        Ok(backlinks)
    }

    fn check_note_text(&self, note: Option<i64>, text: &str) -> Result<Checked> {
        let syntax = notes::analyse(text);
        let mut resolver = Resolver::new(self);
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
        let snapshots = match note {
            Some(id) => note_store::snapshots(&self.conn, id)?,
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
            if let Some(stale) = self.staleness(resolved, snapshot)? {
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
        let titles = note_store::ids_by_title(&self.conn)?;
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
        problems.sort_by_key(|p| (p.line, p.column));
        Ok(Checked {
            syntax,
            citations,
            links,
            problems,
        })
    }

    /// Why a cited quote is stale: rejected, edited or re-attributed since the note cited it.
    fn staleness(
        &self,
        resolved: &ResolvedCitation,
        snapshot: Option<&QuoteSnapshot>,
    ) -> Result<Option<String>> {
        let (Some(snapshot), Some(status)) = (snapshot, resolved.status) else {
            return Ok(None);
        };
        let target = &resolved.target;
        if status == ReviewStatus::Rejected && snapshot.status != "rejected" {
            return Ok(Some(format!(
                "{target} was rejected in review after this note cited it"
            )));
        }
        if resolved.speaker_id != snapshot.speaker_id {
            let name = |id: Option<i64>| -> String {
                id.and_then(|id| entity_lists::summary(&self.conn, id).ok())
                    .map(|e| e.name)
                    .unwrap_or_else(|| "no one".to_string())
            };
            return Ok(Some(format!(
                "{target} was re-attributed from {} to {} after this note cited it",
                name(snapshot.speaker_id),
                name(resolved.speaker_id)
            )));
        }
        let words = resolved.words.as_deref().unwrap_or_default();
        if words != snapshot.text {
            return Ok(Some(format!(
                "{target} was edited after this note cited it: it now reads \u{201c}{}\u{201d} \
                 (it read \u{201c}{}\u{201d})",
                short(words, 160),
                short(&snapshot.text, 160)
            )));
        }
        if status == ReviewStatus::Edited && snapshot.status != "edited" {
            return Ok(Some(format!(
                "{target} was edited in review after this note cited it"
            )));
        }
        Ok(None)
    }

    /// What `[@` can insert for `query`: quotes, documents and events, best matches first.
    /// `q42`, `d7` or `e9` typed as such find that item.
    pub fn citation_candidates(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<crate::model::CitationCandidate>> {
        super::citation_candidates::find(self, query, limit)
    }
}
