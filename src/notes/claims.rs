//! Reading a note: its citations, its links to other notes, and its claims (the sentences that
//! carry citations) with the words they put in quotation marks. Pure: text in, byte ranges and
//! 1-based line/column positions out.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::citation::Target;
use super::markdown::{layout, Layout, Lines};

/// Everything checkable in a note's text.
#[derive(Debug, Default)]
pub struct NoteSyntax {
    pub citations: Vec<CitationUse>,
    /// Bracketed groups of citations (`[@q1; @d2]`), each listing its citations by index.
    pub groups: Vec<CitationGroup>,
    pub links: Vec<NoteLink>,
    pub claims: Vec<Claim>,
    /// Citations that could not be read, such as `[@x9]`.
    pub malformed: Vec<Malformed>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CitationUse {
    pub target: Target,
    /// The `@q42` itself.
    pub range: Range<usize>,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CitationGroup {
    /// From `[` to `]`.
    pub range: Range<usize>,
    pub citations: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NoteLink {
    pub title: String,
    pub range: Range<usize>,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Malformed {
    pub message: String,
    pub range: Range<usize>,
    pub line: usize,
    pub column: usize,
}

/// A sentence that carries at least one citation.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub range: Range<usize>,
    pub line: usize,
    pub column: usize,
    /// The sentence on one line, as written.
    pub text: String,
    /// Indices into `NoteSyntax::citations`.
    pub citations: Vec<usize>,
    pub quoted: Vec<QuotedWords>,
}

/// Words a note puts in quotation marks, which must be what its source says.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotedWords {
    pub text: String,
    /// Inside the marks.
    pub range: Range<usize>,
    pub line: usize,
    pub column: usize,
}

static CITATION_GROUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(@[^\[\]\n]*)\]").expect("citation pattern"));
static NOTE_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\[([^\[\]\n]+)\]\]").expect("note link pattern"));

