//! Quote lineage (issue 21) as the CLI prints it and the app receives it: where a quote
//! appeared first and how later appearances changed its words.

use serde::Serialize;
use ts_rs::TS;

use super::DiffPart;

/// One appearance of a quote in a document.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct QuoteAppearance {
    #[ts(type = "number")]
    pub quote_id: i64,
    #[ts(type = "number")]
    pub doc_id: i64,
    pub doc_title: String,
    pub outlet: Option<String>,
    /// The document's publication date (ISO 8601 at its precision).
    pub published: Option<String>,
    pub text: String,
    pub speaker: Option<String>,
    /// The lineage's earliest appearance (by publication date, then import order).
    #[ts(type = "number")]
    pub earliest_quote: i64,
    pub earliest: bool,
    /// Its words differ from the earliest's (beyond trimming, ellipses and punctuation).
    pub altered: bool,
    /// From the earliest wording to this one, word by word (empty for the earliest).
    pub diff: Vec<DiffPart>,
}

/// A quote's lineage: every appearance, earliest first. A quote seen once is its own lineage.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct QuoteLineage {
    #[ts(type = "number")]
    pub quote: i64,
    pub appearances: Vec<QuoteAppearance>,
}
