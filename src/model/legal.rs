//! Page spans of paginated sources and the legal structure of court filings (indictments,
//! informations, complaints): what `show --json` and the app's document detail carry.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where one page of a paginated source (a PDF) lies in the document's text, so that any
/// offset can be cited by page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct PageSpan {
    /// The printed page number when the page shows one, else the physical number.
    pub number: u32,
    /// The 1-based position of the page in the file.
    pub physical: u32,
    /// Start offset in chars (Unicode scalar values) into the text.
    pub start: usize,
    /// End offset (exclusive) in chars into the text.
    pub end: usize,
}

/// The structure of a recognised legal document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct LegalStructure {
    /// `indictment`, `superseding_indictment`, `information`, `complaint` or `court_filing`.
    pub doc_type: String,
    /// The court, e.g. "United States District Court for the District of Connecticut".
    pub court: Option<String>,
    /// The docket number as printed, e.g. "3:17-cr-00083".
    pub case_number: Option<String>,
    pub caption: Caption,
    /// The filing date in ISO 8601 (`2017-04-20`).
    pub filing_date: Option<String>,
    pub counts: Vec<Count>,
    pub paragraphs: Vec<Paragraph>,
}

/// The parties named at the head of the document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Caption {
    /// The plaintiff, title-cased: "United States of America".
    pub plaintiff: String,
    pub defendants: Vec<Defendant>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Defendant {
    /// The name as printed in the caption, e.g. "PETER YURYEVICH LEVASHOV".
    pub name: String,
    /// Names introduced by a/k/a, aka, f/k/a or "also known as", without quotes.
    pub aliases: Vec<String>,
    /// Char offsets of the name in the caption.
    pub start: usize,
    pub end: usize,
}

/// One count of the charging document. "COUNTS TWO THROUGH FIVE" yields four counts that
/// share their heading, statutes and span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Count {
    pub number: u32,
    /// The parenthesised heading under "COUNT ONE", without the parentheses.
    pub heading: Option<String>,
    /// Normalised citations such as "18 U.S.C. § 1030(a)(5)(A)".
    pub statutes: Vec<String>,
    /// A plain description of the charge.
    pub description: String,
    /// Char offsets from the count's heading to the start of the next count or of the
    /// closing matter.
    pub start: usize,
    pub end: usize,
    /// The printed number of the page where the count starts, when pages are known.
    pub page: Option<u32>,
}

/// A numbered paragraph ("12.") or an overt act ("a.").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Paragraph {
    pub label: String,
    pub is_overt_act: bool,
    /// Char offsets of the paragraph's text, after its label.
    pub text_start: usize,
    pub text_end: usize,
    pub page: Option<u32>,
    pub dates: Vec<DatedSpan>,
}

/// A date expression inside a paragraph, normalised by [`crate::timex`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DatedSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The TIMEX3 value, e.g. "2017-03-03" or "2017-03".
    pub value: String,
    /// The first day of the interval the expression denotes.
    pub earliest: String,
    /// The last day of the interval, inclusive.
    pub latest: String,
}

/// Whether a document's text is all there is to read. A PDF whose pages are images (a scan)
/// is imported with `needs_ocr` rather than silently empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum TextStatus {
    #[default]
    Text,
    /// No text layer on at least one page: needs OCR.
    NeedsOcr,
}

impl TextStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TextStatus::Text => "text",
            TextStatus::NeedsOcr => "needs_ocr",
        }
    }
}
