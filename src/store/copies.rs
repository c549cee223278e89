//! The SQL of near-duplicate sources (migration 0017): signatures, their band keys and groups.
//! What is a copy of what is decided in `grouping` and `api::copies` with `copies`; here rows
//! are only read and written. Every read joins `documents`, so a document in the trash is never matched.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use crate::copies::Signature;
use crate::Result;

/// A signed document as grouping and listing need it.
#[derive(Debug, Clone)]
pub struct Signed {
    pub id: i64,
    pub signature: Signature,
    pub group: Option<i64>,
    /// Unix seconds of the earliest publication instant, for "earliest"; None when undated.
    pub published_at: Option<i64>,
}

fn signed_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Signed> {
    let bytes: Vec<u8> = row.get(1)?;
    let shingles: i64 = row.get(2)?;
    Ok(Signed {
        id: row.get(0)?,
        signature: Signature::from_bytes(&bytes, shingles as usize),
        group: row.get(3)?,
        published_at: row.get(4)?,
    })
}

const SIGNED_COLUMNS: &str =
    "s.document_id, s.signature, s.shingles, s.group_id, d.published_earliest";

/// Documents without a signature after `after`, in id order, from `grouping_pending`
/// (migration 0023), which triggers keep exact, so the read costs what is pending.
pub fn pending_after(conn: &Connection, after: i64, limit: usize) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT document_id FROM grouping_pending
         WHERE document_id > ?1 ORDER BY document_id LIMIT ?2",
    )?;
    let ids = stmt
        .query_map(params![after, limit as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// How many documents have no signature yet.
pub fn pending_count(conn: &Connection) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM grouping_pending")?
        .query_row([], |r| r.get(0))?;
    Ok(n as usize)
}

/// Stores a document's signature. A signature already there is deleted first rather than
/// replaced: a REPLACE fires no delete trigger, and the one that keeps `documents.later_copy`
/// (migration 0032) must see the document leave its old group. Its band keys are stored apart
/// (`insert_bands`), once grouping knows which of them its group already holds.
pub fn insert(conn: &Connection, id: i64, signature: &Signature) -> Result<()> {
    conn.prepare_cached("DELETE FROM document_signatures WHERE document_id = ?1")?
        .execute([id])?;
    conn.prepare_cached(
        "INSERT INTO document_signatures (document_id, shingles, signature, group_id)
         VALUES (?1, ?2, ?3, NULL)",
    )?
    .execute(params![id, signature.shingles as i64, signature.to_bytes()])?;
    Ok(())
}

/// Files a document under band keys. Rows are never deleted: a row whose document left the
/// case or was signed again only brings a candidate that grouping then compares and drops.
pub fn insert_bands(conn: &Connection, id: i64, keys: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO signature_bands (band_key, document_id) VALUES (?1, ?2)",
    )?;
    for key in keys {
        stmt.execute(params![key, id])?;
    }
    Ok(())
}

