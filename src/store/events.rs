//! The `events`, `event_sources` and `event_entities` tables: the timeline.

use rusqlite::{params, Connection, OptionalExtension};

use super::now;
use crate::intervals::{self, Interval};
use crate::model::{EventKind, EventRecord, EventSource, ReviewStatus, TimelineQuery};
use crate::{Error, Result};

/// A source span of a new event, with the date that source gives it.
pub struct NewSource<'a> {
    pub doc_id: i64,
    pub start: usize,
    pub end: usize,
    pub date_text: Option<&'a str>,
    pub date_span: Option<(usize, usize)>,
    pub interval: &'a Interval,
}

pub fn insert(
    conn: &Connection,
    kind: EventKind,
    title: &str,
    description: &str,
    interval: &Interval,
    status: ReviewStatus,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO events (kind, title, description, value, earliest, latest, precision,
            status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        kind.as_str(),
        title,
        description,
        interval.value,
        interval.earliest,
        interval.latest,
        interval.precision,
        status.as_str(),
        now()
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn add_source(conn: &Connection, event_id: i64, source: &NewSource<'_>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO event_sources (event_id, document_id, start, end, date_text, date_start,
            date_end, value, earliest, latest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        event_id,
        source.doc_id,
        source.start as i64,
        source.end as i64,
        source.date_text,
        source.date_span.map(|s| s.0 as i64),
        source.date_span.map(|s| s.1 as i64),
        source.interval.value,
        source.interval.earliest,
        source.interval.latest,
    ])?;
    Ok(())
}

pub fn add_entity(conn: &Connection, event_id: i64, entity_id: i64) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO event_entities VALUES (?1, ?2)")?
        .execute([event_id, entity_id])?;
    Ok(())
}

