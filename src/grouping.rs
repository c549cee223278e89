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

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::Connection;

use crate::copies;
use crate::model::CopiesReport;
use crate::store::copies as rows;
use crate::Result;

/// Documents per transaction. Each document that is no copy inserts its 32 band keys at
/// random places of the band table, so a transaction dirties pages all over it and its commit
/// writes each of them to the WAL: with 256 documents the commits were 38% of the pass (5.2 of
/// 13.6 s on the 23k corpus, under load), with 4,096 they are 10% (0.4 of 4.0 s), since a page
/// written once holds many batch-mates' keys. The pass holds the case's write lock from start
/// to end either way, so a longer transaction keeps nobody waiting longer; a kill loses at
/// most one batch, about a second of work.
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
///
/// A band key is filed once per group: a document joining a group files only the keys no
/// member of it holds yet. A story copied 43 times filed 43 × 32 rows, and adding a copy to a
/// million-document case wrote its 32 keys to random pages of a 32M-row table (1.1 of the 2.8 s
/// to add 1,000 articles); a copy's keys are nearly all its group's, so it now writes few or
/// none. The key then stands for the group rather than for one member, so a candidate that
/// does not match (or has left the case) has its group's other members compared before the
/// group is given up: the one that shares the band may be among them.
pub(crate) fn add(conn: &Connection, id: i64, signature: &copies::Signature) -> Result<bool> {
    rows::insert(conn, id, signature)?;
    if !signature.comparable() {
        return Ok(false);
    }
    let keys = signature.band_keys();
    let holders = rows::band_holders(conn, id, &keys)?;
    let mut matched = Vec::new();
    // The members of every group already decided on, joined or given up: they are skipped
    // rather than read and compared. Once a member of a group matched, the group is joined
    // whatever its other members would say, so the likeliest copy (the candidate sharing the
    // most bands, tried first) usually settles its group alone. A group's id is its smallest
    // member ever, so no skipped id could lower the target.
    let mut settled: HashSet<i64> = HashSet::new();
    // The members of the groups joined, to tell which keys the document's group holds.
    let mut joined: HashSet<i64> = HashSet::new();
    for candidate in by_shared_bands(&holders) {
        if settled.contains(&candidate) {
            continue;
        }
        let group = match rows::signed(conn, candidate)? {
            Some(other) if resembles(signature, &other) => {
                let members = match other.group {
                    Some(group) => rows::members(conn, group)?,
                    None => vec![other.id],
                };
                settled.extend(&members);
                joined.extend(members);
                matched.push(other);
                continue;
            }
            Some(other) => other.group,
            None => rows::group_of(conn, candidate)?,
        };
        settled.insert(candidate);
        let Some(group) = group else {
            continue;
        };
        let members = rows::members(conn, group)?;
        let matching = rows::group(conn, group)?
            .into_iter()
            .find(|m| !settled.contains(&m.id) && resembles(signature, m));
        settled.extend(&members);
        if let Some(member) = matching {
            joined.extend(members);
            matched.push(member);
        }
    }
    let held: HashSet<i64> = holders
        .iter()
        .filter(|(_, holder)| joined.contains(holder))
        .map(|&(key, _)| key)
        .collect();
    let missing: Vec<i64> = keys.iter().copied().filter(|k| !held.contains(k)).collect();
    rows::insert_bands(conn, id, &missing)?;
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

/// Whether a signed document is a near copy of a text with this signature.
fn resembles(signature: &copies::Signature, other: &rows::Signed) -> bool {
    other.signature.comparable() && signature.similarity(&other.signature) >= copies::THRESHOLD
}

/// The documents filed under a signature's keys, each once, those sharing the most bands
/// first (the likeliest copies), then by id.
fn by_shared_bands(holders: &[(i64, i64)]) -> Vec<i64> {
    let mut shared: HashMap<i64, usize> = HashMap::new();
    for &(_, holder) in holders {
        *shared.entry(holder).or_default() += 1;
    }
    let mut ranked: Vec<(i64, usize)> = shared.into_iter().collect();
    ranked.sort_by_key(|&(holder, count)| (std::cmp::Reverse(count), holder));
    ranked.into_iter().map(|(holder, _)| holder).collect()
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

    /// A made-up signature: `base` everywhere, then each (band, value) pair overwriting the
    /// four minimums of that band, and `partial` bands with only their first three replaced.
    fn crafted(bands: &[(usize, u32)], partial: &[(usize, u32)]) -> copies::Signature {
        let mut mins: Vec<u32> = (0..copies::PERMUTATIONS as u32).collect();
        for &(band, value) in bands {
            for m in &mut mins[band * copies::ROWS..(band + 1) * copies::ROWS] {
                *m = value;
            }
        }
        for &(band, value) in partial {
            for m in &mut mins[band * copies::ROWS..band * copies::ROWS + 3] {
                *m = value;
            }
        }
        copies::Signature {
            mins,
            shingles: 100,
        }
    }

    fn band_rows(conn: &Connection, id: i64) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM signature_bands WHERE document_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
    }

    /// A copy files only the band keys its group does not hold yet: a story copied 43 times
    /// filed every key 43 times, each a write to a random page of the band table.
    #[test]
    fn a_copy_files_only_the_band_keys_its_group_lacks() {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::store::create(&dir.path().join("case.dossier")).unwrap();
        document(&conn, 1, 1..=12);
        document(&conn, 2, 1..=12);
        document(&conn, 3, 1..=13);
        run(&conn, &mut |_, _| true).unwrap();
        assert_eq!(group_of(&conn, 3), Some(1));
        assert_eq!(band_rows(&conn, 1), copies::BANDS as i64);
        assert_eq!(band_rows(&conn, 2), 0, "an exact copy adds no key");
        let new_keys = {
            let one = copies::signature(&rows::text(&conn, 1).unwrap()).band_keys();
            let three = copies::signature(&rows::text(&conn, 3).unwrap()).band_keys();
            three.iter().filter(|k| !one.contains(k)).count() as i64
        };
        assert_eq!(band_rows(&conn, 3), new_keys);
    }

    /// With keys filed once per group, a document can share its bands with a member that did
    /// not file them: here 3 resembles 2 (their 9 equal bands and 30 of 40 other minimums
    /// agree) but not 1, and the only keys it shares are 1's, which 2 did not file again.
    /// Comparing 1's group when 1 fails finds 2; comparing only the documents filed under
    /// the keys left 3 alone.
    #[test]
    fn a_document_resembling_a_member_that_filed_none_of_their_shared_bands_joins_its_group() {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::store::create(&dir.path().join("case.dossier")).unwrap();
        for id in 1..=3 {
            document(&conn, id, 1..=12);
        }
        let first = crafted(&[], &[]);
        let changed: Vec<(usize, u32)> = (0..10).map(|b| (b, 1_000 + b as u32)).collect();
        let second = crafted(&changed, &[]);
        // Bands 0-9 agree with the second in three minimums of four, 10-18 entirely, and the
        // rest differ from both: 66 of 128 minimums with the second, 46 with the first.
        let rest: Vec<(usize, u32)> = (19..32).map(|b| (b, 5_000 + b as u32)).collect();
        let third = crafted(&rest, &changed);
        assert!(third.similarity(&second) >= copies::THRESHOLD);
        assert!(third.similarity(&first) < copies::THRESHOLD);
        assert!(!add(&conn, 1, &first).unwrap());
        assert!(add(&conn, 2, &second).unwrap());
        assert_eq!(band_rows(&conn, 2), 10, "2 filed only the bands it changed");
        assert!(add(&conn, 3, &third).unwrap());
        assert_eq!(group_of(&conn, 3), Some(1));
    }

    /// The member that filed a group's keys may be in the trash: its key still leads to the
    /// group, whose members in the case are compared.
    #[test]
    fn a_copy_of_a_group_whose_filing_member_is_in_the_trash_joins_the_group() {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::store::create(&dir.path().join("case.dossier")).unwrap();
        document(&conn, 1, 1..=12);
        document(&conn, 2, 1..=12);
        run(&conn, &mut |_, _| true).unwrap();
        assert_eq!(band_rows(&conn, 2), 0);
        conn.execute("DELETE FROM documents WHERE id = 1", [])
            .unwrap();
        document(&conn, 3, 1..=12);
        run(&conn, &mut |_, _| true).unwrap();
        assert_eq!(group_of(&conn, 3), Some(1));
        assert_eq!(band_rows(&conn, 3), 0);
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
