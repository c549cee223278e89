//! The OCR stage: the pages of scans recognised in the background, one page at a time on every
//! core, resumable after a kill (issue 19).
//!
//! An import stores a scan at once with `needs_ocr` and a job (`store::ocr`): which pages to
//! recognise and in which languages. This stage runs before extraction (`Case::extract_pending`
//! calls it first, so the import's stage, `reextract --pending` and the app's background stage
//! all do it), and by `dossier ocr`. Each page is rendered from the stored original (the PDF
//! through `pdftoppm`, an image as it is, a TIFF page cut out without decoding), recognised by
//! the engine in a child process with a deadline, and committed on its own, so a stage killed
//! at any moment resumes at the next page. When a document's pages are all done its text is
//! written once from them (text pages of a mixed PDF keep their text), in one transaction that
//! records the engine, languages and confidence and makes the document pending for extraction,
//! which then finds its quotes, dates and people like any other document's.
//!
//! A page that cannot be read (a picture the decoder refuses, a page past the time limit or
//! past [`MAX_OCR_PAGES`]) is reported by file and page number and left empty; the rest of the
//! document and of the stage goes on.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::channel;
use std::time::Instant;

use rusqlite::Connection;

use crate::import::metadata::{detect_language, guess_kind};
use crate::model::{
    DocumentKind, OcrInfo, OcrPageFailure, OcrProblem, OcrProgress, OcrReport, PageImage,
    SourceFormat,
};
use crate::ocr::assemble::{assemble, PageText};
use crate::ocr::engine::{self, Scratch};
use crate::ocr::image::{self, ImageInfo};
use crate::ocr::{Languages, RecognizedPage, MAX_OCR_PAGES, PAGE_TIMEOUT};
use crate::store::documents;
use crate::store::ocr::{self as store_ocr, PageResult};
use crate::{Error, Result};

/// Pages recognised at once: one per core (each engine runs one thread), at most four.
fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
}

/// A stored original ready to give pages to the engine.
enum Source {
    Pdf {
        path: PathBuf,
        sizes: Vec<(f64, f64)>,
    },
    Image {
        info: ImageInfo,
        bytes: Vec<u8>,
    },
}

impl Source {
    fn open(
        format: SourceFormat,
        original: Vec<u8>,
        scratch: &Scratch,
        pages: u32,
    ) -> Result<Source> {
        if format == SourceFormat::Image {
            let info = image::inspect(&original).map_err(Error::invalid_input)?;
            return Ok(Source::Image {
                info,
                bytes: original,
            });
        }
        let path = scratch.path("original.pdf");
        std::fs::write(&path, &original).map_err(|e| Error::io_at(&path, &e))?;
        let sizes = engine::pdf_page_sizes(&path, pages)?;
        Ok(Source::Pdf { path, sizes })
    }

    /// The picture of page `physical` (from 1) as a file in `scratch`.
    fn picture(&self, physical: u32, scratch: &Scratch) -> Result<PathBuf> {
        match self {
            Source::Pdf { path, sizes } => {
                let size = sizes
                    .get(physical as usize - 1)
                    .copied()
                    .unwrap_or((612.0, 792.0));
                engine::render_pdf_page(
                    path,
                    physical,
                    engine::render_dpi(size),
                    &scratch.path(&format!("page-{physical}")),
                    PAGE_TIMEOUT,
                )
            }
            Source::Image { info, bytes } => {
                let index = physical as usize - 1;
                if index >= info.pages.len() {
                    return Err(Error::invalid_input("the image has no such page"));
                }
                let path = scratch.path(&format!("page-{physical}.{}", info.format.extension()));
                std::fs::write(&path, info.page_file(bytes, index))
                    .map_err(|e| Error::io_at(&path, &e))?;
                Ok(path)
            }
        }
    }

    fn recognize(
        &self,
        physical: u32,
        languages: &Languages,
        scratch: &Scratch,
    ) -> Result<RecognizedPage> {
        let picture = self.picture(physical, scratch)?;
        let page = engine::recognize(&picture, languages, PAGE_TIMEOUT);
        let _ = std::fs::remove_file(&picture);
        page
    }
}

