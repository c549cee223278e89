//! The library's pages: document summaries in a chosen order and filter, read a page at a
//! time. The whole list of a million-document case is hundreds of megabytes of JSON, so the
//! window asks for the rows it shows and the core answers from the sort's index.
//!
//! Every order is a column then the id, so equal values never swap between two pages and a
//! page never repeats or skips a row. Documents without a value (undated, no outlet) come last
//! in both directions, in import order. That is two stretches read one after the other: the
//! rows with a value, walked along the column's index forwards or backwards, then the rows
//! without, along the same index's NULL entries. One `ORDER BY col IS NULL, col` would need an
//! index per direction; two stretches use the one index each column already has.
//!
//! Two kinds of rows can stand for several documents: a group of near-duplicates
//! (`collapse_copies`, shown as its first-imported copy) and a mail thread (`collapse_threads`,
//! shown as its oldest message). Both are a `NOT EXISTS` on the walked row that looks up an
//! earlier member by index, so a page costs what it shows, not the case.

use rusqlite::{params_from_iter, types::Value, Connection};

use crate::model::{
    DocumentPage, DocumentPageRequest, DocumentSummary, LibrarySort, OutletCount, SortDir,
    SourceFormat,
};
use crate::Result;

/// The sort's column as its index is declared (migrations 0001 and 0028), and whether it can
/// be NULL.
fn column(sort: LibrarySort) -> Option<(&'static str, bool)> {
    match sort {
        LibrarySort::Published => Some(("d.published_earliest", true)),
        LibrarySort::Title => Some(("d.title COLLATE NOCASE", false)),
        LibrarySort::Kind => Some(("d.kind", false)),
        LibrarySort::Outlet => Some(("d.outlet COLLATE NOCASE", true)),
        LibrarySort::Imported => None,
    }
}

/// `LIKE` pattern for a substring, its wildcards escaped with `\`.
fn contains(part: &str) -> Value {
    let escaped = part
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    Value::Text(format!("%{escaped}%"))
}

/// The WHERE clause of a request's filter, with its values, numbered from ?1.
fn filter(request: &DocumentPageRequest) -> (Vec<String>, Vec<Value>) {
    let mut values = Vec::new();
    let mut conditions = vec!["1".to_string()];
    conditions.extend(narrowing(request, "d", &mut values));
    if request.collapse_copies {
        // Without a filter the kept flag decides (migration 0032), and the rows shown are read
        // from the partial indexes of the documents that are not later copies. With one, a
        // later copy is still shown when no earlier member passes the same filter, or a
        // filter that leaves out the group's first copy would hide the copies it matches;
        // the flag spares that lookup for the rows with no earlier member at all.
        let mut again = Vec::new();
        let on_earlier = narrowing(request, "od", &mut again);
        if on_earlier.is_empty() {
            conditions.push(SHOWN_FOR_ITS_GROUP.to_string());
        } else {
            conditions.push(format!(
                "({SHOWN_FOR_ITS_GROUP} OR {})",
                not_a_later_copy(&on_earlier)
            ));
        }
    }
    if request.collapse_threads {
        // As for copies: the earlier message must pass the filter too, or a filter that
        // leaves out a thread's first message would hide the replies it matches.
        let mut again = Vec::new();
        let on_earlier = narrowing(request, "td", &mut again);
        conditions.push(not_a_later_message(&on_earlier));
    }
    (conditions, values)
}

