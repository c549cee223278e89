//! How many events start on each day (migration 0022's `event_days`, kept by triggers), for the
//! timeline's first paint over a big case: a few thousand rows however many events there are.
//! The entity and tag filters are not in that table; they select few events, which are counted
//! from `events` with the same conditions `timeline_points` uses, so both always agree.

use rusqlite::Connection;

use crate::intervals;
use crate::model::{TimelineDensity, TimelineQuery};
use crate::Result;

/// Events at most this long are precise (31 days); it must match migrations/0022_event_days.sql.
const PRECISE: i64 = 2_678_400;

/// The days of `query`'s events (by their start) with how many start on each. A `from`/`to`
/// range selects the events overlapping it, as the other timeline queries do.
pub fn density(conn: &Connection, query: &TimelineQuery) -> Result<TimelineDensity> {
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    let sql = if query.entity.is_none()
        && query.tag.is_none()
        && query.longest.is_none()
        && query.from.is_none()
        && query.to.is_none()
    {
        let mut filter = String::from("1");
        match query.status {
            Some(status) => {
                args.push(status.as_str().to_string().into());
                filter.push_str(" AND status = ?1");
            }
            None => filter.push_str(" AND status <> 'rejected'"),
        }
        if let Some(kind) = query.kind {
            args.push(kind.as_str().to_string().into());
            filter.push_str(&format!(" AND kind = ?{}", args.len()));
        }
        format!(
            "SELECT day, sum(count), sum(CASE WHEN precise THEN count ELSE 0 END)
             FROM event_days WHERE {filter} GROUP BY day ORDER BY day"
        )
    } else {
        let (from, to) = intervals::range(query.from.as_deref(), query.to.as_deref())?;
        let mut filter = String::from("e.earliest < ?2 AND e.latest > ?1");
        args.push(from.into());
        args.push(to.into());
        super::events::push_range_and_filters(conn, query, &mut filter, &mut args)?;
        format!(
            "SELECT (e.earliest - ((e.earliest % 86400) + 86400) % 86400) / 86400 AS d,
                count(*), sum(e.latest - e.earliest <= {PRECISE})
             FROM events e WHERE {filter} GROUP BY d ORDER BY d"
        )
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    let mut out = TimelineDensity::default();
    while let Some(r) = rows.next()? {
        let count: i64 = r.get(1)?;
        if count <= 0 {
            continue;
        }
        out.day.push(r.get(0)?);
        out.count.push(count as u32);
        out.precise.push(r.get::<_, i64>(2)? as u32);
        out.total += count as u64;
    }
    Ok(out)
}
