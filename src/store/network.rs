//! The rows the network of people and organisations is computed from (issue 22): speakers
//! quoted in one document, defendants of one filing, a/k/a names two entities share, roles
//! mentions carry, every document's mentions in order with its text, and the documents a tag
//! or a date range allows. The counting and the sentence rule are `network`'s.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use crate::entities::EntityKind;
use crate::intervals;
use crate::model::{LinkKind, NetworkFilter};
use crate::network::{Entity, Link, Mention};
use crate::Result;

/// Every entity's name and kind.
pub fn entities(conn: &Connection) -> Result<HashMap<i64, Entity>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, kind FROM entities")?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(2)?;
        Ok((
            r.get::<_, i64>(0)?,
            Entity {
                name: r.get(1)?,
                kind: EntityKind::parse(&kind).unwrap_or(EntityKind::Person),
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The documents the filter's tag and date range allow, or None when it has neither.
pub fn allowed_documents(
    conn: &Connection,
    filter: &NetworkFilter,
) -> Result<Option<HashSet<i64>>> {
    if filter.tag.is_none() && filter.from.is_none() && filter.to.is_none() {
        return Ok(None);
    }
    let (from, to) = if filter.from.is_some() || filter.to.is_some() {
        intervals::range(filter.from.as_deref(), filter.to.as_deref())?
    } else {
        (i64::MIN, i64::MAX)
    };
    let dated = filter.from.is_some() || filter.to.is_some();
    let tag = match &filter.tag {
        Some(tag) => Some(super::event_tags::normalize(tag)?),
        None => None,
    };
    let mut stmt = conn.prepare_cached(
        "SELECT d.id FROM documents d
         WHERE (?1 IS NULL OR d.id IN (SELECT document_id FROM document_tags WHERE tag = ?1))
           AND (?2 = 0 OR (d.published_earliest < ?4 AND d.published_latest > ?3))",
    )?;
    let ids = stmt.query_map(params![tag, dated, from, to], |r| r.get(0))?;
    Ok(Some(ids.collect::<rusqlite::Result<_>>()?))
}

/// Pairs of speakers quoted in one document (a rejected quote has no speaker to count), each
/// at the first quote of the first of the two.
pub fn quoted_together(conn: &Connection, out: &mut Vec<Link>) -> Result<()> {
    pairs_in_documents(
        conn,
        "SELECT document_id, speaker_id, min(start), min(end) FROM quotes
         WHERE speaker_id IS NOT NULL AND status <> 'rejected'
         GROUP BY document_id, speaker_id",
        LinkKind::QuotedTogether,
        out,
    )
}

/// The defendants of every court filing: `(document, entity, start, end)` of the mention
/// where the caption names each (the legal structure keeps the caption's offsets, and the
/// filing's defendants were made entities with a mention there).
const DEFENDANTS: &str = "
    SELECT s.document_id AS document_id, m.entity_id AS entity_id,
           min(m.start) AS start, min(m.end) AS end
    FROM document_structure s, json_each(s.legal, '$.caption.defendants') d
    JOIN mentions m ON m.document_id = s.document_id
                   AND m.start = json_extract(d.value, '$.start')
    WHERE s.legal IS NOT NULL AND json_valid(s.legal)
    GROUP BY s.document_id, m.entity_id";

/// Pairs of defendants of one court filing, at the first's name in the caption.
pub fn co_defendants(conn: &Connection, out: &mut Vec<Link>) -> Result<()> {
    pairs_in_documents(conn, DEFENDANTS, LinkKind::CoDefendants, out)
}

/// Every pair of the entities `sql` lists per document (`document, entity, start, end`), as
/// links of `kind`. A document's entities are few (its speakers, its defendants), so the
/// pairs stay few.
fn pairs_in_documents(
    conn: &Connection,
    sql: &str,
    kind: LinkKind,
    out: &mut Vec<Link>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!("{sql} ORDER BY 1, 3"))?;
    let mut rows = stmt.query([])?;
    let mut doc = None;
    let mut members: Vec<Mention> = Vec::new();
    let flush = |doc: Option<i64>, members: &[Mention], out: &mut Vec<Link>| {
        let Some(doc) = doc else { return };
        for (i, &(x, start, end)) in members.iter().enumerate() {
            for &(y, _, _) in &members[i + 1..] {
                out.extend(Link::between(x, y, kind, doc, (start, end)));
            }
        }
    };
    while let Some(r) = rows.next()? {
        let d: i64 = r.get(0)?;
        if doc != Some(d) {
            flush(doc, &members, out);
            members.clear();
            doc = Some(d);
        }
        members.push((
            r.get(1)?,
            r.get::<_, i64>(2)? as usize,
            r.get::<_, i64>(3)? as usize,
        ));
    }
    flush(doc, &members, out);
    Ok(())
}

/// Pairs of entities that share a name a court filing gave as an a/k/a of one of them (the
/// alias joined the defendant, and the other entity was found under the same name), at the
/// defendant's name in the caption of the first filing that names it.
pub fn aka(conn: &Connection, out: &mut Vec<Link>) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "WITH defendants AS ({DEFENDANTS})
         SELECT a.entity_id, b.entity_id, f.document_id, f.start, f.end
         FROM entity_aliases a
         JOIN entity_aliases b ON b.alias_key = a.alias_key AND b.entity_id <> a.entity_id
         JOIN defendants f ON f.entity_id = a.entity_id
         WHERE a.evidence LIKE 'a/k/a%'
           AND f.document_id = (SELECT min(document_id) FROM defendants g
                                WHERE g.entity_id = a.entity_id)"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)? as usize,
            r.get::<_, i64>(4)? as usize,
        ))
    })?;
    for row in rows {
        let (x, y, doc, start, end) = row?;
        out.extend(Link::between(x, y, LinkKind::Aka, doc, (start, end)));
    }
    Ok(())
}