/// The conditions the title, kind, outlet and date fields put on the documents of `alias`,
/// their values appended to `values` and numbered by their place there.
fn narrowing(request: &DocumentPageRequest, alias: &str, values: &mut Vec<Value>) -> Vec<String> {
    let mut conditions = Vec::new();
    for word in request.title.as_deref().unwrap_or("").split_whitespace() {
        values.push(contains(word));
        conditions.push(format!("{alias}.title LIKE ?{} ESCAPE '\\'", values.len()));
    }
    if let Some(kind) = request.kind {
        values.push(Value::Text(kind.as_str().to_string()));
        conditions.push(format!("{alias}.kind = ?{}", values.len()));
    }
    let outlet = request.outlet.as_deref().unwrap_or("").trim();
    if !outlet.is_empty() {
        // The few hundred outlet names that contain the words are found in their tally
        // (migration 0026), and their documents through the outlet index; the names compare
        // ignoring case as that index does, which a name that matched already does.
        values.push(contains(outlet));
        conditions.push(format!(
            "{alias}.outlet COLLATE NOCASE IN
                (SELECT outlet FROM outlet_tallies WHERE outlet LIKE ?{} ESCAPE '\\')",
            values.len()
        ));
    }
    // `published` is ISO 8601 truncated to its precision, so comparing its date part with a
    // bound cut to the same length asks whether the two periods overlap. That comparison
    // reads every row; a range of `published_earliest` it implies (a period is at most a year,
    // and its zone moves it by less than two days) comes first, so the publication index
    // reads only the documents near the range.
    let from = request.from.as_deref().unwrap_or("").trim();
    if !from.is_empty() {
        if let Some((start, _)) = period_seconds(from) {
            values.push(Value::Integer(start - (366 + 2) * DAY));
            conditions.push(format!("{alias}.published_earliest >= ?{}", values.len()));
        }
        values.push(Value::Text(from.to_string()));
        conditions.push(format!(
            "{alias}.published IS NOT NULL AND substr({alias}.published, 1, 10)
                >= substr(?{n}, 1, length(substr({alias}.published, 1, 10)))",
            n = values.len()
        ));
    }
    let to = request.to.as_deref().unwrap_or("").trim();
    if !to.is_empty() {
        if let Some((_, end)) = period_seconds(to) {
            values.push(Value::Integer(end + 2 * DAY));
            conditions.push(format!("{alias}.published_earliest < ?{}", values.len()));
        }
        values.push(Value::Text(to.to_string()));
        conditions.push(format!(
            "{alias}.published IS NOT NULL AND substr(substr({alias}.published, 1, 10), 1, length(?{n})) <= ?{n}",
            n = values.len()
        ));
    }
    conditions
}

const DAY: i64 = 86_400;

/// The first second of the period a date field names (`2016`, `2016-04`, `2016-04-15`, in
/// UTC) and the first second after it; None for anything else, which then filters without
/// the index.
fn period_seconds(date: &str) -> Option<(i64, i64)> {
    use chrono::{Months, NaiveDate};
    let parts: Vec<&str> = date.split('-').collect();
    let number = |i: usize, len: usize| -> Option<u32> {
        let p = parts.get(i)?;
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
    };
    let year = number(0, 4)? as i32;
    let (start, end) = match parts.len() {
        1 => {
            let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
            (start, start.checked_add_months(Months::new(12))?)
        }
        2 => {
            let start = NaiveDate::from_ymd_opt(year, number(1, 2)?, 1)?;
            (start, start.checked_add_months(Months::new(1))?)
        }
        3 => {
            let start = NaiveDate::from_ymd_opt(year, number(1, 2)?, number(2, 2)?)?;
            (start, start.succ_opt()?)
        }
        _ => return None,
    };
    let seconds = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp());
    Some((seconds(start)?, seconds(end)?))
}

/// A document no earlier member of whose group is in the case, kept by triggers (migration
/// 0032) and matching the partial indexes' condition word for word, so the planner uses them.
const SHOWN_FOR_ITS_GROUP: &str = "d.later_copy = 0";

/// A document is shown for its group when no other member still in the case, and matching
/// the filter (`on_earlier`, conditions on `od`), was imported before it. The group's stored id
/// is its smallest member ever, which may be in the trash, so the members are looked up live;
/// a document without a group costs one primary-key lookup. `o.group_id = s.group_id` implies
/// `o.group_id IS NOT NULL`, so the lookup walks the groups' partial index (migration 0017).
fn not_a_later_copy(on_earlier: &[String]) -> String {
    let mut sql = "NOT EXISTS (
    SELECT 1 FROM document_signatures s
    JOIN document_signatures o ON o.group_id = s.group_id AND o.document_id < s.document_id
    JOIN documents od ON od.id = o.document_id
    WHERE s.document_id = d.id AND s.group_id IS NOT NULL"
        .to_string();
    for condition in on_earlier {
        sql.push_str(" AND ");
        sql.push_str(condition);
    }
    sql.push(')');
    sql
}

