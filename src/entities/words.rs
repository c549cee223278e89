//! The recogniser's words and the capitalised runs it reads names from, apart from
//! `recognize` because splitting a text into words is its own concern: char offsets, "U.S." and
//! "A." kept whole, possessives taken off, sentence openings marked, and the lines that are
//! headlines or written in capitals marked, since their capitals say nothing about names. One
//! pass over the text, and one over the words per line, so all of it is linear.

use super::lexicon::NOT_ORGANISATION_ACRONYMS;
use super::names::is_name_stop_word;

/// Lower-case words that may sit inside a name ("Bank of America", "Ludwig van Beethoven").
pub(super) const CONNECTORS: &[&str] = &[
    "of", "de", "van", "von", "der", "bin", "al", "la", "du", "da",
];

pub(super) struct Word {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub possessive: bool,
    pub sentence_start: bool,
    /// The word's line, counted from 0.
    line: usize,
    /// The word lies on a headline or a line in capitals, whose capitals name no one.
    pub headline: bool,
}

impl Word {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_acronym(&self) -> bool {
        is_acronym(&self.text)
    }

    pub fn is_initial(&self) -> bool {
        let chars: Vec<char> = self.text.chars().collect();
        chars.len() == 2 && chars[0].is_uppercase() && chars[1] == '.'
    }
}

/// Whether a word is an organisation's acronym ("FBI", "UAW"), not a unit or a shout.
pub(super) fn is_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    (2..=6).contains(&letters.len())
        && upper >= 2
        && letters.first().is_some_and(|c| c.is_uppercase())
        && letters.last().is_some_and(|c| c.is_uppercase())
        && !text.contains('.')
        && !NOT_ORGANISATION_ACRONYMS.contains(&text)
        && !is_name_stop_word(text)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits the text into words with char offsets, keeping "U.S." and "A." whole, taking a
/// possessive "'s" off ("Dell'sSecureWorks", glued by a bad page, gives "Dell" and
/// "SecureWorks"), and marking the words that open a sentence.
pub(super) fn words(chars: &[char]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = chars.len();
    let mut sentence_start = true;
    let mut line = 0;
    while i < n {
        let c = chars[i];
        if !is_word_char(c) {
            if matches!(c, '.' | '!' | '?' | '\n') {
                sentence_start = true;
            }
            if c == '\n' {
                line += 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut possessive = false;
        let mut end = i + 1;
        while end < n {
            let c = chars[end];
            let next = chars.get(end + 1).copied();
            if is_word_char(c) {
                end += 1;
            } else if matches!(c, '\'' | '’') && next == Some('s') {
                let after = chars.get(end + 2).copied();
                if after.is_none_or(|a| !is_word_char(a) || a.is_uppercase()) {
                    possessive = true;
                    break;
                }
                end += 1;
            } else if matches!(c, '.' | '-' | '&' | '\'' | '’') && next.is_some_and(is_word_char)
            {
                // "U.S", "Jean-Luc", "AT&T", "O'Brien"; a sentence glued to the next one
                // ("warrant.The") is split where a lower-case word meets a capital.
                if c == '.' && chars[end - 1].is_lowercase() && end - start > 1 {
                    break;
                }
                end += 1;
            } else {
                break;
            }
        }
        let mut text: String = chars[start..end].iter().collect();
        let single_capital = end - start == 1 && chars[start].is_uppercase();
        // An abbreviated title's full stop ends no sentence: "Mr. Quist" is one run.
        let dotted = text.contains('.')
            || matches!(
                text.as_str(),
                "Jr" | "Sr"
                    | "St"
                    | "Mr"
                    | "Mrs"
                    | "Ms"
                    | "Dr"
                    | "Prof"
                    | "Sen"
                    | "Rep"
                    | "Gov"
                    | "Gen"
                    | "Lt"
                    | "Col"
                    | "Capt"
                    | "Sgt"
            );
        if end < n && chars[end] == '.' && (single_capital || dotted) {
            text.push('.');
            end += 1;
        }
        let mut next = end;
        if possessive {
            next = end + 2;
        } else if end < n && matches!(chars[end], '\'' | '’') && text.ends_with('s') {
            possessive = true;
            next = end + 1;
        }
        out.push(Word {
            start,
            end,
            text,
            possessive,
            sentence_start,
            line,
            headline: false,
        });
        sentence_start = false;
        i = next;
    }
    mark_headlines(&mut out);
    out
}

/// Maximal runs of capitalised words (with connectors and initials inside), as word ranges.
pub(super) fn runs(words: &[Word], chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].is_capitalised() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < words.len() && !words[end - 1].possessive {
            let gap: String = chars[words[end - 1].end..words[end].start].iter().collect();
            if !gap.chars().all(|c| c == ' ') || gap.len() > 2 || words[end].sentence_start {
                break;
            }
            let w = &words[end];
            // "if I were a leader in Japan I would": the pronoun ends a run.
            if w.is_capitalised() && w.text != "I" {
                end += 1;
            } else if CONNECTORS.contains(&w.text.as_str())
                && words.get(end + 1).is_some_and(|n| n.is_capitalised())
            {
                end += 2;
            } else {
                break;
            }
        }
        out.push((start, end.min(words.len())));
        i = end;
    }
    out
}

pub(super) fn text_of(chars: &[char], words: &[Word], a: usize, b: usize) -> String {
    chars[words[a].start..words[b - 1].end].iter().collect()
}

/// Lower-case words a headline leaves in lower case ("Quist Clashes with Ostend Over Taxes").
const HEADLINE_LOWER: &[&str] = &[
    "with", "from", "into", "over", "than", "that", "upon", "onto", "after", "about", "amid",
];

/// Marks the words of each line that is a headline or written in capitals.
fn mark_headlines(words: &mut [Word]) {
    let mut start = 0;
    while start < words.len() {
        let line = words[start].line;
        let end = start + words[start..].iter().take_while(|w| w.line == line).count();
        if is_headline(&words[start..end]) {
            for w in &mut words[start..end] {
                w.headline = true;
            }
        }
        start = end;
    }
}

/// A line in capitals ("QUIST WINS PRIMARY"), or a short line whose every longer word is
/// capitalised ("Quist Clashes with Ostend Over Taxes"): a headline's capitals are its style,
/// not names, so a run in one is no evidence of a person.
fn is_headline(line: &[Word]) -> bool {
    let (mut lettered, mut lower_case, mut long, mut long_capitalised) = (0, 0, 0, 0);
    for w in line {
        let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 {
            continue;
        }
        lettered += 1;
        if w.text.chars().any(char::is_lowercase) {
            lower_case += 1;
        }
        if letters >= 4 && !HEADLINE_LOWER.contains(&w.text.as_str()) {
            long += 1;
            if w.is_capitalised() {
                long_capitalised += 1;
            }
        }
    }
    let shouted = lettered >= 2 && lower_case == 0;
    let title_case = long >= 3 && long_capitalised == long && line.len() <= 20;
    shouted || title_case
}
