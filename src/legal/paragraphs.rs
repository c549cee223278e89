//! Numbered paragraphs ("12.") and overt acts ("a.") with the dates they mention.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use super::counts::closing_re;
use super::text::{lines, CharIndex};
use super::{DatedSpan, Paragraph};
use crate::timex::{self, TimexType};

fn label_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(?:(\d{1,3})\.|([a-z]{1,2})\.|\(([a-z]{1,2})\))\s+(\S)")
            .expect("valid regex")
    })
}

/// Section headings that open or close the list of overt acts.
fn section_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:(overt\s+acts)|counts?\s+\S+|manner\s+and\s+means|object\s+of\s+the\s+conspiracy|the\s+conspiracy|statutory\s+allegations?|(?-i:[A-Z][A-Z ,'-]{3,80})$)")
            .expect("valid regex")
    })
}

pub(super) fn find(
    text: &str,
    ix: &CharIndex,
    reference: Option<NaiveDate>,
    page_of: &dyn Fn(usize) -> Option<u32>,
) -> Vec<Paragraph> {
    let all = lines(text);
    // Byte ranges of the paragraphs first; each ends at a blank line, the next label or a
    // section heading.
    let mut spans: Vec<(String, bool, usize, usize)> = Vec::new();
    let mut in_overt = false;
    let mut open: Option<(String, bool, usize)> = None;
    let mut last_end = 0;
    for l in &all {
        let label = if l.text.len() <= 100_000 {
            label_re().captures(l.text)
        } else {
            None
        };
        let section =
            label.is_none() && l.text.len() <= 120 && section_re().captures(l.text).is_some();
        let ends =
            l.text.trim().is_empty() || label.is_some() || section || closing_re().is_match(l.text);
        if ends {
            if let Some((name, overt, start)) = open.take() {
                spans.push((name, overt, start, last_end));
            }
        }
        if section {
            let c = section_re().captures(l.text).expect("just matched");
            in_overt = c.get(1).is_some();
        }
        if let Some(c) = label {
            let (name, overt) = match (c.get(1), c.get(2).or(c.get(3))) {
                (Some(n), _) => (n.as_str().to_string(), false),
                (None, Some(a)) if in_overt => (a.as_str().to_string(), true),
                _ => {
                    last_end = l.end;
                    continue;
                }
            };
            let first = c.get(4).expect("the pattern ends with this group");
            // The text starts at the first non-space after the label.
            open = Some((name, overt, l.start + first.start()));
        }
        if !l.text.trim().is_empty() {
            last_end = l.end;
        }
    }
    if let Some((name, overt, start)) = open {
        spans.push((name, overt, start, last_end));
    }
    spans
        .into_iter()
        .map(|(label, is_overt_act, start, end)| {
            let end = end.max(start);
            let (text_start, text_end) = (ix.char_at(start), ix.char_at(end));
            let dates = dates_in(&text[start..end], text_start, reference);
            Paragraph {
                label,
                is_overt_act,
                text_start,
                text_end,
                page: page_of(text_start),
                dates,
            }
        })
        .collect()
}

/// The longest stretch of one paragraph searched for dates. Real paragraphs are far
/// shorter; the bound keeps a hostile "paragraph" of megabytes from costing more than the
/// rest of the parse.
const MAX_PARAGRAPH_BYTES: usize = 8_000;

/// The dated expressions of one paragraph, with offsets into the whole text.
fn dates_in(paragraph: &str, base: usize, reference: Option<NaiveDate>) -> Vec<DatedSpan> {
    let mut cut = paragraph.len().min(MAX_PARAGRAPH_BYTES);
    while !paragraph.is_char_boundary(cut) {
        cut -= 1;
    }
    timex::extract(&paragraph[..cut], reference)
        .into_iter()
        .filter(|t| t.kind == TimexType::Date)
        .filter_map(|t| {
            Some(DatedSpan {
                start: base + t.start,
                end: base + t.end,
                earliest: t.earliest?,
                latest: t.latest?,
                text: t.text,
                value: t.value,
            })
        })
        .collect()
}
