//! Whether words a note quotes are what the source says, and if not, what it does say.
//!
//! Comparison folds what a writer may legitimately change: typographic quotes and apostrophes,
//! runs of white space, letter case, Markdown emphasis marks, and punctuation at either end.
//! An ellipsis (`...`, `…`) or an editorial insertion in square brackets (`[he]`) splits the
//! quoted words into pieces that must appear in order.

/// Folds text for comparison; every folded char keeps the index of the char it came from.
fn fold(text: &str) -> (Vec<char>, Vec<usize>) {
    let mut folded = Vec::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut pending_space = false;
    for (i, c) in text.chars().enumerate() {
        let c = match c {
            '‘' | '’' | '‚' | '‛' | '′' => '\'',
            '“' | '”' | '„' | '‟' | '″' => '"',
            '*' => continue,
            c if c.is_whitespace() => {
                pending_space = !folded.is_empty();
                continue;
            }
            c => c,
        };
        if pending_space {
            folded.push(' ');
            origin.push(i);
            pending_space = false;
        }
        for lower in c.to_lowercase() {
            folded.push(lower);
            origin.push(i);
        }
    }
    (folded, origin)
}

fn trim_punctuation(piece: &[char]) -> &[char] {
    let edge = |c: &char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?');
    let start = piece.iter().position(|c| !edge(c)).unwrap_or(piece.len());
    let end = piece
        .iter()
        .rposition(|c| !edge(c))
        .map_or(start, |e| e + 1);
    &piece[start..end]
}

/// The pieces of quoted words between ellipses and bracketed insertions, folded.
fn pieces(quoted: &str) -> Vec<Vec<char>> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut chars = quoted.chars().peekable();
    let mut flush = |current: &mut String| {
        let (folded, _) = fold(current);
        let trimmed = trim_punctuation(&folded);
        if !trimmed.is_empty() {
            pieces.push(trimmed.to_vec());
        }
        current.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '…' => flush(&mut current),
            '.' if current.ends_with("..") => {
                current.truncate(current.len() - 2);
                flush(&mut current);
            }
            '[' => {
                flush(&mut current);
                for inner in chars.by_ref() {
                    if inner == ']' {
                        break;
                    }
                }
            }
            c => current.push(c),
        }
    }
    flush(&mut current);
    pieces
}

fn find(haystack: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from);
    }
    if haystack.len() < needle.len() {
        return None;
    }
    (from..=haystack.len() - needle.len()).find(|&i| haystack[i..i + needle.len()] == *needle)
}

/// Whether `quoted` appears verbatim (after folding) in `source`.
pub fn appears_in(quoted: &str, source: &str) -> bool {
    let pieces = pieces(quoted);
    if pieces.is_empty() {
        return true;
    }
    let (haystack, _) = fold(source);
    let mut from = 0;
    for piece in &pieces {
        match find(&haystack, piece, from) {
            Some(at) => from = at + piece.len(),
            None => return false,
        }
    }
    true
}

/// A word of a text: folded, with its char range in the original.
struct Word {
    folded: String,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut end = 0;
    for (i, c) in text.chars().enumerate() {
        if c.is_alphanumeric() {
            let entry = current.get_or_insert_with(|| (i, String::new()));
            entry.1.extend(c.to_lowercase());
            end = i + 1;
        } else if let Some((start, folded)) = current.take() {
            words.push(Word { folded, start, end });
        }
    }
    if let Some((start, folded)) = current {
        words.push(Word { folded, start, end });
    }
    words
}

/// Two words match when they are equal or one is the other with an ending ("evade",
/// "evaded"), so the closest wording finds the source's form of a word the note inflected.
fn same_word(a: &str, b: &str) -> bool {
    a == b || (a.len().min(b.len()) >= 4 && (a.starts_with(b) || b.starts_with(a)))
}

/// The longest common subsequence of two word lists, counted in words.
fn common_words(a: &[&str], b: &[&str]) -> usize {
    let mut previous = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            row[j + 1] = if same_word(x, y) {
                previous[j] + 1
            } else {
                row[j].max(previous[j + 1])
            };
        }
        std::mem::swap(&mut previous, &mut row);
    }
    previous[b.len()]
}

/// The source's wording closest to `quoted`: the run of words of about the same length that
/// shares the most words with it (in order), the shortest such run on a tie, as the source
/// writes it, with the share of the quoted words it has. `None` when no word is shared.
pub fn closest_wording(quoted: &str, source: &str) -> Option<(String, f32)> {
    let wanted = words(quoted);
    if wanted.is_empty() {
        return None;
    }
    let wanted: Vec<&str> = wanted.iter().map(|w| w.folded.as_str()).collect();
    let found = words(source);
    let n = wanted.len();
    let shortest = n.saturating_sub(2).max(1);
    let longest = n + 3;
    // Ranked by shared words first and length second, so the run stretches from the first
    // shared word to the last and no further.
    let mut best: Option<(usize, usize, usize, usize)> = None;
    // Only windows that start near a shared word can score, which keeps long sources cheap.
    let mut starts: Vec<usize> = Vec::new();
    for (i, word) in found.iter().enumerate() {
        if let Some(j) = wanted.iter().position(|w| same_word(w, &word.folded)) {
            starts.extend(i.saturating_sub(j)..=i);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    for &start in &starts {
        for length in shortest..=longest {
            let end = start + length;
            if end > found.len() {
                break;
            }
            let window: Vec<&str> = found[start..end]
                .iter()
                .map(|w| w.folded.as_str())
                .collect();
            let shared = common_words(&wanted, &window);
            if shared == 0 {
                continue;
            }
            let rank = shared * 10 - length.min(shared * 10);
            if best.is_none_or(|(b, _, _, _)| rank > b) {
                best = Some((rank, shared, start, end));
            }
        }
    }
    let (_, shared, start, end) = best?;
    let (from, to) = (found[start].start, found[end - 1].end);
    let wording = source.chars().skip(from).take(to - from).collect();
    Some((wording, shared as f32 / n as f32))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "\u{201c}Levashov has been able to evade prosecution for at least 20 \
                          years,\u{201d} said Vitali Kremez.";

    #[test]
    fn folding_forgives_case_space_marks_and_end_punctuation() {
        assert!(appears_in("levashov has been   able to evade", SOURCE));
        assert!(appears_in(
            "*evade* prosecution for at least 20 years.",
            SOURCE
        ));
        assert!(appears_in("It\u{2019}s", "it's fine"));
        assert!(!appears_in("evaded prosecution for 30 years", SOURCE));
    }

    #[test]
    fn ellipses_and_insertions_split_the_quote_into_ordered_pieces() {
        assert!(appears_in(
            "Levashov has been able … for at least 20 years",
            SOURCE
        ));
        assert!(appears_in(
            "[he] has been able to evade prosecution...",
            SOURCE
        ));
        assert!(!appears_in(
            "for at least 20 years ... Levashov has",
            SOURCE
        ));
    }

    #[test]
    fn the_closest_wording_is_the_source_s_own() {
        let (wording, score) = closest_wording("evaded prosecution for 30 years", SOURCE).unwrap();
        assert_eq!(wording, "evade prosecution for at least 20 years");
        assert_eq!(score, 0.8);
        assert_eq!(closest_wording("botnet", SOURCE), None);
    }
}
