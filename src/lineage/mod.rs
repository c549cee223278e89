//! Quote lineage (issue 21): the appearances of one quote across documents, the same words
//! from the same speaker allowing trimming, ellipses, changed punctuation and small word
//! changes, ordered from the earliest; and which later appearances changed the words.
//!
//! Pure: quotes in (their speaker, words and order key), lineages out. Comparing every pair
//! of a speaker's quotes is quadratic, so quotes are first paired through the word trigrams
//! they share (a trigram shared by more than `COMMON_TRIGRAM` quotes of one speaker, a
//! catch-phrase, proposes nobody), and each candidate pair is then compared word by word with a
//! bounded table. A lineage is a connected group of matched quotes from at least two documents.

use std::collections::HashMap;

use crate::copies::diff;
use crate::model::{DiffOp, DiffPart};

/// The fewest words a quote must have to be followed: "No comment" is said by everyone, and
/// with five words "France will always be France" matched four of "She will always be
/// stronger" (eval_lineage, docs/benchmarks.md).
pub const MIN_WORDS: usize = 6;

/// The share of the shorter quote's words that must appear, in order, in the other.
pub const MIN_SHARED: f64 = 0.8;

/// A trigram in more of a speaker's quotes than this is a habit of speech, not evidence.
const COMMON_TRIGRAM: usize = 64;

/// The longest quote compared, in words (a longer one is compared by its first words).
const MAX_WORDS: usize = 400;

/// A quote as lineage needs it.
#[derive(Debug, Clone)]
pub struct QuoteWords<'a> {
    pub id: i64,
    pub document: i64,
    /// The speaker's entity.
    pub speaker: i64,
    /// The entity's name, for a bare surname: a case naming two Clintons resolves a bare
    /// "Clinton" to an entity of its own, which may be either.
    pub speaker_name: &'a str,
    pub text: &'a str,
}

/// The folded last word of a name: quotes are compared only within one surname.
pub fn surname(name: &str) -> String {
    words(name).pop().unwrap_or_default()
}

/// Whether two quotes have the same speaker: one entity, or a bare surname and a full name
/// ending with it (never two different full names).
pub fn same_speaker(a: &QuoteWords<'_>, b: &QuoteWords<'_>) -> bool {
    if a.speaker == b.speaker {
        return true;
    }
    let (wa, wb) = (words(a.speaker_name), words(b.speaker_name));
    (wa.len() == 1 || wb.len() == 1) && !wa.is_empty() && wa.last() == wb.last()
}

/// The folded words of a text: letters and digits, lower-cased.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The length of the longest common subsequence of two word lists (bounded in length).
pub(crate) fn common(a: &[String], b: &[String]) -> usize {
    let (a, b) = (&a[..a.len().min(MAX_WORDS)], &b[..b.len().min(MAX_WORDS)]);
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[b.len()]
}

/// Whether two quotes say the same words: the shorter has at least `MIN_WORDS` words and at
/// least `MIN_SHARED` of them appear in order in the other (a trimmed quote is all in the
/// longer one; a changed word or two costs one each).
pub fn same_words(a: &[String], b: &[String]) -> bool {
    let shorter = a.len().min(b.len()).min(MAX_WORDS);
    if shorter < MIN_WORDS {
        return false;
    }
    common(a, b) as f64 >= MIN_SHARED * shorter as f64
}

/// Groups quotes into lineages: each is a list of indices into `quotes` (at least two, from
/// at least two documents), in the order the quotes were given.
pub fn group(quotes: &[QuoteWords<'_>]) -> Vec<Vec<usize>> {
    let folded: Vec<Vec<String>> = quotes.iter().map(|q| words(q.text)).collect();
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Trigram -> the quotes having it, per speaker's surname.
    let surnames: Vec<String> = quotes.iter().map(|q| surname(q.speaker_name)).collect();
    let mut postings: HashMap<(&str, [&str; 3]), Vec<usize>> = HashMap::new();
    for (i, w) in folded.iter().enumerate() {
        if w.len() < MIN_WORDS {
            continue;
        }
        let mut seen = std::collections::HashSet::new();
        for t in w.windows(3) {
            let key = [t[0].as_str(), t[1].as_str(), t[2].as_str()];
            if seen.insert(key) {
                postings
                    .entry((surnames[i].as_str(), key))
                    .or_default()
                    .push(i);
            }
        }
    }
    let mut compared = std::collections::HashSet::new();
    for list in postings.values() {
        if list.len() < 2 || list.len() > COMMON_TRIGRAM {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if quotes[i].document == quotes[j].document
                    || !same_speaker(&quotes[i], &quotes[j])
                    || !compared.insert((i, j))
                {
                    continue;
                }
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if ri != rj && same_words(&folded[i], &folded[j]) {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..quotes.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_values()
        .filter(|g| {
            g.len() >= 2
                && g.iter()
                    .any(|&i| quotes[i].document != quotes[g[0]].document)
        })
        .collect();
    out.sort();
    out
}

/// Whether a later appearance changed the words of the earliest: a word added or dropped
/// inside the quote (a drop marked by an ellipsis in the later wording is a cut, not a
/// change), or words replaced at either end. Words only cut from or added at an end (one
/// outlet quoting less or more of the same sentence), punctuation and capitals are not
/// changes.
pub fn altered(parts: &[DiffPart]) -> bool {
    let is_word = |p: &DiffPart| p.text.chars().any(char::is_alphanumeric);
    let first_same = parts.iter().position(|p| p.op == DiffOp::Same);
    let last_same = parts.iter().rposition(|p| p.op == DiffOp::Same);
    let (Some(first), Some(last)) = (first_same, last_same) else {
        // Nothing in common at all: every word changed.
        return parts.iter().any(is_word);
    };
    let replaced = |region: &[DiffPart]| {
        region.iter().any(|p| p.op == DiffOp::Removed && is_word(p))
            && region.iter().any(|p| p.op == DiffOp::Added && is_word(p))
    };
    if replaced(&parts[..first]) || replaced(&parts[last + 1..]) {
        return true;
    }
    for (i, p) in parts.iter().enumerate().take(last).skip(first) {
        if p.op == DiffOp::Same || !is_word(p) {
            continue;
        }
        if p.op == DiffOp::Added {
            return true;
        }
        // A cut marked by an ellipsis in the later wording is trimming, not a change.
        let before = parts[..i].iter().rev().find(|q| q.op != DiffOp::Removed);
        let marked = before.is_some_and(|q| q.text.contains('…') || q.text.contains("..."));
        if !marked {
            return true;
        }
    }
    false
}

/// The word differences from the earliest wording to a later one.
pub fn differences(earliest: &str, later: &str) -> Vec<DiffPart> {
    diff::words(earliest, later)
}

mod appearances;
pub use appearances::{lineage_of, lineages, Spoken};

#[cfg(test)]
mod tests;
