//! The `quotes` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::now;
use crate::entities::names::fold_key;
use crate::model::{QuoteFilter, QuoteRecord, ReviewStatus};
use crate::quotes::Quote;
use crate::{Error, Result};

/// Stores an extracted quote with status `auto`.
pub fn insert(
    conn: &Connection,
    doc_id: i64,
    quote: &Quote,
    speaker_id: Option<i64>,
) -> Result<()> {
    let spans: Vec<[usize; 2]> = quote.spans.iter().map(|s| [s.start, s.end]).collect();
    let speaker = quote.speaker.as_ref();
    conn.prepare_cached(
        "INSERT INTO quotes (document_id, start, end, text, kind, spans, cue, cue_start, cue_end,
            addressee, speaker_id, speaker_name, speaker_start, speaker_end, role)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        doc_id,
        quote.start as i64,
        quote.end as i64,
        quote.text,
        kind_name(quote),
        serde_json::to_string(&spans)?,
        quote.cue,
        quote.cue_span.as_ref().map(|s| s.start as i64),
        quote.cue_span.as_ref().map(|s| s.end as i64),
        quote.addressee,
        speaker_id,
        // A pronoun that stands for no one is where the attribution is, not a name to show.
        speaker.filter(|s| s.resolved).map(|s| s.name.as_str()),
        speaker.map(|s| s.start as i64),
        speaker.map(|s| s.end as i64),
        speaker.and_then(|s| s.role.as_deref()),
    ])?;
    Ok(())
}

fn kind_name(quote: &Quote) -> &'static str {
    match quote.kind {
        crate::quotes::QuoteKind::Direct => "direct",
        crate::quotes::QuoteKind::Mixed => "mixed",
        crate::quotes::QuoteKind::Indirect => "indirect",
        crate::quotes::QuoteKind::Scare => "scare",
    }
}

/// Removes the document's unreviewed quotes before extraction runs again; returns the spans
/// of the reviewed ones, which stay and which new proposals must not duplicate. A quote a note
/// cites stays too, so that no citation breaks because extraction ran again.
pub fn clear_unreviewed(conn: &Connection, doc_id: i64) -> Result<Vec<(usize, usize)>> {
    conn.prepare_cached(
        "DELETE FROM quotes WHERE document_id = ?1 AND status = 'auto'
            AND id NOT IN (SELECT target_id FROM note_citations WHERE kind = 'quote')",
    )?
    .execute([doc_id])?;
    let mut stmt = conn.prepare_cached("SELECT start, end FROM quotes WHERE document_id = ?1")?;
    let spans = stmt.query_map([doc_id], |r| {
        Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize))
    })?;
    Ok(spans.collect::<rusqlite::Result<_>>()?)
}

const COLUMNS: &str = "q.id, q.document_id, q.start, q.end, q.text, q.kind, q.spans,
    coalesce(e.name, q.speaker_name), q.speaker_id, q.role, q.cue, q.addressee, q.speaker_start,
    q.speaker_end, q.status, d.title, d.published";

const FROM: &str = "FROM quotes q JOIN documents d ON d.id = q.document_id
    LEFT JOIN entities e ON e.id = q.speaker_id";

/// The same rows with the documents read first: CROSS JOIN keeps SQLite from reordering it.
/// The walk selects ids alone, so it joins no speaker: with the join, SQLite read each quote's
/// row for its speaker, where the quotes' index holds everything else the walk asks.
const WALK_FROM: &str = "FROM documents d CROSS JOIN quotes q ON q.document_id = d.id";

fn record(r: &Row<'_>) -> rusqlite::Result<QuoteRecord> {
    let spans: String = r.get(6)?;
    let status: String = r.get(14)?;
    let opt_usize = |i: usize| -> rusqlite::Result<Option<usize>> {
        Ok(r.get::<_, Option<i64>>(i)?.map(|v| v as usize))
    };
    Ok(QuoteRecord {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        start: r.get::<_, i64>(2)? as usize,
        end: r.get::<_, i64>(3)? as usize,
        text: r.get(4)?,
        kind: r.get(5)?,
        spans: serde_json::from_str(&spans).unwrap_or_default(),
        speaker: r.get(7)?,
        speaker_id: r.get(8)?,
        role: r.get(9)?,
        cue: r.get(10)?,
        addressee: r.get(11)?,
        speaker_start: opt_usize(12)?,
        speaker_end: opt_usize(13)?,
        status: ReviewStatus::parse(&status).unwrap_or(ReviewStatus::Auto),
        doc_title: r.get(15)?,
        published: r.get(16)?,
    })
}