/// Removes the unreviewed events extracted from a document before extraction runs again, and
/// returns the (sentence start, date start) of the reviewed ones, which stay. An event a note
/// cites or a person tagged counts as reviewed: both are a person's decisions about it.
pub fn clear_unreviewed(conn: &Connection, doc_id: i64) -> Result<Vec<(usize, Option<usize>)>> {
    conn.prepare_cached(
        "DELETE FROM events WHERE status = 'auto' AND kind IN ('publication', 'extracted')
            AND id IN (SELECT event_id FROM event_sources WHERE document_id = ?1)
            AND id NOT IN (SELECT target_id FROM note_citations WHERE kind = 'event')
            AND id NOT IN (SELECT event_id FROM event_tags)",
    )?
    .execute([doc_id])?;
    let mut stmt =
        conn.prepare_cached("SELECT start, date_start FROM event_sources WHERE document_id = ?1")?;
    let rows = stmt.query_map([doc_id], |r| {
        Ok((
            r.get::<_, i64>(0)? as usize,
            r.get::<_, Option<i64>>(1)?.map(|v| v as usize),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The longest an event can be and still be found by the tight range on its start: a year
/// and two months, so that every day, week, month, quarter and year is "short". It must match
/// the `is_long` column of migrations/0005_event_spans.sql.
const SHORT: i64 = 36_892_800;

/// Events matching `query`, oldest first (by start, then by end so a day sorts before the
/// month around it), each with its sources, entities and conflict flag.
pub fn list(conn: &Connection, query: &TimelineQuery) -> Result<Vec<EventRecord>> {
    select(conn, query, None)
}

/// The status, kind, entity and tag conditions of a timeline query, shared by the full timeline and
/// the app's lean columns (`timeline_points`) so that both always select the same events.
pub(super) fn push_filters(
    conn: &Connection,
    query: &TimelineQuery,
    filter: &mut String,
    args: &mut Vec<rusqlite::types::Value>,
) -> Result<()> {
    match query.status {
        Some(status) => {
            args.push(status.as_str().to_string().into());
            filter.push_str(&format!(" AND e.status = ?{}", args.len()));
        }
        None => filter.push_str(" AND e.status <> 'rejected'"),
    }
    if let Some(kind) = query.kind {
        args.push(kind.as_str().to_string().into());
        filter.push_str(&format!(" AND e.kind = ?{}", args.len()));
    }
    if let Some(name) = &query.entity {
        let Some(entity) = super::entities::find_by_name(conn, name)? else {
            return Err(Error::not_found(format!(
                "no person or organisation named '{name}'"
            )));
        };
        args.push(entity.into());
        filter.push_str(&format!(
            " AND e.id IN (SELECT event_id FROM event_entities WHERE entity_id = ?{})",
            args.len()
        ));
    }
    if let Some(longest) = query.longest {
        args.push(longest.into());
        filter.push_str(&format!(" AND e.latest - e.earliest <= ?{}", args.len()));
    }
    if let Some(tag) = &query.tag {
        args.push(super::event_tags::normalize(tag)?.into());
        filter.push_str(&format!(
            " AND e.id IN (SELECT event_id FROM event_tags WHERE tag = ?{})",
            args.len()
        ));
    }
    Ok(())
}

/// `push_filters` after a range condition already in `filter` (the range's start as `?1`):
/// with a `from`, short events are looked up by a tight range on their start (see `SHORT`),
/// so reading a window of a 3.8M-event timeline does not scan every event before it.
pub(super) fn push_range_and_filters(
    conn: &Connection,
    query: &TimelineQuery,
    filter: &mut String,
    args: &mut Vec<rusqlite::types::Value>,
) -> Result<()> {
    // Short events overlapping the range start at most SHORT before it; long ones are few
    // (migrations/0005_event_spans.sql). SQLite answers the OR with two index ranges. One
    // person's events are fewer still, and so are a tag's, so with an entity or a tag that
    // filter leads instead.
    if query.from.is_some() && query.entity.is_none() && query.tag.is_none() {
        let (from, _) = intervals::range(query.from.as_deref(), None)?;
        // Events no longer than `longest` start at most that long before the range: with a
        // short `longest` (a window of a big case) that is one tight range on the start.
        match query.longest {
            Some(longest) if longest <= SHORT => {
                args.push(from.saturating_sub(longest.max(0)).into());
                filter.push_str(&format!(
                    " AND e.is_long = 0 AND e.earliest >= ?{}",
                    args.len()
                ));
            }
            _ => {
                args.push(from.saturating_sub(SHORT).into());
                filter.push_str(&format!(
                    " AND ((e.is_long = 0 AND e.earliest >= ?{}) OR e.is_long = 1)",
                    args.len()
                ));
            }
        }
    }
    push_filters(conn, query, filter, args)
}

fn select(conn: &Connection, query: &TimelineQuery, only: Option<i64>) -> Result<Vec<EventRecord>> {
    let (from, to) = intervals::range(query.from.as_deref(), query.to.as_deref())?;
    let mut filter = String::from("e.earliest < ?2 AND e.latest > ?1");
    let mut args: Vec<rusqlite::types::Value> = vec![from.into(), to.into()];
    if let Some(id) = only {
        args.push(id.into());
        filter.push_str(&format!(" AND e.id = ?{}", args.len()));
        push_filters(conn, query, &mut filter, &mut args)?;
    } else {
        push_range_and_filters(conn, query, &mut filter, &mut args)?;
    }
    let limit = query.limit.map_or(-1, |l| l as i64);
    args.push(limit.into());
    let limit_arg = args.len();
    // One statement: the page of events, each joined with its sources (and their documents'
    // titles) and carrying its entities' names, so a timeline costs one pass over its rows
    // rather than a statement per event.
    let sql = format!(
        "SELECT e.id, e.kind, e.title, e.description, e.value, e.earliest, e.latest,
            e.precision, e.status,
            (SELECT json_group_array(name) FROM (SELECT n.name FROM event_entities x
                JOIN entities n ON n.id = x.entity_id WHERE x.event_id = e.id ORDER BY n.name)),
            s.document_id, s.start, s.end, s.date_text, s.value, s.earliest, s.latest, d.title,
            (SELECT json_group_array(tag) FROM (SELECT tag FROM event_tags
                WHERE event_id = e.id ORDER BY tag))
         FROM (SELECT * FROM events e WHERE {filter}
               ORDER BY e.earliest, e.latest, e.id LIMIT ?{limit_arg}) e
         LEFT JOIN event_sources s ON s.event_id = e.id
         LEFT JOIN documents d ON d.id = s.document_id
         ORDER BY e.earliest, e.latest, e.id, s.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    let mut events: Vec<EventRecord> = Vec::new();
    let mut spans: Vec<(i64, i64)> = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if events.last().is_none_or(|e| e.id != id) {
            if let Some(previous) = events.last_mut() {
                previous.conflict = has_conflict(&spans);
            }
            spans.clear();
            let kind: String = r.get(1)?;
            let status: String = r.get(8)?;
            let precision: String = r.get(7)?;
            let (earliest, latest): (i64, i64) = (r.get(5)?, r.get(6)?);
            let entities: String = r.get(9)?;
            let tags: String = r.get(18)?;
            events.push(EventRecord {
                id,
                kind: EventKind::parse(&kind).unwrap_or(EventKind::Manual),
                title: r.get(2)?,
                description: r.get(3)?,
                value: r.get(4)?,
                earliest: intervals::show(earliest, &precision, false),
                latest: intervals::show(latest, &precision, true),
                precision,
                status: ReviewStatus::parse(&status).unwrap_or(ReviewStatus::Auto),
                sources: Vec::new(),
                entities: serde_json::from_str(&entities).unwrap_or_default(),
                tags: serde_json::from_str(&tags).unwrap_or_default(),
                conflict: false,
            });
        }
        let Some(doc_id) = r.get::<_, Option<i64>>(10)? else {
            continue;
        };
        let event = events.last_mut().expect("an event row was just pushed");
        let value: String = r.get(14)?;
        let (earliest, latest): (i64, i64) = (r.get(15)?, r.get(16)?);
        // A source usually dates the event as the event does; only a merged-in source with
        // its own date needs its precision worked out.
        let precision = if value == event.value {
            event.precision.clone()
        } else {
            intervals::parse(&value)
                .map(|i| i.precision)
                .unwrap_or_else(|_| event.precision.clone())
        };
        spans.push((earliest, latest));
        event.sources.push(EventSource {
            doc_id,
            start: r.get::<_, i64>(11)? as usize,
            end: r.get::<_, i64>(12)? as usize,
            date_text: r.get(13)?,
            value,
            earliest: intervals::show(earliest, &precision, false),
            latest: intervals::show(latest, &precision, true),
            doc_title: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
        });
    }
    if let Some(last) = events.last_mut() {
        last.conflict = has_conflict(&spans);
    }
    Ok(events)
}

/// Sources conflict when two of them give dates that cannot both be right.
fn has_conflict(spans: &[(i64, i64)]) -> bool {
    spans
        .iter()
        .enumerate()
        .any(|(i, a)| spans[i + 1..].iter().any(|b| !intervals::overlaps(*a, *b)))
}

pub fn get(conn: &Connection, id: i64) -> Result<EventRecord> {
    let status: Option<String> = conn
        .query_row("SELECT status FROM events WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let status = status.ok_or_else(|| Error::not_found(format!("no event with id {id}")))?;
    let query = TimelineQuery {
        status: ReviewStatus::parse(&status),
        ..TimelineQuery::default()
    };
    select(conn, &query, Some(id))?
        .pop()
        .ok_or_else(|| Error::not_found(format!("no event with id {id}")))
}

/// A `not_found` error naming the event unless it exists.
fn must_exist(conn: &Connection, id: i64) -> Result<()> {
    let exists: bool =
        conn.query_row("SELECT count(*) > 0 FROM events WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
    if exists {
        Ok(())
    } else {
        Err(Error::not_found(format!("no event with id {id}")))
    }
}

pub fn set_status(conn: &Connection, id: i64, status: ReviewStatus) -> Result<()> {
    let changed = conn.execute(
        "UPDATE events SET status = ?2, reviewed_at = ?3 WHERE id = ?1",
        params![id, status.as_str(), now()],
    )?;
    if changed == 0 {
        return Err(Error::not_found(format!("no event with id {id}")));
    }
    Ok(())
}

pub fn edit(
    conn: &Connection,
    id: i64,
    title: Option<&str>,
    description: Option<&str>,
    interval: Option<&Interval>,
) -> Result<()> {
    must_exist(conn, id)?;
    if let Some(title) = title {
        conn.execute(
            "UPDATE events SET title = ?2 WHERE id = ?1",
            params![id, title],
        )?;
    }
    if let Some(description) = description {
        conn.execute(
            "UPDATE events SET description = ?2 WHERE id = ?1",
            params![id, description],
        )?;
    }
    if let Some(i) = interval {
        conn.execute(
            "UPDATE events SET value = ?2, earliest = ?3, latest = ?4, precision = ?5
             WHERE id = ?1",
            params![id, i.value, i.earliest, i.latest, i.precision],
        )?;
    }
    let status = if conn.query_row("SELECT kind FROM events WHERE id = ?1", [id], |r| {
        r.get::<_, String>(0)
    })? == "manual"
    {
        "confirmed"
    } else {
        "edited"
    };
    conn.execute(
        "UPDATE events SET status = ?2, reviewed_at = ?3 WHERE id = ?1",
        params![id, status, now()],
    )?;
    Ok(())
}

/// Merges events reported by several sources into `into`: their sources, entities and tags
/// move to it and they are removed. The merged event is confirmed; its own date stays, and sources
/// that disagree with it are flagged as a conflict when listed.
pub fn merge(conn: &Connection, into: i64, from: &[i64]) -> Result<()> {
    for &id in std::iter::once(&into).chain(from) {
        must_exist(conn, id)?;
    }
    for &id in from {
        if id == into {
            return Err(Error::invalid_input("cannot merge an event into itself"));
        }
        conn.execute(
            "UPDATE event_sources SET event_id = ?1 WHERE event_id = ?2",
            [into, id],
        )?;
        conn.execute(
            "INSERT OR IGNORE INTO event_entities SELECT ?1, entity_id FROM event_entities
             WHERE event_id = ?2",
            [into, id],
        )?;
        super::event_tags::copy(conn, into, id)?;
        conn.execute("DELETE FROM events WHERE id = ?1", [id])?;
    }
    conn.execute(
        "UPDATE events SET status = 'confirmed', reviewed_at = ?2 WHERE id = ?1",
        params![into, now()],
    )?;
    Ok(())
}

/// An event as the search index needs it.
pub struct EventIndexRow {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub value: String,
    pub earliest: i64,
    pub latest: i64,
    pub doc_id: Option<i64>,
    /// Its tags, comma-separated (a tag never holds a comma).
    pub tags: Option<String>,
}

/// Calls `visit` for every event searches should find (not rejected), or for those of `ids`.
pub fn for_each_for_index(
    conn: &Connection,
    ids: Option<&[i64]>,
    mut visit: impl FnMut(EventIndexRow) -> Result<()>,
) -> Result<usize> {
    const COLUMNS: &str = "SELECT id, title, description, value, earliest, latest,
        (SELECT document_id FROM event_sources WHERE event_id = e.id ORDER BY id LIMIT 1),
        (SELECT group_concat(tag, ',') FROM event_tags WHERE event_id = e.id)
        FROM events e WHERE status <> 'rejected'";
    let row = |r: &rusqlite::Row<'_>| -> rusqlite::Result<EventIndexRow> {
        Ok(EventIndexRow {
            id: r.get(0)?,
            title: r.get(1)?,
            description: r.get(2)?,
            value: r.get(3)?,
            earliest: r.get(4)?,
            latest: r.get(5)?,
            doc_id: r.get(6)?,
            tags: r.get(7)?,
        })
    };
    let mut n = 0;
    match ids {
        None => {
            let mut stmt = conn.prepare(COLUMNS)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                visit(row(r)?)?;
                n += 1;
            }
        }
        Some(ids) => {
            // An import journals tens of thousands of new events with consecutive ids: one
            // range query per run of consecutive ids reads them in a single pass instead of a
            // statement per event.
            let mut ids = ids.to_vec();
            ids.sort_unstable();
            ids.dedup();
            let mut stmt = conn.prepare_cached(&format!("{COLUMNS} AND id BETWEEN ?1 AND ?2"))?;
            let mut runs = ids.chunk_by(|a, b| b - a == 1);
            for run in &mut runs {
                let (first, last) = (run[0], run[run.len() - 1]);
                let mut rows = stmt.query([first, last])?;
                while let Some(r) = rows.next()? {
                    visit(row(r)?)?;
                    n += 1;
                }
            }
        }
    }
    Ok(n)
}
