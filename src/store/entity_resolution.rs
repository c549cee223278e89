//! The rows entity resolution reads and writes during an import or a re-extraction: alias and
//! surname lookups through a cache that lives for one transaction, and the write of what
//! `entities::resolve` decided. Apart from `entities.rs` (a person's decisions and the entity
//! pages) because this is the import's hot path, measured by `bench_import`.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use super::entities::NEXT_ENTITY_ID;
use super::now;
use crate::entities::names::fold_key;
use crate::entities::resolve::{Lookup, Namesake, Resolution, Target};
use crate::entities::{DocEntity, EntityKind};
use crate::Result;

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
        "SELECT e.id, e.name, e.status = 'confirmed', coalesce(t.documents, 0)
         FROM entities e LEFT JOIN entity_tallies t ON t.entity_id = e.id
         WHERE e.kind = 'person' AND e.surname_key = ?1 ORDER BY e.id LIMIT 50",
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
            conn.prepare_cached(&format!(
                "INSERT INTO entities (id, name, kind, surname_key, created_at)
                 VALUES ({NEXT_ENTITY_ID}, ?1, ?2, ?3, ?4)"
            ))?
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
