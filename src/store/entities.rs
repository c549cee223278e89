//! The `entities`, `entity_aliases`, `mentions` and `entity_merges` tables: one canonical
//! entity per real-world actor in the case, found again by any of its aliases.

use rusqlite::{params, Connection, OptionalExtension};

use super::entity_lists::summary;
use super::now;
use crate::entities::decisions::{self, AliasRow, MovedAlias, OnSurvivor, Party};
use crate::entities::names::{fold_key, known_organisation, surname_key};
use crate::entities::EntityKind;
use crate::model::{AliasRecord, MentionRecord, RoleRecord};
use crate::{Error, Result};

pub use super::entity_resolution::{resolve, ResolveCache};

/// The id a new entity gets: past every id in use and every id a merge took away, so that
/// undoing the merge can give that id back (SQLite would otherwise reuse the highest id once
/// its entity is gone).
pub(crate) const NEXT_ENTITY_ID: &str = "max(coalesce((SELECT max(id) FROM entities), 0), \
    coalesce((SELECT max(from_id) FROM entity_merges), 0)) + 1";

fn add_alias(
    conn: &Connection,
    id: i64,
    alias: &str,
    origin: &str,
    confidence: f32,
    evidence: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO entity_aliases (entity_id, alias, alias_key, origin, confidence, evidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (entity_id, alias_key) DO UPDATE SET origin = excluded.origin,
            confidence = excluded.confidence, evidence = excluded.evidence",
    )?
    .execute(params![
        id,
        alias,
        fold_key(alias),
        origin,
        confidence,
        evidence
    ])?;
    Ok(())
}

pub fn insert_mention(
    conn: &Connection,
    entity_id: i64,
    doc_id: i64,
    start: usize,
    end: usize,
    surface: &str,
    role: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO mentions (entity_id, document_id, start, end, surface, role)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        entity_id,
        doc_id,
        start as i64,
        end as i64,
        surface,
        role
    ])?;
    Ok(())
}

pub fn delete_mentions(conn: &Connection, doc_id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM mentions WHERE document_id = ?1")?
        .execute([doc_id])?;
    Ok(())
}

/// Deletes the entities nothing points at any more and no person decided about: after a
/// re-extraction cleared their documents' mentions, the people and names it will not propose
/// again ("this Trump", a surname now resolved to its person) are not left behind. Returns
/// how many went.
pub fn prune_unreferenced(conn: &Connection) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM entities WHERE status = 'auto'
            AND id NOT IN (SELECT entity_id FROM mentions)
            AND id NOT IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)
            AND id NOT IN (SELECT entity_id FROM event_entities)
            AND id NOT IN (SELECT entity_id FROM entity_aliases WHERE origin = 'user')
            AND id NOT IN (SELECT into_id FROM entity_merges)
            AND id NOT IN (SELECT from_id FROM entity_merges)
            AND id NOT IN (SELECT entity_id FROM trash_mentions)
            AND id NOT IN (SELECT speaker_id FROM trash_quotes WHERE speaker_id IS NOT NULL)
            AND id NOT IN (SELECT entity_id FROM trash_event_entities)",
        [],
    )?)
}

/// The entity whose name or alias is `name`, of any kind.
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<i64>> {
    let key = fold_key(name);
    let canonical = known_organisation(name).map(fold_key);
    let exact = conn
        .prepare_cached(
            "SELECT entity_id FROM entity_aliases WHERE alias_key IN (?1, ?2)
             ORDER BY origin = 'user' DESC, confidence DESC LIMIT 1",
        )?
        .query_row(params![key, canonical.unwrap_or_default()], |r| r.get(0))
        .optional()?;
    if exact.is_some() {
        return Ok(exact);
    }
    // A surname alone ("Kremez", "kremez") names the one person who has it; with two people
    // of that name it names neither, and `people_with_surname` lets the caller say who.
    let same = people_with_surname(conn, name)?;
    Ok(match same.as_slice() {
        [(id, _)] => Some(*id),
        _ => None,
    })
}

