//! The `documents` and `document_contents` tables.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::model::{
    Document, DocumentEdit, DocumentKind, DocumentSummary, ImportedDocument, SourceFormat,
};
use crate::pubdate::{parse_published, DatePrecision};
use crate::{Error, Result};

const SUMMARY_COLUMNS: &str =
    "d.id, d.kind, d.title, d.url, d.outlet, d.published, d.doc_ref, d.sha256, d.format";

/// Returns the id of the document whose original bytes hash to `sha256`, if any.
pub fn find_by_sha256(conn: &Connection, sha256: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM documents WHERE sha256 = ?1")?
        .query_row([sha256], |row| row.get(0))
        .optional()?)
}

/// Stores a new document and returns its id. The caller owns the transaction.
pub fn insert(
    conn: &Connection,
    doc: &ImportedDocument,
    sha256: &str,
    original_path: Option<&str>,
    imported_at: &str,
) -> Result<i64> {
    let published = doc.published.as_ref();
    // The id is chosen past every deleted document's too, so that an id a note may cite is
    // never given to another source.
    let id = super::trash::max_document_id(conn)? + 1;
    conn.prepare_cached(
        "INSERT INTO documents (id, kind, title, url, outlet, authors, published_raw, published,
            published_precision, published_zone, published_earliest, published_latest, keywords,
            language, doc_ref, format, sha256, original_size, extra, imported_at, original_path)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21)",
    )?
    .execute(params![
        id,
        doc.kind.as_str(),
        doc.title,
        doc.url,
        doc.outlet,
        serde_json::to_string(&doc.authors)?,
        doc.published_raw,
        published.map(|p| p.iso.as_str()),
        published.map(|p| p.precision.as_str()),
        published.and_then(|p| p.zone.as_deref()),
        published.map(|p| p.earliest),
        published.map(|p| p.latest),
        serde_json::to_string(&doc.keywords)?,
        doc.language,
        doc.doc_ref,
        doc.format.as_str(),
        sha256,
        doc.original.len() as i64,
        serde_json::to_string(&doc.extra)?,
        imported_at,
        original_path,
    ])?;
    conn.prepare_cached(
        "INSERT INTO document_contents (document_id, original, text, text_sha256)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        id,
        doc.original,
        doc.text,
        crate::digest::sha256_hex(doc.text.as_bytes())
    ])?;
    Ok(id)
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<DocumentSummary> {
    let kind: String = row.get(1)?;
    let format: String = row.get(8)?;
    Ok(DocumentSummary {
        id: row.get(0)?,
        kind: DocumentKind::parse(&kind).unwrap_or(DocumentKind::Other),
        title: row.get(2)?,
        url: row.get(3)?,
        outlet: row.get(4)?,
        published: row.get(5)?,
        doc_ref: row.get(6)?,
        sha256: row.get(7)?,
        format: SourceFormat::parse(&format).unwrap_or(SourceFormat::Text),
    })
}

/// Every document, oldest publication first; undated documents come last, in import order.
pub fn list(conn: &Connection) -> Result<Vec<DocumentSummary>> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM documents d
         ORDER BY d.published_earliest IS NULL, d.published_earliest, d.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn count(conn: &Connection) -> Result<usize> {
    let n: i64 = conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
    Ok(n as usize)
}

/// One document with its text and all its metadata.
pub fn get(conn: &Connection, id: i64) -> Result<Document> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, d.authors, d.published_raw, d.published_precision,
            d.published_zone, d.keywords, d.language, d.extra, d.original_size, d.imported_at,
            d.original_path, c.text
         FROM documents d JOIN document_contents c ON c.document_id = d.id
         WHERE d.id = ?1"
    );
    conn.query_row(&sql, [id], |row| {
        let authors: String = row.get(9)?;
        let precision: Option<String> = row.get(11)?;
        let keywords: String = row.get(13)?;
        let extra: String = row.get(15)?;
        Ok(Document {
            summary: summary_from_row(row)?,
            authors: serde_json::from_str(&authors).unwrap_or_default(),
            published_raw: row.get(10)?,
            published_precision: precision.as_deref().and_then(DatePrecision::parse),
            published_zone: row.get(12)?,
            keywords: serde_json::from_str(&keywords).unwrap_or_default(),
            language: row.get(14)?,
            extra: serde_json::from_str(&extra).unwrap_or(serde_json::Value::Null),
            original_size: row.get(16)?,
            imported_at: row.get(17)?,
            original_path: row.get(18)?,
            text: row.get(19)?,
            pages: Vec::new(),
            text_status: Default::default(),
            ocr: None,
            legal: None,
        })
    })
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no document with id {id}")))
    .and_then(|mut doc| {
        super::pages::fill(conn, &mut doc)?;
        Ok(doc)
    })
}

/// The original bytes of a document, exactly as imported.
pub fn original(conn: &Connection, id: i64) -> Result<Vec<u8>> {
    conn.query_row(
        "SELECT original FROM document_contents WHERE document_id = ?1",
        [id],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no document with id {id}")))
}

/// The path a document was imported from, when the importer recorded one.
pub fn original_path(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT original_path FROM documents WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten())
}

