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
const WALK_FROM: &str = "FROM documents d CROSS JOIN quotes q ON q.document_id = d.id
    LEFT JOIN entities e ON e.id = q.speaker_id";

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

/// Quotes matching `filter`, in the order of their documents' publication, then in reading
/// order. Scare quotes are not speech and are listed only when asked for by kind.
pub fn list(conn: &Connection, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>> {
    // Without a speaker or a document to start from, the quotes are read by walking the
    // documents in publication order (`documents_publication_order`) and each one's quotes by
    // position, so a page stops after its rows; otherwise the few matching quotes are sorted.
    let walk = filter.speaker.is_none() && filter.doc_id.is_none();
    let (from, columns) = if walk {
        (WALK_FROM, "q.id")
    } else {
        (FROM, COLUMNS)
    };
    let Some((mut sql, mut args)) = matching(conn, filter, columns, from)? else {
        return Ok(Vec::new());
    };
    let mut page = filter
        .limit
        .map(|limit| (filter.offset.unwrap_or(0), limit));
    // A walk costs what it skips, so a page past the middle of a counted list is read from the
    // end, backwards: the last page (the End key) is as quick as the first.
    let mut backwards = false;
    if let (true, Some((offset, limit))) = (walk && is_tallied(filter), page) {
        let total = count(conn, filter)?;
        if offset >= total {
            return Ok(Vec::new());
        }
        let limit = limit.min(total - offset);
        if offset + limit / 2 > total / 2 {
            backwards = true;
            page = Some((total - offset - limit, limit));
        }
    }
    const ORDER: &str =
        " ORDER BY d.published_earliest IS NULL, d.published_earliest, d.id, q.start, q.id";
    sql.push_str(if backwards {
        " ORDER BY d.published_earliest IS NULL DESC, d.published_earliest DESC, d.id DESC,
          q.start DESC, q.id DESC"
    } else {
        ORDER
    });
    let (offset, limit) = match page {
        Some((offset, limit)) => (Some(offset), Some(limit)),
        None => (filter.offset, None),
    };
    if limit.is_some() || offset.is_some() {
        args.push(limit.map_or(-1, |l| l as i64).into());
        args.push((offset.unwrap_or(0) as i64).into());
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
        let mut stmt = conn.prepare_cached(
            "SELECT coalesce(sum(n), 0) FROM quote_tallies
             WHERE (?1 IS NULL AND status <> 'rejected' OR status = ?1)
               AND (?2 IS NULL AND kind <> 'scare' OR kind = ?2)",
        )?;
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
