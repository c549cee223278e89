//! Getting sources into a case: finding the files, recognising their format by content,
//! turning each into normalized text plus metadata, and storing them with their original
//! bytes.
//!
//! A bad file never stops a batch: it becomes an [`ImportFailure`] naming the file and the
//! problem, and the rest goes on. Documents are committed in chunks, so a killed import keeps
//! what it had committed and a second run skips those as duplicates and finishes the rest.

pub mod decode;
pub mod email;
mod formats;
pub mod html;
pub mod metadata;
pub mod news_record;
pub mod pdf;
pub mod text;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use crate::analysis::{self, Extraction};
use crate::model::{DocumentKind, ImportFailure, ImportProgress, ImportReport, SourceFormat};
use crate::pubdate::PublishedDate;
use crate::store::documents;
use crate::store::entities::ResolveCache;
use crate::{Error, Result};

/// Sources larger than this are refused before being read: no article, filing or email is
/// this large, and reading a multi-gigabyte file into memory would hurt the whole machine.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// Commit after this many documents or this much time, whichever comes first: often enough
/// that a killed import keeps most of its work, rarely enough to stay fast.
const COMMIT_EVERY_DOCUMENTS: usize = 2000;
const COMMIT_EVERY: Duration = Duration::from_secs(2);

/// A document as an importer produced it, before it has an id.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDocument {
    pub kind: DocumentKind,
    pub title: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published_raw: Option<String>,
    pub published: Option<PublishedDate>,
    pub keywords: Vec<String>,
    pub language: Option<String>,
    pub doc_ref: Option<String>,
    pub format: SourceFormat,
    /// The bytes exactly as they were in the file (for a file of several records, this
    /// record's bytes).
    pub original: Vec<u8>,
    pub text: String,
    pub extra: serde_json::Value,
    /// Pages, text status and legal structure, for the sources that have them.
    pub structure: Structure,
}

/// What a source tells about itself beyond its text and metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    /// Where each page lies in the text, for paginated sources (PDF); empty otherwise.
    pub pages: Vec<crate::model::PageSpan>,
    /// `NeedsOcr` when pages had no text layer.
    pub text_status: crate::model::TextStatus,
    /// The structure of a court filing (caption, counts, paragraphs), when it is one.
    pub legal: Option<crate::model::LegalStructure>,
}