/// The list's order: publication (undated documents last), then reading order; the id breaks
/// a tie of two quotes starting together, so the order is total.
const ORDER: &str =
    " ORDER BY d.published_earliest IS NULL, d.published_earliest, d.id, q.start, q.id";

/// Quotes matching `filter`, in the order of their documents' publication, then in reading
/// order. Scare quotes are not speech and are listed only when asked for by kind.
pub fn list(conn: &Connection, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>> {
    // Without a speaker or a document to start from, the quotes are read by walking the
    // documents in publication order (`documents_publication_order`) and each one's quotes by
    // position, so a page stops after its rows; otherwise the few matching quotes are sorted.
    let walk = filter.speaker.is_none() && filter.doc_id.is_none();
    // A walk costs what it skips: a page further in starts at its day instead of the top.
    if walk && is_tallied(filter) && filter.offset.unwrap_or(0) > 0 {
        return list_from_its_day(conn, filter);
    }
    list_from_the_top(conn, filter, walk)
}

/// The quotes matching `filter`, walked from the top of the list when `walk` (the page skips
/// its offset in the indexes), or selected and sorted.
fn list_from_the_top(
    conn: &Connection,
    filter: &QuoteFilter,
    walk: bool,
) -> Result<Vec<QuoteRecord>> {
    let (from, columns) = if walk {
        (WALK_FROM, "q.id")
    } else {
        (FROM, COLUMNS)
    };
    let Some((mut sql, mut args)) = matching(conn, filter, columns, from)? else {
        return Ok(Vec::new());
    };
    sql.push_str(ORDER);
    if filter.limit.is_some() || filter.offset.is_some() {
        args.push(filter.limit.map_or(-1, |l| l as i64).into());
        args.push((filter.offset.unwrap_or(0) as i64).into());
        sql.push_str(&format!(
            " LIMIT ?{} OFFSET ?{}",
            args.len() - 1,
            args.len()
        ));
    }
    if walk {
        // The walk picks the page's ids from the indexes alone (the quotes it skips are never
        // read); only the page's rows are then read whole.
        sql = format!("SELECT {COLUMNS} {FROM} WHERE q.id IN ({sql}){ORDER}");
    }
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), record)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The quotes of one publication day that match a tallied filter (`quote_day_tallies`,
/// migration 0031): `day` counts days since 1970, and undated documents are one last bucket.
#[derive(Clone, Debug)]
struct Day {
    undated: bool,
    day: i64,
    quotes: usize,
}

/// The condition on `quote_tallies` or `quote_day_tallies` rows that `matching` puts on quotes
/// for a filter on status and kind alone, with the status as ?1 and the kind as ?2.
const TALLIED: &str = "(?1 IS NULL AND status <> 'rejected' OR status = ?1)
    AND (?2 IS NULL AND kind <> 'scare' OR kind = ?2)";

/// A page of a walk with a tallied filter, read from the day where it starts: the days before
/// it are summed from their tallies instead of walked, quote by quote, which took 1.08 s for
/// the middle page of a million documents. The page is read from the day its first row is in,
/// forwards, or from the end of the day its last row is in, backwards, whichever skips fewer
/// quotes of that day, so a page deep in a big day (the undated documents, say) or the list's
/// last page (the End key) skips no more than half a day.
fn list_from_its_day(conn: &Connection, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>> {
    // The count, the days and the walk are read in one snapshot, so an import committing
    // between them cannot shift the page; a caller's own transaction is that snapshot already.
    if !conn.is_autocommit() {
        return page_from_its_day(conn, filter);
    }
    conn.execute_batch("BEGIN")?;
    let page = page_from_its_day(conn, filter);
    let end = conn.execute_batch(if page.is_ok() { "COMMIT" } else { "ROLLBACK" });
    let page = page?;
    end?;
    Ok(page)
}

fn page_from_its_day(conn: &Connection, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>> {
    let offset = filter.offset.unwrap_or(0);
    let total = count(conn, filter)?;
    if offset >= total || filter.limit == Some(0) {
        return Ok(Vec::new());
    }
    let Some(page) = find_page(conn, filter, total)? else {
        // The days hold fewer quotes than the count (a write bypassed their triggers, which
        // `verify` names): the walk from the top still reaches the page.
        return list_from_the_top(conn, filter, true);
    };
    let mut ids = walk_from_day(conn, filter, &page.day, page.backwards, page.skip, page.len)?;
    if page.backwards {
        ids.reverse();
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE q.id IN (SELECT value FROM json_each(?1)){ORDER}"
    ))?;
    let rows = stmt.query_map([serde_json::to_string(&ids)?], record)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Where a page's walk starts: at `day`'s first quote after skipping `skip`, or at its last
/// one, backwards; `len` is the page's length.
#[derive(Debug)]
struct PageWalk {
    day: Day,
    backwards: bool,
    skip: usize,
    len: usize,
}

/// The walk reading the page of `filter` in a list of `total` quotes (its offset under the
/// total), or None when the days do not hold that many quotes. The days are read from the end
/// of the list nearer the page, and only as far as the page's last day, so the first and the
/// last pages read a few rows of the tallies and the middle one half of them.
fn find_page(conn: &Connection, filter: &QuoteFilter, total: usize) -> Result<Option<PageWalk>> {
    let offset = filter.offset.unwrap_or(0);
    let len = filter
        .limit
        .map_or(total - offset, |l| l.min(total - offset));
    let last_position = offset + len - 1;
    let from_the_end = offset + last_position >= total;
    let direction = if from_the_end { "DESC" } else { "ASC" };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT undated, day, sum(n) FROM quote_day_tallies WHERE {TALLIED}
         GROUP BY undated, day HAVING sum(n) > 0
         ORDER BY undated {direction}, day {direction}"
    ))?;
    let mut rows = stmt.query(params![filter.status.map(|s| s.as_str()), filter.kind])?;
    // The day holding the page's first row and the one holding its last, each with how many
    // quotes the days before it hold.
    let mut first: Option<(Day, usize)> = None;
    let mut last: Option<(Day, usize)> = None;
    let mut read = 0;
    while let Some(row) = rows.next()? {
        let day = Day {
            undated: row.get(0)?,
            day: row.get(1)?,
            quotes: row.get::<_, i64>(2)? as usize,
        };
        let before = if from_the_end {
            match total.checked_sub(read + day.quotes) {
                Some(before) => before,
                None => return Ok(None),
            }
        } else {
            read
        };
        read += day.quotes;
        let holds = |position: usize| before <= position && position < before + day.quotes;
        if holds(offset) {
            first = Some((day.clone(), before));
        }
        if holds(last_position) {
            last = Some((day, before));
        }
        if first.is_some() && last.is_some() {
            break;
        }
    }
    let (Some((first, first_before)), Some((last, last_before))) = (first, last) else {
        return Ok(None);
    };
    // Forwards from the first day skips the rows of that day before the page; backwards from
    // the last day skips the rows of that day after it.
    let forwards = offset - first_before;
    let backwards = last_before + last.quotes - 1 - last_position;
    Ok(Some(if forwards <= backwards {
        PageWalk {
            day: first,
            backwards: false,
            skip: forwards,
            len,
        }
    } else {
        PageWalk {
            day: last,
            backwards: true,
            skip: backwards,
            len,
        }
    }))
}

/// The ids of `len` quotes matching `filter` after skipping `skip`, walking from the start of
/// `day` towards the end of the list, or from the end of `day` towards its start.
///
/// The walk reads the dated documents and the undated ones apart: with the first column of
/// `documents_publication_order` (`published_earliest IS NULL`) fixed, SQLite walks a range of
/// dates in the index's order, where a bound across both would have it sort every row after
/// the bound. A page that crosses from the dated documents to the undated ones reads both.
fn walk_from_day(
    conn: &Connection,
    filter: &QuoteFilter,
    day: &Day,
    backwards: bool,
    skip: usize,
    len: usize,
) -> Result<Vec<i64>> {
    let parts = walk_parts(day, backwards);
    let mut ids = Vec::with_capacity(len);
    let mut skip = skip;
    for (undated, bound) in parts {
        if ids.len() == len {
            break;
        }
        let Some((sql, args)) = walk_statement(
            conn,
            filter,
            undated,
            bound,
            backwards,
            len - ids.len(),
            skip,
        )?
        else {
            return Ok(Vec::new());
        };
        let mut stmt = conn.prepare_cached(&sql)?;
        let part = stmt.query_map(rusqlite::params_from_iter(args), |r| r.get::<_, i64>(0))?;
        for id in part {
            ids.push(id?);
        }
        // The next part continues the page from its own start.
        skip = 0;
    }
    Ok(ids)
}

/// The parts of a walk from `day`, in the order they are read: whether each reads the
/// undated documents, and its bound on `published_earliest` (a day is its 86,400 seconds).
type WalkPart = (bool, Option<(&'static str, i64)>);
fn walk_parts(day: &Day, backwards: bool) -> Vec<WalkPart> {
    const SECONDS: i64 = 86_400;
    match (backwards, day.undated) {
        (false, false) => vec![
            (
                false,
                day.day.checked_mul(SECONDS).map(|start| (">=", start)),
            ),
            (true, None),
        ],
        (false, true) => vec![(true, None)],
        (true, false) => vec![(
            false,
            (day.day + 1).checked_mul(SECONDS).map(|end| ("<", end)),
        )],
        (true, true) => vec![(true, None), (false, None)],
    }
}

/// The statement walking the dated documents (or the undated ones) from `bound` for `len`
/// quotes matching `filter` after skipping `skip`, and its arguments.
fn walk_statement(
    conn: &Connection,
    filter: &QuoteFilter,
    undated: bool,
    bound: Option<(&str, i64)>,
    backwards: bool,
    len: usize,
    skip: usize,
) -> Result<Option<Matching>> {
    let Some((mut sql, mut args)) = matching(conn, filter, "q.id", WALK_FROM)? else {
        return Ok(None);
    };
    sql.push_str(&format!(
        " AND (d.published_earliest IS NULL) = {}",
        i64::from(undated)
    ));
    if let Some((op, seconds)) = bound {
        args.push(seconds.into());
        sql.push_str(&format!(" AND d.published_earliest {op} ?{}", args.len()));
    }
    args.push((len as i64).into());
    args.push((skip as i64).into());
    let direction = if backwards { " DESC" } else { "" };
    sql.push_str(&format!(
        " ORDER BY d.published_earliest{direction}, d.id{direction}, q.start{direction},
          q.id{direction} LIMIT ?{} OFFSET ?{}",
        args.len() - 1,
        args.len()
    ));
    Ok(Some((sql, args)))
}

/// Whether `count` answers `filter` from the tallies: it filters on status and kind alone.
fn is_tallied(filter: &QuoteFilter) -> bool {
    filter.speaker.is_none()
        && filter.doc_id.is_none()
        && filter.from.is_none()
        && filter.to.is_none()
}

/// How many quotes match `filter`, ignoring its page, so a paged list knows its length. A
/// filter on status and kind alone is answered from `quote_tallies` (migration 0029), which
/// triggers keep exact, instead of counting millions of quotes.
pub fn count(conn: &Connection, filter: &QuoteFilter) -> Result<usize> {
    if is_tallied(filter) {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT coalesce(sum(n), 0) FROM quote_tallies WHERE {TALLIED}"
        ))?;
        let n: i64 = stmt.query_row(
            rusqlite::params![filter.status.map(|s| s.as_str()), filter.kind],
            |r| r.get(0),
        )?;
        return Ok(n as usize);
    }
    let Some((sql, args)) = matching(conn, filter, "count(*)", FROM)? else {
        return Ok(0);
    };
    let n: i64 = conn.query_row(&sql, rusqlite::params_from_iter(args), |r| r.get(0))?;
    Ok(n as usize)
}

/// The statement selecting `columns` of the quotes matching `filter` and its arguments, or
/// None when the filter names a speaker the case does not know (nothing can match).
type Matching = (String, Vec<rusqlite::types::Value>);
fn matching(
    conn: &Connection,
    filter: &QuoteFilter,
    columns: &str,
    from: &str,
) -> Result<Option<Matching>> {
    let mut sql = format!("SELECT {columns} {from} WHERE 1 = 1");
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(from) = &filter.from {
        args.push(from.clone().into());
        sql.push_str(&format!(" AND d.published >= ?{}", args.len()));
    }
    if let Some(to) = &filter.to {
        args.push(to.clone().into());
        let n = args.len();
        sql.push_str(&format!(
            " AND substr(d.published, 1, length(?{n})) <= ?{n}"
        ));
    }
    if let Some(doc) = filter.doc_id {
        args.push(doc.into());
        sql.push_str(&format!(" AND q.document_id = ?{}", args.len()));
    }
    match filter.status {
        Some(status) => {
            args.push(status.as_str().to_string().into());
            sql.push_str(&format!(" AND q.status = ?{}", args.len()));
        }
        None => sql.push_str(" AND q.status <> 'rejected'"),
    }
    match &filter.kind {
        Some(kind) => {
            args.push(kind.clone().into());
            sql.push_str(&format!(" AND q.kind = ?{}", args.len()));
        }
        None => sql.push_str(" AND q.kind <> 'scare'"),
    }
    if let Some(speaker) = &filter.speaker {
        let Some(entity) = super::entities::find_by_name(conn, speaker)? else {
            return Ok(None);
        };
        args.push(entity.into());
        args.push(fold_key(speaker).into());
        sql.push_str(&format!(
            " AND (q.speaker_id = ?{} OR (q.speaker_id IS NULL AND lower(q.speaker_name) = ?{}))",
            args.len() - 1,
            args.len()
        ));
    }
    Ok(Some((sql, args)))
}

/// The first `limit` quotes an entity is the resolved speaker of, in the list's order, leaving
/// out rejected and scare quotes as the Quotes view does: an entity's detail. Asked by id
/// through the speakers' index; the list's speaker filter also takes unresolved quotes that
/// bear the name, which reads every unresolved quote (0.54 s at a million documents).
pub fn by_speaker(conn: &Connection, entity: i64, limit: usize) -> Result<Vec<QuoteRecord>> {
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE q.speaker_id = ?1 AND q.status <> 'rejected'
         AND q.kind <> 'scare'{ORDER} LIMIT ?2"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![entity, limit as i64], record)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<QuoteRecord> {
    conn.query_row(
        &format!("SELECT {COLUMNS} {FROM} WHERE q.id = ?1"),
        [id],
        record,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no quote with id {id}")))
}

pub fn set_status(conn: &Connection, id: i64, status: ReviewStatus) -> Result<()> {
    get(conn, id)?;
    conn.execute(
        "UPDATE quotes SET status = ?2, reviewed_at = ?3 WHERE id = ?1",
        params![id, status.as_str(), now()],
    )?;
    Ok(())
}

/// Applies a person's correction inside the caller's transaction; the quote becomes `edited`. A new span must lie inside the
/// document's text, and the quote's text follows it.
pub fn edit(
    conn: &Connection,
    id: i64,
    speaker_id: Option<Option<i64>>,
    speaker_name: Option<&str>,
    role: Option<&str>,
    span: Option<(usize, usize, String)>,
) -> Result<()> {
    get(conn, id)?;
    if let Some(speaker_id) = speaker_id {
        conn.execute(
            "UPDATE quotes SET speaker_id = ?2, speaker_name = ?3 WHERE id = ?1",
            params![id, speaker_id, speaker_name],
        )?;
    }
    if let Some(role) = role {
        let role = Some(role.trim()).filter(|r| !r.is_empty());
        conn.execute(
            "UPDATE quotes SET role = ?2 WHERE id = ?1",
            params![id, role],
        )?;
    }
    if let Some((start, end, text)) = span {
        let spans = serde_json::to_string(&[[start, end]])?;
        conn.execute(
            "UPDATE quotes SET start = ?2, end = ?3, text = ?4, spans = ?5 WHERE id = ?1",
            params![id, start as i64, end as i64, text, spans],
        )?;
    }
    conn.execute(
        "UPDATE quotes SET status = 'edited', reviewed_at = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    Ok(())
}

/// A quote as the search index needs it.
pub struct QuoteIndexRow {
    pub id: i64,
    pub text: String,
    pub kind: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
}

/// The document's quotes that searches should find: speech only (not scare quotes), and not
/// the ones a person rejected.
pub fn for_index(conn: &Connection, doc_id: i64) -> Result<Vec<QuoteIndexRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.id, q.text, q.kind, coalesce(e.name, q.speaker_name), q.role
         FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id
         WHERE q.document_id = ?1 AND q.status <> 'rejected' AND q.kind <> 'scare'",
    )?;
    let rows = stmt.query_map([doc_id], |r| {
        Ok(QuoteIndexRow {
            id: r.get(0)?,
            text: r.get(1)?,
            kind: r.get(2)?,
            speaker: r.get(3)?,
            role: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use rusqlite::StatementStatus;

    use super::*;

    use super::super::empty_case;

    /// Fills the case with `documents` documents of three quotes each: four documents a day
    /// at times of day that straddle midnight UTC, every 25th undated, every 25th after that
    /// before 1970 (whose days round down); every fifth document's last quote is rejected and
    /// every third one's second quote is a scare quote.
    fn fill(conn: &Connection, documents: i64) {
        conn.execute_batch("BEGIN").unwrap();
        for id in 1..=documents {
            let published = match id % 25 {
                0 => None,
                1 => Some(-(id * 7_207)),
                _ => Some(1_500_000_000 + (id / 4) * 86_400 + (id % 4) * 18_000),
            };
            conn.execute(
                "INSERT INTO documents (id, kind, title, published_earliest, format, sha256,
                 original_size, imported_at)
                 VALUES (?1, 'article', ?2, ?3, 'text', ?4, 1, '2026-12-05T00:00:00Z')",
                params![id, format!("Title {id}"), published, format!("{id:064x}")],
            )
            .unwrap();
            for k in 0..3_i64 {
                let status = if k == 2 && id % 5 == 0 {
                    "rejected"
                } else {
                    "auto"
                };
                let kind = if k == 1 && id % 3 == 0 {
                    "scare"
                } else {
                    "direct"
                };
                conn.execute(
                    "INSERT INTO quotes (document_id, start, end, text, kind, spans, status)
                     VALUES (?1, ?2, ?2 + 5, 'words', ?3, '[]', ?4)",
                    params![id, 100 - k * 10, kind, status],
                )
                .unwrap();
            }
        }
        conn.execute_batch("COMMIT").unwrap();
    }

    fn ids(quotes: &[QuoteRecord]) -> Vec<i64> {
        quotes.iter().map(|q| q.id).collect()
    }

    /// The filters the tallies answer: the default (no rejected, no scare quotes), a status,
    /// the rejected ones, and the scare quotes.
    fn tallied_filters() -> Vec<QuoteFilter> {
        vec![
            QuoteFilter::default(),
            QuoteFilter {
                status: Some(ReviewStatus::Auto),
                ..QuoteFilter::default()
            },
            QuoteFilter {
                status: Some(ReviewStatus::Rejected),
                ..QuoteFilter::default()
            },
            QuoteFilter {
                kind: Some("scare".into()),
                ..QuoteFilter::default()
            },
        ]
    }

    /// How many steps SQLite's machine takes to run `sql` to its end.
    fn steps(conn: &Connection, (sql, args): Matching) -> i32 {
        let mut stmt = conn.prepare(&sql).unwrap();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, i64>(0))
            .unwrap()
            .count();
        assert!(rows > 0, "the statement reads a page");
        stmt.get_status(StatementStatus::VmStep)
    }

    /// The regression: the middle page of a million documents walked every quote before it
    /// (1.4M index entries, 1.08 s). Its walk must now start at its own day, through the
    /// publication index's range, and take a small part of the steps the walk from the top
    /// took, yet read the very page the whole sorted list has there.
    #[test]
    fn the_middle_quotes_page_walked_every_quote_before_it() {
        let (_dir, conn) = empty_case();
        fill(&conn, 3_000);
        for filter in tallied_filters() {
            let all = ids(&list(&conn, &filter).unwrap());
            assert_eq!(all.len(), count(&conn, &filter).unwrap(), "{filter:?}");
            let offset = all.len() / 2;
            let limit = 20;
            let page = QuoteFilter {
                offset: Some(offset),
                limit: Some(limit),
                ..filter.clone()
            };
            assert_eq!(
                ids(&list(&conn, &page).unwrap()),
                all[offset..(offset + limit).min(all.len())],
                "{filter:?}"
            );

            let total = count(&conn, &filter).unwrap();
            let walk = find_page(&conn, &page, total).unwrap().unwrap();
            let (undated, bound) = walk_parts(&walk.day, walk.backwards)[0];
            let from_its_day = walk_statement(
                &conn,
                &filter,
                undated,
                bound,
                walk.backwards,
                walk.len,
                walk.skip,
            )
            .unwrap()
            .unwrap();
            let plan: Vec<String> = conn
                .prepare(&format!("EXPLAIN QUERY PLAN {}", from_its_day.0))
                .unwrap()
                .query_map(rusqlite::params_from_iter(from_its_day.1.clone()), |r| {
                    r.get::<_, String>(3)
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let plan = plan.join("; ");
            assert!(
                plan.contains("documents_publication_order (<expr>=? AND published_earliest")
                    && !plan.contains("TEMP B-TREE"),
                "{filter:?}: the walk does not start at its day in the index: {plan}"
            );
            // The quotes of the day it skips into are read from their index alone.
            assert!(
                plan.contains("COVERING INDEX quotes_in_document"),
                "{filter:?}: the walk reads the quotes' rows: {plan}"
            );

            // The walk from the top to the first page is what any page should cost; to the
            // middle one it cost half the list.
            let from_the_top = |offset: usize| {
                let (mut sql, mut args) = matching(&conn, &filter, "q.id", WALK_FROM)
                    .unwrap()
                    .unwrap();
                args.push((limit as i64).into());
                args.push((offset as i64).into());
                sql.push_str(&format!(
                    "{ORDER} LIMIT ?{} OFFSET ?{}",
                    args.len() - 1,
                    args.len()
                ));
                steps(&conn, (sql, args))
            };
            let (first, middle) = (from_the_top(0), from_the_top(offset));
            let new = steps(&conn, from_its_day);
            assert!(
                new < 2 * first && 5 * new < middle,
                "{filter:?}: the middle page from its day took {new} steps, the first page {first}, \
                 the middle page from the top {middle}"
            );
        }
    }

    /// Every page, of every length, read forwards from its first day or backwards from its
    /// last, is the whole list's slice there, with several documents a day at times of day
    /// either side of midnight, dates before 1970, undated documents, and each tallied filter.
    #[test]
    fn every_page_read_from_its_day_is_the_slice_of_the_whole_list() {
        let (_dir, conn) = empty_case();
        fill(&conn, 160);
        for filter in tallied_filters() {
            let all = ids(&list(&conn, &filter).unwrap());
            assert!(all.len() > 20, "{filter:?}");
            for limit in [1, 7, 50] {
                for offset in 1..all.len() + 2 {
                    let page = QuoteFilter {
                        offset: Some(offset),
                        limit: Some(limit),
                        ..filter.clone()
                    };
                    let end = (offset + limit).min(all.len());
                    assert_eq!(
                        ids(&list(&conn, &page).unwrap()),
                        all[offset.min(all.len())..end],
                        "{filter:?} at {offset} in pages of {limit}"
                    );
                }
            }
            // A page without a length is the rest of the list.
            let rest = QuoteFilter {
                offset: Some(5),
                ..filter.clone()
            };
            assert_eq!(ids(&list(&conn, &rest).unwrap()), all[5..], "{filter:?}");
        }
    }

    /// A case an older build made has its quotes counted by day when it opens (migration 0031
    /// fills the table from the rows), and its pages are read from their day at once.
    #[test]
    fn a_case_made_before_the_day_tallies_counts_its_quotes_by_day_on_open() {
        // The schema version before migration 0031, which is the 26th in the list.
        const BEFORE: usize = 25;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.dossier");
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "foreign_keys", "ON").unwrap();
            super::super::MIGRATIONS
                .to_version(&mut conn, BEFORE)
                .unwrap();
            let tables: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE name = 'quote_day_tallies'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(tables, 0, "version {BEFORE} is before migration 0031");
            fill(&conn, 400);
        }
        let conn = super::super::open(&path).unwrap();
        let disagreeing = super::super::integrity::kept_tables_disagreeing(&conn, 0).unwrap();
        assert!(
            !disagreeing.iter().any(|(t, _)| *t == "quote_day_tallies"),
            "{disagreeing:?}"
        );
        for filter in tallied_filters() {
            let all = ids(&list(&conn, &filter).unwrap());
            let offset = all.len() / 2;
            let page = QuoteFilter {
                offset: Some(offset),
                limit: Some(10),
                ..filter.clone()
            };
            assert_eq!(
                ids(&list(&conn, &page).unwrap()),
                all[offset..offset + 10],
                "{filter:?}"
            );
        }
    }
}
