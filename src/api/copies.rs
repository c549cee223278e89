//! Near-duplicate sources on the `Case` (issue 21): grouping new documents, a document's
//! copies, every document's group for `docs --json`, a copy's differences from the earliest
//! version, and search hits with copies collapsed.

use std::collections::{BTreeMap, HashMap};

use crate::copies::{self, diff};
use crate::model::{
    CopiesReport, CopyGroup, CopyMember, CopyOf, DiffPart, GroupedDocument, SearchRequest,
    SearchResults,
};
use crate::search::{Folding, SearchIndex};
use crate::store::{copies as rows, documents};
use crate::{grouping, Case, Result};

/// The most hits a collapsed search reads to fill its page: beyond it, a page of distinct
/// groups is made from what was read.
const COLLAPSE_WINDOW: usize = 5_000;

/// The earliest of some signed documents and each one's similarity to it.
fn ranked(members: &[rows::Signed]) -> Option<(i64, HashMap<i64, f64>)> {
    let earliest = members
        .iter()
        .min_by_key(|m| copies::earliest_order(m.published_at, m.id))?;
    let similarity = members
        .iter()
        .map(|m| {
            let s = if m.id == earliest.id {
                1.0
            } else {
                m.signature.similarity(&earliest.signature)
            };
            (m.id, s)
        })
        .collect();
    Some((earliest.id, similarity))
}

impl Case {
    /// Gives every document without a signature one and puts it with its near-duplicates
    /// (`grouping`); the import and `reextract --pending` run it after the extraction stage.
    pub fn group_copies(&self) -> Result<CopiesReport> {
        self.writing(|| grouping::run(&self.conn, &mut |_, _| true))
    }

    /// The group of near-duplicates `id` belongs to, earliest first (by publication date, then
    /// import order); a document without copies is its group's only member.
    pub fn copies(&self, id: i64) -> Result<CopyGroup> {
        let doc = documents::get(&self.conn, id)?;
        let group = rows::signed(&self.conn, id)?.and_then(|s| s.group);
        let members = match group {
            Some(group) => rows::group(&self.conn, group)?,
            None => Vec::new(),
        };
        if members.len() < 2 {
            return Ok(CopyGroup {
                document: id,
                group: None,
                earliest: id,
                members: vec![CopyMember {
                    id,
                    title: doc.summary.title,
                    outlet: doc.summary.outlet,
                    published: doc.summary.published,
                    similarity: 1.0,
                    earliest: true,
                }],
            });
        }
        let (earliest, similarity) = ranked(&members).expect("a group has members");
        let mut out = Vec::with_capacity(members.len());
        for m in &members {
            let summary = documents::get(&self.conn, m.id)?.summary;
            out.push((
                copies::earliest_order(m.published_at, m.id),
                CopyMember {
                    id: m.id,
                    title: summary.title,
                    outlet: summary.outlet,
                    published: summary.published,
                    similarity: similarity[&m.id],
                    earliest: m.id == earliest,
                },
            ));
        }
        out.sort_by_key(|(order, _)| *order);
        Ok(CopyGroup {
            document: id,
            group,
            earliest,
            members: out.into_iter().map(|(_, m)| m).collect(),
        })
    }

    /// Every document that has copies, with its group, the group's earliest document and its
    /// similarity to it: what `docs --json` prints as `copies`.
    pub fn copy_index(&self) -> Result<BTreeMap<i64, CopyOf>> {
        let all = rows::all_grouped(&self.conn)?;
        let mut out = BTreeMap::new();
        for members in all.chunk_by(|a, b| a.group == b.group) {
            if members.len() < 2 {
                continue;
            }
            let group = members[0].group.expect("grouped rows have a group");
            let (earliest, similarity) = ranked(members).expect("a group has members");
            for m in members {
                out.insert(
                    m.id,
                    CopyOf {
                        group,
                        earliest,
                        similarity: similarity[&m.id],
                        size: members.len(),
                    },
                );
            }
        }
        Ok(out)
    }

    /// Every document that has copies with its group, in id order: the library's "+N copies"
    /// rows, read in one call however many groups the case has.
    pub fn grouped_documents(&self) -> Result<Vec<GroupedDocument>> {
        Ok(self
            .copy_index()?
            .into_iter()
            .map(|(document, copies)| GroupedDocument { document, copies })
            .collect())
    }

    /// How document `id` differs from the earliest document of its group, word by word
    /// (removed words are the earliest's, added ones this copy's); empty when it has no copies
    /// or is the earliest.
    pub fn copy_differences(&self, id: i64) -> Result<Vec<DiffPart>> {
        let group = self.copies(id)?;
        if group.earliest == id {
            return Ok(Vec::new());
        }
        let earliest = documents::get(&self.conn, group.earliest)?.text;
        let this = documents::get(&self.conn, id)?.text;
        Ok(diff::words(&earliest, &this))
    }

    /// One search of the index as `request` asks: with copies collapsed, the document hits
    /// of one group of near-duplicates are one hit, the best ranked (or newest), with
    /// `copies` saying how many it stands for, and `total` is the matching hits less the
    /// copies folded among those read (`search::Folding`).
    pub(crate) fn run_search(
        &self,
        index: &mut SearchIndex,
        request: &SearchRequest,
    ) -> Result<SearchResults> {
        let by_sha256 = |sha: &str| documents::find_by_sha256(&self.conn, sha);
        if !request.collapse_copies {
            return index.search(request, &by_sha256);
        }
        let mut groups_of = |ids: &[i64]| rows::groups_of(&self.conn, ids);
        let mut folding = Folding {
            groups_of: &mut groups_of,
            max_window: COLLAPSE_WINDOW,
        };
        index.search_folding_copies(request, &by_sha256, &mut folding)
    }
}
