//! Recognised pages to the text the case stores: normalized like every source, with one page
//! span per page and the low-confidence words as spans, all in chars of the normalized text.
//!
//! Normalization moves offsets (spaces fold, accents compose, blank lines collapse), so the
//! places are carried through it as marks rather than recomputed: a noncharacter where each
//! page starts and a pair around each low-confidence word. Unicode reserves noncharacters for
//! internal use and normalization keeps them in place; any in the recognised text is dropped
//! first. This is how the PDF importer carries its page spans (`import::pdf::normalize_paged`).

use crate::model::PageSpan;
use crate::normalize::normalize_text;

const PAGE: char = '\u{FDD0}';
const LOW_START: char = '\u{FDD1}';
const LOW_END: char = '\u{FDD2}';

/// One page's text, from OCR or from the PDF's own text layer, with its low-confidence words
/// as char spans into `text`.
#[derive(Debug, Clone, Default)]
pub struct PageText {
    pub physical: u32,
    pub number: u32,
    pub text: String,
    pub low: Vec<(usize, usize)>,
}

/// The stored text of a document made of pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assembled {
    pub text: String,
    pub pages: Vec<PageSpan>,
    pub low: Vec<(usize, usize)>,
}

fn is_mark(c: char) -> bool {
    matches!(c, PAGE | LOW_START | LOW_END)
}

/// Joins pages into one normalized text. Pages are separated by a blank line, which belongs to
/// the page before; an empty page is an empty span; the spans tile the text in order.
pub fn assemble(pages: &[PageText]) -> Assembled {
    let mut marked = String::new();
    let mut pending_marks = 0usize;
    let mut any_text = false;
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            pending_marks += 1;
        }
        if page.text.trim().is_empty() {
            continue;
        }
        if any_text {
            marked.push_str("\n\n");
        }
        marked.extend(std::iter::repeat_n(PAGE, pending_marks));
        pending_marks = 0;
        any_text = true;
        let mut low = page.low.iter().peekable();
        let mut open = false;
        for (n, c) in page.text.chars().enumerate() {
            if open && low.peek().is_some_and(|&&(_, end)| end == n) {
                marked.push(LOW_END);
                open = false;
                low.next();
            }
            while !open
                && low
                    .peek()
                    .is_some_and(|&&(start, end)| start == n && end > n)
            {
                marked.push(LOW_START);
                open = true;
            }
            // A span that started and ended before this char (empty or out of order) is skipped.
            while !open && low.peek().is_some_and(|&&(start, _)| start < n) {
                low.next();
            }
            if !is_mark(c) {
                marked.push(c);
            }
        }
        if open {
            marked.push(LOW_END);
        }
    }
    marked.extend(std::iter::repeat_n(PAGE, pending_marks));
    let normalized = normalize_text(&marked);
    let mut out = Assembled::default();
    let mut starts = vec![0usize];
    let mut n = 0usize;
    let mut low_start = None;
    for c in normalized.chars() {
        match c {
            PAGE => starts.push(n),
            LOW_START => low_start = Some(n),
            LOW_END => {
                if let Some(start) = low_start.take().filter(|&s| s < n) {
                    out.low.push((start, n));
                }
            }
            _ => {
                out.text.push(c);
                n += 1;
            }
        }
    }
    // A page starts at its first character: a line break normalization left before it stays
    // on the page before, so the spans still tile the text.
    let chars: Vec<char> = out.text.chars().collect();
    for start in starts.iter_mut().skip(1) {
        while *start < n && chars[*start] == '\n' {
            *start += 1;
        }
    }
    for (i, page) in pages.iter().enumerate() {
        let start = starts.get(i).copied().unwrap_or(n).min(n);
        let end = starts.get(i + 1).copied().unwrap_or(n).min(n);
        out.pages.push(PageSpan {
            number: page.number,
            physical: page.physical,
            start,
            end: end.max(start),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(physical: u32, text: &str, low: &[(usize, usize)]) -> PageText {
        PageText {
            physical,
            number: physical,
            text: text.to_string(),
            low: low.to_vec(),
        }
    }

    fn slice(text: &str, (start, end): (usize, usize)) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn pages_and_low_confidence_words_survive_normalization() {
        let pages = [
            page(
                1,
                "The  defendant\n\n\n\nCafe\u{301} owner",
                &[(5, 14), (18, 23)],
            ),
            page(2, "", &[]),
            page(3, "wired $1,000 to\u{FDD0} Mr. Ohr.", &[(13, 15)]),
        ];
        let out = assemble(&pages);
        assert_eq!(
            out.text,
            "The defendant\n\nCafé owner\n\nwired $1,000 to Mr. Ohr."
        );
        let spans: Vec<(usize, usize)> = out.pages.iter().map(|p| (p.start, p.end)).collect();
        assert_eq!(spans[0].0, 0);
        assert_eq!(
            slice(&out.text, spans[0]),
            "The defendant\n\nCafé owner\n\n"
        );
        assert_eq!(spans[1].0, spans[1].1, "the empty page is an empty span");
        assert_eq!(slice(&out.text, spans[2]), "wired $1,000 to Mr. Ohr.");
        assert_eq!(spans[2].1, out.text.chars().count());
        let low: Vec<String> = out.low.iter().map(|&s| slice(&out.text, s)).collect();
        assert_eq!(low, ["defendant", "Café", "to"]);
    }

    #[test]
    fn a_document_of_empty_pages_is_empty_with_a_span_per_page() {
        let out = assemble(&[page(1, " ", &[]), page(2, "", &[(0, 3)])]);
        assert_eq!(out.text, "");
        assert_eq!(out.pages.len(), 2);
        assert!(out.low.is_empty());
    }
}