/// A message is shown for its thread when no earlier message of the thread (by date, then id:
/// its `place`), matching the filter (`on_earlier`, conditions on `td`), is in the case. The
/// threads are the connection's copy in `temp.library_threads`, made current by
/// `mail::refresh_library_threads` before any page that collapses them; a document in no
/// thread of several costs one primary-key lookup, and the earlier messages are read from the
/// table's index on (thread, place).
fn not_a_later_message(on_earlier: &[String]) -> String {
    let mut sql = "NOT EXISTS (
    SELECT 1 FROM temp.library_threads t
    JOIN temp.library_threads e ON e.thread = t.thread AND e.place < t.place
    JOIN documents td ON td.id = e.document_id
    WHERE t.document_id = d.id"
        .to_string();
    for condition in on_earlier {
        sql.push_str(" AND ");
        sql.push_str(condition);
    }
    sql.push(')');
    sql
}

/// How many messages of `id`'s thread are in the case, itself included: 1 for an email alone
/// in its thread and 0 for a document that is no email.
fn messages_of(conn: &Connection, id: i64, email: bool) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM temp.library_threads t
             JOIN temp.library_threads o ON o.thread = t.thread
             WHERE t.document_id = ?1",
        )?
        .query_row([id], |r| r.get(0))?;
    Ok(if n > 0 {
        n as usize
    } else {
        usize::from(email)
    })
}

/// How many other documents still in the case share `id`'s group of near-duplicates.
fn copies_of(conn: &Connection, id: i64) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM document_signatures s
             JOIN document_signatures o ON o.group_id = s.group_id AND o.document_id <> s.document_id
             JOIN documents od ON od.id = o.document_id
             WHERE s.document_id = ?1 AND s.group_id IS NOT NULL",
        )?
        .query_row([id], |r| r.get(0))?;
    Ok(n as usize)
}

