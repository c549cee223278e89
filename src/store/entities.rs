//! The `entities`, `entity_aliases`, `mentions` and `entity_merges` tables: one canonical
//! entity per real-world actor in the case, found again by any of its aliases.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use super::entity_lists::summary;
use super::now;
use crate::entities::names::{
    compatible_given_names, fold_key, is_spelling_variant, known_organisation,
    known_organisation_by_key, same_given_name, surname_key, surname_of_key,
};
use crate::entities::{DocEntity, EntityKind};
use crate::model::{AliasRecord, MentionRecord, RoleRecord};
use crate::{Error, Result};

/// The entity an alias key names, preferring a person's own decisions ('user' aliases).
fn by_alias(conn: &Connection, key: &str, kind: EntityKind) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
             WHERE a.alias_key = ?1 AND e.kind = ?2
             ORDER BY a.origin = 'user' DESC, a.confidence DESC, a.entity_id LIMIT 1",
        )?
        .query_row(params![key, kind.as_str()], |r| r.get(0))
        .optional()?)
}

/// A person already in the case that `name` (a full name) is taken to be, with the evidence:
/// the same surname with a compatible first name, or the same first name with a surname one
/// letter off.
fn similar_person(conn: &Connection, name: &str) -> Result<Option<(i64, f32, String)>> {
    let key = fold_key(name);
    let words: Vec<&str> = key.split(' ').collect();
    let (Some(first), Some(surname)) = (words.first(), surname_key(name)) else {
        return Ok(None);
    };
    if words.len() < 2 {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM entities WHERE kind = 'person' AND surname_key = ?1 LIMIT 20",
    )?;
    let same_surname: Vec<(i64, String)> = stmt
        .query_map([&surname], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, other) in same_surname {
        let other_key = fold_key(&other);
        let other_first = other_key.split(' ').next().unwrap_or("");
        // The same first name (or an initial of it) or the same name transliterated
        // ("Peter" and "Pyotr"); a middle name or patronymic given by only one of them is
        // no obstacle, two different ones are.
        if compatible_given_names(&key, &other_key) {
            let evidence = if other_first == *first {
                format!("same first name and surname as {other}")
            } else if same_given_name(first, other_first) {
                format!("same surname as {other}, first name spelt differently")
            } else {
                format!("same surname as {other}, first name as an initial")
            };
            return Ok(Some((id, 0.85, evidence)));
        }
    }
    // The same first name and a surname one letter off: "Pyotr Levishov" is "Pyotr Levashov".
    let prefix = format!("{first} ");
    let upper = format!("{first}!");
    // The stored key is the alias folded, so its surname is read from the key rather than by
    // folding each of these fifty names again.
    let mut stmt = conn.prepare_cached(
        "SELECT a.entity_id, a.alias, a.alias_key FROM entity_aliases a
         JOIN entities e ON e.id = a.entity_id
         WHERE a.alias_key >= ?1 AND a.alias_key < ?2 AND e.kind = 'person' LIMIT 50",
    )?;
    let same_first: Vec<(i64, String, String)> = stmt
        .query_map([&prefix, &upper], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, alias, alias_key) in same_first {
        if let Some(other_surname) = surname_of_key(&alias_key) {
            if is_spelling_variant(&surname, other_surname) {
                return Ok(Some((
                    id,
                    0.7,
                    format!("spelling variant of {alias} (one letter differs)"),
                )));
            }
        }
    }
    Ok(None)
}

/// What a batch (an import, a re-extraction) has already looked up or written, so that an
/// actor named in thousands of documents costs one query, not thousands. It lives for one
/// transaction: after a failed document is rolled back it must be cleared.
#[derive(Default)]
pub struct ResolveCache {
    by_key: HashMap<(EntityKind, String), Option<i64>>,
    aliases: HashSet<(i64, String)>,
}

impl ResolveCache {
    pub fn clear(&mut self) {
        self.by_key.clear();
        self.aliases.clear();
    }
}

