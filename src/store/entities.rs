//! The `entities`, `entity_aliases`, `mentions` and `entity_merges` tables: one canonical
//! entity per real-world actor in the case, found again by any of its aliases.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use super::entity_lists::summary;
use super::now;
use crate::entities::decisions::{self, AliasRow, MovedAlias, OnSurvivor, Party};
use crate::entities::names::{fold_key, known_organisation, surname_key};
use crate::entities::resolve::{Lookup, Namesake, Resolution, Target};
use crate::entities::{DocEntity, EntityKind};
use crate::model::{AliasRecord, MentionRecord, RoleRecord};
use crate::{Error, Result};

/// The entity an alias key names, preferring a person's own decisions ('user' aliases); with
/// `user_only`, only by those.
pub fn by_alias(
    conn: &Connection,
    key: &str,
    kind: EntityKind,
    user_only: bool,
) -> Result<Option<i64>> {
    let sql = if user_only {
        "SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
         WHERE a.alias_key = ?1 AND e.kind = ?2 AND a.origin = 'user'
         ORDER BY a.confidence DESC, a.entity_id LIMIT 1"
    } else {
        "SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
         WHERE a.alias_key = ?1 AND e.kind = ?2
         ORDER BY a.origin = 'user' DESC, a.confidence DESC, a.entity_id LIMIT 1"
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row(params![key, kind.as_str()], |r| r.get(0))
        .optional()?)
}

