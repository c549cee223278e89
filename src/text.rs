//! Shortening text for one line: event titles, citation labels, note excerpts, the CLI's table
//! cells. Each place used to carry its own copy of the same few lines, and the copies had
//! started to differ (one kept a trailing space before the ellipsis, one left a comma before
//! it); here they are one helper, counted in Unicode characters like every offset in Dossier.

/// The ellipsis that marks text as cut.
pub const ELLIPSIS: char = '…';

/// `text` on one line: every run of whitespace (line breaks included) becomes one space, and
/// the ends are trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` on one line, cut after `max` characters with an ellipsis when it is longer. The cut
/// may fall inside a word; use [`short_at_word`] for titles a person reads as prose.
pub fn short(text: &str, max: usize) -> String {
    let flat = one_line(text);
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    format!("{}{ELLIPSIS}", cut.trim_end())
}

/// `text` on one line, cut at the last space within `max` characters with an ellipsis when it
/// is longer, dropping a comma, semicolon or colon the cut leaves at the end (a title reads
/// "The defendant met the buyer…", not "… the buyer,…"). A first word longer than `max` is cut
/// inside.
pub fn short_at_word(text: &str, max: usize) -> String {
    let flat = one_line(text);
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}{ELLIPSIS}", cut[..at].trim_end_matches([',', ';', ':']))
}

/// `text` fitted to a column `width` characters wide, the ellipsis included.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    short(text, width.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole_on_one_line() {
        assert_eq!(short("a  b\n c", 10), "a b c");
        assert_eq!(
            short_at_word("  Ms. Vale\tsaid so. ", 40),
            "Ms. Vale said so."
        );
    }

    #[test]
    fn short_cuts_after_max_characters_not_bytes() {
        // Six Cyrillic letters are twelve bytes; a byte count would cut them to three.
        assert_eq!(short("Москва и Петербург", 6), "Москва…");
        assert_eq!(short("abc def", 4), "abc…");
    }

    #[test]
    fn short_at_word_cuts_at_a_space_and_drops_trailing_punctuation() {
        assert_eq!(
            short_at_word("The defendant met the buyer, then left", 30),
            "The defendant met the buyer…"
        );
        assert_eq!(short_at_word("Unbreakablewordhere", 5), "Unbre…");
    }

    #[test]
    fn fit_counts_the_ellipsis_in_the_width() {
        assert_eq!(fit("Reuters", 7), "Reuters");
        assert_eq!(fit("The Guardian", 7), "The Gu…");
        assert_eq!(fit("The Guardian", 7).chars().count(), 7);
    }
}