/// Runs every OCR job of the case behind `conn`, page by page. The caller holds the write
/// lock and brings the search index up to date afterwards. `progress` sees every page;
/// returning `false` from it stops once the pages being recognised are stored.
pub(crate) fn run(
    conn: &Connection,
    progress: &mut dyn FnMut(&OcrProgress) -> bool,
) -> Result<OcrReport> {
    let jobs = store_ocr::jobs(conn)?;
    let mut report = OcrReport::default();
    if jobs.is_empty() {
        return Ok(report);
    }
    let engine_name = engine::version()?;
    let total = store_ocr::pending_pages(conn)?;
    let started = Instant::now();
    let mut done = 0usize;
    let mut checked: HashMap<String, Result<()>> = HashMap::new();
    for job in jobs {
        let doc = documents::get(conn, job.document_id)?;
        let source_name = doc
            .original_path
            .clone()
            .unwrap_or_else(|| doc.summary.title.clone());
        let languages = Languages::parse(&job.languages).and_then(|l| {
            checked
                .entry(l.as_str().to_string())
                .or_insert_with(|| engine::check_languages(&l))
                .clone()
                .map(|()| l)
        });
        let languages = match languages {
            Ok(l) => l,
            Err(err) => {
                // The document keeps waiting: installing the pack, or `dossier ocr ID --lang`,
                // lets the next run read it.
                report.problems.push(OcrProblem {
                    source: source_name.clone(),
                    problem: format!("not recognised: {}", err.message),
                });
                continue;
            }
        };
        let already = store_ocr::done_pages(conn, job.document_id)?;
        let mut todo: Vec<u32> = job
            .pages
            .iter()
            .copied()
            .filter(|p| !already.contains(p))
            .collect();
        // Pages past the bound are given up on by number, without rendering anything.
        let allowed: Vec<u32> = job.pages.iter().copied().take(MAX_OCR_PAGES).collect();
        for &page in todo.iter().filter(|p| !allowed.contains(p)) {
            store_ocr::save_page(
                conn,
                job.document_id,
                &PageResult {
                    physical: page,
                    error: Some(format!(
                        "not recognised: OCR reads the first {MAX_OCR_PAGES} pages of a \
                         document; split the file to read the rest"
                    )),
                    ..PageResult::default()
                },
            )?;
            done += 1;
        }
        todo.retain(|p| allowed.contains(p));
        let scratch = Scratch::new()?;
        let pages_in_doc = doc.pages.len().max(1) as u32;
        let source = documents::original(conn, job.document_id)
            .and_then(|bytes| Source::open(doc.summary.format, bytes, &scratch, pages_in_doc));
        let mut stop = false;
        match source {
            Err(err) => {
                for &page in &todo {
                    store_ocr::save_page(
                        conn,
                        job.document_id,
                        &PageResult {
                            physical: page,
                            error: Some(err.message.clone()),
                            ..PageResult::default()
                        },
                    )?;
                    done += 1;
                }
            }
            Ok(source) => {
                let next = AtomicUsize::new(0);
                let halt = AtomicBool::new(false);
                let (send, receive) = channel::<(u32, Result<RecognizedPage>)>();
                std::thread::scope(|scope| -> Result<()> {
                    for _ in 0..threads().min(todo.len()) {
                        let send = send.clone();
                        let (next, halt, todo, source, scratch, languages) =
                            (&next, &halt, &todo, &source, &scratch, &languages);
                        scope.spawn(move || loop {
                            let i = next.fetch_add(1, Ordering::SeqCst);
                            if i >= todo.len() || halt.load(Ordering::SeqCst) {
                                break;
                            }
                            let page = todo[i];
                            let result = source.recognize(page, languages, scratch);
                            if send.send((page, result)).is_err() {
                                break;
                            }
                        });
                    }
                    drop(send);
                    for (page, result) in receive {
                        let row = match result {
                            Ok(r) => PageResult {
                                physical: page,
                                text: r.text,
                                low: r.low,
                                words: r.words,
                                confidence: r.confidence,
                                error: None,
                            },
                            Err(err) => PageResult {
                                physical: page,
                                error: Some(err.message),
                                ..PageResult::default()
                            },
                        };
                        if let Err(err) = store_ocr::save_page(conn, job.document_id, &row) {
                            halt.store(true, Ordering::SeqCst);
                            return Err(err);
                        }
                        done += 1;
                        report.pages += 1;
                        let per_page = started.elapsed().as_secs_f64() / done.max(1) as f64;
                        let keep_going = progress(&OcrProgress {
                            pages_done: done,
                            pages_total: total,
                            current: source_name.clone(),
                            eta_seconds: Some(
                                (per_page * total.saturating_sub(done) as f64) as u64,
                            ),
                        });
                        if !keep_going {
                            halt.store(true, Ordering::SeqCst);
                            stop = true;
                        }
                    }
                    Ok(())
                })?;
            }
        }
        if stop {
            report.cancelled = true;
            return Ok(report);
        }
        let failures = finish(conn, job.document_id, &job.languages, &engine_name)?;
        for failure in failures {
            report.problems.push(OcrProblem {
                source: source_name.clone(),
                problem: format!("page {}: {}", failure.page, failure.error),
            });
        }
        report.documents += 1;
    }
    Ok(report)
}

