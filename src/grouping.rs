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

use std::collections::BTreeSet;

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
    for candidate in rows::candidates(conn, id, &keys)? {
        let Some(other) = rows::signed(conn, candidate)? else {
            continue;
        };
        if other.signature.comparable()
            && signature.similarity(&other.signature) >= copies::THRESHOLD
        {
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
