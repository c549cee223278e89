//! The normalized text of a document: the one string every offset in a case refers to.
//!
//! Normalization happens once, at import, and is never redone on stored text, so citations
//! into it never drift. It folds line endings and stray control characters, composes Unicode
//! (NFC), repairs text that was decoded with the wrong encoding ("Â£" for "£"), and separates
//! paragraphs by exactly one blank line.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Normalizes text whose line structure is meaningful (plain text, emails, transcripts):
/// lines inside a paragraph are kept, runs of blank lines become one, spaces are folded.
pub fn normalize_text(raw: &str) -> String {
    let repaired = repair_mojibake(raw);
    let composed: String = match is_nfc_quick(repaired.chars()) {
        IsNormalized::Yes => repaired.into_owned(),
        _ => repaired.nfc().collect(),
    };
    let mut out = String::with_capacity(composed.len());
    let mut blank_lines = 0usize;
    for line in composed.split('\n') {
        let line = fold_spaces(line.trim_end_matches('\r'));
        if line.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        out.push_str(&line);
    }
    out
}

/// Folds runs of horizontal white space into one space, drops control characters and trims.
fn fold_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if c == '\t' || c == ' ' || c == '\u{a0}' || c == '\u{3000}' || c == '\u{2007}' {
            pending_space = true;
        } else if c.is_control() || c == '\u{feff}' || c == '\u{200b}' {
            continue;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

/// Splits paragraphs that a scraper glued together without any space, as in
/// `arrested last week.The alleged spam czar` or `at Flashpoint."From an email`.
///
/// A break is inserted after sentence-final punctuation that sits between a lower-case letter
/// or digit and an upper-case letter or an opening quote. Abbreviations such as `U.S.` (an
/// upper-case letter before the period) and decimals such as `1.5` (a digit after it) do not
/// match. Straight double quotes are ambiguous, so their parity within the paragraph decides
/// whether a `"` after the period closes the sentence's quote or opens the next paragraph's.
pub fn split_glued_paragraphs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 64);
    let mut straight_quotes_in_paragraph = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        if c == '\n' {
            straight_quotes_in_paragraph = 0;
        } else if c == '"' {
            straight_quotes_in_paragraph += 1;
        }
        let is_end_punct = matches!(c, '.' | '!' | '?');
        if !is_end_punct || i == 0 || !ends_sentence_word(&chars, i) {
            i += 1;
            continue;
        }
        let next = chars.get(i + 1).copied();
        let after = chars.get(i + 2).copied();
        let starts_paragraph =
            |c: Option<char>| c.is_some_and(|a| a.is_uppercase() || a.is_numeric());
        let break_here = match next {
            Some(n) if n.is_uppercase() => after.is_some_and(|a| a.is_lowercase() || a == ' '),
            Some('“') => after.is_some_and(char::is_alphanumeric),
            // An even count means this quote would open a new quotation: a new paragraph.
            Some('"') if straight_quotes_in_paragraph.is_multiple_of(2) => starts_paragraph(after),
            _ => false,
        };
        // Otherwise a quote mark closes this sentence; a capital or an opening quote right
        // after it starts the next paragraph.
        let break_after_quote = !break_here
            && matches!(next, Some('"' | '”'))
            && after.is_some_and(|a| a.is_uppercase() || a == '"' || a == '“');
        if break_here {
            out.push_str("\n\n");
            straight_quotes_in_paragraph = 0;
        } else if break_after_quote {
            out.push(next.expect("matched above"));
            out.push_str("\n\n");
            straight_quotes_in_paragraph = 0;
            i += 2;
            continue;
        }
        i += 1;
    }
    out
}

/// True when the punctuation at `i` follows a lower-case word or a number that is not one of
/// the abbreviations commonly written before a name (`Mr.Smith` stays as it is).
fn ends_sentence_word(chars: &[char], i: usize) -> bool {
    let prev = chars[i - 1];
    if !(prev.is_lowercase() || prev.is_ascii_digit() || prev == ')' || prev == '%') {
        return false;
    }
    let start = chars[..i]
        .iter()
        .rposition(|c| !c.is_alphanumeric())
        .map_or(0, |p| p + 1);
    let word: String = chars[start..i].iter().collect();
    !matches!(
        word.as_str(),
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Jr"
            | "Sr"
            | "Prof"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Ph"
            | "vs"
            | "etc"
            | "Inc"
            | "Corp"
            | "Ltd"
            | "Co"
            | "www"
    ) && !is_lowercase_domain_label(chars, start)
}

