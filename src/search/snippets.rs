//! Highlighted snippets cut from a hit's stored text.
//!
//! We match the query's own words (stemmed, exact, prefixes and fuzzy words, but not the
//! excluded ones) against the text's tokens, then pick up to three fragments with the most
//! distinct matched words, so a document whose terms are spread out shows each of them.
//! Snippets are plain text with `«` and `»` around matches; a source's own guillemets become
//! `‹` and `›` so the UI can render the markers without ever interpreting source content.

use std::collections::HashSet;

use tantivy::tokenizer::TextAnalyzer;

use super::query_build::{tokens, Analyzers};
use super::query_parser::{Match, Node, TextField};
use super::schema::MAX_TOKEN_BYTES;

const MAX_FRAGMENTS: usize = 3;
/// Bytes of text a fragment's matches may span.
const FRAGMENT_SPAN: usize = 160;
/// Bytes of context before a fragment's first match.
const CONTEXT_BEFORE: usize = 50;
/// Bytes a fragment is filled up to after its last match.
const FRAGMENT_LENGTH: usize = 220;
/// Matches looked at per document; enough for any fragment choice that matters.
const MAX_MATCHES: usize = 60;

/// Only the first this many bytes of a long text are searched for matches; a match further
/// on still makes the hit, its snippet then shows the beginning.
const MAX_SCAN_BYTES: usize = 200_000;

/// The letters a word must start with to possibly stem to `stem`.
fn stem_head(stem: &str) -> &str {
    let keep = stem.chars().count().saturating_sub(1).clamp(1, 3);
    let end = stem.char_indices().nth(keep).map_or(stem.len(), |(i, _)| i);
    &stem[..end]
}

/// The query's words, ready to be matched against text tokens.
#[derive(Default)]
pub struct Highlighter {
    stemmed: HashSet<String>,
    /// `stem_head` of every stem, computed once instead of for every token.
    stem_heads: Vec<String>,
    exact: HashSet<String>,
    prefixes: Vec<String>,
    fuzzy: Vec<(String, u8)>,
    /// The lower-case ASCII bytes a matching ASCII token can start with: a token starting
    /// with any other byte matches nothing, so it is skipped without being lower-cased.
    first_bytes: Vec<bool>,
}

impl Highlighter {
    pub fn new(node: &Node, an: &mut Analyzers) -> Highlighter {
        let mut h = Highlighter::default();
        h.collect(node, an);
        h.stem_heads = h.stemmed.iter().map(|s| stem_head(s).to_string()).collect();
        h.first_bytes = vec![false; 256];
        let starts = h.stem_heads.iter().chain(&h.exact).chain(&h.prefixes);
        for word in starts {
            if let Some(&b) = word.as_bytes().first() {
                h.first_bytes[usize::from(b)] = true;
            }
        }
        h
    }

    fn collect(&mut self, node: &Node, an: &mut Analyzers) {
        match node {
            Node::And(nodes) | Node::Or(nodes) => {
                for n in nodes {
                    self.collect(n, an);
                }
            }
            Node::Text(TextField::Any | TextField::Title, m) => match m {
                Match::Word(w) => {
                    let stems = tokens(&mut an.stemmed, w);
                    if stems.len() == 1 {
                        self.stemmed.extend(stems);
                    } else {
                        self.exact.extend(tokens(&mut an.exact, w));
                    }
                }
                Match::Phrase { text, .. } => self.exact.extend(tokens(&mut an.exact, text)),
                Match::Prefix(p) => self.prefixes.extend(tokens(&mut an.exact, p)),
                Match::Fuzzy { word, distance } => self.fuzzy.extend(
                    tokens(&mut an.exact, word)
                        .into_iter()
                        .map(|w| (w, *distance)),
                ),
            },
            // Excluded words and filters are not what the reader is looking for in the text.
            _ => {}
        }
    }

    /// The stem a token is counted under when it matches the query, or None.
    fn matches(&self, exact: &str, stemmer: &mut TextAnalyzer) -> Option<String> {
        // Stemming only rewrites a word's ending, so a token can only stem to a query stem
        // that shares its first letters; checking that first spares stemming most tokens.
        if self
            .stem_heads
            .iter()
            .any(|h| exact.starts_with(h.as_str()))
        {
            let stem = tokens(stemmer, exact).pop().unwrap_or_default();
            if self.stemmed.contains(&stem) {
                return Some(stem);
            }
        }
        let hit = self.exact.contains(exact)
            || self.prefixes.iter().any(|p| exact.starts_with(p.as_str()))
            || self
                .fuzzy
                .iter()
                .any(|(w, d)| edit_distance(w, exact) <= usize::from(*d));
        hit.then(|| exact.to_string())
    }

