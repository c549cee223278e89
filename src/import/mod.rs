//! Getting sources into a case: finding the files, recognising their format by content,
//! turning each into normalized text plus metadata, and storing them with their original
//! bytes.
//!
//! A bad file never stops a batch: it becomes an [`ImportFailure`] naming the file and the
//! problem, and the rest goes on. Documents are committed in chunks, so a killed import keeps
//! what it had committed and a second run skips those as duplicates and finishes the rest.

mod batch;
pub mod decode;
pub mod email;
mod filings;
mod formats;
pub mod html;
mod image;
mod messages;
pub(crate) mod metadata;
pub mod news_record;
pub mod pdf;
mod table;
pub(crate) mod text;

pub use batch::import_paths;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use crate::digest::sha256_hex;
use crate::model::{ImportFailure, SourceFormat};
pub use crate::model::{ImportedDocument, Structure};
use crate::{Error, Result};

/// Sources larger than this are refused before being read: no article, filing or email is
/// this large, and reading a multi-gigabyte file into memory would hurt the whole machine.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// HTML pages larger than this are refused. Reading a page into a tree takes about 24 times
/// its size in memory (a 50 MB page peaked at 1.1 GB, measured in docs/benchmarks.md), and
/// import reads up to four files at once, so this keeps one import of big pages under about
/// 1.6 GB. Real articles are far smaller; pages this size are archives or carry images inline.
pub const MAX_HTML_BYTES: usize = 16 * 1024 * 1024;

/// Commit after this many documents or this much time, whichever comes first: often enough
/// that a killed import keeps most of its work, rarely enough to stay fast.
const COMMIT_EVERY_DOCUMENTS: usize = 2000;
const COMMIT_EVERY: Duration = Duration::from_secs(2);

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
    parse_nested(path, bytes, 0)
}

/// `parse_file` for a source that sits `depth` levels deep in email attachments (0 for a
/// file), so that an email's attachments are followed only so far.
fn parse_nested(path: &Path, bytes: Vec<u8>, depth: usize) -> Result<ParsedFile> {
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
                 it has, the rest recognised in the background)"
                    .to_string(),
            );
            if doc.structure.pages.len() > crate::ocr::MAX_OCR_PAGES {
                warnings.push(too_many_pages(doc.structure.pages.len()));
            }
        }
        ParsedFile {
            documents: vec![Ok(doc)],
            warnings,
        }
    } else if crate::ocr::image::sniff(&bytes).is_some() {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("untitled");
        let doc = image::parse(bytes, stem)?;
        let pages = doc.structure.pages.len();
        let mut warnings = vec![format!(
            "no text layer: needs OCR (a scanned image of {pages} page(s); its text is \
             recognised in the background)"
        )];
        if pages > crate::ocr::MAX_OCR_PAGES {
            warnings.push(too_many_pages(pages));
        }
        ParsedFile {
            documents: vec![Ok(doc)],
            warnings,
        }
    } else {
        parse_formats(path, bytes, depth)?
    };
    for doc in parsed.documents.iter_mut().flatten() {
        filings::attach(doc);
    }
    Ok(parsed)
}

/// The warning for a scan longer than OCR reads, naming the first page left unread.
fn too_many_pages(pages: usize) -> String {
    let max = crate::ocr::MAX_OCR_PAGES;
    format!(
        "{pages} pages: OCR reads the first {max}; pages {} to {pages} stay without text \
         (split the file to read them)",
        max + 1
    )
}

fn parse_formats(path: &Path, bytes: Vec<u8>, depth: usize) -> Result<ParsedFile> {
    if let Some(name) = decode::binary_format_name(&bytes) {
        return Err(Error::unsupported(format!(
            "unsupported format: this is {name}"
        )));
    }
    if decode::looks_binary(&bytes) {
        if decode::looks_like_bomless_utf16(&bytes) {
            return Err(Error::unsupported(
                "unsupported format: looks like UTF-16 text without a byte-order mark; \
                 save it as UTF-8 (or UTF-16 with a byte-order mark) and import it again",
            ));
        }
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
        return messages::email_file(bytes, &stem, depth);
    }
    let declared = decode::html_declared_charset(&bytes);
    let decoded = decode::decode(&bytes, declared.as_deref());
    if let Some(warning) = decoded.warning {
        warnings.push(warning);
    }
    let encoding =
        encoding_rs::Encoding::for_label(decoded.encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let text = decoded.text;
    if news_record::looks_like_news_record(&text) {
        let documents = news_record::parse(&bytes, &text, encoding);
        // A date that cannot be read would otherwise vanish: the record imports undated and
        // sorts nowhere on the timeline, so the report says which record and what it said.
        for (i, doc) in documents.iter().enumerate() {
            if let Ok(doc) = doc {
                if let (Some(raw), None) = (&doc.published_raw, &doc.published) {
                    let id = doc
                        .doc_ref
                        .as_deref()
                        .map(|r| format!(" (DOC ID {r})"))
                        .unwrap_or_default();
                    warnings.push(format!(
                        "record {}{id}: the DATE '{raw}' is not a date Dossier can read; \
                         imported without a publication date",
                        i + 1
                    ));
                }
            }
        }
        return Ok(ParsedFile {
            documents,
            warnings,
        });
    }
    if table::is_table(&ext) {
        let (doc, warning) = table::parse(bytes, &text, &ext, &stem)?;
        warnings.extend(warning);
        return Ok(ParsedFile {
            documents: vec![Ok(doc)],
            warnings,
        });
    }
    let documents =
        if matches!(ext.as_str(), "html" | "htm" | "xhtml") || html::looks_like_html(&text) {
            if bytes.len() > MAX_HTML_BYTES {
                return Err(Error::unsupported(format!(
                    "HTML page too large ({:.1} MB): pages over {} MB are refused, since \
                     reading one takes about 24 times its size in memory; save the article \
                     as text (or the page without inline images) and import that",
                    bytes.len() as f64 / 1e6,
                    MAX_HTML_BYTES / (1024 * 1024)
                )));
            }
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
             (news records, HTML, email, Markdown, plain text and CSV tables are)"
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
