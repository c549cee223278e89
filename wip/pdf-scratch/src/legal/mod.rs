//! Legal structure of indictments, informations, complaints and other court filings.
//!
//! Pure: text in, structure out, every offset in chars (Unicode scalar values) into the
//! input. The parser reads the header region for the court, case number, caption and
//! document type ([`caption`]), the whole text for counts with their statutes ([`counts`]),
//! numbered paragraphs and overt acts with their dates ([`paragraphs`]), and offers name
//! variants of defendants for entity linking ([`names`]). Every pass is a bounded number of
//! linear regex scans or line walks, so the run time stays linear on any input.

mod caption;
mod counts;
mod names;
mod paragraphs;
mod statutes;
#[cfg(test)]
mod tests;
mod text;

use chrono::NaiveDate;

use crate::import::pdf::PageSpan;

pub use names::name_variants;

/// The structure of a recognised legal document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Caption {
    /// The plaintiff, title-cased: "United States of America".
    pub plaintiff: String,
    pub defendants: Vec<Defendant>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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

/// Parses `text` as a charging document or court filing; `None` when it is neither.
/// `pages` (possibly empty) maps offsets to printed page numbers.
pub fn parse(text: &str, pages: &[PageSpan]) -> Option<LegalStructure> {
    let ix = text::CharIndex::new(text);
    let head = caption::read_head(text, &ix)?;
    let filing_date = caption::filing_date(text);
    let reference = filing_date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let page_of = |offset: usize| page_at(pages, offset);
    let counts = counts::find(text, &ix, &page_of);
    let paragraphs = paragraphs::find(text, &ix, reference, &page_of);
    Some(LegalStructure {
        doc_type: head.doc_type.to_string(),
        court: head.court,
        case_number: head.case_number,
        caption: head.caption,
        filing_date,
        counts,
        paragraphs,
    })
}

/// The printed number of the page holding char `offset`.
fn page_at(pages: &[PageSpan], offset: usize) -> Option<u32> {
    let i = pages.partition_point(|p| p.end <= offset);
    pages.get(i).filter(|p| p.start <= offset).map(|p| p.number)
}