/// `www.Example` or `e.g.The`: a single letter or `www` before the period is rarely a sentence.
fn is_lowercase_domain_label(chars: &[char], start: usize) -> bool {
    start > 0 && chars[start - 1] == '.'
}

/// Maps each character of Windows-1252 to its byte, for undoing UTF-8 read as Windows-1252.
static WINDOWS_1252_BYTES: LazyLock<HashMap<char, u8>> = LazyLock::new(|| {
    (0x80u8..=0xff)
        .filter_map(|b| {
            let byte = [b];
            let (text, _, had_errors) = encoding_rs::WINDOWS_1252.decode(&byte);
            let c = text.chars().next()?;
            (!had_errors).then_some((c, b))
        })
        .collect()
});

/// Repairs mojibake: UTF-8 bytes that were once decoded as Windows-1252, such as `Â£600m`
/// for `£600m` or `â€œ` for `“`. Only sequences that decode to valid UTF-8 are replaced,
/// so genuine accented text (`café`) is left alone.
pub fn repair_mojibake(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| matches!(c, 'Â' | 'Ã' | 'â' | 'Ä' | 'Å' | 'Ð' | 'Ñ'))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some((decoded, used)) = decode_mojibake_at(&chars[i..]) {
            out.push(decoded);
            i += used;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

fn decode_mojibake_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = *WINDOWS_1252_BYTES.get(&chars[0])?;
    let len = match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    if chars.len() < len {
        return None;
    }
    let mut bytes = vec![lead];
    for &c in &chars[1..len] {
        let b = *WINDOWS_1252_BYTES.get(&c)?;
        if !(0x80..=0xbf).contains(&b) {
            return None;
        }
        bytes.push(b);
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    Some((decoded, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_paragraphs_are_split_but_abbreviations_and_decimals_kept() {
        let glued = "arrested in Spain last week under a U.S. international warrant.The alleged \
                     spam czar ranks No. 7.He sent 1.5 billion messages.";
        assert_eq!(
            split_glued_paragraphs(glued),
            "arrested in Spain last week under a U.S. international warrant.\n\nThe alleged \
             spam czar ranks No. 7.\n\nHe sent 1.5 billion messages."
        );
    }

    #[test]
    fn quote_parity_decides_where_the_break_goes() {
        let glued = "\"It was big,\" said Kremez at Flashpoint.\"From a spam view, it ends,\" \
                     he said.\"Next,\" she said.";
        assert_eq!(
            split_glued_paragraphs(glued),
            "\"It was big,\" said Kremez at Flashpoint.\n\n\"From a spam view, it ends,\" \
             he said.\n\n\"Next,\" she said."
        );
        let closing = "He said \"it is over.\"The next day came.";
        assert_eq!(
            split_glued_paragraphs(closing),
            "He said \"it is over.\"\n\nThe next day came."
        );
    }

    #[test]
    fn names_after_titles_and_domains_are_not_split() {
        let text = "Mr.Smith visited example.com and www.Example.org today.";
        assert_eq!(split_glued_paragraphs(text), text);
    }

    #[test]
    fn mojibake_is_repaired_and_real_accents_kept() {
        assert_eq!(
            repair_mojibake("profit (Â£600m) for cafÃ©"),
            "profit (£600m) for café"
        );
        assert_eq!(repair_mojibake("â€œquotedâ€\u{9d}"), "“quoted”");
        assert_eq!(repair_mojibake("café in Zürich"), "café in Zürich");
    }

    #[test]
    fn text_is_folded_into_paragraphs() {
        let raw = "Title\r\n\r\n\r\n  First   line\tof text \nsecond line\n\n\nNext\u{0007} para ";
        assert_eq!(
            normalize_text(raw),
            "Title\n\nFirst line of text\nsecond line\n\nNext para"
        );
    }
}
