//! The OCR tables (migration 0015): jobs waiting, pages recognised so far, each OCRed
//! document's record, and the case's default OCR languages.
//!
//! A page is committed as it is recognised, so a stage killed at any moment resumes at the
//! next page; a document's text is written from its pages in [`write_text`], one transaction
//! that also removes the job and its pages, so the two never disagree.

use rusqlite::{params, Connection, OptionalExtension};

use crate::model::{LegalStructure, OcrInfo, OcrPageFailure, PageSpan};
use crate::Result;

/// A page with less text than this (in chars) is taken as having none to speak of: a scan,
/// perhaps under a stamped header line. The PDF importer draws the same line.
pub const MIN_PAGE_TEXT: usize = 24;

/// A document waiting for OCR.
#[derive(Debug, Clone)]
pub struct Job {
    pub document_id: i64,
    pub languages: String,
    pub pages: Vec<u32>,
}

/// A page recognised, or why it could not be.
#[derive(Debug, Clone, Default)]
pub struct PageResult {
    pub physical: u32,
    pub text: String,
    pub low: Vec<(usize, usize)>,
    pub words: usize,
    pub confidence: Option<f32>,
    pub error: Option<String>,
}

/// The languages scans are read in when an import names none.
pub fn default_languages(conn: &Connection) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT value FROM case_settings WHERE key = 'ocr_languages'")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| crate::ocr::DEFAULT_LANGUAGES.to_string()))
}