fn cached_by_alias(
    conn: &Connection,
    cache: &mut ResolveCache,
    key: String,
    kind: EntityKind,
) -> Result<Option<i64>> {
    if let Some(found) = cache.by_key.get(&(kind, key.clone())) {
        return Ok(*found);
    }
    let found = by_alias(conn, &key, kind)?;
    cache.by_key.insert((kind, key), found);
    Ok(found)
}

/// The case entity a document's actor is: found by any of its aliases, else by similarity,
/// else created. Its aliases are recorded with their confidence and evidence.
pub fn resolve(
    conn: &Connection,
    entity: &DocEntity,
    doc_id: i64,
    cache: &mut ResolveCache,
) -> Result<i64> {
    let mut found = None;
    let mut names: Vec<&str> = vec![entity.name.as_str()];
    names.extend(entity.aliases.iter().map(|a| a.surface.as_str()));
    for name in &names {
        // A bare surname is only an alias within its own document, never a key across the case.
        if entity.kind == EntityKind::Person && !name.contains(' ') && names.len() > 1 {
            continue;
        }
        let key = fold_key(name);
        let canonical = match entity.kind {
            EntityKind::Organization => known_organisation_by_key(&key),
            EntityKind::Person => None,
        };
        if let Some(id) = cached_by_alias(conn, cache, key, entity.kind)? {
            found = Some((id, None));
            break;
        }
        if entity.kind == EntityKind::Organization {
            if let Some(canonical) = canonical {
                if let Some(id) = cached_by_alias(conn, cache, fold_key(canonical), entity.kind)? {
                    found = Some((id, None));
                    break;
                }
            }
        }
    }
    if found.is_none() && entity.kind == EntityKind::Person {
        if let Some((id, confidence, evidence)) = similar_person(conn, &entity.name)? {
            found = Some((id, Some((confidence, evidence))));
        }
    }
    let id = match found {
        Some((id, _)) => id,
        None => {
            let surname = match entity.kind {
                EntityKind::Person => surname_key(&entity.name),
                EntityKind::Organization => None,
            };
            conn.prepare_cached(
                "INSERT INTO entities (name, kind, surname_key, created_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![entity.name, entity.kind.as_str(), surname, now()])?;
            conn.last_insert_rowid()
        }
    };
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_key, origin, confidence,
            evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    // `findable` aliases become keys later documents resolve by without asking the database;
    // a bare surname is evidence within its own document only, recorded for people to see.
    let mut record =
        |surface: &str, origin: &str, confidence: f32, evidence: String, findable: bool| {
            let key = fold_key(surface);
            if findable {
                cache.by_key.insert((entity.kind, key.clone()), Some(id));
            }
            if cache.aliases.insert((id, key.clone())) {
                insert.execute(params![id, surface, key, origin, confidence, evidence])?;
            }
            Ok::<(), Error>(())
        };
    if let Some((_, Some((confidence, evidence)))) = &found {
        record(
            &entity.name,
            "variant",
            *confidence,
            format!("{evidence} (document {doc_id})"),
            true,
        )?;
    } else {
        record(
            &entity.name,
            "extracted",
            1.0,
            "canonical name".to_string(),
            true,
        )?;
    }
    for alias in &entity.aliases {
        let origin = if alias.confidence < 1.0 {
            "variant"
        } else {
            "extracted"
        };
        let findable = entity.kind == EntityKind::Organization || alias.surface.contains(' ');
        record(
            &alias.surface,
            origin,
            alias.confidence,
            format!("{} (document {doc_id})", alias.evidence),
            findable,
        )?;
    }
    Ok(id)
}

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

pub fn mentions(conn: &Connection, id: i64) -> Result<Vec<MentionRecord>> {
    let mut stmt = conn.prepare(
        "SELECT document_id, start, end, surface, role FROM mentions WHERE entity_id = ?1
         ORDER BY document_id, start",
    )?;
    let rows = stmt.query_map([id], |r| {
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

/// Every role sources give the entity, in the order the sources were published.
pub fn roles(conn: &Connection, id: i64) -> Result<Vec<RoleRecord>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT x.role, d.id, d.title, d.published, d.published_earliest FROM (
            SELECT role, document_id FROM mentions WHERE entity_id = ?1 AND role IS NOT NULL
            UNION SELECT role, document_id FROM quotes
                WHERE speaker_id = ?1 AND role IS NOT NULL AND status <> 'rejected'
         ) x JOIN documents d ON d.id = x.document_id
         ORDER BY d.published_earliest IS NULL, d.published_earliest, d.id, x.role",
    )?;
    let rows = stmt.query_map([id], |r| {
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

/// Merges entity `from` into `into`: its aliases, quotes and mentions move, and the merge is
/// recorded so that `unmerge` can put everything back. Returns the merge's id.
pub fn merge(conn: &Connection, into: i64, from: i64) -> Result<i64> {
    if into == from {
        return Err(Error::invalid_input("cannot merge an entity into itself"));
    }
    let target = summary(conn, into)?;
    let source = summary(conn, from)?;
    if target.kind != source.kind {
        return Err(Error::conflict(format!(
            "{} is a {} and {} is a {}; only entities of one kind can be merged",
            target.name,
            target.kind.as_str(),
            source.name,
            source.kind.as_str()
        )));
    }
    let (status, surname): (String, Option<String>) = conn.query_row(
        "SELECT status, surname_key FROM entities WHERE id = ?1",
        [from],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let into_status: String =
        conn.query_row("SELECT status FROM entities WHERE id = ?1", [into], |r| {
            r.get(0)
        })?;
    // Each moved alias notes whether the surviving entity lacked it, so an undo removes
    // exactly the aliases the merge added.
    let from_aliases = aliases(conn, from)?;
    let moved: Vec<serde_json::Value> = from_aliases
        .iter()
        .map(|a| -> Result<serde_json::Value> {
            // The surviving entity's own alias of that spelling, which the merge overwrites
            // with "merged by a person" and an undo must put back as it was.
            let had: Option<(String, String, f64, String)> = conn
                .query_row(
                    "SELECT alias, origin, confidence, evidence FROM entity_aliases
                     WHERE entity_id = ?1 AND alias_key = ?2",
                    params![into, fold_key(&a.alias)],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let mut entry = serde_json::json!({
                "alias": a.alias, "origin": a.origin, "confidence": a.confidence,
                "evidence": a.evidence, "added": had.is_none(),
            });
            if let Some((alias, origin, confidence, evidence)) = had {
                entry["into_alias"] = serde_json::json!({
                    "alias": alias, "origin": origin, "confidence": confidence,
                    "evidence": evidence,
                });
            }
            Ok(entry)
        })
        .collect::<Result<_>>()?;
    let aliases = serde_json::to_string(&moved)?;
    let ids = |sql: &str| -> Result<String> {
        let mut stmt = conn.prepare(sql)?;
        let ids: Vec<i64> = stmt
            .query_map([from], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(serde_json::to_string(&ids)?)
    };
    let quotes = ids("SELECT id FROM quotes WHERE speaker_id = ?1")?;
    let mentions = ids("SELECT id FROM mentions WHERE entity_id = ?1")?;
    conn.execute(
        "INSERT INTO entity_merges (into_id, from_id, from_name, from_kind, from_status,
            from_surname_key, aliases, quotes, mentions, merged_at, into_status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            into,
            from,
            source.name,
            source.kind.as_str(),
            status,
            surname,
            aliases,
            quotes,
            mentions,
            now(),
            into_status
        ],
    )?;
    let merge_id = conn.last_insert_rowid();
    for alias in &from_aliases {
        add_alias(
            conn,
            into,
            &alias.alias,
            "user",
            1.0,
            &format!("merged by a person from {}", source.name),
        )?;
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

/// Undoes a merge: the merged entity comes back with its id, aliases, quotes and mentions.
pub fn unmerge(conn: &Connection, merge_id: i64) -> Result<i64> {
    type Row = (
        i64,
        i64,
        String,
        String,
        String,
        Option<String>,
        String,
        String,
        String,
        i64,
        Option<String>,
    );
    let row: Option<Row> = conn
        .query_row(
            "SELECT into_id, from_id, from_name, from_kind, from_status, from_surname_key,
                aliases, quotes, mentions, undone, into_status FROM entity_merges WHERE id = ?1",
            [merge_id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                ))
            },
        )
        .optional()?;
    let Some((
        into,
        from,
        name,
        kind,
        status,
        surname,
        aliases,
        quotes,
        mentions,
        undone,
        into_status,
    )) = row
    else {
        return Err(Error::not_found(format!("no merge with id {merge_id}")));
    };
    if undone != 0 {
        return Err(Error::conflict(format!(
            "merge {merge_id} was already undone"
        )));
    }
    if summary(conn, from).is_ok() {
        return Err(Error::conflict(format!(
            "entity {from} exists again; merge {merge_id} cannot be undone"
        )));
    }
    conn.execute(
        "INSERT INTO entities (id, name, kind, status, surname_key, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![from, name, kind, status, surname, now()],
    )?;
    let aliases: Vec<serde_json::Value> = serde_json::from_str(&aliases)?;
    for alias in aliases {
        let text = alias["alias"].as_str().unwrap_or_default();
        if alias["added"].as_bool().unwrap_or(false) {
            conn.execute(
                "DELETE FROM entity_aliases WHERE entity_id = ?1 AND alias_key = ?2",
                params![into, fold_key(text)],
            )?;
        } else if let Some(own) = alias.get("into_alias") {
            // The surviving entity had this alias before: it gets back its own origin and
            // evidence instead of keeping "merged by a person".
            add_alias(
                conn,
                into,
                own["alias"].as_str().unwrap_or(text),
                own["origin"].as_str().unwrap_or("user"),
                own["confidence"].as_f64().unwrap_or(1.0) as f32,
                own["evidence"].as_str().unwrap_or_default(),
            )?;
        }
        add_alias(
            conn,
            from,
            text,
            alias["origin"].as_str().unwrap_or("user"),
            alias["confidence"].as_f64().unwrap_or(1.0) as f32,
            alias["evidence"].as_str().unwrap_or_default(),
        )?;
    }
    let quotes: Vec<i64> = serde_json::from_str(&quotes)?;
    for id in quotes {
        conn.execute(
            "UPDATE quotes SET speaker_id = ?1 WHERE id = ?2 AND speaker_id = ?3",
            [from, id, into],
        )?;
    }
    let mentions: Vec<i64> = serde_json::from_str(&mentions)?;
    for id in mentions {
        conn.execute(
            "UPDATE mentions SET entity_id = ?1 WHERE id = ?2 AND entity_id = ?3",
            [from, id, into],
        )?;
    }
    if let Some(into_status) = into_status {
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
    let key = fold_key(alias);
    let exists: bool = conn.query_row(
        "SELECT count(*) > 0 FROM entity_aliases WHERE entity_id = ?1 AND alias_key = ?2",
        params![id, key],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(Error::not_found(format!(
            "{} has no alias '{alias}'",
            entity.name
        )));
    }
    if fold_key(&entity.name) == key {
        return Err(Error::invalid_input(format!(
            "'{alias}' is {}'s own name; rename the entity first or split off another alias",
            entity.name
        )));
    }
    conn.execute(
        "INSERT INTO entities (name, kind, status, surname_key, created_at)
         VALUES (?1, ?2, 'confirmed', ?3, ?4)",
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
        &format!("split by a person from {}", entity.name),
    )?;
    let mut stmt = conn.prepare("SELECT id, surface FROM mentions WHERE entity_id = ?1")?;
    let moved: Vec<i64> = stmt
        .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(|r| r.ok())
        .filter(|(_, surface)| fold_key(surface) == key)
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
