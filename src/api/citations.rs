//! The claim check, the note preview and citation autocomplete as `Case` methods: each one
//! hands the case's connection (and, for autocomplete, its search) to the rules in
//! `crate::cite`.

use crate::cite::{self, Lookup, Resolver};
use crate::model::{CheckProblem, CheckReport, CitationCandidate, ClaimRecord};
use crate::store::notes as note_store;
use crate::{Case, Result};

impl Case {
    /// The claim check of one note, or of every note: each claim with what it cites, and
    /// every problem.
    pub fn check(&self, note: Option<i64>) -> Result<CheckReport> {
        let rows = match note {
            Some(id) => vec![note_store::get(&self.conn, id)?],
            None => self.conn.notes()?,
        };
        let titles = self.conn.note_ids_by_title()?;
        let mut resolver = Resolver::new(&self.conn);
        let mut report = CheckReport::default();
        for row in rows {
            let id = row.summary.id;
            let checked = cite::check_note(&mut resolver, &titles, Some(id), &row.text)?;
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
        cite::links::preview_html(&self.conn, text)
    }

    /// What `[@` can insert for `query`: quotes, documents and events, best matches first.
    /// `q42`, `d7` or `e9` typed as such find that item.
    pub fn citation_candidates(&self, query: &str, limit: usize) -> Result<Vec<CitationCandidate>> {
        let search = |request: &crate::SearchRequest| {
            Ok(self
                .search(request)?
                .hits
                .into_iter()
                .map(|hit| (hit.kind, hit.id))
                .collect())
        };
        cite::candidates::find(&self.conn, &search, query, limit)
    }

    /// One note's text checked against the case (`note` None for text not saved yet).
    pub(crate) fn check_note_text(&self, note: Option<i64>, text: &str) -> Result<cite::Checked> {
        let titles = self.conn.note_ids_by_title()?;
        cite::check_note(&mut Resolver::new(&self.conn), &titles, note, text)
    }
}