/// A mention with a role a source gives its entity there ("a spokesman for Acme").
pub struct RoleMention {
    pub entity: i64,
    pub doc: i64,
    pub start: usize,
    pub end: usize,
    pub role: String,
}

/// Mentions with a role other than "defendant", one per entity, document and role.
pub fn roles(conn: &Connection) -> Result<Vec<RoleMention>> {
    let mut stmt = conn.prepare_cached(
        "SELECT entity_id, document_id, min(start), min(end), role FROM mentions
         WHERE role IS NOT NULL AND role <> 'defendant'
         GROUP BY entity_id, document_id, role",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RoleMention {
            entity: r.get(0)?,
            doc: r.get(1)?,
            start: r.get::<_, i64>(2)? as usize,
            end: r.get::<_, i64>(3)? as usize,
            role: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The organisation an alias key names, when exactly one does.
pub fn organisation_by_key(conn: &Connection, key: &str) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
         WHERE a.alias_key = ?1 AND e.kind = 'organization' LIMIT 2",
    )?;
    let ids = stmt
        .query_map([key], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok((ids.len() == 1).then(|| ids[0]))
}

/// Each document with mentions of at least two entities: its id and its mentions
/// `(entity, start, end)` by start, handed to `each` in document order.
pub fn mentions_by_document(
    conn: &Connection,
    each: &mut dyn FnMut(i64, &[Mention]) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT document_id, entity_id, start, end FROM mentions
         WHERE document_id IN (SELECT document_id FROM mentions GROUP BY document_id
                               HAVING count(DISTINCT entity_id) > 1)
         ORDER BY document_id, start",
    )?;
    let mut rows = stmt.query([])?;
    let mut doc = None;
    let mut mentions = Vec::new();
    while let Some(r) = rows.next()? {
        let d: i64 = r.get(0)?;
        if doc != Some(d) {
            if let Some(doc) = doc {
                each(doc, &mentions)?;
            }
            mentions.clear();
            doc = Some(d);
        }
        mentions.push((
            r.get(1)?,
            r.get::<_, i64>(2)? as usize,
            r.get::<_, i64>(3)? as usize,
        ));
    }
    if let Some(doc) = doc {
        each(doc, &mentions)?;
    }
    Ok(())
}

/// A document's normalized text.
pub fn text(conn: &Connection, doc: i64) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT text FROM document_contents WHERE document_id = ?1")?
        .query_row([doc], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

/// Documents' titles and publication dates, for evidence.
pub fn titles(conn: &Connection, ids: &[i64]) -> Result<HashMap<i64, (String, Option<String>)>> {
    let mut stmt = conn.prepare_cached("SELECT title, published FROM documents WHERE id = ?1")?;
    let mut out = HashMap::new();
    for &id in ids {
        if let Some(row) = stmt
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
        {
            out.insert(id, row);
        }
    }
    Ok(out)
}