/// The people whose surname key is `surname`, with how many documents name each (at most 50,
/// oldest first).
pub fn namesakes(conn: &Connection, surname: &str) -> Result<Vec<Namesake>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.name, e.status = 'confirmed',
            (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id)
         FROM entities e WHERE e.kind = 'person' AND e.surname_key = ?1 ORDER BY e.id LIMIT 50",
    )?;
    let rows = stmt.query_map([surname], |r| {
        Ok(Namesake {
            id: r.get(0)?,
            name: r.get(1)?,
            confirmed: r.get(2)?,
            documents: r.get::<_, i64>(3)? as usize,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// People's aliases whose folded key starts with `first` and a space (at most 50): entity,
/// alias, key.
pub fn aliases_with_first_name(
    conn: &Connection,
    first: &str,
) -> Result<Vec<(i64, String, String)>> {
    let (prefix, upper) = (format!("{first} "), format!("{first}!"));
    let mut stmt = conn.prepare_cached(
        "SELECT a.entity_id, a.alias, a.alias_key FROM entity_aliases a
         JOIN entities e ON e.id = a.entity_id
         WHERE a.alias_key >= ?1 AND a.alias_key < ?2 AND e.kind = 'person' LIMIT 50",
    )?;
    let rows = stmt.query_map([&prefix, &upper], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What a batch (an import, a re-extraction) has already looked up or written, so that an
/// actor named in thousands of documents costs one query, not thousands. It lives for one
/// transaction: after a failed document is rolled back it must be cleared.
#[derive(Default)]
pub struct ResolveCache {
    by_key: HashMap<(EntityKind, String), Option<i64>>,
    user_keys: HashMap<String, Option<i64>>,
    aliases: HashSet<(i64, String)>,
    /// Aliases whose evidence this batch has already set to a link across documents.
    links: HashSet<(i64, String)>,
    /// People by surname, kept up to date as the batch links documents to them.
    namesakes: HashMap<String, Vec<Namesake>>,
}

impl ResolveCache {
    pub fn clear(&mut self) {
        self.by_key.clear();
        self.user_keys.clear();
        self.aliases.clear();
        self.links.clear();
        self.namesakes.clear();
    }
}

/// The case's rows as resolution reads them, through the batch's cache.
pub struct Rows<'a> {
    pub conn: &'a Connection,
    pub cache: &'a mut ResolveCache,
}

impl Lookup for Rows<'_> {
    fn by_alias(&mut self, key: &str, kind: EntityKind, user_only: bool) -> Result<Option<i64>> {
        if user_only {
            if let Some(found) = self.cache.user_keys.get(key) {
                return Ok(*found);
            }
            let found = by_alias(self.conn, key, kind, true)?;
            self.cache.user_keys.insert(key.to_string(), found);
            return Ok(found);
        }
        let entry = (kind, key.to_string());
        if let Some(found) = self.cache.by_key.get(&entry) {
            return Ok(*found);
        }
        let found = by_alias(self.conn, key, kind, false)?;
        self.cache.by_key.insert(entry, found);
        Ok(found)
    }

    fn namesakes(&mut self, surname: &str) -> Result<Vec<Namesake>> {
        if let Some(found) = self.cache.namesakes.get(surname) {
            return Ok(found.clone());
        }
        let found = namesakes(self.conn, surname)?;
        self.cache
            .namesakes
            .insert(surname.to_string(), found.clone());
        Ok(found)
    }

    fn same_first_name(&mut self, first: &str) -> Result<Vec<(i64, String, String)>> {
        aliases_with_first_name(self.conn, first)
    }
}

/// Writes what resolution decided for one document's actor: the entity if new (or its full
/// name when it was known only by surname) and its aliases. Returns the entity's id.
pub fn write_resolution(
    conn: &Connection,
    resolution: &Resolution,
    cache: &mut ResolveCache,
) -> Result<i64> {
    let id = match resolution.target {
        Target::Existing(id) => {
            if resolution.rename {
                conn.prepare_cached(
                    "UPDATE entities SET name = ?2, surname_key = ?3 WHERE id = ?1
                        AND status = 'auto'",
                )?
                .execute(params![id, resolution.name, resolution.surname])?;
            }
            id
        }
        Target::New => {
            // Past every id a merge took away, so that undoing the merge can give it back.
            conn.prepare_cached(
                "INSERT INTO entities (id, name, kind, surname_key, created_at)
                 VALUES (max(coalesce((SELECT max(id) FROM entities), 0),
                             coalesce((SELECT max(from_id) FROM entity_merges), 0)) + 1,
                         ?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                resolution.name,
                resolution.kind.as_str(),
                resolution.surname,
                now()
            ])?;
            conn.last_insert_rowid()
        }
    };
    // The batch's view of this surname's people follows the write: one more document for
    // this entity, a new person, or the full name it now has.
    if let Some(surname) = &resolution.surname {
        if let Some(people) = cache.namesakes.get_mut(surname) {
            match people.iter_mut().find(|p| p.id == id) {
                Some(p) => {
                    p.documents += 1;
                    if resolution.rename {
                        p.name = resolution.name.clone();
                    }
                }
                None => people.push(Namesake {
                    id,
                    name: resolution.name.clone(),
                    confirmed: false,
                    documents: 1,
                }),
            }
        }
    }
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_key, origin, confidence,
            evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    // The alias that linked this document to an entity found by similarity carries why, even
    // when an earlier document recorded the same spelling for a reason of its own (a surname
    // within that document): across documents the link is what a person needs to check.
    let mut link = conn.prepare_cached(
        "INSERT INTO entity_aliases (entity_id, alias, alias_key, origin, confidence, evidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (entity_id, alias_key) DO UPDATE SET evidence = excluded.evidence,
            confidence = min(confidence, excluded.confidence), origin = excluded.origin
         WHERE origin <> 'user'",
    )?;
    let linked = matches!(resolution.target, Target::Existing(_));
    for (i, alias) in resolution.aliases.iter().enumerate() {
        let key = fold_key(&alias.surface);
        if alias.findable {
            cache
                .by_key
                .insert((resolution.kind, key.clone()), Some(id));
        }
        let is_link = i == 0 && linked && alias.origin == "variant";
        let first_time = if is_link {
            cache.aliases.insert((id, key.clone()));
            cache.links.insert((id, key.clone()))
        } else {
            cache.aliases.insert((id, key.clone()))
        };
        if first_time {
            let statement = if is_link { &mut link } else { &mut insert };
            statement.execute(params![
                id,
                alias.surface,
                key,
                alias.origin,
                alias.confidence,
                alias.evidence
            ])?;
        }
    }
    Ok(id)
}

/// The case entity a document's actor is, found or created (see `entities::resolve` for the
/// rules), with its aliases recorded.
pub fn resolve(
    conn: &Connection,
    entity: &DocEntity,
    doc_id: i64,
    cache: &mut ResolveCache,
) -> Result<i64> {
    let resolution = crate::entities::resolve::resolve(&mut Rows { conn, cache }, entity, doc_id)?;
    write_resolution(conn, &resolution, cache)
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
            from_surname_key, aliases, quotes, mentions, merged_at, into_status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
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
            into_status
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
        "INSERT INTO entities (id, name, kind, status, surname_key, created_at)
         VALUES (max(coalesce((SELECT max(id) FROM entities), 0),
                     coalesce((SELECT max(from_id) FROM entity_merges), 0)) + 1,
                 ?1, ?2, 'confirmed', ?3, ?4)",
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