/// Writes a document's text from its recognised pages, in one transaction. Returns the pages
/// that could not be read.
fn finish(
    conn: &Connection,
    id: i64,
    languages: &str,
    engine_name: &str,
) -> Result<Vec<OcrPageFailure>> {
    let doc = documents::get(conn, id)?;
    let results: HashMap<u32, PageResult> = store_ocr::page_results(conn, id)?
        .into_iter()
        .map(|r| (r.physical, r))
        .collect();
    let chars: Vec<char> = doc.text.chars().collect();
    let mut pages = Vec::with_capacity(doc.pages.len());
    let (mut words, mut sum) = (0usize, 0f64);
    let mut info = OcrInfo {
        engine: engine_name.to_string(),
        languages: languages.to_string(),
        mean_confidence: None,
        pages: Vec::new(),
        low_confidence: Vec::new(),
        failed_pages: Vec::new(),
    };
    for span in &doc.pages {
        let Some(result) = results.get(&span.physical) else {
            // A page with its own text keeps it.
            let start = span.start.min(chars.len());
            let end = span.end.min(chars.len()).max(start);
            pages.push(PageText {
                physical: span.physical,
                number: span.number,
                text: chars[start..end].iter().collect(),
                low: Vec::new(),
            });
            continue;
        };
        if let Some(error) = &result.error {
            info.failed_pages.push(OcrPageFailure {
                page: span.physical,
                error: error.clone(),
            });
        } else {
            info.pages.push(span.physical);
        }
        if let Some(c) = result.confidence {
            words += result.words;
            sum += f64::from(c) * result.words as f64;
        }
        pages.push(PageText {
            physical: span.physical,
            // A scanned page's printed number is not known; its place in the file is.
            number: span.physical,
            text: result.text.clone(),
            low: result.low.clone(),
        });
    }
    let assembled = assemble(&pages);
    info.mean_confidence = (words > 0).then(|| (sum / words as f64) as f32);
    info.low_confidence = assembled.low.iter().map(|&(s, e)| [s, e]).collect();
    // The kind was guessed from no text at import; a scanned indictment is known by its text.
    let guessed = guess_kind(doc.summary.format, &doc.summary.title, &assembled.text);
    let kind = (doc.summary.kind == DocumentKind::Other && guessed != DocumentKind::Other)
        .then_some(guessed);
    let legal = if kind.unwrap_or(doc.summary.kind) == DocumentKind::Indictment {
        let (text, spans) = (&assembled.text, &assembled.pages);
        std::panic::catch_unwind(|| crate::legal::parse(text, spans))
            .ok()
            .flatten()
    } else {
        doc.legal.clone()
    };
    let language = detect_language(&assembled.text);
    let tx = conn.unchecked_transaction()?;
    store_ocr::write_text(
        &tx,
        id,
        &store_ocr::Recognized {
            text: &assembled.text,
            pages: &assembled.pages,
            legal: legal.as_ref(),
            kind: kind.map(|k| k.as_str()),
            language: language.as_deref(),
            info: &info,
        },
    )?;
    tx.commit()?;
    Ok(info.failed_pages)
}

/// Physical pages of `doc` that have (almost) no text: what OCR reads in a scan.
pub(crate) fn scanned_pages(doc: &crate::Document) -> Vec<u32> {
    doc.pages
        .iter()
        .filter(|p| p.end - p.start < store_ocr::MIN_PAGE_TEXT)
        .map(|p| p.physical)
        .collect()
}

/// The picture of one page of a stored document, for the reader, always made from the stored
/// original: a PNG or JPEG as the file has it, a PDF page rendered to PNG by `pdftoppm` at a
/// resolution for the screen. A TIFF page is refused with `unsupported`: the webview shows no
/// TIFF and no renderer we ship writes one as PNG.
pub(crate) fn page_image(conn: &Connection, id: i64, physical: u32) -> Result<PageImage> {
    use base64_engine::encode;
    let doc = documents::get(conn, id)?;
    if physical == 0 || physical as usize > doc.pages.len().max(1) {
        return Err(Error::not_found(format!(
            "document {id} has no page {physical}"
        )));
    }
    let original = documents::original(conn, id)?;
    let (mime, bytes) = match doc.summary.format {
        SourceFormat::Image => {
            let info = image::inspect(&original).map_err(Error::invalid_input)?;
            match info.format {
                image::ImageFormat::Png => ("image/png", original),
                image::ImageFormat::Jpeg => ("image/jpeg", original),
                image::ImageFormat::Tiff => {
                    return Err(Error::unsupported(
                        "the window cannot show a TIFF page; its text is shown",
                    ))
                }
            }
        }
        SourceFormat::Pdf => {
            let scratch = Scratch::new()?;
            let path = scratch.path("original.pdf");
            std::fs::write(&path, &original).map_err(|e| Error::io_at(&path, &e))?;
            let png = engine::render_pdf_page(
                &path,
                physical,
                // Enough for a screen, a quarter of the pixels OCR reads.
                150,
                &scratch.path("page"),
                PAGE_TIMEOUT,
            )?;
            let bytes = std::fs::read(&png).map_err(|e| Error::io_at(&png, &e))?;
            ("image/png", bytes)
        }
        _ => {
            return Err(Error::invalid_input(format!(
                "document {id} has no page pictures: it is not a PDF or an image"
            )))
        }
    };
    Ok(PageImage {
        physical,
        mime: mime.to_string(),
        base64: encode(&bytes),
    })
}

/// Base64 for the page pictures sent to the window as data; a dozen lines rather than a crate.
mod base64_engine {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[cfg(test)]
    #[test]
    fn encodes_like_rfc_4648() {
        assert_eq!(encode(b""), "");
        assert_eq!(encode(b"f"), "Zg==");
        assert_eq!(encode(b"fo"), "Zm8=");
        assert_eq!(encode(b"foo"), "Zm9v");
        assert_eq!(encode(b"foobar"), "Zm9vYmFy");
    }
}
