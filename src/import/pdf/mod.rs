//! PDF to page-exact text.
//!
//! The bytes are first checked by [`guard`] (header, truncation, encryption, nesting depth
//! and the decompressed size of every stream) so that the third-party parsers only ever see
//! files whose cost is bounded. `lopdf` then loads the document, image XObjects are emptied
//! (they only matter for the "needs OCR" decision), and `pdf-extract` runs each page's content
//! stream into [`collect`], which keeps every glyph's position. [`layout`] rebuilds lines,
//! columns and reading order from those positions and [`clean`] removes running headers,
//! footers and pleading-paper line numbers, repairs hyphenation and joins paragraphs.
//! All of it runs on a worker thread with a large stack and a deadline, and every panic of
//! the third-party code is caught, so no input can take the caller down.

mod clean;
mod collect;
mod document;
mod forms;
mod guard;
mod layout;
mod meta;
mod run;
#[cfg(test)]
pub(crate) mod testpdf;
#[cfg(test)]
mod tests;

use std::fmt;

pub use crate::model::PageSpan;
pub use document::{looks_like_pdf, normalize_paged, parse as parse_document};
use std::time::Duration;

/// The text of a PDF with the character range of every page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PdfText {
    /// The text in reading order; paragraphs are separated by a blank line.
    pub text: String,
    /// One span per physical page, in order, covering `text` without gaps or overlaps.
    pub pages: Vec<PageSpan>,
    pub title: Option<String>,
    pub author: Option<String>,
    /// The creation date in ISO 8601 (`2017-04-20T10:30:00+02:00`, or less precise when the
    /// PDF is).
    pub created: Option<String>,
    /// True when at least one page has images but (almost) no text of its own, so the caller
    /// should mark the document "no text layer: needs OCR".
    pub needs_ocr: bool,
}

/// Bounds that keep a hostile PDF (a "PDF bomb") from exhausting time or memory.
#[derive(Debug, Clone)]
pub struct PdfLimits {
    /// Largest accepted file.
    pub max_bytes: usize,
    /// Largest accepted page count.
    pub max_pages: usize,
    /// Deepest accepted nesting of arrays and dictionaries, and of form XObjects.
    pub max_depth: usize,
    /// Most bytes all compressed streams may inflate to, together.
    pub max_decompressed: usize,
    /// Most characters of extracted text.
    pub max_chars: usize,
    /// Wall-clock budget for the whole extraction.
    pub deadline: Duration,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            max_bytes: 512 << 20,
            max_pages: 5_000,
            max_depth: 64,
            max_decompressed: 512 << 20,
            max_chars: 50_000_000,
            deadline: Duration::from_secs(120),
        }
    }
}

/// Why a PDF could not be read. Each variant's message is written for the person importing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The file is not a PDF at all.
    NotPdf,
    /// The file is password-protected and cannot be opened without the password.
    Encrypted,
    /// The file ends before the PDF does (an interrupted download or copy).
    Truncated,
    /// The file is structurally broken; the detail says where.
    Damaged(String),
    /// The file exceeds a safety bound; the detail says which.
    TooLarge(String),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::NotPdf => write!(f, "not a PDF file (no %PDF header)"),
            PdfError::Encrypted => write!(
                f,
                "the PDF is encrypted (password-protected); remove the protection and import it again"
            ),
            PdfError::Truncated => write!(
                f,
                "the PDF is truncated (the file ends before the document does); fetch a complete copy"
            ),
            PdfError::Damaged(detail) => write!(f, "the PDF is damaged: {detail}"),
            PdfError::TooLarge(detail) => {
                write!(f, "the PDF exceeds a safety limit and was not imported: {detail}")
            }
        }
    }
}

impl std::error::Error for PdfError {}

/// A page with images and less body text than this is taken for a scan.
const MIN_BODY_CHARS: usize = 24;

/// Extracts the page-exact text and metadata of a PDF held in memory.
pub fn extract_pdf(bytes: &[u8], limits: &PdfLimits) -> Result<PdfText, PdfError> {
    guard::prescan(bytes, limits)?;
    let pages = run::extract_pages(bytes, limits)?;
    let mut out = clean::assemble(&pages.pages);
    out.title = pages.meta.title;
    out.author = pages.meta.author;
    out.created = pages.meta.created;
    out.needs_ocr = out.pages.iter().zip(&pages.images).any(|(span, &images)| {
        // Scanned court filings often carry a stamped text header (the ECF line) over the
        // image; that header is removed as running text, so what counts is the body left.
        images > 0 && span.end - span.start < MIN_BODY_CHARS
    });
    Ok(out)
}