/// Reads a note's text.
pub fn analyse(text: &str) -> NoteSyntax {
    let layout = layout(text);
    let lines = Lines::new(text);
    let mut syntax = NoteSyntax::default();
    let escaped = |start: usize| start > 0 && text.as_bytes()[start - 1] == b'\\';

    for found in CITATION_GROUP.captures_iter(text) {
        let whole = found.get(0).expect("match");
        if layout.is_opaque(&whole.range()) || escaped(whole.start()) {
            continue;
        }
        let inner = found.get(1).expect("group");
        let mut group = CitationGroup {
            range: whole.range(),
            citations: Vec::new(),
        };
        let mut offset = inner.start();
        for part in inner.as_str().split(';') {
            let lead = part.len() - part.trim_start().len();
            let written = part.trim();
            let range = offset + lead..offset + lead + written.len();
            offset += part.len() + 1;
            let (line, column) = lines.position(range.start);
            let parsed = match written.strip_prefix('@') {
                Some(body) => Target::parse(body),
                None => Err(format!(
                    "'{written}' in a citation group must start with @ (as in [@q1; @d2])"
                )),
            };
            match parsed {
                Ok(target) => {
                    group.citations.push(syntax.citations.len());
                    syntax.citations.push(CitationUse {
                        target,
                        range,
                        line,
                        column,
                    });
                }
                Err(message) => syntax.malformed.push(Malformed {
                    message,
                    range,
                    line,
                    column,
                }),
            }
        }
        syntax.groups.push(group);
    }

    for found in NOTE_LINK.captures_iter(text) {
        let whole = found.get(0).expect("match");
        if layout.is_opaque(&whole.range()) || escaped(whole.start()) {
            continue;
        }
        let (line, column) = lines.position(whole.start());
        syntax.links.push(NoteLink {
            title: found[1].trim().to_string(),
            range: whole.range(),
            line,
            column,
        });
    }

    for block in &layout.blocks {
        for sentence in sentences(text, block, &layout) {
            // Citations are in text order, so a sentence's are one run found by binary search.
            let first = syntax
                .citations
                .partition_point(|c| c.range.start < sentence.start);
            let last = syntax
                .citations
                .partition_point(|c| c.range.start < sentence.end);
            let citations: Vec<usize> = (first..last).collect();
            if citations.is_empty() {
                continue;
            }
            let (line, column) = lines.position(sentence.start);
            let quoted = quoted_words(text, &sentence, &layout)
                .into_iter()
                .map(|range| {
                    let (line, column) = lines.position(range.start);
                    QuotedWords {
                        text: one_line(&text[range.clone()]),
                        range,
                        line,
                        column,
                    }
                })
                .collect();
            syntax.claims.push(Claim {
                text: one_line(&text[sentence.clone()]),
                range: sentence,
                line,
                column,
                citations,
                quoted,
            });
        }
    }
    syntax
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Pairs of quotation marks in a block, as the byte ranges of the words inside them: curly
/// marks pair open with close, straight ones alternate. An unclosed mark pairs with nothing.
fn quote_pairs(text: &str, block: &Range<usize>, layout: &Layout) -> Vec<Range<usize>> {
    let mut pairs = Vec::new();
    let mut open_straight: Option<usize> = None;
    let mut open_curly: Option<usize> = None;
    for (i, c) in text[block.clone()].char_indices() {
        let at = block.start + i;
        if layout.is_opaque(&(at..at + 1)) {
            continue;
        }
        match c {
            '"' => match open_straight.take() {
                Some(start) => pairs.push(start..at),
                None => open_straight = Some(at + 1),
            },
            '“' => open_curly = Some(at + c.len_utf8()),
            '”' => {
                if let Some(start) = open_curly.take() {
                    pairs.push(start..at);
                }
            }
            _ => {}
        }
    }
    pairs.sort_by_key(|p| p.start);
    pairs
}

fn quoted_words(text: &str, sentence: &Range<usize>, layout: &Layout) -> Vec<Range<usize>> {
    quote_pairs(text, sentence, layout)
        .into_iter()
        .filter(|r| !text[r.clone()].trim().is_empty())
        .collect()
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "etc", "no", "gen", "sen", "rep", "gov",
    "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "p", "pp", "para", "cf", "e.g", "i.e", "approx", "dept", "est",
];

/// The sentences of a block. A sentence ends at `.`, `!` or `?` (with any closing marks) before
/// white space, unless the stop belongs to an initial or an abbreviation or sits inside a
/// quotation that goes on; citations right after the stop (`… big. [@q3]`) still belong to it.
fn sentences(text: &str, block: &Range<usize>, layout: &Layout) -> Vec<Range<usize>> {
    let pairs = quote_pairs(text, block, layout);
    let slice = &text[block.clone()];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    // Pairs never overlap, so the only pair that can hold `at` is the last one starting at or
    // before it. With closing marks after the stop (`next` is the first char after them), the
    // stop ends the sentence when its quotation closed among those marks.
    let inside_quote = |at: usize, next: Option<usize>| {
        let candidates = pairs.partition_point(|p| p.start <= at);
        candidates > 0 && {
            let pair = &pairs[candidates - 1];
            at < pair.end && next.is_none_or(|n| n < pair.end)
        }
    };
    let mut result = Vec::new();
    let mut start = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if !matches!(c, '.' | '!' | '?') {
            i += 1;
            continue;
        }
        // Closing marks and emphasis belong to the sentence they close.
        let mut end = i + 1;
        while end < chars.len() && matches!(chars[end].1, '"' | '”' | '’' | '\'' | ')' | '*' | '_')
        {
            end += 1;
        }
        let at_end = end == chars.len();
        let spaced = at_end || chars[end].1.is_whitespace();
        let next_index = chars.get(end).map(|&(b, _)| block.start + b);
        if !spaced
            || is_abbreviation(&chars, i)
            || inside_quote(block.start + at, next_index.filter(|_| end > i + 1))
        {
            i += 1;
            continue;
        }
        let mut stop = chars.get(end).map_or(slice.len(), |&(b, _)| b);
        // A citation group or footnote reference after the stop is part of this sentence.
        let rest = &slice[stop..];
        let trimmed = rest.trim_start();
        if trimmed.starts_with("[@") || trimmed.starts_with("[^") {
            let skipped = rest.len() - trimmed.len();
            let mut cursor = stop + skipped;
            while slice[cursor..].starts_with('[') {
                match slice[cursor..].find(']') {
                    Some(close) => cursor += close + 1,
                    None => break,
                }
                let after = &slice[cursor..];
                if !(after.starts_with("[@") || after.starts_with("[^")) {
                    break;
                }
            }
            stop = cursor;
        }
        push_sentence(&mut result, block.start, slice, start, stop);
        start = stop;
        i = chars.partition_point(|&(b, _)| b < stop);
    }
    push_sentence(&mut result, block.start, slice, start, slice.len());
    result
}