/// The ids of one stretch, in order.
fn stretch(
    conn: &Connection,
    conditions: &[String],
    values: &[Value],
    order: &str,
    limit: i64,
    offset: usize,
) -> Result<Vec<i64>> {
    let mut values = values.to_vec();
    values.push(Value::Integer(limit));
    values.push(Value::Integer(offset as i64));
    let sql = format!(
        "SELECT d.id FROM documents d WHERE {} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
        conditions.join(" AND "),
        values.len() - 1,
        values.len(),
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt
        .query_map(params_from_iter(values.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

fn count(conn: &Connection, conditions: &[String], values: &[Value]) -> Result<usize> {
    let sql = format!(
        "SELECT count(*) FROM documents d WHERE {}",
        conditions.join(" AND ")
    );
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    Ok(n as usize)
}

/// How many rows the request's filter shows in all. Without a title, kind, outlet or date,
/// that is every document less the copies collapsed into their groups, counted from the
/// groups alone (a few rows per group) instead of asking each of a million documents.
fn total(
    conn: &Connection,
    request: &DocumentPageRequest,
    conditions: &[String],
    values: &[Value],
) -> Result<usize> {
    // The tallies count documents, not rows: folded copies or replies would be counted too.
    if only_an_outlet(request) && !request.collapse_copies && !request.collapse_threads {
        return outlet_total(conn, request.outlet.as_deref().unwrap_or("").trim());
    }
    if !narrowing(request, "d", &mut Vec::new()).is_empty() {
        return count(conn, conditions, values);
    }
    unfiltered_total(conn, request)
}

/// Whether the outlet field is the request's only filter.
fn only_an_outlet(request: &DocumentPageRequest) -> bool {
    let blank = |field: &Option<String>| field.as_deref().unwrap_or("").trim().is_empty();
    !blank(&request.outlet)
        && blank(&request.title)
        && request.kind.is_none()
        && blank(&request.from)
        && blank(&request.to)
}

/// The documents of the outlets whose names contain `outlet`, summed from their tallies.
fn outlet_total(conn: &Connection, outlet: &str) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT coalesce(sum(n), 0) FROM outlet_tallies WHERE outlet LIKE ?1 ESCAPE '\\'",
        )?
        .query_row([contains(outlet)], |r| r.get(0))?;
    Ok(n as usize)
}

/// Every document, less the copies folded into their groups and the messages folded into
/// their threads, as the request collapses them. The rows shown for their groups are counted
/// from their partial index (migration 0032), 23k entries in a million-document case of
/// copies, where counting from the groups read every one (0.45 s warm, 5.7 s cold).
fn unfiltered_total(conn: &Connection, request: &DocumentPageRequest) -> Result<usize> {
    let shown = if request.collapse_copies {
        SHOWN_FOR_ITS_GROUP
    } else {
        "1"
    };
    let mut rows = count(conn, &[shown.to_string()], &[])? as i64;
    if request.collapse_threads {
        // Every message of a thread but its first is folded (the table holds messages in the
        // case only, being made again whenever an email comes or goes), unless it is a later
        // copy that the count above left out already.
        rows -= conn
            .prepare_cached(&later_messages_counted(request.collapse_copies))?
            .query_row([], |r| r.get::<_, i64>(0))?;
    }
    Ok(rows.max(0) as usize)
}

/// Counts the later messages of threads, leaving out the later copies when copies collapse
/// too, since those were not counted as rows. CROSS JOIN keeps the threads' table outside:
/// without statistics on it the planner walked the million documents and looked each up in
/// the threads (470 ms at 1M, for a case without one email).
fn later_messages_counted(collapse_copies: bool) -> String {
    if collapse_copies {
        format!(
            "SELECT count(*) FROM temp.library_threads t
             CROSS JOIN documents d ON d.id = t.document_id
             WHERE t.place > 0 AND {SHOWN_FOR_ITS_GROUP}"
        )
    } else {
        "SELECT count(*) FROM temp.library_threads WHERE place > 0".to_string()
    }
}

/// The SQL of both stretches' ORDER BY, for tests that check the plans use an index.
pub fn orders(sort: LibrarySort, dir: SortDir) -> (String, Option<String>) {
    let dir = match dir {
        SortDir::Asc => "",
        SortDir::Desc => " DESC",
    };
    match column(sort) {
        Some((col, nullable)) => (
            format!("{col}{dir}, d.id{dir}"),
            nullable.then(|| "d.id".to_string()),
        ),
        None => (format!("d.id{dir}"), None),
    }
}

/// The ids of one page of the library, in its order: what a bulk action over "every row the
/// library shows" or over a Shift+click range acts on, whether the window loaded them or not.
pub fn ids(conn: &Connection, request: &DocumentPageRequest) -> Result<Vec<i64>> {
    Ok(ids_and_filter(conn, request)?.found)
}

/// One page's ids, with the filter's WHERE clause and values for counting, and the count when
/// finding the page needed it.
struct Found {
    found: Vec<i64>,
    conditions: Vec<String>,
    values: Vec<Value>,
    counted: Option<usize>,
}

/// The ids of one page, with the filter's WHERE clause and values for counting.
fn ids_and_filter(conn: &Connection, request: &DocumentPageRequest) -> Result<Found> {
    if request.collapse_threads {
        super::mail::refresh_library_threads(conn)?;
    }
    let (mut conditions, values) = filter(request);
    let limit = request
        .limit
        .map_or(i64::MAX, |n| n.min(i64::MAX as usize) as i64);
    let (counted, sorted) = match title_matches(conn, request, &conditions, &values)? {
        Some((matches, the_set)) => {
            let sorted = sort_the_matches(conn, matches, request.offset, limit)?;
            if sorted {
                conditions.push(the_set);
            }
            (Some(matches), sorted)
        }
        None => (None, false),
    };
    let (mut order, mut null_order) = orders(request.sort, request.dir);
    let mut unary = "";
    if sorted {
        // The matches are found through the titles' index and sorted; a unary `+` on the
        // order's column keeps the planner from walking the order's index instead.
        unary = "+";
        order = format!("+{order}");
        null_order = null_order.map(|o| format!("+{o}"));
    }
    let mut with_value = conditions.clone();
    let mut without_value = conditions.clone();
    if let Some((col, true)) = column(request.sort) {
        with_value.push(format!("{unary}{col} IS NOT NULL"));
        without_value.push(format!("{unary}{col} IS NULL"));
    }
    if let Some(found) = from_the_end(conn, request, &with_value, &without_value, &values)? {
        return Ok(Found {
            found,
            conditions,
            values,
            counted,
        });
    }
    let mut found = stretch(conn, &with_value, &values, &order, limit, request.offset)?;
    if let Some(null_order) = null_order {
        let missing = limit - found.len() as i64;
        if missing > 0 {
            // The page runs past the rows with a value: the rest comes from the rows without,
            // from where the first stretch ended.
            // With rows found, the first stretch ended inside this page and the second starts
            // at its top; with none, the page starts this far into the second stretch.
            let skip = if found.is_empty() {
                request
                    .offset
                    .saturating_sub(count(conn, &with_value, &values)?)
            } else {
                0
            };
            found.extend(stretch(
                conn,
                &without_value,
                &values,
                &null_order,
                missing,
                skip,
            )?);
        }
    }
    Ok(Found {
        found,
        conditions,
        values,
        counted,
    })
}

/// How many rows a request with a title filter shows, counted first: matching part of a
/// title reads every title, and the count tells whether the page is found faster by walking
/// the order or by sorting the matches. With it, the condition that selects the documents
/// whose titles match, for sorting them. None without a title filter.
///
/// The titles are matched once, through the titles' index (which holds the title and the id,
/// so no row is read: about 0.1 s at a million). When they are at most `TITLE_MATCHES_KEPT`,
/// their ids go to the connection's `temp.library_title_matches`, and the count and the page
/// look up those rows alone; counting with the filter read every row instead, and with copies
/// collapsed asked each matching later copy about its group (0.5-1.2 s in the window at 1M).
fn title_matches(
    conn: &Connection,
    request: &DocumentPageRequest,
    conditions: &[String],
    values: &[Value],
) -> Result<Option<(usize, String)>> {
    if request.title.as_deref().unwrap_or("").trim().is_empty() {
        return Ok(None);
    }
    let mut words_values = Vec::new();
    let words = narrowing(
        &DocumentPageRequest {
            title: request.title.clone(),
            ..Default::default()
        },
        "t",
        &mut words_values,
    );
    let matching = format!("SELECT t.id FROM documents t WHERE {}", words.join(" AND "));
    let ids = {
        let mut stmt = conn.prepare_cached(&matching)?;
        let rows = stmt.query_map(params_from_iter(words_values.iter()), |r| r.get(0))?;
        let mut ids = Vec::new();
        for id in rows {
            ids.push(id?);
            if ids.len() > TITLE_MATCHES_KEPT {
                break;
            }
        }
        ids
    };
    if ids.len() > TITLE_MATCHES_KEPT {
        // Too many to keep: the count reads every row, and a sorted page reads the titles
        // again. The words are the first values `filter` numbers, so their `?N` are the page's.
        let the_set = format!("d.id IN ({})", matching);
        return Ok(Some((count(conn, conditions, values)?, the_set)));
    }
    keep_title_matches(conn, &ids)?;
    let the_set = "d.id IN (SELECT id FROM temp.library_title_matches)".to_string();
    let mut within = conditions.to_vec();
    within.push(the_set.clone());
    Ok(Some((count(conn, &within, values)?, the_set)))
}

/// The most title matches kept apart for a page: a hundred thousand ids take a few
/// milliseconds to keep, and looking up each matching row costs less than reading them all.
const TITLE_MATCHES_KEPT: usize = 100_000;

/// Puts `ids` in the connection's `temp.library_title_matches`, replacing what it held. The
/// table is the connection's own, so it is written even on a read-only case.
fn keep_title_matches(conn: &Connection, ids: &[i64]) -> Result<()> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS library_title_matches (id INTEGER PRIMARY KEY);
         SAVEPOINT title_matches;
         DELETE FROM temp.library_title_matches;",
    )?;
    let kept = (|| -> Result<()> {
        let mut insert = conn
            .prepare_cached("INSERT OR IGNORE INTO temp.library_title_matches (id) VALUES (?1)")?;
        for id in ids {
            insert.execute([id])?;
        }
        Ok(())
    })();
    match kept {
        Ok(()) => conn.execute_batch("RELEASE title_matches")?,
        Err(err) => {
            conn.execute_batch("ROLLBACK TO title_matches; RELEASE title_matches")?;
            return Err(err);
        }
    }
    Ok(())
}