/// What parsing one file produced: its documents (or per-record errors), and notes on repairs.
pub struct ParsedFile {
    pub documents: Vec<Result<ImportedDocument>>,
    pub warnings: Vec<String>,
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Recognises a file's format from its content (and its extension only where content cannot
/// tell, as between plain text and Markdown) and parses it. Court filings among the
/// documents get their legal structure.
pub fn parse_file(path: &Path, bytes: Vec<u8>) -> Result<ParsedFile> {
    if bytes.is_empty() {
        return Err(Error::invalid_input("empty file"));
    }
    let mut parsed = if pdf::looks_like_pdf(&bytes) || extension(path) == "pdf" {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("untitled");
        let doc = pdf::parse_document(bytes, stem)?;
        let mut warnings = Vec::new();
        if doc.structure.text_status == crate::model::TextStatus::NeedsOcr {
            warnings.push(
                "no text layer: needs OCR (pages are scanned images; imported with the text \
                 it has)"
                    .to_string(),
            );
        }
        ParsedFile {
            documents: vec![Ok(doc)],
            warnings,
        }
    } else {
        parse_formats(path, bytes)?
    };
    for doc in parsed.documents.iter_mut().flatten() {
        crate::legal::attach(doc);
    }
    Ok(parsed)
}

fn parse_formats(path: &Path, bytes: Vec<u8>) -> Result<ParsedFile> {
    if let Some(name) = decode::binary_format_name(&bytes) {
        return Err(Error::unsupported(format!(
            "unsupported format: this is {name}"
        )));
    }
    if decode::looks_binary(&bytes) {
        return Err(Error::unsupported(
            "unsupported format: binary data, not text",
        ));
    }
    let ext = extension(path);
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("untitled")
        .to_string();
    let mut warnings = Vec::new();
    if ext == "eml" || email::looks_like_email(&bytes) {
        let parsed = email::parse_email(&bytes).map_err(Error::invalid_input)?;
        let doc = formats::from_email(bytes, parsed, &stem)?;
        return Ok(ParsedFile {
            documents: vec![Ok(doc)],
            warnings,
        });
    }
    let declared = decode::html_declared_charset(&bytes);
    let decoded = decode::decode(&bytes, declared.as_deref());
    if decoded.encoding != "UTF-8" && !decoded.encoding.starts_with("UTF-16") {
        warnings.push(format!("not UTF-8; decoded as {}", decoded.encoding));
    }
    let encoding =
        encoding_rs::Encoding::for_label(decoded.encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let text = decoded.text;
    if news_record::looks_like_news_record(&text) {
        let documents = news_record::parse(&bytes, &text, encoding);
        return Ok(ParsedFile {
            documents,
            warnings,
        });
    }
    let documents =
        if matches!(ext.as_str(), "html" | "htm" | "xhtml") || html::looks_like_html(&text) {
            vec![formats::from_html(bytes, &text, &stem)]
        } else if matches!(ext.as_str(), "md" | "markdown" | "mdown" | "mkd")
            || (text.starts_with("---\n") && matches!(ext.as_str(), "" | "txt"))
        {
            vec![text::parse(bytes, &text, SourceFormat::Markdown, &stem)]
        } else if matches!(ext.as_str(), "txt" | "text" | "") {
            vec![text::parse(bytes, &text, SourceFormat::Text, &stem)]
        } else {
            return Err(Error::unsupported(format!(
                "unknown format: .{ext} files are not a source format Dossier reads \
             (news records, HTML, email, Markdown and plain text are)"
            )));
        };
    Ok(ParsedFile {
        documents,
        warnings,
    })
}

/// Expands folders recursively into their files, in a stable order. Hidden files inside
/// folders are skipped (they are editor and OS litter); a path given by name is always taken.
fn collect_files(paths: &[PathBuf], failures: &mut Vec<ImportFailure>) -> Vec<(PathBuf, u64)> {
    let mut files = Vec::new();
    for path in paths {
        walk(path, true, &mut files, failures);
    }
    files
}

fn walk(
    path: &Path,
    named: bool,
    files: &mut Vec<(PathBuf, u64)>,
    failures: &mut Vec<ImportFailure>,
) {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'));
    if hidden && !named {
        return;
    }
    // Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    let meta = match if named {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    } {
        Ok(meta) => meta,
        Err(e) => return failures.push(failure(path, &Error::io_at(path, &e))),
    };
    if meta.is_dir() {
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => return failures.push(failure(path, &Error::io_at(path, &e))),
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children {
            walk(&child, false, files, failures);
        }
    } else if meta.is_file() {
        files.push((path.to_path_buf(), meta.len()));
    } else if meta.file_type().is_symlink() {
        match std::fs::metadata(path) {
            Ok(target) if target.is_file() => files.push((path.to_path_buf(), target.len())),
            Ok(_) => {}
            Err(e) => failures.push(failure(path, &Error::io_at(path, &e))),
        }
    } else {
        failures.push(failure(path, &Error::unsupported("not a regular file")));
    }
}

fn failure(path: &Path, err: &Error) -> ImportFailure {
    let error = if err.message.contains(&path.display().to_string()) {
        err.message.clone()
    } else {
        format!("{}: {}", path.display(), err.message)
    };
    ImportFailure {
        path: path.display().to_string(),
        error,
        code: err.code,
    }
}

fn read_source(path: &Path, size: u64) -> Result<Vec<u8>> {
    if size > MAX_SOURCE_BYTES {
        return Err(Error::invalid_input(format!(
            "file is too large ({:.1} MB); the limit for one source is {} MB",
            size as f64 / 1e6,
            MAX_SOURCE_BYTES / (1024 * 1024)
        )));
    }
    std::fs::read(path).map_err(|e| Error::io_at(path, &e))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// Imports files and folders into the case behind `conn`. `progress` is called after every
/// file; returning `false` from it cancels the import after committing what is done.
pub fn import_paths(
    conn: &mut Connection,
    case_path: &Path,
    paths: &[PathBuf],
    extract: bool,
    progress: &mut dyn FnMut(&ImportProgress) -> bool,
) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    let mut files = collect_files(paths, &mut report.failed);
    // A folder may hold the case file itself; it and its journal files are never sources.
    let case_files: Vec<PathBuf> = ["", "-wal", "-shm", "-journal"]
        .iter()
        .filter_map(|suffix| {
            let mut name = case_path.as_os_str().to_owned();
            name.push(suffix);
            std::fs::canonicalize(PathBuf::from(name)).ok()
        })
        .collect();
    files
        .retain(|(path, _)| std::fs::canonicalize(path).map_or(true, |p| !case_files.contains(&p)));
    let mut state = ImportProgress {
        files_done: 0,
        files_total: files.len(),
        bytes_done: 0,
        bytes_total: files.iter().map(|(_, size)| size).sum(),
        imported: 0,
        duplicates: 0,
        failed: report.failed.len(),
        current: String::new(),
    };
    let imported_at = crate::store::now();
    // A second thread reads, parses and runs the (pure) extractors ahead of this one, which
    // only writes to the case: on two cores extraction then costs little more than the writes.
    // The channel is bounded so the reader never runs far ahead of what is stored.
    std::thread::scope(|scope| -> Result<ImportReport> {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Prepared>(32);
        scope.spawn(move || {
            for (path, size) in files {
                let outcome = prepare(&path, size, extract);
                // A closed channel means the import was cancelled or failed: stop reading.
                if sender
                    .send(Prepared {
                        path,
                        size,
                        outcome,
                    })
                    .is_err()
                {
                    break;
                }
            }
        });
        let mut tx = conn.transaction()?;
        let mut cache = ResolveCache::default();
        let mut uncommitted = 0usize;
        let mut last_commit = Instant::now();
        for Prepared {
            path,
            size,
            outcome,
        } in receiver
        {
            state.current = path.display().to_string();
            match outcome {
                Err(err) => report.failed.push(failure(&path, &err)),
                Ok((documents, warnings)) => {
                    for warning in warnings {
                        report
                            .warnings
                            .push(failure(&path, &Error::invalid_input(warning)));
                    }
                    for doc in documents {
                        match doc.and_then(|(doc, extraction)| {
                            store_and_record(
                                &mut tx,
                                &doc,
                                extraction.as_ref(),
                                &path,
                                &imported_at,
                                &mut cache,
                            )
                        }) {
                            Ok(Some((id, problems))) => {
                                for problem in problems {
                                    report
                                        .warnings
                                        .push(failure(&path, &Error::internal(problem)));
                                }
                                report.imported += 1;
                                report.documents.push(id);
                                uncommitted += 1;
                            }
                            Ok(None) => report.duplicates += 1,
                            Err(err) => {
                                // The document's savepoint was rolled back, and with it any
                                // entity the cache may remember.
                                cache.clear();
                                report.failed.push(failure(&path, &err));
                            }
                        }
                    }
                }
            }
            state.files_done += 1;
            state.bytes_done += size;
            state.imported = report.imported;
            state.duplicates = report.duplicates;
            state.failed = report.failed.len();
            if uncommitted >= COMMIT_EVERY_DOCUMENTS || last_commit.elapsed() >= COMMIT_EVERY {
                tx.commit()?;
                tx = conn.transaction()?;
                uncommitted = 0;
                last_commit = Instant::now();
            }
            if !progress(&state) {
                report.cancelled = true;
                break;
            }
        }
        tx.commit()?;
        Ok(std::mem::take(&mut report))
    })
}

/// A file's documents, each with what the extractors found in it, and notes on repairs.
type PreparedFile = (
    Vec<Result<(ImportedDocument, Option<Extraction>)>>,
    Vec<String>,
);

/// A file read, parsed and run through the extractors, ready to be stored.
struct Prepared {
    path: PathBuf,
    size: u64,
    outcome: Result<PreparedFile>,
}

fn prepare(path: &Path, size: u64, extract: bool) -> Result<PreparedFile> {
    let parsed = read_source(path, size).and_then(|bytes| parse_file(path, bytes))?;
    let documents = parsed
        .documents
        .into_iter()
        .map(|doc| {
            doc.map(|doc| {
                let extraction = extract.then(|| {
                    let published = doc.published.as_ref().map(|p| p.iso.as_str());
                    let extraction = analysis::extract(&doc.text, published);
                    analysis::with_legal(extraction, &doc.text, doc.structure.legal.as_ref())
                });
                (doc, extraction)
            })
        })
        .collect();
    Ok((documents, parsed.warnings))
}

/// Stores a document and what the extractors found in it, all or nothing: a savepoint keeps
/// a failure in either from leaving half a document behind in the batch's transaction.
fn store_and_record(
    tx: &mut rusqlite::Transaction<'_>,
    doc: &ImportedDocument,
    extraction: Option<&Extraction>,
    path: &Path,
    imported_at: &str,
    cache: &mut ResolveCache,
) -> Result<Option<(i64, Vec<String>)>> {
    let Some(extraction) = extraction else {
        return Ok(store_one(tx, doc, path, imported_at)?.map(|id| (id, Vec::new())));
    };
    // The savepoint's statements are prepared once for the import rather than parsed for
    // every document, as `Transaction::savepoint` would.
    tx.prepare_cached("SAVEPOINT import_document")?
        .execute([])?;
    let stored = record_one(tx, doc, extraction, path, imported_at, cache);
    match stored {
        Ok(_) => {
            tx.prepare_cached("RELEASE import_document")?.execute([])?;
        }
        Err(_) => {
            tx.prepare_cached("ROLLBACK TO import_document")?
                .execute([])?;
            tx.prepare_cached("RELEASE import_document")?.execute([])?;
        }
    }
    stored
}

/// The body of `store_and_record`, inside its savepoint.
fn record_one(
    conn: &Connection,
    doc: &ImportedDocument,
    extraction: &Extraction,
    path: &Path,
    imported_at: &str,
    cache: &mut ResolveCache,
) -> Result<Option<(i64, Vec<String>)>> {
    let Some(id) = store_one(conn, doc, path, imported_at)? else {
        return Ok(None);
    };
    let published = doc.published.as_ref();
    let recorded = analysis::record(
        conn,
        &analysis::DocumentFacts {
            id,
            title: &doc.title,
            text: &doc.text,
            published: published.map(|p| p.iso.as_str()),
            published_precision: published.map(|p| p.precision.as_str()),
            published_span: published.map(|p| (p.earliest, p.latest)),
            fresh: true,
        },
        extraction,
        cache,
    )?;
    Ok(Some((id, recorded.problems)))
}

/// Stores a document unless its original bytes are already in the case (Ok(None)).
fn store_one(
    conn: &Connection,
    doc: &ImportedDocument,
    path: &Path,
    imported_at: &str,
) -> Result<Option<i64>> {
    let sha = sha256_hex(&doc.original);
    if documents::find_by_sha256(conn, &sha)?.is_some() {
        return Ok(None);
    }
    let original_path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let id = documents::insert(
        conn,
        doc,
        &sha,
        Some(&original_path.display().to_string()),
        imported_at,
    )?;
    crate::store::pages::insert(conn, id, &doc.structure)?;
    Ok(Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(conn: &Connection, sql: &str) -> i64 {
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn a_document_whose_proposals_fail_is_rolled_back_alone() {
        let dir = tempfile::tempdir().unwrap();
        let case = dir.path().join("case.dossier");
        let mut conn = crate::store::create(&case).unwrap();
        // A write that fails halfway through the second document's proposals, after the
        // document row, its entities and its mentions are already written.
        conn.execute_batch(
            "CREATE TEMP TRIGGER refuse BEFORE INSERT ON quotes WHEN NEW.text LIKE '%refused%'
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
        )
        .unwrap();
        let sources = dir.path().join("sources");
        std::fs::create_dir(&sources).unwrap();
        std::fs::write(
            sources.join("a.txt"),
            "\"We kept everything,\" said Maria Lopez, an analyst at Acme Corp.\n",
        )
        .unwrap();
        std::fs::write(
            sources.join("b.txt"),
            "\"This was refused,\" said John Carter, a spokesman for Beta Inc.\n",
        )
        .unwrap();
        std::fs::write(
            sources.join("c.txt"),
            "\"We kept this too,\" said Ann Smith, director at Gamma Ltd.\n",
        )
        .unwrap();
        let report = import_paths(&mut conn, &case, &[sources], true, &mut |_| true).unwrap();
        assert_eq!(report.imported, 2, "{:?}", report.failed);
        assert_eq!(report.failed.len(), 1);
        assert!(report.failed[0].path.ends_with("b.txt"));
        assert!(report.failed[0].error.contains("refused by the test"));
        assert_eq!(count(&conn, "SELECT count(*) FROM documents"), 2);
        assert_eq!(count(&conn, "SELECT count(*) FROM quotes"), 2);
        // The other documents' speakers are entities; the failed one's are not.
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM entities WHERE name IN ('Maria Lopez', 'Ann Smith')"
            ),
            2
        );
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM entities WHERE name LIKE '%Carter%' OR name LIKE '%Beta%'"
            ),
            0
        );
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)"
            ),
            0
        );
        // The savepoint was released, so the import's transaction committed normally and a
        // later write starts cleanly.
        conn.execute_batch("DROP TRIGGER temp.refuse").unwrap();
        assert!(conn.is_autocommit());
    }
}
