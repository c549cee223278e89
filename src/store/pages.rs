//! The `document_pages` and `document_structure` tables: where each page of a PDF lies in the
//! stored text, whether the source needed OCR, and the legal structure of a court filing.

use rusqlite::{params, Connection, OptionalExtension};

use crate::model::{Document, LegalStructure, PageSpan, Structure, TextStatus};
use crate::Result;

/// Stores what import learned about a new document's structure. Writes nothing for a
/// document without pages, legal structure or a text status to report.
pub fn insert(conn: &Connection, doc_id: i64, structure: &Structure) -> Result<()> {
    let mut page = conn.prepare_cached(
        "INSERT INTO document_pages (document_id, physical, number, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for p in &structure.pages {
        page.execute(params![
            doc_id,
            p.physical,
            p.number,
            p.start as i64,
            p.end as i64
        ])?;
    }
    if structure.text_status == TextStatus::NeedsOcr {
        // A scan waits for the OCR stage, for its pages without text, in the case's default
        // languages (an import given `--ocr-lang` sets its own afterwards).
        let scanned: Vec<u32> = structure
            .pages
            .iter()
            .filter(|p| p.end - p.start < super::ocr::MIN_PAGE_TEXT)
            .map(|p| p.physical)
            .collect();
        super::ocr::create_job(conn, doc_id, None, &scanned)?;
    }
    if structure.legal.is_some() || structure.text_status != TextStatus::Text {
        set(
            conn,
            doc_id,
            structure.text_status,
            structure.legal.as_ref(),
        )?;
    }
    Ok(())
}

/// Replaces a document's text status and legal structure.
pub fn set(
    conn: &Connection,
    doc_id: i64,
    status: TextStatus,
    legal: Option<&LegalStructure>,
) -> Result<()> {
    let legal = legal.map(serde_json::to_string).transpose()?;
    conn.prepare_cached(
        "INSERT INTO document_structure (document_id, text_status, legal) VALUES (?1, ?2, ?3)
         ON CONFLICT (document_id) DO UPDATE SET text_status = excluded.text_status,
            legal = excluded.legal",
    )?
    .execute(params![doc_id, status.as_str(), legal])?;
    Ok(())
}

/// The pages of a document in order; empty for a source without pages.
pub fn pages(conn: &Connection, doc_id: i64) -> Result<Vec<PageSpan>> {
    let mut stmt = conn.prepare_cached(
        "SELECT physical, number, start, end FROM document_pages WHERE document_id = ?1
         ORDER BY physical",
    )?;
    let rows = stmt.query_map([doc_id], |r| {
        Ok(PageSpan {
            physical: r.get(0)?,
            number: r.get(1)?,
            start: r.get::<_, i64>(2)? as usize,
            end: r.get::<_, i64>(3)? as usize,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The page of `pages` (which tile the text in order) holding char `offset`.
pub fn page_at(pages: &[PageSpan], offset: usize) -> Option<&PageSpan> {
    let i = pages.partition_point(|p| p.end <= offset);
    pages
        .get(i)
        .filter(|p| p.start <= offset)
        .or_else(|| pages.last().filter(|p| p.end == offset))
}

/// A document's legal structure, when it is a court filing.
pub fn legal(conn: &Connection, doc_id: i64) -> Result<Option<LegalStructure>> {
    let raw: Option<Option<String>> = conn
        .prepare_cached("SELECT legal FROM document_structure WHERE document_id = ?1")?
        .query_row([doc_id], |r| r.get(0))
        .optional()?;
    Ok(raw
        .flatten()
        .and_then(|json| serde_json::from_str(&json).ok()))
}

/// Adds pages, text status and legal structure to a document read from the case.
pub fn fill(conn: &Connection, doc: &mut Document) -> Result<()> {
    let id = doc.summary.id;
    doc.pages = pages(conn, id)?;
    let row: Option<(String, Option<String>)> = conn
        .prepare_cached("SELECT text_status, legal FROM document_structure WHERE document_id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((status, legal)) = row {
        doc.text_status = if status == "needs_ocr" {
            TextStatus::NeedsOcr
        } else {
            TextStatus::Text
        };
        doc.legal = legal.and_then(|json| serde_json::from_str(&json).ok());
    }
    doc.ocr = super::ocr::info(conn, id)?;
    Ok(())
}

/// `not_found` unless the case holds document `doc_id`.
pub fn must_exist(conn: &Connection, doc_id: i64) -> Result<()> {
    let found: Option<i64> = conn
        .prepare_cached("SELECT id FROM documents WHERE id = ?1")?
        .query_row([doc_id], |r| r.get(0))
        .optional()?;
    match found {
        Some(_) => Ok(()),
        None => Err(crate::Error::not_found(format!(
            "no document with id {doc_id}"
        ))),
    }
}
