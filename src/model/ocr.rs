//! What OCR reports: how a document's text came from recognition (engine, languages, mean
//! confidence, the words it was unsure of), its progress while the stage runs, and what a run
//! did. Kept in a file of its own because a scan's provenance is shown wherever its text is:
//! the reader marks low-confidence words, a brief says "(OCR, p. N)".

use serde::Serialize;
use ts_rs::TS;

/// How a document's text was recognised from page pictures.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct OcrInfo {
    /// The engine and its version, e.g. `tesseract 5.3.0`.
    pub engine: String,
    /// The languages it read in, Tesseract's names joined by `+` (`eng+deu`).
    pub languages: String,
    /// The mean confidence of the recognised words, 0 to 100.
    pub mean_confidence: Option<f32>,
    /// The physical pages whose text came from OCR (a mixed PDF keeps its text pages).
    pub pages: Vec<u32>,
    /// Words under the confidence threshold, as `[start, end)` char spans into the text.
    pub low_confidence: Vec<[usize; 2]>,
    /// Pages that could not be recognised, with why.
    pub failed_pages: Vec<OcrPageFailure>,
}

/// A page OCR could not read.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct OcrPageFailure {
    pub page: u32,
    pub error: String,
}

/// How far a running OCR stage has come, in pages.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OcrProgress {
    pub pages_done: usize,
    pub pages_total: usize,
    /// The document being recognised (its file or title).
    pub current: String,
    /// Seconds left at the pace so far, once a page is done.
    pub eta_seconds: Option<u64>,
}

/// What a run of the OCR stage did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OcrReport {
    /// Documents whose text was written from OCR.
    pub documents: usize,
    pub pages: usize,
    /// Problems, each naming the file and the page; the rest went on.
    pub problems: Vec<OcrProblem>,
    pub cancelled: bool,
}

/// A page or document OCR could not read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OcrProblem {
    /// The file it came from (or its title).
    pub source: String,
    pub problem: String,
}

/// A page's picture for the reader, as data (never a URL the window would fetch).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct PageImage {
    pub physical: u32,
    /// `image/png` or `image/jpeg`.
    pub mime: String,
    /// The picture's bytes in base64.
    pub base64: String,
}
