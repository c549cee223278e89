//! A note as HTML for the app's preview: Markdown rendered by pulldown-cmark, citations and
//! note links turned into links the app can follow, and the result passed through an
//! allow-list HTML sanitiser (ammonia), so a note containing `<script>` or `onerror=` renders
//! inert. This is the only HTML the core ever produces for the webview.

use std::sync::LazyLock;

use pulldown_cmark::{html, CowStr, Event, Parser, Tag, TagEnd, TextMergeStream};
use regex::Regex;

use super::citation::Target;
use super::markdown::options;

/// How the preview shows one citation.
pub struct CiteLabel {
    /// The link's text, such as `Kremez, q3`.
    pub text: String,
    /// Shown on hover: the cited words, or what is wrong with the citation.
    pub title: String,
    pub broken: bool,
}

static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(@[^\[\]\n]*)\]|\[\[([^\[\]\n]+)\]\]").expect("inline pattern")
});

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders `markdown`; `label` describes each citation and `note_id` finds a linked note by
/// its title.
pub fn render_html(
    markdown: &str,
    label: &dyn Fn(&Target) -> CiteLabel,
    note_id: &dyn Fn(&str) -> Option<i64>,
) -> String {
    let mut in_code_block = false;
    let mut events: Vec<Event<'_>> = Vec::new();
    for event in TextMergeStream::new(Parser::new_ext(markdown, options())) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                events.push(event);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                events.push(event);
            }
            Event::Text(text) if !in_code_block && INLINE.is_match(&text) => {
                linkify(&text, label, note_id, &mut events)
            }
            other => events.push(other),
        }
    }
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, events.into_iter());
    sanitizer().clean(&raw).to_string()
}

fn linkify<'a>(
    text: &str,
    label: &dyn Fn(&Target) -> CiteLabel,
    note_id: &dyn Fn(&str) -> Option<i64>,
    out: &mut Vec<Event<'a>>,
) {
    let mut last = 0;
    for found in INLINE.captures_iter(text) {
        let whole = found.get(0).expect("match");
        if whole.start() > last {
            out.push(Event::Text(CowStr::from(
                text[last..whole.start()].to_string(),
            )));
        }
        last = whole.end();
        let html = if let Some(group) = found.get(1) {
            let mut links = Vec::new();
            for part in group.as_str().split(';') {
                let written = part.trim();
                let parsed = written
                    .strip_prefix('@')
                    .ok_or_else(|| format!("'{written}' must start with @"))
                    .and_then(Target::parse);
                links.push(match parsed {
                    Ok(target) => {
                        let cite = label(&target);
                        format!(
                            "<a class=\"{}\" data-cite=\"{target}\" href=\"#cite-{target}\" \
                             title=\"{}\">{}</a>",
                            if cite.broken {
                                "cite cite-broken"
                            } else {
                                "cite"
                            },
                            escape(&cite.title),
                            escape(&cite.text)
                        )
                    }
                    Err(message) => format!(
                        "<a class=\"cite cite-broken\" title=\"{}\">{}</a>",
                        escape(&message),
                        escape(written)
                    ),
                });
            }
            format!("[{}]", links.join("; "))
        } else {
            let title = found[2].trim();
            match note_id(title) {
                Some(id) => format!(
                    "<a class=\"note-link\" data-note=\"{id}\" href=\"#note-{id}\">{}</a>",
                    escape(title)
                ),
                None => format!(
                    "<a class=\"note-link note-link-broken\" title=\"no note has this \
                     title\">{}</a>",
                    escape(title)
                ),
            }
        };
        out.push(Event::InlineHtml(CowStr::from(html)));
    }
    if last < text.len() {
        out.push(Event::Text(CowStr::from(text[last..].to_string())));
    }
}

/// What a note's HTML may contain: ammonia's defaults (no scripts, no event handlers, no
/// `javascript:` URLs, no styles) without images, which would reach the network, plus the
/// classes and data attributes of citation links and footnotes.
fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .rm_tags(["img"])
        .add_tag_attributes("a", ["data-cite", "data-note"])
        .add_tag_attributes("div", ["id"])
        .add_tag_attributes("sup", ["id"])
        .add_allowed_classes(
            "a",
            ["cite", "cite-broken", "note-link", "note-link-broken"],
        )
        .add_allowed_classes("div", ["footnote-definition"])
        .add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"])
        .id_prefix(Some("note-fn-"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect());
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(markdown: &str) -> String {
        render_html(
            markdown,
            &|target| CiteLabel {
                text: format!("{target}"),
                title: "said \"x\" <b>".to_string(),
                broken: matches!(target, Target::Quote(9)),
            },
            &|title| (title == "Timeline").then_some(4),
        )
    }

    #[test]
    fn citations_and_note_links_become_links() {
        let html = render("Kremez said so [@q3; @d7:1-5] and [@q9]. See [[Timeline]], [[Nope]].");
        assert!(
            html.contains(
                "<a class=\"cite\" data-cite=\"q3\" href=\"#cite-q3\" title=\"said &quot;x&quot; \
             &lt;b&gt;\" rel=\"noopener noreferrer\">q3</a>"
            ),
            "{html}"
        );
        assert!(html.contains("data-cite=\"d7:1-5\""), "{html}");
        assert!(
            html.contains("class=\"cite cite-broken\" data-cite=\"q9\""),
            "{html}"
        );
        assert!(html.contains("data-note=\"4\""), "{html}");
        assert!(html.contains("note-link-broken"), "{html}");
    }

    #[test]
    fn code_keeps_citations_literal() {
        let html = render("`[@q3]`\n\n```\n[@q3]\n```\n");
        assert!(!html.contains("data-cite"), "{html}");
    }

    #[test]
    fn scripts_and_handlers_render_inert() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n\
             [x](javascript:alert(1)) <a href=\"#\" onclick=\"alert(1)\">y</a>\n\n\
             <iframe src=\"https://example.com\"></iframe>",
        );
        for forbidden in [
            "<script",
            "onerror",
            "onclick",
            "javascript:",
            "<img",
            "<iframe",
        ] {
            assert!(!html.contains(forbidden), "{forbidden} in {html}");
        }
    }

    #[test]
    fn javascript_and_data_links_in_any_case_render_inert() {
        let html = render(
            "<JavaScript:alert(1)> [a](JAVASCRIPT:alert(2)) [b](data:text/html,<script>x</script>) \
             [c](  jAvAsCrIpT:alert(3)) <a href=\"DaTa:text/html;base64,PHNjcmlwdD4=\">d</a> \
             [e](vbscript:msgbox) [f](file:///etc/passwd) <https://example.com/ok>",
        );
        let lower = html.to_ascii_lowercase();
        for forbidden in [
            "href=\"javascript",
            "href=\"data",
            "href=\"vbscript",
            "href=\"file",
        ] {
            assert!(!lower.contains(forbidden), "{forbidden} in {html}");
        }
        assert!(html.contains("href=\"https://example.com/ok\""), "{html}");
    }

    #[test]
    fn tables_and_footnotes_render() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^n].\n\n[^n]: A note.\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
    }
}
