//! The whole timeline in columns for the app's axis: one statement, one row per event, with
//! its first entity, its first source's document and whether its sources disagree.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use crate::intervals;
use crate::model::{ReviewStatus, TimelinePoints, TimelineQuery};
use crate::{Error, Result};

/// Titles longer than this are cut: the axis lists them, and a click shows the whole event.
const TITLE_CHARS: usize = 160;

/// The (shortened) titles of events `ids`, in that order; an unknown id is an error.
pub fn titles(conn: &Connection, ids: &[i64]) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT substr(title, 1, {TITLE_CHARS}) FROM events WHERE id = ?1"
    ))?;
    ids.iter()
        .map(|id| {
            stmt.query_row([id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| Error::not_found(format!("no event with id {id}")))
        })
        .collect()
}

pub fn points(conn: &Connection, query: &TimelineQuery) -> Result<TimelinePoints> {
    let (from, to) = intervals::range(query.from.as_deref(), query.to.as_deref())?;
    let mut filter = String::from("e.earliest < ?2 AND e.latest > ?1");
    let mut args: Vec<rusqlite::types::Value> = vec![from.into(), to.into()];
    super::events::push_range_and_filters(conn, query, &mut filter, &mut args)?;
    args.push(query.limit.map_or(-1, |l| l as i64).into());
    // Sources disagree when their intervals do not all overlap; for intervals that is exactly
    // when the latest start is not before the earliest end (Helly's theorem on a line).
    let sql = format!(
        "SELECT e.id, e.earliest, e.latest, e.kind, e.status, NULL,
            (SELECT count(*) > 1 AND max(s.earliest) >= min(s.latest)
               FROM event_sources s WHERE s.event_id = e.id),
            (SELECT min(n.name) FROM event_entities x JOIN entities n ON n.id = x.entity_id
               WHERE x.event_id = e.id),
            (SELECT s.document_id FROM event_sources s WHERE s.event_id = e.id
               ORDER BY s.id LIMIT 1)
         FROM events e WHERE {filter}
         ORDER BY e.earliest, e.latest, e.id LIMIT ?{}",
        args.len()
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    let mut out = TimelinePoints::default();
    let mut entity_index: HashMap<String, i32> = HashMap::new();
    let mut doc_index: HashMap<i64, i32> = HashMap::new();
    while let Some(r) = rows.next()? {
        out.id.push(r.get(0)?);
        out.start.push(r.get(1)?);
        out.end.push(r.get(2)?);
        let kind: String = r.get(3)?;
        out.kind.push(match kind.as_str() {
            "publication" => 0,
            "extracted" => 1,
            _ => 2,
        });
        let status: String = r.get(4)?;
        out.status.push(
            match ReviewStatus::parse(&status).unwrap_or(ReviewStatus::Auto) {
                ReviewStatus::Auto => 0,
                ReviewStatus::Confirmed => 1,
                ReviewStatus::Rejected => 2,
                ReviewStatus::Edited => 3,
            },
        );
        out.conflict
            .push(r.get::<_, Option<bool>>(6)?.unwrap_or(false));
        let entity = match r.get::<_, Option<String>>(7)? {
            Some(name) => {
                let next = entity_index.len() as i32;
                *entity_index.entry(name.clone()).or_insert_with(|| {
                    out.entities.push(name);
                    next
                })
            }
            None => -1,
        };
        out.entity.push(entity);
        let source = match r.get::<_, Option<i64>>(8)? {
            Some(doc) => {
                let next = doc_index.len() as i32;
                *doc_index.entry(doc).or_insert_with(|| {
                    out.document_ids.push(doc);
                    next
                })
            }
            None => -1,
        };
        out.source.push(source);
    }
    drop(rows);
    drop(stmt);
    let mut titles = conn.prepare_cached("SELECT title FROM documents WHERE id = ?1")?;
    for id in &out.document_ids {
        out.documents.push(titles.query_row([id], |r| r.get(0))?);
    }
    Ok(out)
}
