//! The data transfer objects of the core: what the CLI prints as JSON and what the app receives
//! over IPC. They are generated to TypeScript with ts-rs so the UI can never drift from them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::pubdate::DatePrecision;

/// What kind of source a document is. Guessed at import, editable by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum DocumentKind {
    Article,
    /// Indictments, informations, complaints and other court filings.
    Indictment,
    PressRelease,
    Transcript,
    Email,
    Note,
    Other,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 7] = [
        DocumentKind::Article,
        DocumentKind::Indictment,
        DocumentKind::PressRelease,
        DocumentKind::Transcript,
        DocumentKind::Email,
        DocumentKind::Note,
        DocumentKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Article => "article",
            DocumentKind::Indictment => "indictment",
            DocumentKind::PressRelease => "press_release",
            DocumentKind::Transcript => "transcript",
            DocumentKind::Email => "email",
            DocumentKind::Note => "note",
            DocumentKind::Other => "other",
        }
    }

    /// Parses the stored name, plus the spellings a person is likely to type.
    pub fn parse(name: &str) -> Option<Self> {
        let folded = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let kind = match folded.as_str() {
            "article" | "news" => DocumentKind::Article,
            "indictment" | "court_filing" | "filing" | "complaint" => DocumentKind::Indictment,
            "press_release" | "release" | "press" => DocumentKind::PressRelease,
            "transcript" | "interview" => DocumentKind::Transcript,
            "email" | "mail" | "e_mail" => DocumentKind::Email,
            "note" => DocumentKind::Note,
            "other" => DocumentKind::Other,
            _ => return None,
        };
        Some(kind)
    }
}

/// The format a source was imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum SourceFormat {
    /// The `URL:/TITLE:/META-KEYWORDS:/DATE:/DOC ID:/CONTENT:` news record format.
    NewsRecord,
    Text,
    Markdown,
    Html,
    Email,
    Pdf,
    /// A scanned picture: PNG, JPEG or TIFF (any number of pages), read by OCR.
    Image,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::NewsRecord => "news_record",
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Email => "email",
            SourceFormat::Pdf => "pdf",
            SourceFormat::Image => "image",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "news_record" => SourceFormat::NewsRecord,
            "text" => SourceFormat::Text,
            "markdown" => SourceFormat::Markdown,
            "html" => SourceFormat::Html,
            "email" => SourceFormat::Email,
            "pdf" => SourceFormat::Pdf,
            "image" => SourceFormat::Image,
            _ => return None,
        })
    }
}

/// One row of the document list: everything but the text and the original bytes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DocumentSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: DocumentKind,
    pub title: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601 truncated to its precision, e.g. `2017-04-12T05:00-07:00` or `2017-04`.
    pub published: Option<String>,
    pub doc_ref: Option<String>,
    pub sha256: String,
    pub format: SourceFormat,
}

/// A document with all its metadata and its normalized text, to which every offset refers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Document {
    #[serde(flatten)]
    pub summary: DocumentSummary,
    pub authors: Vec<String>,
    /// The publication date exactly as the source wrote it.
    pub published_raw: Option<String>,
    pub published_precision: Option<DatePrecision>,
    /// The time zone as the source wrote it (`PT`), when it wrote one.
    pub published_zone: Option<String>,
    pub keywords: Vec<String>,
    pub language: Option<String>,
    /// Format-specific metadata, such as an email's recipients and attachment names.
    #[ts(type = "Record<string, unknown>")]
    pub extra: serde_json::Value,
    /// Size of the original bytes as imported.
    #[ts(type = "number")]
    pub original_size: i64,
    /// When the source entered the case, in UTC (RFC 3339).
    pub imported_at: String,
    pub original_path: Option<String>,
    pub text: String,
    /// Where each page lies in `text` (PDFs), so any offset can be cited by page; empty for
    /// sources without pages. See `Case::page_of`.
    pub pages: Vec<PageSpan>,
    /// `needs_ocr` when pages of the source are images without a text layer.
    pub text_status: TextStatus,
    /// Court, caption, counts and paragraphs, when the document is a court filing.
    pub legal: Option<LegalStructure>,
    /// How the text was recognised, when it came from OCR.
    pub ocr: Option<OcrInfo>,
}

/// A file that could not be imported, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ImportFailure {
    pub path: String,
    pub error: String,
    pub code: crate::ErrorCode,
}

/// The outcome of one import batch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ImportReport {
    pub imported: usize,
    pub duplicates: usize,
    pub failed: Vec<ImportFailure>,
    /// Ids of the documents this batch added, in import order.
    #[ts(type = "Array<number>")]
    pub documents: Vec<i64>,
    /// Notes about repairs made to files that did import, such as a legacy encoding decoded.
    pub warnings: Vec<ImportFailure>,
    /// True when the import was cancelled; what it had imported by then stays in the case.
    pub cancelled: bool,
}

/// Progress of a running import, reported after each file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ImportProgress {
    pub files_done: usize,
    pub files_total: usize,
    #[ts(type = "number")]
    pub bytes_done: u64,
    #[ts(type = "number")]
    pub bytes_total: u64,
    pub imported: usize,
    pub duplicates: usize,
    pub failed: usize,
    pub current: String,
}

/// The result of `verify`: the database's own integrity check, a re-hash of every original, and
/// the checksums and spans of everything derived from them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct VerifyReport {
    pub documents_checked: usize,
    pub integrity: String,
    pub problems: Vec<String>,
    /// Documents whose normalized text no longer matches its checksum: what a repair
    /// re-derives from the original.
    #[ts(type = "Array<number>")]
    pub damaged_documents: Vec<i64>,
    /// Entries of the audit log whose hash chain was checked, and the first that breaks it.
    pub audit_entries: usize,
    #[ts(type = "number | null")]
    pub audit_first_broken: Option<i64>,
}

/// The result of a repair: the documents whose text was re-derived from their originals, and
/// why the others could not be.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RepairReport {
    #[ts(type = "Array<number>")]
    pub repaired: Vec<i64>,
    pub not_repaired: Vec<String>,
}

impl VerifyReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

mod attribution;
mod audit;
mod copies;
mod ingest;
mod legal;
mod library;
mod lifecycle;
mod lineage;
mod mail;
mod network;
mod notes;
mod ocr;
pub mod search;
mod stage;
mod team;
mod timeline;

pub use attribution::*;
pub use audit::*;
pub use copies::*;
pub use ingest::*;
pub use legal::*;
pub use library::*;
pub use lifecycle::*;
pub use lineage::*;
pub use mail::*;
pub use network::*;
pub use notes::*;
pub use ocr::*;
pub use search::*;
pub use stage::*;
pub use team::*;
pub use timeline::*;

/// Where a person's review left an extracted item. Extraction writes `auto`; re-extraction
/// replaces only `auto` items, so a person's decision is never overwritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum ReviewStatus {
    Auto,
    Confirmed,
    Rejected,
    Edited,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 4] = [
        ReviewStatus::Auto,
        ReviewStatus::Confirmed,
        ReviewStatus::Rejected,
        ReviewStatus::Edited,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Auto => "auto",
            ReviewStatus::Confirmed => "confirmed",
            ReviewStatus::Rejected => "rejected",
            ReviewStatus::Edited => "edited",
        }
    }

    pub fn parse(name: &str) -> Option<ReviewStatus> {
        ReviewStatus::ALL.into_iter().find(|s| s.as_str() == name)
    }
}