/// Changes what a person can correct about a document: its kind, title, publication date
/// and outlet. The caller owns the transaction. A new date moves the document's publication
/// event on the timeline with it.
pub fn update_metadata(conn: &Connection, id: i64, edit: &DocumentEdit) -> Result<()> {
    let title = edit.title.as_deref().map(str::trim);
    if title == Some("") {
        return Err(Error::invalid_input("a document's title cannot be empty"));
    }
    let published = match edit.published.as_deref().map(str::trim) {
        None => None,
        Some(raw) => Some(parse_published(raw).ok_or_else(|| {
            Error::invalid_input(format!(
                "'{raw}' is not a date; write it as 2017-04-12, 2017-04 or 2017"
            ))
        })?),
    };
    // An outlet given as blank clears it; None leaves it.
    let outlet = edit.outlet.as_deref().map(str::trim);
    let changed = conn.execute(
        "UPDATE documents SET kind = coalesce(?2, kind), title = coalesce(?3, title),
            outlet = CASE WHEN ?4 IS NULL THEN outlet ELSE nullif(?4, '') END
         WHERE id = ?1",
        params![id, edit.kind.map(|k| k.as_str()), title, outlet],
    )?;
    if changed == 0 {
        return Err(Error::not_found(format!("no document with id {id}")));
    }
    if let (Some(p), Some(raw)) = (&published, edit.published.as_deref()) {
        conn.execute(
            "UPDATE documents SET published_raw = ?2, published = ?3, published_precision = ?4,
                published_zone = ?5, published_earliest = ?6, published_latest = ?7
             WHERE id = ?1",
            params![
                id,
                raw.trim(),
                p.iso,
                p.precision.as_str(),
                p.zone,
                p.earliest,
                p.latest
            ],
        )?;
        // The publication event spans the date's interval (its latest is exclusive, the
        // document's inclusive), as extraction writes it.
        conn.execute(
            "UPDATE events SET value = ?2, earliest = ?3, latest = ?4, precision = ?5
             WHERE kind = 'publication'
               AND id IN (SELECT event_id FROM event_sources WHERE document_id = ?1)",
            params![id, p.iso, p.earliest, p.latest + 1, p.precision.as_str()],
        )?;
        conn.execute(
            "UPDATE event_sources SET value = ?2, earliest = ?3, latest = ?4
             WHERE document_id = ?1 AND event_id IN
                (SELECT id FROM events WHERE kind = 'publication')",
            params![id, p.iso, p.earliest, p.latest + 1],
        )?;
    }
    Ok(())
}

/// Calls `visit(id, recorded_sha256, original_bytes)` (None when the original is missing) for every document, one at a time so
/// that verifying a large case never holds more than one original in memory.
pub fn for_each_original(
    conn: &Connection,
    mut visit: impl FnMut(i64, &str, Option<&[u8]>),
) -> Result<usize> {
    let mut stmt = conn.prepare(
        "SELECT d.id, d.sha256, c.original FROM documents d
         LEFT JOIN document_contents c ON c.document_id = d.id ORDER BY d.id",
    )?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let sha: String = row.get(1)?;
        let bytes = row
            .get_ref(2)?
            .as_blob_or_null()
            .map_err(rusqlite::Error::from)?;
        visit(id, &sha, bytes);
        n += 1;
    }
    Ok(n)
}

/// The interval a document's publication date covers, unix seconds, inclusive.
pub fn published_span(conn: &Connection, id: i64) -> Result<Option<(i64, i64)>> {
    let span: (Option<i64>, Option<i64>) = conn.query_row(
        "SELECT published_earliest, published_latest FROM documents WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(span.0.zip(span.1))
}

/// A document as the search index needs it: the metadata it filters and facets on, and the
/// text it tokenizes.
pub struct IndexRow {
    pub id: i64,
    pub kind: DocumentKind,
    pub title: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub earliest: Option<i64>,
    pub latest: Option<i64>,
    pub keywords: Vec<String>,
    pub text: String,
    /// People's tags on the document and its marks (migration 0020).
    pub tags: Vec<String>,
    pub starred: bool,
    pub reviewed: bool,
}

/// Calls `visit` for every document, or, given a search-journal range `(after, up_to)`, for
/// the documents changed in it, one row at a time so a rebuild never holds the whole case in
/// memory. Returns how many rows were visited.
pub fn for_each_for_index(
    conn: &Connection,
    journal_range: Option<(i64, i64)>,
    mut visit: impl FnMut(IndexRow) -> Result<()>,
) -> Result<usize> {
    let filter = if journal_range.is_some() {
        "WHERE d.id IN (SELECT CAST(substr(unit, 10) AS INTEGER) FROM search_journal
            WHERE unit LIKE 'document:%' AND seq > ?1 AND seq <= ?2)"
    } else {
        ""
    };
    let sql = format!(
        "SELECT d.id, d.kind, d.title, d.url, d.outlet, d.published, d.published_earliest,
            d.published_latest, d.keywords, c.text,
            (SELECT group_concat(tag, ',') FROM document_tags t WHERE t.document_id = d.id),
            coalesce(m.starred, 0), coalesce(m.reviewed, 0)
         FROM documents d JOIN document_contents c ON c.document_id = d.id
         LEFT JOIN document_marks m ON m.document_id = d.id {filter}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = match journal_range {
        Some((after, up_to)) => stmt.query(params![after, up_to])?,
        None => stmt.query([])?,
    };
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let kind: String = r.get(1)?;
        let keywords: String = r.get(8)?;
        visit(IndexRow {
            id: r.get(0)?,
            kind: DocumentKind::parse(&kind).unwrap_or(DocumentKind::Other),
            title: r.get(2)?,
            url: r.get(3)?,
            outlet: r.get(4)?,
            published: r.get(5)?,
            earliest: r.get(6)?,
            latest: r.get(7)?,
            keywords: serde_json::from_str(&keywords).unwrap_or_default(),
            text: r.get(9)?,
            tags: super::doc_tags::split_tags(r.get::<_, Option<String>>(10)?.as_deref()),
            starred: r.get(11)?,
            reviewed: r.get(12)?,
        })?;
        n += 1;
    }
    Ok(n)
}