    /// The snippet for `text`: matched fragments, or the beginning when nothing matched in
    /// the text itself (a hit by title or by filter alone).
    pub fn snippet(&self, text: &str, an: &mut Analyzers) -> String {
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        let scanned = if text.len() <= MAX_SCAN_BYTES {
            text
        } else {
            &text[..snap_back(text, MAX_SCAN_BYTES)]
        };
        let mut lower = String::new();
        for (from, to, ascii) in words(scanned) {
            // The exact analyzer drops words this long before anything else.
            if to - from >= MAX_TOKEN_BYTES {
                continue;
            }
            let word = &scanned[from..to];
            let token = if ascii {
                // For ASCII, the exact analyzer only lower-cases, so this is its token.
                let first = word.as_bytes()[0].to_ascii_lowercase();
                if self.fuzzy.is_empty() && !self.first_bytes[usize::from(first)] {
                    continue;
                }
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                lower.as_str()
            } else {
                // Other words get the analyzer's own lower-casing and folding.
                let Some(token) = tokens(&mut an.exact, word).pop() else {
                    continue;
                };
                lower = token;
                lower.as_str()
            };
            if let Some(stem) = self.matches(token, &mut an.stemmed) {
                found.push((from, to, stem));
                if found.len() >= MAX_MATCHES {
                    break;
                }
            }
        }
        if found.is_empty() {
            return fragment(text, 0, snap_forward(text, FRAGMENT_LENGTH), &[]);
        }
        let windows = choose_windows(&found);
        windows
            .iter()
            .map(|&(first, last)| {
                let from = snap_back(text, found[first].0.saturating_sub(CONTEXT_BEFORE));
                let to_match = found[last].1;
                let to = snap_forward(text, (from + FRAGMENT_LENGTH).max(to_match));
                let marks: Vec<(usize, usize)> = found
                    .iter()
                    .filter(|(a, b, _)| *a >= from && *b <= to)
                    .map(|(a, b, _)| (*a, *b))
                    .collect();
                fragment(text, from, to, &marks)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What an ASCII byte is to the word cutter: part of a word, or a separator. Bytes from 0x80
/// up belong to characters of several bytes, which are decoded to be told apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Separator,
    Alphanumeric,
    Wide,
}

/// Each byte's `Class`, so that a word's letters are skipped by a table lookup each.
static CLASSES: [Class; 256] = {
    let mut table = [Class::Separator; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = if b >= 0x80 {
            Class::Wide
        } else if (b as u8).is_ascii_alphanumeric() {
            Class::Alphanumeric
        } else {
            Class::Separator
        };
        b += 1;
    }
    table
};

/// The words of `text` as the exact analyzer's tokenizer cuts them (runs of alphanumeric
/// characters), as byte ranges with whether the word is all ASCII. Cutting them here lets
/// most words be rejected by their first letter before any copy or lower-casing.
fn words(text: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    // Bytes below 0x80 are whole characters, classed by a table without decoding; a fifth
    // of a search's time went to decoding every character of every hit's text (issue 23),
    // and the table halved what testing each byte in turn still cost (session 13).
    let bytes = text.as_bytes();
    let mut at = 0;
    let class = move |at: usize| CLASSES[usize::from(bytes[at])];
    // The length of the character of several bytes at `at`, and whether it is alphanumeric.
    let wide = move |at: usize| -> (usize, bool) {
        let c = text[at..].chars().next().unwrap_or(' ');
        (c.len_utf8(), c.is_alphanumeric())
    };
    std::iter::from_fn(move || {
        loop {
            while at < bytes.len() && class(at) == Class::Separator {
                at += 1;
            }
            if at >= bytes.len() {
                return None;
            }
            if class(at) == Class::Alphanumeric {
                break;
            }
            let (len, alphanumeric) = wide(at);
            if alphanumeric {
                break;
            }
            at += len;
        }
        let from = at;
        let mut ascii = true;
        loop {
            while at < bytes.len() && class(at) == Class::Alphanumeric {
                at += 1;
            }
            if at >= bytes.len() || class(at) == Class::Separator {
                break;
            }
            let (len, alphanumeric) = wide(at);
            if !alphanumeric {
                break;
            }
            ascii = false;
            at += len;
        }
        Some((from, at, ascii))
    })
}

/// Picks up to `MAX_FRAGMENTS` non-overlapping runs of matches (as index ranges into
/// `found`), preferring runs with more distinct words, then more matches; returns them in
/// text order.
fn choose_windows(found: &[(usize, usize, String)]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(usize, usize, usize, usize)> = Vec::new();
    for first in 0..found.len() {
        let mut last = first;
        while last + 1 < found.len() && found[last + 1].1 - found[first].0 <= FRAGMENT_SPAN {
            last += 1;
        }
        // A run holds at most `MAX_MATCHES` matches of a few query words: a list is cheaper
        // to build than a hash set.
        let mut distinct: Vec<&str> = Vec::new();
        for m in &found[first..=last] {
            if !distinct.contains(&m.2.as_str()) {
                distinct.push(m.2.as_str());
            }
        }
        candidates.push((distinct.len(), last - first + 1, first, last));
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    for (_, _, first, last) in candidates {
        if chosen.len() == MAX_FRAGMENTS {
            break;
        }
        let start = found[first].0;
        let end = found[last].1;
        let overlaps = chosen.iter().any(|&(f, l)| {
            let (s2, e2) = (found[f].0, found[l].1);
            start < e2 + FRAGMENT_LENGTH && s2 < end + FRAGMENT_LENGTH
        });
        if !overlaps {
            chosen.push((first, last));
        }
    }
    chosen.sort();
    chosen
}

/// The text between `from` and `to` on one line, with `marks` (byte ranges) highlighted and
/// an ellipsis where the fragment does not reach the text's start or end.
fn fragment(text: &str, from: usize, to: usize, marks: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(to - from + 8 * marks.len() + 8);
    if from > 0 {
        out.push('…');
    }
    let mut at = from;
    // Line breaks and runs of spaces become one space: a snippet is read as one line. Runs
    // of other characters are copied whole; copying character by character was a twentieth
    // of a search (session 13).
    let push = |out: &mut String, part: &str| {
        let bytes = part.as_bytes();
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (len, instead) = if b < 0x80 {
                // The ASCII characters `char::is_whitespace` counts: tab to carriage return
                // and the space.
                if !matches!(b, b'\t'..=b'\r' | b' ') {
                    i += 1;
                    continue;
                }
                (1, ' ')
            } else {
                let c = part[i..].chars().next().unwrap_or(' ');
                match c {
                    '«' => (c.len_utf8(), '‹'),
                    '»' => (c.len_utf8(), '›'),
                    c if c.is_whitespace() => (c.len_utf8(), ' '),
                    c => {
                        i += c.len_utf8();
                        continue;
                    }
                }
            };
            out.push_str(&part[copied..i]);
            if instead != ' ' || !out.ends_with(' ') {
                out.push(instead);
            }
            i += len;
            copied = i;
        }
        out.push_str(&part[copied..]);
    };
    for &(a, b) in marks {
        push(&mut out, &text[at..a]);
        out.push('«');
        push(&mut out, &text[a..b]);
        out.push('»');
        at = b;
    }
    push(&mut out, &text[at..to]);
    if to < text.len() {
        out.push('…');
    }
    out
}

/// Moves a byte offset back to the start of the word it is in.
fn snap_back(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    let limit = at.saturating_sub(20);
    let mut probe = at;
    while probe > limit {
        let prev = text[..probe].chars().next_back();
        match prev {
            Some(c) if c.is_whitespace() => return probe,
            Some(c) => probe -= c.len_utf8(),
            None => break,
        }
    }
    if probe == 0 {
        0
    } else {
        at
    }
}

/// Moves a byte offset forward to the end of the word it is in.
fn snap_forward(text: &str, mut at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let limit = (at + 20).min(text.len());
    let mut probe = at;
    while probe < limit {
        match text[probe..].chars().next() {
            Some(c) if c.is_whitespace() => return probe,
            Some(c) => probe += c.len_utf8(),
            None => break,
        }
    }
    if probe >= text.len() {
        text.len()
    } else {
        at
    }
}

/// Levenshtein distance with adjacent transpositions counted as one edit, as the fuzzy query
/// counts them.
fn edit_distance(a: &str, b: &str) -> usize {
    if a.len().abs_diff(b.len()) > 8 {
        return usize::MAX;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 2 {
        return 3;
    }
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query_parser::parse;

    fn check(cases: &[(&str, &str, &str)]) {
        let mut an = Analyzers::new();
        for (query, text, expected) in cases {
            let h = Highlighter::new(&parse(query).unwrap(), &mut an);
            assert_eq!(h.snippet(text, &mut an), *expected, "query {query:?}");
        }
    }

    #[test]
    fn snippets_mark_matches_and_fold_guillemets() {
        check(&[
            (
                "spam",
                "Spammers sent spam, spamming.",
                "Spammers sent «spam», «spamming».",
            ),
            ("\"spam czar\"", "The spam czar.", "The «spam» «czar»."),
            ("bot*", "A botnet of bots.", "A «botnet» of «bots»."),
            ("levashov~", "Levishov was held.", "«Levishov» was held."),
            (
                "zurich",
                "Arrested in Zürich «today».",
                "Arrested in «Zürich» ‹today›.",
            ),
            ("spam -czar", "The czar of spam.", "The czar of «spam»."),
            ("title:nothing", "Plain text.", "Plain text."),
        ]);
    }

    #[test]
    fn words_are_cut_like_the_exact_analyzer_cuts_them() {
        let long = "x".repeat(70);
        let text = format!("Zürich's «Ünïcode» naïve 2017-03 {long} a_b ĲSSEL 東京 end");
        let mut expected = Vec::new();
        let mut an = Analyzers::new();
        let mut stream = an.exact.token_stream(&text);
        while stream.advance() {
            let t = stream.token();
            expected.push((t.offset_from, t.offset_to));
        }
        let ours: Vec<(usize, usize)> = words(&text)
            .filter(|(from, to, _)| to - from < MAX_TOKEN_BYTES)
            .map(|(from, to, _)| (from, to))
            .collect();
        assert_eq!(ours, expected);
    }

    /// A fragment as it was cut character by character before runs were copied whole.
    fn fragment_by_characters(
        text: &str,
        from: usize,
        to: usize,
        marks: &[(usize, usize)],
    ) -> String {
        let mut out = String::new();
        if from > 0 {
            out.push('…');
        }
        let push = |out: &mut String, part: &str| {
            for c in part.chars() {
                if c.is_whitespace() {
                    if !out.ends_with(' ') {
                        out.push(' ');
                    }
                    continue;
                }
                out.push(match c {
                    '«' => '‹',
                    '»' => '›',
                    c => c,
                });
            }
        };
        let mut at = from;
        for &(a, b) in marks {
            push(&mut out, &text[at..a]);
            out.push('«');
            push(&mut out, &text[a..b]);
            out.push('»');
            at = b;
        }
        push(&mut out, &text[at..to]);
        if to < text.len() {
            out.push('…');
        }
        out
    }

    #[test]
    fn fragments_copy_runs_as_they_were_copied_character_by_character() {
        let texts = [
            "Plain words, then\n\n  a break\tand tabs\x0b\x0cand \r\n ends ",
            " «Quoted» and »reversed« \u{a0}non-breaking\u{2003}em space\u{3000}ideographic",
            "Zürich's naïve café \u{85}next line\u{1c}file separator 東京 end",
            "",
            "   ",
        ];
        for text in texts {
            let ends: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &from in &ends {
                for &to in ends.iter().filter(|&&to| to >= from) {
                    let mid = ends
                        .iter()
                        .copied()
                        .find(|&m| m >= from + (to - from) / 2)
                        .unwrap_or(to);
                    for marks in [vec![], vec![(from, mid)], vec![(mid, to)]] {
                        assert_eq!(
                            fragment(text, from, to, &marks),
                            fragment_by_characters(text, from, to, &marks),
                            "{text:?} {from}..{to} {marks:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn spread_out_terms_give_several_fragments() {
        let filler = "lorem ipsum dolor sit amet ".repeat(20);
        let text = format!("Kelihos began. {filler}Then Levashov was arrested. {filler}The end.");
        let mut an = Analyzers::new();
        let h = Highlighter::new(&parse("kelihos levashov").unwrap(), &mut an);
        let snippet = h.snippet(&text, &mut an);
        assert!(snippet.starts_with("«Kelihos» began."), "{snippet}");
        assert!(snippet.contains("… …ipsum"), "two fragments: {snippet}");
        assert!(
            snippet.contains("amet Then «Levashov» was arrested."),
            "{snippet}"
        );
        assert!(snippet.len() < 600, "{snippet}");
    }
}
