//! From laid-out lines to the final text: running headers and footers, printed page numbers,
//! paragraphs and hyphenation.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use regex::Regex;

use super::collect::PageWords;
use super::layout::{self, Line};
use super::{PageSpan, PdfText};

/// How many lines at each end of a page can be a running header or footer.
const MARGIN_LINES: usize = 3;

pub(super) fn assemble(pages: &[PageWords]) -> PdfText {
    let mut laid: Vec<Vec<Line>> = pages.iter().map(layout::lines).collect();
    let numbers = strip_margins(&mut laid, pages);
    let mut text = String::new();
    let mut chars = 0usize;
    let mut spans = Vec::with_capacity(pages.len());
    // Whether the last line so far ran to the edge of its column, so that its paragraph
    // may go on over the page.
    let mut open = false;
    for (i, lines) in laid.iter().enumerate() {
        let mut start = None;
        let fresh = lines.first().is_some_and(is_fresh);
        for (k, para) in paragraphs(lines).iter().enumerate() {
            if !text.is_empty() {
                if k == 0 && !fresh && continues(&text, para, open) {
                    // The paragraph runs on from the previous page: join it like a line
                    // break, and let this page start where its own words do.
                    chars = chars.saturating_add_signed(join_line(&mut text, para));
                } else {
                    text.push_str("\n\n");
                    chars += 2;
                }
            }
            start.get_or_insert(chars);
            text.push_str(para);
            chars += para.chars().count();
        }
        if let Some(last) = lines.last() {
            open = !is_short(last);
        }
        let start = start.unwrap_or(chars);
        spans.push(PageSpan {
            number: numbers[i].unwrap_or(i as u32 + 1),
            physical: i as u32 + 1,
            start,
            end: chars,
        });
    }
    // Each page ends where the next one starts, so the separators belong to the earlier page
    // and the spans tile the text.
    for i in 1..spans.len() {
        spans[i - 1].end = spans[i].start;
    }
    if let Some(first) = spans.first_mut() {
        first.start = 0;
    }
    PdfText {
        text,
        pages: spans,
        title: None,
        author: None,
        created: None,
        needs_ocr: false,
    }
}

/// True when the text so far stops mid-sentence and the next piece, on a new page or column,
/// goes on: after a hyphen with any letter or digit; after a word or a comma in lower case,
/// or in any case when the last line ran to the edge of its column (`open`), as in "on or
/// about" + "March 3, 2017".
fn continues(text: &str, para: &str, open: bool) -> bool {
    let last = text.trim_end().chars().last();
    let first = para.chars().next();
    match last {
        // A hyphen at the break splits a word or a docket number such as "18-cr-" + "00123".
        Some('-') => first.is_some_and(char::is_alphanumeric),
        Some(c) if c.is_alphanumeric() || c == ',' => {
            first.is_some_and(|f| f.is_lowercase() || (open && f.is_alphanumeric()))
        }
        _ => false,
    }
}

/// A line that stops well short of its column's right edge: the last of a paragraph, a
/// heading or a line of a caption.
fn is_short(line: &Line) -> bool {
    let (left, right) = line.col;
    right - line.x1 > (right - left).max(1.0) * 0.15
}

/// A line that visibly starts a paragraph: indented from its column's left edge, or opening
/// with a paragraph label such as "12.".
fn is_fresh(line: &Line) -> bool {
    line.x0 - line.col.0 > 1.2 * line.size || starts_with_label(&line.text)
}

/// Removes running headers and footers and standalone page numbers, and returns each page's
/// printed number when one was found.
fn strip_margins(laid: &mut [Vec<Line>], pages: &[PageWords]) -> Vec<Option<u32>> {
    let n = laid.len();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in laid.iter() {
        let keys: HashSet<String> = margin_indices(lines)
            .into_iter()
            .map(|i| shape(&lines[i].text))
            .collect();
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
    }
    let threshold = if n <= 2 {
        2
    } else {
        (n * 2).div_ceil(5).max(2)
    };
    let mut numbers = vec![None; n];
    for (p, lines) in laid.iter_mut().enumerate() {
        let height = pages[p].height;
        let mut drop = HashSet::new();
        let mut best_rank = 0;
        for i in margin_indices(lines) {
            let line = &lines[i];
            let outer = height <= 0.0 || line.y < height * 0.15 || line.y > height * 0.85;
            let number = page_number(&line.text);
            // "Page 3 of 12" outranks a bare number, which may be a stray line number.
            let rank = if is_bare_number(&line.text) { 1 } else { 2 };
            if let (Some(n), true) = (number, outer) {
                if best_rank < rank {
                    numbers[p] = Some(n);
                    best_rank = rank;
                }
            }
            let repeated = counts
                .get(&shape(&line.text))
                .is_some_and(|&c| c >= threshold);
            if (repeated && outer) || (number.is_some() && outer && is_bare_number(&line.text)) {
                drop.insert(i);
            }
        }
        let mut i = 0;
        lines.retain(|_| {
            i += 1;
            !drop.contains(&(i - 1))
        });
    }
    numbers
}

