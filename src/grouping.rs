//! The copy-grouping pass (issue 21): every document without a MinHash signature gets one,
//! and joins the group of the near-duplicates it resembles (`copies`), after the extraction
//! stage of an import or of `reextract --pending`.
//!
//! It is a pass of its own rather than a part of the extraction stage so that a case whose
//! documents were all extracted before it existed is grouped without extracting anything
//! again, and so that its cost is measured apart (docs/benchmarks.md). Like the stage it is
//! durable and resumable: each batch of documents (`BATCH_DOCUMENTS`) is one transaction that writes their
//! signatures, band keys and groups, and a document is pending until it has a signature, so a
//! killed pass goes on from the first unsigned document. Documents are taken in id order, so a
//! resumed pass groups exactly as an uninterrupted one would.
//!
//! Cost: one signature per document (linear in its text), one indexed lookup of its
//! `copies::BANDS` band keys, and a comparison with each candidate found, so the pass is
//! linear in the case for texts that are not copies; memory is one batch of ids.

use std::collections::{BTreeSet, HashSet};

use rusqlite::Connection;

use crate::copies;
use crate::model::CopiesReport;
use crate::store::copies as rows;
use crate::Result;

/// Documents per transaction. Each document inserts its 32 band keys at random places of the
/// band table, so a transaction dirties pages all over it and its commit writes each of them
/// to the WAL: with 256 documents the commits were 38% of the pass (5.2 of 13.6 s on the 23k
/// corpus, under load), with 4,096 they are 10% (0.4 of 4.0 s), since a page written once
/// holds many batch-mates' keys. The pass holds the case's write lock from start to end
/// either way, so a longer transaction keeps nobody waiting longer; a kill loses at most one
/// batch, about a second of work.
const BATCH_DOCUMENTS: usize = 4096;

/// Groups every document of the case without a signature. The caller holds the write lock.
/// `progress` sees (done, total) after each document; returning `false` commits what is done
/// and stops.
pub(crate) fn run(
    conn: &Connection,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<CopiesReport> {
    let total = rows::pending_count(conn)?;
    let mut report = CopiesReport::default();
    let mut after = 0;
    loop {
        let ids = rows::pending_after(conn, after, BATCH_DOCUMENTS)?;
        if ids.is_empty() {
            return Ok(report);
        }
        let tx = conn.unchecked_transaction()?;
        for &id in &ids {
            after = id;
            let signature = copies::signature(&rows::text(&tx, id)?);
            if add(&tx, id, &signature)? {
                report.grouped += 1;
            }
            report.documents += 1;
            if !progress(report.documents, total) {
                tx.commit()?;
                return Ok(report);
            }
        }
        tx.commit()?;
    }
}

/// Stores one document's signature and puts it in the group of the documents it is a near
/// copy of, merging their groups when it joins several. Returns whether it joined one.
pub(crate) fn add(conn: &Connection, id: i64, signature: &copies::Signature) -> Result<bool> {
    if !signature.comparable() {
        rows::insert(conn, id, signature, &[])?;
        return Ok(false);
    }
    let keys = signature.band_keys();
    rows::insert(conn, id, signature, &keys)?;
    let mut matched = Vec::new();
    // Once a candidate of a group matched, the group is joined whatever its other members
    // would say: they are skipped rather than read and compared. A story copied 43 times
    // brought 43 candidates, each a signature read from a million-row table (2–6 s of the 10 s
    // to add 1,000 such articles to the 1M case); the likeliest copy comes first and usually
    // settles its group alone. The result is the same: a skipped member's group is already
    // joined, and a group's id is its smallest member ever, so no skipped id could lower the
    // target.
    let mut settled: HashSet<i64> = HashSet::new();
    for candidate in rows::candidates(conn, id, &keys)? {
        if settled.contains(&candidate) {
            continue;
        }
        let Some(other) = rows::signed(conn, candidate)? else {
            continue;
        };
        if other.signature.comparable()
            && signature.similarity(&other.signature) >= copies::THRESHOLD
        {
            if let Some(group) = other.group {
                settled.extend(rows::members(conn, group)?);
            }
            matched.push(other);
        }
    }
    if matched.is_empty() {
        return Ok(false);
    }
    // A group is named by its smallest document id, so the groups joined and the documents
    // matched alone all become the group named by the smallest of them.
    let mut groups = BTreeSet::new();
    let mut target = id;
    for other in &matched {
        let group = other.group.unwrap_or(other.id);
        groups.insert(group);
        target = target.min(group).min(other.id);
    }
    for group in groups {
        if group != target {
            rows::merge_group(conn, group, target)?;
        }
    }
    for other in &matched {
        if other.group.is_none() {
            rows::set_group(conn, other.id, target)?;
        }
    }
    rows::set_group(conn, id, target)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(conn: &Connection, id: i64, lines: std::ops::RangeInclusive<usize>) {
        let text: Vec<String> = lines
            .map(|n| {
                format!("Line {n} of the story tells what happened at the harbour on day {n}.")
            })
            .collect();
        let text = text.join("\n");
        conn.execute(
            "INSERT INTO documents (id, kind, title, format, sha256, original_size, imported_at)
             VALUES (?1, 'article', 'Story', 'text', ?2, 1, '2026-12-05T00:00:00Z')",
            rusqlite::params![id, format!("{id:064x}")],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO document_contents (document_id, original, text) VALUES (?1, ?2, ?3)",
            rusqlite::params![id, text.as_bytes(), text],
        )
        .unwrap();
    }

    fn group_of(conn: &Connection, id: i64) -> Option<i64> {
        rows::group_of(conn, id).unwrap()
    }

    /// Grouping skips the other members of a group one of its members matched. A document
    /// resembling two groups must still join both (they merge), and a member of a group that
    /// would not have matched changes nothing.
    #[test]
    fn skipping_the_members_of_a_matched_group_still_merges_the_groups_a_document_bridges() {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::store::create(&dir.path().join("case.dossier")).unwrap();
        // Two stories sharing a third of their lines, each with an exact copy, then a story
        // holding both: it resembles each story more than they resemble each other.
        document(&conn, 1, 1..=12);
        document(&conn, 2, 1..=12);
        document(&conn, 3, 9..=20);
        document(&conn, 4, 9..=20);
        run(&conn, &mut |_, _| true).unwrap();
        assert_eq!((group_of(&conn, 1), group_of(&conn, 2)), (Some(1), Some(1)));
        assert_eq!((group_of(&conn, 3), group_of(&conn, 4)), (Some(3), Some(3)));
        document(&conn, 5, 1..=20);
        run(&conn, &mut |_, _| true).unwrap();
        for id in 1..=5 {
            assert_eq!(group_of(&conn, id), Some(1), "document {id}");
        }
    }
}
