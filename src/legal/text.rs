//! Text helpers shared by the legal parsers: byte-to-char offsets, lines and title case.

/// Converts byte offsets into char offsets in constant time after one linear pass.
pub(super) struct CharIndex {
    /// For non-ASCII text, the char offset of every byte offset (and of the end).
    table: Option<Vec<u32>>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex { table: None };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        for (n, (_, c)) in text.char_indices().enumerate() {
            table.extend(std::iter::repeat_n(n as u32, c.len_utf8()));
        }
        table.push(text.chars().count() as u32);
        CharIndex { table: Some(table) }
    }

    pub fn char_at(&self, byte: usize) -> usize {
        match &self.table {
            None => byte,
            Some(t) => t.get(byte).or(t.last()).map_or(0, |&n| n as usize),
        }
    }
}

/// A line of the text with its byte range, without the line break.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        out.push(Line {
            text: body,
            start,
            end: start + body.len(),
        });
        start += piece.len();
    }
    out
}

/// Title-cases a name or heading printed in capitals: "PETER YURYEVICH LEVASHOV" becomes
/// "Peter Yuryevich Levashov", "DISTRICT OF NORTH HAVEN" becomes "District of North Haven";
/// mixed-case words are kept as printed.
pub(super) fn title_case(s: &str) -> String {
    const SMALL: [&str; 8] = ["of", "for", "the", "and", "in", "on", "at", "to"];
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if i > 0 && SMALL.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else if word.chars().any(char::is_lowercase) {
            out.push_str(word);
        } else {
            out.push_str(&capitalise_parts(&lower));
        }
    }
    out
}

/// Upper-cases the first letter of a word and of each part after a hyphen or apostrophe,
/// so "o'brien-smith" becomes "O'Brien-Smith".
fn capitalise_parts(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper_next = true;
    for c in word.chars() {
        if upper_next && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
        if matches!(c, '-' | '\'' | '\u{2019}') {
            upper_next = true;
        }
    }
    out
}

/// Collapses runs of whitespace into single spaces and trims.
pub(super) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