fn margin_indices(lines: &[Line]) -> Vec<usize> {
    let n = lines.len();
    let mut idx: Vec<usize> = (0..n.min(MARGIN_LINES)).collect();
    idx.extend(n.saturating_sub(MARGIN_LINES).max(MARGIN_LINES.min(n))..n);
    idx
}

/// A line's shape for repetition counting: digits are wildcards, so "Page 3 of 12" on every
/// page and case headers with changing page numbers count as the same line.
fn shape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else if !c.is_whitespace() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn page_number(text: &str) -> Option<u32> {
    static PATTERNS: OnceLock<[Regex; 2]> = OnceLock::new();
    let [bare, ecf] = PATTERNS.get_or_init(|| {
        [
            Regex::new(
                r"(?i)^\s*(?:page\s+|p\.\s*)?[-–—]?\s*(\d{1,4})\s*[-–—]?(?:\s+of\s+\d{1,4})?\s*$",
            )
            .expect("valid regex"),
            Regex::new(r"(?i)\bpage\s+(\d{1,4})\s+of\s+\d{1,4}\b").expect("valid regex"),
        ]
    });
    let caps = bare.captures(text).or_else(|| ecf.captures(text))?;
    caps.get(1)?.as_str().parse().ok().filter(|&n| n > 0)
}

fn is_bare_number(text: &str) -> bool {
    static BARE: OnceLock<Regex> = OnceLock::new();
    BARE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:page\s+|p\.\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s+of\s+\d{1,4})?\s*$")
            .expect("valid regex")
    })
    .is_match(text)
}

/// Groups a page's lines into paragraphs, each returned as one string.
fn paragraphs(lines: &[Line]) -> Vec<String> {
    let spacing = typical_spacing(lines);
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        let mut breaks =
            i == 0 || current.is_empty() || starts_paragraph(&lines[i - 1], line, spacing);
        // The right column after an unfinished line of the left one continues the paragraph,
        // as a new page does; a change to or from text across the page does not.
        let column_turn = i > 0 && lines[i - 1].side == 1 && line.side == 2;
        if breaks && column_turn && line.block_start && !current.is_empty() && !is_fresh(line) {
            breaks = !continues(&current, text, !is_short(&lines[i - 1]));
        }
        if breaks {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.push_str(text);
        } else {
            join_line(&mut current, text);
            current.push_str(text);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The median distance between consecutive baselines in the same column, which is the line
/// height of body text whether it is single- or double-spaced.
fn typical_spacing(lines: &[Line]) -> f32 {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .filter(|w| !w[1].block_start)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0)
        .collect();
    if gaps.is_empty() {
        return 0.0;
    }
    gaps.sort_by(f32::total_cmp);
    gaps[gaps.len() / 2]
}

fn starts_paragraph(prev: &Line, line: &Line, spacing: f32) -> bool {
    if line.block_start {
        return true;
    }
    let gap = prev.y - line.y;
    if gap < 0.0 || (spacing > 0.0 && gap > spacing * 1.4) {
        return true;
    }
    let left = line.col.0;
    let indented = line.x0 - left > 1.2 * line.size;
    let prev_indented = prev.x0 - left > 1.2 * prev.size;
    // Lines inside a paragraph run to the right edge of the column, ragged or justified;
    // a line that stops well short of it ends its paragraph (or is a heading or a line of
    // the caption, which should stand alone too).
    let prev_short = is_short(prev);
    let prev_ends = prev
        .text
        .trim_end()
        .ends_with(['.', ':', ';', '?', '!', '"', '\u{201d}', ')']);
    (indented && !prev_indented)
        || prev_short
        || (prev_ends && (starts_with_label(&line.text) || is_caps_heading(&line.text)))
}

/// A short line in capitals, such as "COUNT TWO" or "A TRUE BILL.": after a finished
/// sentence it is a heading of its own, even on a sparse page whose spacing says little.
fn is_caps_heading(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    text.chars().count() <= 60 && letters >= 3 && !text.chars().any(char::is_lowercase)
}

/// "12." or "a." or "(b)" at the start of a line: a numbered paragraph or list item.
fn starts_with_label(text: &str) -> bool {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    LABEL
        .get_or_init(|| {
            Regex::new(r"^(?:\d{1,3}|[a-z]{1,2})\.\s|^\([a-z0-9]{1,3}\)\s").expect("valid regex")
        })
        .is_match(text)
}

/// Prepares `current` for the next line of the same paragraph: a hyphen split across the
/// line end is removed when both halves are lower-case letters (`investi-` + `gation`); a
/// hyphen after a digit or inside a compound (`18-cr-` + `00123`, `pump-and-` + `dump`) is
/// kept and the halves are joined without a space; otherwise a space separates the lines.
/// Returns the change in `current`'s length in chars.
fn join_line(current: &mut String, next: &str) -> isize {
    if let Some(stem) = current.strip_suffix('-') {
        let word = stem.rsplit(char::is_whitespace).next().unwrap_or("");
        let before = word.chars().last();
        let after = next.chars().next();
        let soft = before.is_some_and(char::is_lowercase)
            && after.is_some_and(char::is_lowercase)
            && !word.contains('-');
        if soft {
            current.pop();
            return -1;
        }
        if before.is_some_and(char::is_alphanumeric) {
            return 0;
        }
    }
    current.push(' ');
    1
}