/// Whether a page of `matches` rows out of the case is found faster by sorting the matches
/// than by walking the order's index. The walk reads about `(offset + limit) × documents /
/// matches` rows, each a lookup of its title (a title found in 302 of a million documents
/// took 1.4 s for the first page); sorting reads the titles' index once (about 90 ms at a
/// million) and looks up each match. The ids are never reused, so the largest is an upper
/// bound of the documents, read from the end of the table.
fn sort_the_matches(conn: &Connection, matches: usize, offset: usize, limit: i64) -> Result<bool> {
    let documents: i64 = conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM documents")?
        .query_row([], |r| r.get(0))?;
    let walked = (offset as u128 + limit.max(0) as u128) * documents.max(0) as u128;
    Ok((matches as u128).pow(2) <= walked)
}

/// Pages past the middle of an unfiltered library, read by walking the order backwards from
/// the end: `OFFSET` steps over every row before the page, which at the end of a million rows
/// with copies collapsed is a million group lookups (a second), and from the end it is a few.
/// Only unfiltered, because the walk needs the total, which a filter makes a scan. The order
/// backwards is the rows without a value by id descending, then the rows with one in the
/// opposite direction; the page found is turned round. None when the page is nearer the top.
fn from_the_end(
    conn: &Connection,
    request: &DocumentPageRequest,
    with_value: &[String],
    without_value: &[String],
    values: &[Value],
) -> Result<Option<Vec<i64>>> {
    let Some(limit) = request.limit else {
        return Ok(None);
    };
    if request.offset < FROM_THE_END_AFTER || !narrowing(request, "d", &mut Vec::new()).is_empty() {
        return Ok(None);
    }
    let total = unfiltered_total(conn, request)?;
    if request.offset <= total / 2 {
        return Ok(None);
    }
    let end = (request.offset + limit).min(total);
    if request.offset >= end {
        return Ok(Some(Vec::new()));
    }
    // The page is rows [skip, skip + wanted) of the order backwards.
    let (mut skip, mut wanted) = (total - end, end - request.offset);
    let flipped = match request.dir {
        SortDir::Asc => SortDir::Desc,
        SortDir::Desc => SortDir::Asc,
    };
    let (backwards, _) = orders(request.sort, flipped);
    let mut found = Vec::new();
    if let Some((_, true)) = column(request.sort) {
        let without = count(conn, without_value, values)?;
        if skip < without {
            let part = stretch(
                conn,
                without_value,
                values,
                "d.id DESC",
                wanted as i64,
                skip,
            )?;
            wanted -= part.len();
            found.extend(part);
            skip = 0;
        } else {
            skip -= without;
        }
    }
    if wanted > 0 {
        found.extend(stretch(
            conn,
            with_value,
            values,
            &backwards,
            wanted as i64,
            skip,
        )?);
    }
    found.reverse();
    Ok(Some(found))
}

