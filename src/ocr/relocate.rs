//! Where a span of a document's old text went when its scan is recognised again (`dossier ocr
//! ID` with other languages or settings). A person's reviewed quotes and events point into the
//! text by character offsets; new OCR text moves the words (a line read differently above them
//! shifts everything after it), so each span is looked up by its exact words in the new text
//! and kept at the occurrence nearest the place it had, scaled to the new text's length. Words
//! the new text no longer has are not guessed at: the caller reports them.
//!
//! Pure: two texts in, character offsets out. Each lookup is a substring search over the new
//! text, so a document with `r` reviewed rows costs `r` linear scans.

/// The old and the new text of one document, indexed for lookups by character offset.
pub struct Texts {
    old: Vec<char>,
    new: String,
    /// The byte offset of every char of `new`, and its length in bytes last, so a byte offset
    /// found by the substring search becomes a char offset by binary search.
    new_bytes: Vec<usize>,
}

impl Texts {
    pub fn new(old: &str, new: &str) -> Texts {
        let mut new_bytes: Vec<usize> = new.char_indices().map(|(i, _)| i).collect();
        new_bytes.push(new.len());
        Texts {
            old: old.chars().collect(),
            new: new.to_string(),
            new_bytes,
        }
    }

    fn new_chars(&self) -> usize {
        self.new_bytes.len() - 1
    }

    /// The old text's chars `[start, end)`, or `None` when the span is not inside it.
    pub fn old_words(&self, start: usize, end: usize) -> Option<String> {
        (start <= end && end <= self.old.len()).then(|| self.old[start..end].iter().collect())
    }

    /// Where the old chars `[start, end)` start in the new text: of the places the same words
    /// occur, the one nearest `start` scaled by the ratio of the texts' lengths. An empty span
    /// keeps its scaled place. `None` when the words are not in the new text.
    pub fn find(&self, start: usize, end: usize) -> Option<usize> {
        let words = self.old_words(start, end)?;
        let expected = if self.old.is_empty() {
            0
        } else {
            (start as u128 * self.new_chars() as u128 / self.old.len() as u128) as usize
        };
        if words.is_empty() {
            return Some(expected.min(self.new_chars()));
        }
        let mut best: Option<usize> = None;
        for (byte, _) in self.new.match_indices(words.as_str()) {
            let at = self
                .new_bytes
                .binary_search(&byte)
                .expect("a match starts on a char boundary");
            if best.is_none_or(|b| at.abs_diff(expected) < b.abs_diff(expected)) {
                best = Some(at);
            }
            // Matches come in order: once they move away from the expected place, no later
            // one is nearer.
            if at > expected {
                break;
            }
        }
        best
    }

    /// Whether the new text has the old chars `[start, end)` at `new_start`.
    pub fn same_at(&self, start: usize, end: usize, new_start: usize) -> bool {
        let Some(words) = self.old_words(start, end) else {
            return false;
        };
        let new_end = new_start + (end - start);
        if new_end > self.new_chars() {
            return false;
        }
        self.new[self.new_bytes[new_start]..self.new_bytes[new_end]] == words
    }
}

/// A span moved by `delta` chars (negative moves it back).
pub fn shift(at: usize, delta: i64) -> usize {
    (at as i64 + delta).max(0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_moved_by_a_longer_line_above_are_found_at_their_new_place() {
        let old = "Tbe court said: \"We will appeal.\" Then it rose.";
        let new = "The court then said: \"We will appeal.\" Then it rose.";
        let t = Texts::new(old, new);
        let start = old.find('"').unwrap();
        let end = start + "\"We will appeal.\"".len();
        let at = t.find(start, end).unwrap();
        assert_eq!(at, new.find('"').unwrap());
        assert!(t.same_at(start, end, at));
        assert!(!t.same_at(start, end, at + 1));
    }

    #[test]
    fn of_several_occurrences_the_one_nearest_the_old_place_is_taken() {
        let old = "yes. no. yes. no. yes.";
        let new = "YES yes. no. yes. no. yes.";
        let t = Texts::new(old, new);
        // The second "yes." (char 9) is at 13 in the new text, not at the first or last.
        assert_eq!(t.find(9, 13), Some(13));
        assert_eq!(t.find(0, 4), Some(4));
    }

    #[test]
    fn words_the_new_text_lacks_are_not_found_and_offsets_are_in_chars() {
        let old = "Über die Grenze: „Wir zahlen nicht.“";
        let new = "Ãœber die Grenze: „Wir zahlen.“";
        let t = Texts::new(old, new);
        let start = old.chars().position(|c| c == '„').unwrap();
        let end = old.chars().count();
        assert_eq!(t.find(start, end), None);
        assert_eq!(
            t.find(5, 16),
            Some(6),
            "\"die Grenze\" after a two-char misreading"
        );
        assert_eq!(t.find(0, 0), Some(0));
        assert_eq!(
            t.find(3, 999),
            None,
            "a span past the old text is not looked up"
        );
    }
}
