//! Writing Markdown that says exactly what a source says: escaping, one-line text and links.

/// Backslash-escapes every character CommonMark could read as markup, so a source's words
/// (which may contain `*`, `[`, `<script>` or `|`) render as the words themselves.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in one_line(text).chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '!'
                | '&'
                | '{'
                | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Runs of white space (line breaks included) as one space: a footnote or a table cell is
/// one line.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A URL as an autolink when CommonMark allows one, else as escaped text.
pub fn url(url: &str) -> String {
    if url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>' || c.is_control()) {
        escape(url)
    } else {
        format!("<{url}>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_source_words_is_escaped() {
        assert_eq!(
            escape("a *b* [c]\n<script>"),
            "a \\*b\\* \\[c\\] \\<script\\>"
        );
        assert_eq!(escape("x | y"), "x \\| y");
        assert_eq!(
            url("https://example.com/a?b=1"),
            "<https://example.com/a?b=1>"
        );
        assert_eq!(url("https://x.com/a b"), "https://x.com/a b");
    }
}
