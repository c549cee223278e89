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
mod proposals;
mod statutes;
#[cfg(test)]
mod tests;
mod text;

use chrono::NaiveDate;

pub use crate::model::{Caption, Count, DatedSpan, Defendant, LegalStructure, PageSpan, Paragraph};

pub use names::person_name;
pub use proposals::{acts, add_defendants, Act};

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
