//! Loading the document and running every page through `pdf-extract`, on a worker thread.
//!
//! The worker has a large stack because both parsers recurse, and the caller waits for it
//! with a timeout so that even a parser stuck outside the glyph callbacks cannot hold the
//! import past its deadline. Panics inside the third-party code are caught per page.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::Instant;

use lopdf::{Document, ObjectId};

use super::collect::{Collector, PageWords, Stop};
use super::forms::{blank_images, Forms};
use super::guard::find;
use super::meta::{self, Meta};
use super::{PdfError, PdfLimits};

/// What the worker hands back: per-page words, metadata and per-page image counts.
pub(super) struct Pages {
    pub pages: Vec<PageWords>,
    pub meta: Meta,
    pub images: Vec<usize>,
}

const WORKER_STACK: usize = 256 << 20;

pub(super) fn extract_pages(bytes: &[u8], limits: &PdfLimits) -> Result<Pages, PdfError> {
    let deadline = Instant::now() + limits.deadline;
    let (tx, rx) = mpsc::channel();
    let data = bytes.to_vec();
    let lim = limits.clone();
    let spawned = std::thread::Builder::new()
        .name("pdf-extract".into())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let result =
                panic::catch_unwind(AssertUnwindSafe(|| load_and_walk(&data, &lim, deadline)))
                    .unwrap_or_else(|_| {
                        Err(PdfError::Damaged(
                            "the PDF structure could not be parsed".into(),
                        ))
                    });
            // The receiver is gone only when the caller already gave up on the deadline.
            let _ = tx.send(result);
        });
    if spawned.is_err() {
        return Err(PdfError::TooLarge(
            "no memory left for the PDF reader thread".into(),
        ));
    }
    // A little grace lets the worker report its own, more precise, deadline error.
    let wait =
        deadline.saturating_duration_since(Instant::now()) + std::time::Duration::from_millis(500);
    match rx.recv_timeout(wait) {
        Ok(result) => result,
        Err(_) => Err(too_slow(limits)),
    }
}

fn too_slow(limits: &PdfLimits) -> PdfError {
    PdfError::TooLarge(format!(
        "reading took longer than {} s",
        limits.deadline.as_secs()
    ))
}

fn load_and_walk(bytes: &[u8], limits: &PdfLimits, deadline: Instant) -> Result<Pages, PdfError> {
    let mut doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => return Err(classify_load_error(bytes, &e)),
    };
    if doc.is_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if page_ids.len() > limits.max_pages {
        return Err(PdfError::TooLarge(format!(
            "{} pages, above the {} page limit",
            page_ids.len(),
            limits.max_pages
        )));
    }
    if page_ids.is_empty() {
        return Err(PdfError::Damaged("the document has no pages".into()));
    }
    let meta = meta::read(&doc);
    let mut forms = Forms::new(&doc, limits.max_depth);
    let mut images = Vec::with_capacity(page_ids.len());
    for &id in &page_ids {
        images.push(forms.page_images(id)?);
    }
    blank_images(&mut doc);

    let pages = run_pages(&doc, page_ids.len(), limits, deadline)?;
    if pages.iter().all(|p| p.words.is_empty())
        && images.iter().all(|&n| n == 0)
        && pages.iter().all(|p| p.width == 0.0)
    {
        return Err(PdfError::Damaged("no page could be read".into()));
    }
    Ok(Pages {
        pages,
        meta,
        images,
    })
}

/// Runs the interpreter over the whole document in one pass, which is linear in the page
/// count; when a page makes it fail, the pages after it are run one by one so that one bad page
/// costs only its own text. A page that could not be read is kept, empty, so physical page
/// numbers stay right.
fn run_pages(
    doc: &Document,
    count: usize,
    limits: &PdfLimits,
    deadline: Instant,
) -> Result<Vec<PageWords>, PdfError> {
    let mut dev = Collector::new(limits.max_chars, deadline);
    let ran = panic::catch_unwind(AssertUnwindSafe(|| pdf_extract::output_doc(doc, &mut dev)));
    check_stop(&dev, limits)?;
    let mut done = matches!(ran, Ok(Ok(())));
    while !done && dev.pages.len() < count {
        let number = dev.pages.len() as u32 + 1;
        let before = dev.pages.len();
        let _ = panic::catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(doc, &mut dev, number)
        }));
        check_stop(&dev, limits)?;
        if dev.pages.len() == before {
            dev.pages.push(PageWords::default());
        }
        done = dev.pages.len() >= count;
    }
    let mut pages = dev.pages;
    pages.resize_with(count, PageWords::default);
    Ok(pages)
}

fn check_stop(dev: &Collector, limits: &PdfLimits) -> Result<(), PdfError> {
    match dev.stopped {
        Some(Stop::Deadline) => Err(too_slow(limits)),
        Some(Stop::Chars) => Err(PdfError::TooLarge(format!(
            "more than {} characters of text",
            limits.max_chars
        ))),
        None => Ok(()),
    }
}

/// Maps a load failure to the error a person can act on.
fn classify_load_error(bytes: &[u8], e: &lopdf::Error) -> PdfError {
    let tail = &bytes[bytes.len().saturating_sub(4096)..];
    if find(tail, b"/Encrypt").is_some()
        || matches!(
            e,
            lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)
        )
    {
        return PdfError::Encrypted;
    }
    PdfError::Damaged(format!("{e}"))
}