fn push_sentence(out: &mut Vec<Range<usize>>, base: usize, slice: &str, start: usize, end: usize) {
    let piece = &slice[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(base + start + lead..base + start + lead + trimmed.len());
    }
}

/// Whether the full stop at `i` belongs to an initial ("A.", "U.S.") or an abbreviation.
fn is_abbreviation(chars: &[(usize, char)], i: usize) -> bool {
    if chars[i].1 != '.' {
        return false;
    }
    let mut s = i;
    while s > 0 && (chars[s - 1].1.is_alphabetic() || chars[s - 1].1 == '.') {
        s -= 1;
    }
    let word: String = chars[s..i].iter().map(|&(_, c)| c).collect();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().next().is_some_and(char::is_uppercase))
        || word.contains('.')
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
        let syntax = analyse(text);
        syntax
            .claims
            .iter()
            .map(|c| {
                (
                    c.text.clone(),
                    c.citations
                        .iter()
                        .map(|&i| syntax.citations[i].target.to_string())
                        .collect(),
                    c.quoted.iter().map(|q| q.text.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn each_cited_sentence_is_a_claim_with_its_quoted_words() {
        let text = "# Levashov\n\nThe U.S. says he \"evaded prosecution\" for years [@q3]. \
                    Nobody disputes it. Kremez called it big. [@q4; @d1:0-10]\n\n\
                    - Arrested \u{201c}last week\u{201d} [@e2].\n";
        assert_eq!(
            claims(text),
            [
                (
                    "The U.S. says he \"evaded prosecution\" for years [@q3].".to_string(),
                    vec!["q3".to_string()],
                    vec!["evaded prosecution".to_string()]
                ),
                (
                    "Kremez called it big. [@q4; @d1:0-10]".to_string(),
                    vec!["q4".to_string(), "d1:0-10".to_string()],
                    vec![]
                ),
                (
                    "Arrested \u{201c}last week\u{201d} [@e2].".to_string(),
                    vec!["e2".to_string()],
                    vec!["last week".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn a_stop_inside_a_quotation_does_not_end_the_sentence() {
        let text = "He said \"It was big. Really.\" Then he left [@q1].";
        assert_eq!(
            claims(text),
            [(
                "Then he left [@q1].".to_string(),
                vec!["q1".to_string()],
                vec![]
            )]
        );
        let text = "He said \"It was big. Really\" and left [@q1].";
        assert_eq!(claims(text)[0].2, ["It was big. Really"]);
    }

    #[test]
    fn citations_in_code_are_not_citations_and_bad_ones_are_located() {
        let text = "Use `[@q1]` to cite.\n\nSee [@x9; @q2] and \\[@q5].\n";
        let syntax = analyse(text);
        let cited: Vec<String> = syntax
            .citations
            .iter()
            .map(|c| c.target.to_string())
            .collect();
        assert_eq!(cited, ["q2"]);
        assert_eq!(syntax.malformed.len(), 1);
        assert_eq!(
            (syntax.malformed[0].line, syntax.malformed[0].column),
            (3, 6)
        );
        assert!(syntax.malformed[0].message.contains("'x9'"));
    }

    #[test]
    fn note_links_are_found_with_their_positions() {
        let syntax = analyse("Intro.\nSee [[ Timeline of arrests ]] and `[[code]]`.");
        assert_eq!(syntax.links.len(), 1);
        assert_eq!(syntax.links[0].title, "Timeline of arrests");
        assert_eq!((syntax.links[0].line, syntax.links[0].column), (2, 5));
    }

    #[test]
    fn unbalanced_marks_and_long_text_stay_linear() {
        let text = "\"".repeat(20_000) + &"word. [@q1] ".repeat(20_000);
        let started = std::time::Instant::now();
        let syntax = analyse(&text);
        assert_eq!(syntax.citations.len(), 20_000);
        assert!(started.elapsed().as_secs() < 30);
    }
}