/// How deep into the library a page must be before it is worth counting the rows to walk from
/// the end instead (counting reads an index of every row shown).
const FROM_THE_END_AFTER: usize = 5_000;

/// One page of the library.
pub fn page(conn: &Connection, request: &DocumentPageRequest) -> Result<DocumentPage> {
    let Found {
        found,
        conditions,
        values,
        counted,
    } = ids_and_filter(conn, request)?;
    let limit = request
        .limit
        .map_or(i64::MAX, |n| n.min(i64::MAX as usize) as i64);
    let total = if request.skip_total {
        None
    } else if request.offset == 0 && (found.len() as i64) < limit {
        Some(found.len())
    } else if counted.is_some() {
        counted
    } else {
        Some(total(conn, request, &conditions, &values)?)
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM documents d WHERE d.id = ?1",
        super::documents::SUMMARY_COLUMNS
    ))?;
    let documents = found
        .iter()
        .map(|id| stmt.query_row([id], super::documents::summary_from_row))
        .collect::<rusqlite::Result<Vec<DocumentSummary>>>()?;
    let copies = found
        .iter()
        .map(|&id| copies_of(conn, id))
        .collect::<Result<Vec<usize>>>()?;
    let messages = if request.collapse_threads {
        documents
            .iter()
            .map(|doc| messages_of(conn, doc.id, doc.format == SourceFormat::Email))
            .collect::<Result<Vec<usize>>>()?
    } else {
        vec![0; documents.len()]
    };
    Ok(DocumentPage {
        total,
        documents,
        copies,
        messages,
    })
}

/// The outlets with the most documents, for the library's suggestions; summed from the outlet
/// tallies (migration 0026), names that differ only in case together.
pub fn outlets(conn: &Connection, limit: usize) -> Result<Vec<OutletCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT outlet, sum(n) AS n FROM outlet_tallies
         GROUP BY outlet COLLATE NOCASE ORDER BY n DESC, outlet COLLATE NOCASE LIMIT ?1",
    )?;
    let rows = stmt
        .query_map([limit as i64], |r| {
            Ok(OutletCount {
                outlet: r.get(0)?,
                documents: r.get::<_, i64>(1)? as usize,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

#[cfg(test)]
#[path = "document_page_tests.rs"]
mod tests;
