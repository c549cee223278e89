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

/// The schemes a source's address may be linked with. Anything else (`javascript:`,
/// `data:`, `file:`, `vbscript:`, a relative path) would run code, read local files or
/// surprise the reader when clicked, so it is written as inert text.
const LINKABLE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Whether `url` starts with a scheme a brief or the app may turn into a link; the scheme is
/// compared in any letter case, as browsers do.
pub fn is_linkable(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    !rest.is_empty()
        && LINKABLE_SCHEMES
            .iter()
            .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
}

/// A URL as an autolink when it is http, https or mailto and CommonMark allows one, else as
/// escaped text (with its colon escaped too, so no renderer's own autolinking picks it up).
pub fn url(url: &str) -> String {
    if !is_linkable(url)
        || url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>' || c.is_control())
    {
        escape(url).replace(':', "\\:")
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
        assert_eq!(url("https://x.com/a b"), "https\\://x.com/a b");
        assert_eq!(url("HTTPS://example.com"), "<HTTPS://example.com>");
        assert_eq!(url("mailto:desk@example.com"), "<mailto:desk@example.com>");
    }

    #[test]
    fn javascript_and_data_urls_never_become_links() {
        for hostile in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "JAVASCRIPT:alert(document.cookie)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example.com/x",
            "http:",
        ] {
            let written = url(hostile);
            assert!(!written.starts_with('<'), "{hostile} became {written}");
            assert!(!is_linkable(hostile), "{hostile}");
            let html = render_commonmark(&format!("See {written}."));
            assert!(
                !html.contains("<a "),
                "{hostile} rendered as a link: {html}"
            );
        }
    }

    fn render_commonmark(text: &str) -> String {
        let mut html = String::new();
        let mut options = pulldown_cmark::Options::empty();
        options.insert(pulldown_cmark::Options::ENABLE_GFM);
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(text, options));
        html
    }
}