/// The documents filed under any of `keys`, other than `id`, as (band key, document) pairs in
/// key order. One query for all the bands of a signature, read from the bands' own index
/// alone: a document in the trash may be among them, and `signed` (which joins `documents`)
/// leaves it out. Joining `documents` here looked up every band row, hundreds per new article
/// in a case with many copies, a sixth of the time to add 1,000 articles to the 1M case.
pub fn band_holders(conn: &Connection, id: i64, keys: &[i64]) -> Result<Vec<(i64, i64)>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; keys.len()].join(", ");
    let sql = format!(
        "SELECT b.band_key, b.document_id FROM signature_bands b
         WHERE b.band_key IN ({marks}) AND b.document_id <> ?"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let values = keys.iter().copied().chain(std::iter::once(id));
    let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Migration 0034: copies `signature_bands` into `signature_bands_once` keeping, for each band
/// key, the smallest document of each group (trashed or not: grouping compares the group's
/// members in the case) and every document in no group, then replaces the old table. One pass
/// over the old table in key order and one map of the grouped documents, so it is linear in
/// the rows (32M at a million documents). Returns how many rows were kept.
pub fn refile_bands_once_per_group(tx: &rusqlite::Transaction) -> rusqlite::Result<usize> {
    let mut groups: HashMap<i64, i64> = HashMap::new();
    {
        let mut stmt = tx.prepare(
            "SELECT document_id, group_id FROM document_signatures WHERE group_id IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            groups.insert(row.get(0)?, row.get(1)?);
        }
    }
    let mut kept = 0;
    {
        let mut read = tx.prepare(
            "SELECT band_key, document_id FROM signature_bands ORDER BY band_key, document_id",
        )?;
        let mut write =
            tx.prepare("INSERT INTO signature_bands_once (band_key, document_id) VALUES (?1, ?2)")?;
        let mut current_key = None;
        let mut groups_filed: HashSet<i64> = HashSet::new();
        let mut rows = read.query([])?;
        while let Some(row) = rows.next()? {
            let (key, id): (i64, i64) = (row.get(0)?, row.get(1)?);
            if current_key != Some(key) {
                current_key = Some(key);
                groups_filed.clear();
            }
            let first_of_its_group = match groups.get(&id) {
                Some(&group) => groups_filed.insert(group),
                None => true,
            };
            if first_of_its_group {
                write.execute(params![key, id])?;
                kept += 1;
            }
        }
    }
    tx.execute_batch(
        "DROP TABLE signature_bands;
         ALTER TABLE signature_bands_once RENAME TO signature_bands;",
    )?;
    Ok(kept)
}

/// Every document ever put in `group`, in the case or in the trash, read from the groups'
/// index alone.
pub fn members(conn: &Connection, group: i64) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT document_id FROM document_signatures WHERE group_id = ?1")?;
    let rows = stmt.query_map([group], |r| r.get::<_, i64>(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One document's signature and group, if it is in the case and signed.
pub fn signed(conn: &Connection, id: i64) -> Result<Option<Signed>> {
    let sql = format!(
        "SELECT {SIGNED_COLUMNS} FROM document_signatures s
         JOIN documents d ON d.id = s.document_id WHERE s.document_id = ?1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], signed_from_row)
        .optional()?)
}

/// The members of a group that are in the case, in id order.
pub fn group(conn: &Connection, group: i64) -> Result<Vec<Signed>> {
    let sql = format!(
        "SELECT {SIGNED_COLUMNS} FROM document_signatures s
         JOIN documents d ON d.id = s.document_id WHERE s.group_id = ?1 ORDER BY s.document_id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([group], signed_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every document in a group that is in the case, by group then id.
pub fn all_grouped(conn: &Connection) -> Result<Vec<Signed>> {
    let sql = format!(
        "SELECT {SIGNED_COLUMNS} FROM document_signatures s
         JOIN documents d ON d.id = s.document_id WHERE s.group_id IS NOT NULL
         ORDER BY s.group_id, s.document_id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], signed_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Puts a document in a group.
pub fn set_group(conn: &Connection, id: i64, group: i64) -> Result<()> {
    conn.prepare_cached("UPDATE document_signatures SET group_id = ?2 WHERE document_id = ?1")?
        .execute(params![id, group])?;
    Ok(())
}

/// Moves every member of group `from` (trashed ones included, so a restore finds its group)
/// into group `to`.
pub fn merge_group(conn: &Connection, from: i64, to: i64) -> Result<()> {
    conn.prepare_cached("UPDATE document_signatures SET group_id = ?2 WHERE group_id = ?1")?
        .execute(params![from, to])?;
    Ok(())
}

/// The group of a document, whether or not it is in the case.
pub fn group_of(conn: &Connection, id: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT group_id FROM document_signatures WHERE document_id = ?1")?
        .query_row([id], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten())
}

/// The groups of `ids` that are in one, read from the index of ids and groups (migration
/// 0035) in id order rather than from the signatures' rows: what a collapsed search asks of
/// up to 5,000 hits at once.
pub fn groups_of(conn: &Connection, ids: &[i64]) -> Result<HashMap<i64, i64>> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut stmt = conn.prepare_cached(
        "SELECT group_id FROM document_signatures INDEXED BY document_signatures_groups
         WHERE document_id = ?1",
    )?;
    let mut groups = HashMap::new();
    for id in sorted {
        let group = stmt
            .query_row([id], |r| r.get::<_, Option<i64>>(0))
            .optional()?
            .flatten();
        if let Some(group) = group {
            groups.insert(id, group);
        }
    }
    Ok(groups)
}

/// A document's normalized text, for its signature.
pub fn text(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT text FROM document_contents WHERE document_id = ?1")?
        .query_row([id], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::super::{empty_case, plan_of};
    use super::*;

    /// The documents whose flag disagrees with what it should be (migration 0032): whether an
    /// earlier member of its group is in the case, asked of the rows themselves through the
    /// migration's view.
    fn wrong_flags(conn: &Connection) -> Vec<(i64, i64)> {
        let mut stmt = conn
            .prepare(
                "SELECT d.id, d.later_copy FROM documents d
                 WHERE d.later_copy <> EXISTS (SELECT 1 FROM later_copies_now WHERE id = d.id)",
            )
            .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    }

    fn shown(conn: &Connection) -> Vec<i64> {
        let mut stmt = conn
            .prepare("SELECT id FROM documents WHERE later_copy = 0 ORDER BY id")
            .unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    }

    fn document(conn: &Connection, id: i64) {
        conn.execute(
            "INSERT INTO documents (id, kind, title, format, sha256, original_size, imported_at)
             VALUES (?1, 'article', 'Story', 'text', ?2, 1, '2026-12-05T00:00:00Z')",
            params![id, format!("{id:064x}")],
        )
        .unwrap();
    }

    /// The kept flag (migration 0032) through everything that changes a group or who is in
    /// the case: documents signed in and out of id order, groups merged, the first copy
    /// deleted and restored, a signature made again (a REPLACE fired no delete trigger, which
    /// left the document's old group hidden behind it), and a signature removed.
    #[test]
    fn the_later_copy_flag_follows_grouping_merges_deletions_and_restores() {
        let (_dir, conn) = empty_case();
        let signature = crate::copies::signature("one two three four five six seven");
        for id in 1..=8 {
            document(&conn, id);
        }
        let sign = |id: i64, group: Option<i64>| {
            insert(&conn, id, &signature).unwrap();
            if let Some(group) = group {
                set_group(&conn, id, group).unwrap();
            }
            assert_eq!(wrong_flags(&conn), vec![], "after signing {id}");
        };
        // Two groups, {2, 4, 6} and {3, 5}, signed out of order.
        sign(4, Some(4));
        sign(6, Some(4));
        sign(2, Some(2));
        merge_group(&conn, 4, 2).unwrap();
        sign(5, Some(3));
        sign(3, Some(3));
        sign(1, None);
        assert_eq!(wrong_flags(&conn), vec![]);
        assert_eq!(shown(&conn), vec![1, 2, 3, 7, 8]);
        // The groups merged into one: 3 now hides behind 2.
        merge_group(&conn, 3, 2).unwrap();
        assert_eq!(wrong_flags(&conn), vec![]);
        assert_eq!(shown(&conn), vec![1, 2, 7, 8]);
        // The first copy leaves the case and the next one is shown; it comes back.
        conn.execute("DELETE FROM documents WHERE id = 2", [])
            .unwrap();
        assert_eq!(wrong_flags(&conn), vec![]);
        assert_eq!(shown(&conn), vec![1, 3, 7, 8]);
        document(&conn, 2);
        assert_eq!(wrong_flags(&conn), vec![]);
        assert_eq!(shown(&conn), vec![1, 2, 7, 8]);
        // Signed again (its text changed), 2 leaves the group until grouping puts it back.
        insert(&conn, 2, &signature).unwrap();
        assert_eq!(wrong_flags(&conn), vec![]);
        assert_eq!(shown(&conn), vec![1, 2, 3, 7, 8]);
        conn.execute("DELETE FROM document_signatures WHERE document_id = 3", [])
            .unwrap();
        assert_eq!(wrong_flags(&conn), vec![]);
        assert_eq!(shown(&conn), vec![1, 2, 3, 4, 7, 8]);
        // A change of the flag alone is no change of the document for the search index.
        let journaled: i64 = conn
            .query_row(
                "SELECT count(*) FROM search_journal WHERE unit IN ('document:3', 'document:5')
                   AND seq > (SELECT max(seq) FROM search_journal WHERE unit = 'document:8')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(journaled, 0);
    }

    /// Migration 0034 refiles a case's band keys once per group: of the documents filed under
    /// a key it keeps the smallest of each group and every document in no group.
    #[test]
    fn refiling_the_bands_keeps_the_first_member_of_each_group_under_each_key() {
        let (_dir, conn) = empty_case();
        let signature = crate::copies::signature("one two three four five six seven");
        for id in 1..=5 {
            document(&conn, id);
            insert(&conn, id, &signature).unwrap();
        }
        for (id, group) in [(1, 1), (2, 1), (3, 1), (5, 5)] {
            set_group(&conn, id, group).unwrap();
        }
        for (key, ids) in [(10, &[1, 2, 3, 4][..]), (20, &[2, 3, 4]), (30, &[3, 5])] {
            for &id in ids {
                insert_bands(&conn, id, &[key]).unwrap();
            }
        }
        conn.execute_batch(include_str!(
            "../../migrations/0034_bands_once_per_group.sql"
        ))
        .unwrap();
        let tx = conn.unchecked_transaction().unwrap();
        assert_eq!(refile_bands_once_per_group(&tx).unwrap(), 6);
        tx.commit().unwrap();
        let mut stmt = conn
            .prepare("SELECT band_key, document_id FROM signature_bands ORDER BY 1, 2")
            .unwrap();
        let rows: Vec<(i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows, [(10, 1), (10, 4), (20, 2), (20, 4), (30, 3), (30, 5)]);
    }

    /// A collapsed search's group lookups read the index of ids and groups alone (migration
    /// 0035), never the signatures' rows, which are 24 times larger.
    #[test]
    fn the_groups_of_hits_are_read_from_the_index_of_ids_and_groups() {
        let (_dir, conn) = empty_case();
        let plan = plan_of(
            &conn,
            "SELECT group_id FROM document_signatures INDEXED BY document_signatures_groups
             WHERE document_id = 5",
        );
        assert!(
            plan.contains("COVERING INDEX document_signatures_groups"),
            "{plan}"
        );
        let signature = crate::copies::signature("one two three four five six seven");
        for id in 1..=4 {
            document(&conn, id);
            insert(&conn, id, &signature).unwrap();
        }
        set_group(&conn, 2, 1).unwrap();
        set_group(&conn, 1, 1).unwrap();
        set_group(&conn, 4, 4).unwrap();
        let groups = groups_of(&conn, &[4, 2, 3, 2, 9]).unwrap();
        assert_eq!(groups, HashMap::from([(2, 1), (4, 4)]));
    }

    /// The library's orders with copies collapsed and no filter must walk the partial indexes
    /// of the rows shown: the full indexes step over every later copy, 43 per row shown in a
    /// million-document case of copies (0.6-4.3 s a page).
    #[test]
    fn a_collapsed_library_walks_the_indexes_of_the_rows_shown() {
        let (_dir, conn) = empty_case();
        for (order, index) in [
            ("d.published_earliest", "documents_shown_published"),
            ("d.title COLLATE NOCASE", "documents_shown_title"),
            ("d.kind", "documents_shown_kind"),
            ("d.outlet COLLATE NOCASE", "documents_shown_outlet"),
        ] {
            for dir in ["", " DESC"] {
                let plan = plan_of(
                    &conn,
                    &format!(
                        "SELECT d.id FROM documents d WHERE d.later_copy = 0
                         AND {order} IS NOT NULL ORDER BY {order}{dir}, d.id{dir} LIMIT 200"
                    ),
                );
                assert!(plan.contains(index), "{order}{dir}: {plan}");
            }
        }
        let plan = plan_of(
            &conn,
            "SELECT count(*) FROM documents d WHERE d.later_copy = 0",
        );
        assert!(plan.contains("documents_shown"), "{plan}");
        // What every trigger asks of one document: lookups, never a scan of the signatures.
        let plan = plan_of(
            &conn,
            "SELECT EXISTS (SELECT 1 FROM later_copies_now WHERE id = 5)",
        );
        assert!(
            ["SCAN s", "SCAN o", "SCAN od"]
                .iter()
                .all(|scan| !plan.contains(scan)),
            "{plan}"
        );
    }
}