/// The people whose surname is `name` when `name` is one word (id and name, at most 20).
pub fn people_with_surname(conn: &Connection, name: &str) -> Result<Vec<(i64, String)>> {
    let key = fold_key(name);
    if key.is_empty() || key.contains(' ') {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM entities WHERE kind = 'person' AND surname_key = ?1
         ORDER BY id LIMIT 20",
    )?;
    let rows = stmt.query_map([&key], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn aliases(conn: &Connection, id: i64) -> Result<Vec<AliasRecord>> {
    let mut stmt = conn.prepare(
        "SELECT alias, origin, confidence, evidence FROM entity_aliases WHERE entity_id = ?1
         ORDER BY confidence DESC, alias",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(AliasRecord {
            alias: r.get(0)?,
            origin: r.get(1)?,
            confidence: r.get::<_, f64>(2)? as f32,
            evidence: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn mentions(conn: &Connection, id: i64, limit: usize) -> Result<Vec<MentionRecord>> {
    let mut stmt = conn.prepare(
        "SELECT document_id, start, end, surface, role FROM mentions WHERE entity_id = ?1
         ORDER BY document_id, start LIMIT ?2",
    )?;
    let rows = stmt.query_map(rusqlite::params![id, limit as i64], |r| {
        Ok(MentionRecord {
            doc_id: r.get(0)?,
            start: r.get::<_, i64>(1)? as usize,
            end: r.get::<_, i64>(2)? as usize,
            surface: r.get(3)?,
            role: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The roles the sources give an entity, oldest source first, read from the partial indexes of
/// the mentions and quotes that give one (migration 0033), not from every mention.
const ROLES_SQL: &str =
    "SELECT DISTINCT x.role, d.id, d.title, d.published, d.published_earliest FROM (
        SELECT role, document_id FROM mentions WHERE entity_id = ?1 AND role IS NOT NULL
        UNION SELECT role, document_id FROM quotes
            WHERE speaker_id = ?1 AND role IS NOT NULL AND status <> 'rejected'
     ) x JOIN documents d ON d.id = x.document_id
     ORDER BY d.published_earliest IS NULL, d.published_earliest, d.id, x.role
     LIMIT ?2";

/// The first `limit` roles sources give the entity, in the order the sources were published.
pub fn roles(conn: &Connection, id: i64, limit: usize) -> Result<Vec<RoleRecord>> {
    let mut stmt = conn.prepare_cached(ROLES_SQL)?;
    let rows = stmt.query_map(params![id, limit as i64], |r| {
        Ok(RoleRecord {
            role: r.get(0)?,
            doc_id: r.get(1)?,
            doc_title: r.get(2)?,
            published: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Renames an entity; the old name stays an alias, so sources that use it still find it.
pub fn rename(conn: &Connection, id: i64, name: &str) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid_input("an entity's name cannot be empty"));
    }
    summary(conn, id)?;
    conn.execute(
        "UPDATE entities SET name = ?2, status = 'confirmed',
            surname_key = CASE kind WHEN 'person' THEN ?3 ELSE NULL END WHERE id = ?1",
        params![id, name, surname_key(name)],
    )?;
    add_alias(conn, id, name, "user", 1.0, "named by a person")?;
    Ok(())
}

/// The rows of an entity's aliases as the merge record keeps them.
fn alias_rows(conn: &Connection, id: i64) -> Result<Vec<AliasRow>> {
    Ok(aliases(conn, id)?
        .into_iter()
        .map(|a| AliasRow {
            alias: a.alias,
            origin: a.origin,
            confidence: a.confidence as f64,
            evidence: a.evidence,
        })
        .collect())
}

/// An entity's own alias of one folded spelling.
fn alias_by_key(conn: &Connection, id: i64, key: &str) -> Result<Option<AliasRow>> {
    Ok(conn
        .query_row(
            "SELECT alias, origin, confidence, evidence FROM entity_aliases
             WHERE entity_id = ?1 AND alias_key = ?2",
            params![id, key],
            |r| {
                Ok(AliasRow {
                    alias: r.get(0)?,
                    origin: r.get(1)?,
                    confidence: r.get(2)?,
                    evidence: r.get(3)?,
                })
            },
        )
        .optional()?)
}

fn status_of(conn: &Connection, id: i64) -> Result<(String, Option<String>)> {
    Ok(conn.query_row(
        "SELECT status, surname_key FROM entities WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// The ids of rows pointing at an entity, as JSON for the merge record.
fn ids_json(conn: &Connection, sql: &str, id: i64) -> Result<String> {
    let mut stmt = conn.prepare(sql)?;
    let ids: Vec<i64> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(serde_json::to_string(&ids)?)
}

/// Merges entity `from` into `into`: its aliases, quotes and mentions move, and the merge is
/// recorded (see `entities::decisions`) so that `unmerge` can put everything back. Returns
/// the merge's id.
pub fn merge(conn: &Connection, into: i64, from: i64) -> Result<i64> {
    if into == from {
        return Err(Error::invalid_input("cannot merge an entity into itself"));
    }
    let target = summary(conn, into)?;
    let source = summary(conn, from)?;
    decisions::check_merge(
        Party {
            id: into,
            name: &target.name,
            kind: target.kind,
        },
        Party {
            id: from,
            name: &source.name,
            kind: source.kind,
        },
    )?;
    let (status, surname) = status_of(conn, from)?;
    let (into_status, _) = status_of(conn, into)?;
    let from_aliases = alias_rows(conn, from)?;
    let moved = decisions::moved_aliases(&from_aliases, |key| alias_by_key(conn, into, key))?;
    let quotes = ids_json(conn, "SELECT id FROM quotes WHERE speaker_id = ?1", from)?;
    let mentions = ids_json(conn, "SELECT id FROM mentions WHERE entity_id = ?1", from)?;
    conn.execute(
        "INSERT INTO entity_merges (into_id, from_id, from_name, from_kind, from_status,
            from_surname_key, aliases, quotes, mentions, merged_at, into_status, author)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            into,
            from,
            source.name,
            source.kind.as_str(),
            status,
            surname,
            serde_json::to_string(&moved)?,
            quotes,
            mentions,
            now(),
            into_status,
            super::audit::author(conn)?
        ],
    )?;
    let merge_id = conn.last_insert_rowid();
    let evidence = decisions::merged_evidence(&source.name);
    for alias in &from_aliases {
        add_alias(conn, into, &alias.alias, "user", 1.0, &evidence)?;
    }
    conn.execute(
        "UPDATE quotes SET speaker_id = ?1 WHERE speaker_id = ?2",
        [into, from],
    )?;
    conn.execute(
        "UPDATE mentions SET entity_id = ?1 WHERE entity_id = ?2",
        [into, from],
    )?;
    conn.execute(
        "UPDATE OR IGNORE event_entities SET entity_id = ?1 WHERE entity_id = ?2",
        [into, from],
    )?;
    conn.execute("DELETE FROM entities WHERE id = ?1", [from])?;
    conn.execute(
        "UPDATE entities SET status = 'confirmed' WHERE id = ?1",
        [into],
    )?;
    // The merged entity's quotes are now indexed under the surviving name.
    conn.execute(
        "INSERT INTO search_journal (unit)
         SELECT DISTINCT 'document:' || document_id FROM quotes WHERE speaker_id = ?1",
        [into],
    )?;
    Ok(merge_id)
}

/// A merge as recorded.
struct MergeRow {
    into: i64,
    from: i64,
    name: String,
    kind: String,
    status: String,
    surname: Option<String>,
    aliases: String,
    quotes: String,
    mentions: String,
    undone: bool,
    into_status: Option<String>,
}

fn merge_row(conn: &Connection, merge_id: i64) -> Result<Option<MergeRow>> {
    Ok(conn
        .query_row(
            "SELECT into_id, from_id, from_name, from_kind, from_status, from_surname_key,
                aliases, quotes, mentions, undone, into_status FROM entity_merges WHERE id = ?1",
            [merge_id],
            |r| {
                Ok(MergeRow {
                    into: r.get(0)?,
                    from: r.get(1)?,
                    name: r.get(2)?,
                    kind: r.get(3)?,
                    status: r.get(4)?,
                    surname: r.get(5)?,
                    aliases: r.get(6)?,
                    quotes: r.get(7)?,
                    mentions: r.get(8)?,
                    undone: r.get::<_, i64>(9)? != 0,
                    into_status: r.get(10)?,
                })
            },
        )
        .optional()?)
}

fn put_alias(conn: &Connection, id: i64, row: &AliasRow) -> Result<()> {
    add_alias(
        conn,
        id,
        &row.alias,
        &row.origin,
        row.confidence as f32,
        &row.evidence,
    )
}

/// Undoes a merge: the merged entity comes back with its id, aliases, quotes and mentions.
pub fn unmerge(conn: &Connection, merge_id: i64) -> Result<i64> {
    let Some(m) = merge_row(conn, merge_id)? else {
        return Err(Error::not_found(format!("no merge with id {merge_id}")));
    };
    if m.undone {
        return Err(Error::conflict(format!(
            "merge {merge_id} was already undone"
        )));
    }
    let (into, from) = (m.into, m.from);
    if summary(conn, from).is_ok() {
        return Err(Error::conflict(format!(
            "entity {from} exists again; merge {merge_id} cannot be undone"
        )));
    }
    conn.execute(
        "INSERT INTO entities (id, name, kind, status, surname_key, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![from, m.name, m.kind, m.status, m.surname, now()],
    )?;
    let moved: Vec<MovedAlias> = serde_json::from_str(&m.aliases)?;
    for (on_survivor, own) in decisions::undo_aliases(&moved) {
        match on_survivor {
            OnSurvivor::Remove(key) => {
                conn.execute(
                    "DELETE FROM entity_aliases WHERE entity_id = ?1 AND alias_key = ?2",
                    params![into, key],
                )?;
            }
            OnSurvivor::Restore(row) => put_alias(conn, into, &row)?,
            OnSurvivor::Keep => {}
        }
        put_alias(conn, from, &own)?;
    }
    let quotes: Vec<i64> = serde_json::from_str(&m.quotes)?;
    for id in quotes {
        conn.execute(
            "UPDATE quotes SET speaker_id = ?1 WHERE id = ?2 AND speaker_id = ?3",
            [from, id, into],
        )?;
    }
    let mentions: Vec<i64> = serde_json::from_str(&m.mentions)?;
    for id in mentions {
        conn.execute(
            "UPDATE mentions SET entity_id = ?1 WHERE id = ?2 AND entity_id = ?3",
            [from, id, into],
        )?;
    }
    if let Some(into_status) = m.into_status {
        conn.execute(
            "UPDATE entities SET status = ?2 WHERE id = ?1",
            params![into, into_status],
        )?;
    }
    conn.execute(
        "UPDATE entity_merges SET undone = 1 WHERE id = ?1",
        [merge_id],
    )?;
    conn.execute(
        "INSERT INTO search_journal (unit)
         SELECT DISTINCT 'document:' || document_id FROM quotes WHERE speaker_id IN (?1, ?2)",
        [into, from],
    )?;
    Ok(from)
}

/// Splits an alias off an entity into a new one: the alias, and the quotes and mentions that
/// use it, move to the new entity, which later extraction then finds by that alias.
pub fn split(conn: &Connection, id: i64, alias: &str) -> Result<i64> {
    let entity = summary(conn, id)?;
    let has_alias: bool = conn.query_row(
        "SELECT count(*) > 0 FROM entity_aliases WHERE entity_id = ?1 AND alias_key = ?2",
        params![id, fold_key(alias)],
        |r| r.get(0),
    )?;
    let key = decisions::check_split(&entity.name, alias, has_alias)?;
    conn.execute(
        &format!(
            "INSERT INTO entities (id, name, kind, status, surname_key, created_at)
             VALUES ({NEXT_ENTITY_ID}, ?1, ?2, 'confirmed', ?3, ?4)"
        ),
        params![
            alias.trim(),
            entity.kind.as_str(),
            (entity.kind == EntityKind::Person)
                .then(|| surname_key(alias))
                .flatten(),
            now()
        ],
    )?;
    let new_id = conn.last_insert_rowid();
    conn.execute(
        "DELETE FROM entity_aliases WHERE entity_id = ?1 AND alias_key = ?2",
        params![id, key],
    )?;
    add_alias(
        conn,
        new_id,
        alias.trim(),
        "user",
        1.0,
        &decisions::split_evidence(&entity.name),
    )?;
    let mut stmt = conn.prepare("SELECT id, surface FROM mentions WHERE entity_id = ?1")?;
    let moved: Vec<i64> = stmt
        .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(|r| r.ok())
        .filter(|(_, surface)| decisions::follows_split(&key, surface))
        .map(|(id, _)| id)
        .collect();
    for mention in moved {
        conn.execute(
            "UPDATE mentions SET entity_id = ?1 WHERE id = ?2",
            [new_id, mention],
        )?;
    }
    conn.execute(
        "UPDATE quotes SET speaker_id = ?1 WHERE speaker_id = ?2 AND speaker_name IS NOT NULL
            AND lower(speaker_name) = lower(?3)",
        params![new_id, id, alias.trim()],
    )?;
    conn.execute(
        "UPDATE entities SET status = 'confirmed' WHERE id = ?1",
        [id],
    )?;
    Ok(new_id)
}

#[cfg(test)]
#[path = "entities_tests.rs"]
mod tests;