pub fn set_default_languages(conn: &Connection, languages: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO case_settings (key, value) VALUES ('ocr_languages', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([languages])?;
    Ok(())
}

/// Makes `document_id` wait for OCR of `pages` in `languages` (the case default when `None`),
/// replacing a job it had and the pages that job had recognised.
pub fn create_job(
    conn: &Connection,
    document_id: i64,
    languages: Option<&str>,
    pages: &[u32],
) -> Result<()> {
    let languages = match languages {
        Some(l) => l.to_string(),
        None => default_languages(conn)?,
    };
    conn.prepare_cached("DELETE FROM ocr_pages WHERE document_id = ?1")?
        .execute([document_id])?;
    conn.prepare_cached(
        "INSERT INTO ocr_jobs (document_id, languages, pages) VALUES (?1, ?2, ?3)
         ON CONFLICT (document_id) DO UPDATE SET languages = excluded.languages,
            pages = excluded.pages",
    )?
    .execute(params![
        document_id,
        languages,
        serde_json::to_string(pages)?
    ])?;
    Ok(())
}

/// Gives the jobs of documents past `after` (those an import just added) other languages.
pub fn set_languages_after(conn: &Connection, after: i64, languages: &str) -> Result<()> {
    conn.prepare_cached("UPDATE ocr_jobs SET languages = ?2 WHERE document_id > ?1")?
        .execute(params![after, languages])?;
    Ok(())
}

/// Every job of a document in the case, in id order.
pub fn jobs(conn: &Connection) -> Result<Vec<Job>> {
    let mut stmt = conn.prepare_cached(
        "SELECT j.document_id, j.languages, j.pages FROM ocr_jobs j
         JOIN documents d ON d.id = j.document_id ORDER BY j.document_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let pages: String = r.get(2)?;
        Ok(Job {
            document_id: r.get(0)?,
            languages: r.get(1)?,
            pages: serde_json::from_str(&pages).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Pages waiting for OCR in the whole case.
pub fn pending_pages(conn: &Connection) -> Result<usize> {
    let mut total = 0;
    for job in jobs(conn)? {
        total += job
            .pages
            .len()
            .saturating_sub(done_pages(conn, job.document_id)?.len());
    }
    Ok(total)
}

/// The pages of a job already recognised (or given up on).
pub fn done_pages(conn: &Connection, document_id: i64) -> Result<Vec<u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT physical FROM ocr_pages WHERE document_id = ?1 ORDER BY physical",
    )?;
    let rows = stmt.query_map([document_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Stores one page's result; on its own it is one transaction, committed at once.
pub fn save_page(conn: &Connection, document_id: i64, page: &PageResult) -> Result<()> {
    let low: Vec<[usize; 2]> = page.low.iter().map(|&(s, e)| [s, e]).collect();
    conn.prepare_cached(
        "INSERT OR REPLACE INTO ocr_pages
            (document_id, physical, text, low, words, confidence, error)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        document_id,
        page.physical,
        page.text,
        serde_json::to_string(&low)?,
        page.words as i64,
        page.confidence.map(f64::from),
        page.error,
    ])?;
    Ok(())
}

/// The pages of a job recognised so far, in page order.
pub fn page_results(conn: &Connection, document_id: i64) -> Result<Vec<PageResult>> {
    let mut stmt = conn.prepare_cached(
        "SELECT physical, text, low, words, confidence, error FROM ocr_pages
         WHERE document_id = ?1 ORDER BY physical",
    )?;
    let rows = stmt.query_map([document_id], |r| {
        let low: String = r.get(2)?;
        let low: Vec<[usize; 2]> = serde_json::from_str(&low).unwrap_or_default();
        Ok(PageResult {
            physical: r.get(0)?,
            text: r.get(1)?,
            low: low.into_iter().map(|[s, e]| (s, e)).collect(),
            words: r.get::<_, i64>(3)? as usize,
            confidence: r.get::<_, Option<f64>>(4)?.map(|c| c as f32),
            error: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What the stage writes when a document's pages are all done.
pub struct Recognized<'a> {
    pub text: &'a str,
    pub pages: &'a [PageSpan],
    pub legal: Option<&'a LegalStructure>,
    pub kind: Option<&'a str>,
    pub language: Option<&'a str>,
    pub info: &'a OcrInfo,
}

/// Writes a document's text from OCR with its pages and record, removes its job and pages,
/// and makes it pending for extraction, all in the caller's transaction. The journal row
/// makes the search index read the document again.
pub fn write_text(conn: &Connection, document_id: i64, r: &Recognized<'_>) -> Result<()> {
    super::integrity::restore_text(
        conn,
        document_id,
        r.text,
        &crate::digest::sha256_hex(r.text.as_bytes()),
    )?;
    conn.prepare_cached("DELETE FROM document_pages WHERE document_id = ?1")?
        .execute([document_id])?;
    super::pages::insert(
        conn,
        document_id,
        &crate::model::Structure {
            pages: r.pages.to_vec(),
            text_status: crate::model::TextStatus::Text,
            legal: None,
        },
    )?;
    super::pages::set(conn, document_id, crate::model::TextStatus::Text, r.legal)?;
    if let Some(kind) = r.kind {
        conn.prepare_cached("UPDATE documents SET kind = ?2 WHERE id = ?1")?
            .execute(params![document_id, kind])?;
    }
    conn.prepare_cached("UPDATE documents SET language = coalesce(language, ?2) WHERE id = ?1")?
        .execute(params![document_id, r.language])?;
    let info = r.info;
    let failed: Vec<(u32, &str)> = info
        .failed_pages
        .iter()
        .map(|f| (f.page, f.error.as_str()))
        .collect();
    conn.prepare_cached(
        "INSERT OR REPLACE INTO document_ocr
            (document_id, engine, languages, mean_confidence, pages, low_confidence, failed_pages)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        document_id,
        info.engine,
        info.languages,
        info.mean_confidence.map(f64::from),
        serde_json::to_string(&info.pages)?,
        serde_json::to_string(&info.low_confidence)?,
        serde_json::to_string(&failed)?,
    ])?;
    for sql in [
        "DELETE FROM ocr_pages WHERE document_id = ?1",
        "DELETE FROM ocr_jobs WHERE document_id = ?1",
        "DELETE FROM document_extraction WHERE document_id = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([document_id])?;
    }
    Ok(())
}

/// How a document's text was recognised, when it was.
pub fn info(conn: &Connection, document_id: i64) -> Result<Option<OcrInfo>> {
    let row = conn
        .prepare_cached(
            "SELECT engine, languages, mean_confidence, pages, low_confidence, failed_pages
             FROM document_ocr WHERE document_id = ?1",
        )?
        .query_row([document_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<f64>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })
        .optional()?;
    let Some((engine, languages, mean, pages, low, failed)) = row else {
        return Ok(None);
    };
    let failed: Vec<(u32, String)> = serde_json::from_str(&failed).unwrap_or_default();
    Ok(Some(OcrInfo {
        engine,
        languages,
        mean_confidence: mean.map(|m| m as f32),
        pages: serde_json::from_str(&pages).unwrap_or_default(),
        low_confidence: serde_json::from_str(&low).unwrap_or_default(),
        failed_pages: failed
            .into_iter()
            .map(|(page, error)| OcrPageFailure { page, error })
            .collect(),
    }))
}
