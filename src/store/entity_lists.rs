//! Reading entities as lists: one entity's summary, and pages of them filtered by name, kind
//! and whether they are quoted. Writing (resolution, merges, splits) is in `entities`.

use rusqlite::{params_from_iter, types::Value, Connection, OptionalExtension};

use crate::entities::names::fold_key;
use crate::entities::EntityKind;
use crate::model::{EntityFilter, EntityPage, EntitySummary};
use crate::{Error, Result};

/// An entity's aliases other than its name, for a summary. Evaluated only for the rows that
/// are returned: on a 23k-article case, doing it for all 40,000 entities is most of the cost.
const ALIASES: &str = "(SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases
    WHERE entity_id = e.id AND alias <> e.name ORDER BY alias))";

fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EntitySummary> {
    let kind: String = r.get(2)?;
    let aliases: String = r.get(4)?;
    Ok(EntitySummary {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: EntityKind::parse(&kind).unwrap_or(EntityKind::Person),
        status: r.get(3)?,
        aliases: serde_json::from_str(&aliases).unwrap_or_default(),
        quote_count: r.get::<_, i64>(5)? as usize,
        mention_count: r.get::<_, i64>(6)? as usize,
    })
}

pub fn summary(conn: &Connection, id: i64) -> Result<EntitySummary> {
    let sql = format!(
        "SELECT e.id, e.name, e.kind, e.status, {ALIASES},
            (SELECT count(*) FROM quotes q WHERE q.speaker_id = e.id AND q.status <> 'rejected'),
            (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)
         FROM entities e WHERE e.id = ?1"
    );
    conn.query_row(&sql, [id], summary_row)
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no entity with id {id}")))
}

/// Every entity with quotes or mentions, most quoted first.
pub fn list(conn: &Connection) -> Result<Vec<EntitySummary>> {
    Ok(page(conn, &EntityFilter::default())?.entities)
}

/// The entities `filter` selects, most quoted then most mentioned first, with their number.
/// Quotes and mentions are read from `entity_tallies` (migration 0029), which triggers keep
/// exact, so ranking the entities reads one row each instead of every quote and mention.
pub fn page(conn: &Connection, filter: &EntityFilter) -> Result<EntityPage> {
    let mut conditions = vec!["(t.quotes > 0 OR t.mentions > 0)".to_string()];
    let mut values: Vec<Value> = Vec::new();
    if let Some(find) = filter
        .find
        .as_deref()
        .map(fold_key)
        .filter(|k| !k.is_empty())
    {
        // A folded key holds only letters, digits and spaces, so it has no LIKE wildcards.
        values.push(Value::Text(format!("%{find}%")));
        conditions.push(format!(
            "e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key LIKE ?{})",
            values.len()
        ));
    }
    if let Some(kind) = filter.kind {
        values.push(Value::Text(kind.as_str().to_string()));
        conditions.push(format!("e.kind = ?{}", values.len()));
    }
    if filter.quoted {
        conditions.push("t.quotes > 0".to_string());
    }
    let limit = filter.limit.map_or(-1, |n| n as i64);
    let offset = filter.offset.unwrap_or(0) as i64;
    values.push(Value::Integer(limit));
    values.push(Value::Integer(offset));
    let sql = format!(
        "WITH listed AS (
                SELECT e.id, t.quotes, t.mentions, count(*) OVER () AS total
                FROM entity_tallies t JOIN entities e ON e.id = t.entity_id
                WHERE {}
                ORDER BY quotes DESC, mentions DESC, e.name, e.id
                LIMIT ?{} OFFSET ?{})
         SELECT e.id, e.name, e.kind, e.status, {ALIASES}, l.quotes, l.mentions, l.total
         FROM listed l JOIN entities e ON e.id = l.id
         ORDER BY l.quotes DESC, l.mentions DESC, e.name, e.id",
        conditions.join(" AND "),
        values.len() - 1,
        values.len(),
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut total = None;
    let entities = stmt
        .query_map(params_from_iter(values.iter()), |r| {
            total = Some(r.get::<_, i64>(7)? as usize);
            summary_row(r)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total = match total {
        Some(total) => total,
        // An empty page (past the end, or of no rows) has no row to carry the count; ask for
        // the first row instead.
        None if offset > 0 || filter.limit == Some(0) => {
            page(
                conn,
                &EntityFilter {
                    offset: Some(0),
                    limit: Some(1),
                    ..filter.clone()
                },
            )?
            .total
        }
        None => 0,
    };
    Ok(EntityPage { total, entities })
}
