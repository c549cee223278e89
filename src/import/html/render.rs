//! Rendering the cleaned article tree as plain text paragraphs.

use super::dom::{fold_whitespace, Dom, NodeId};

/// Elements that start and end a paragraph of their own.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements whose text is never shown to a reader.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed",
    "select", "textarea", "button", "input",
];

/// Paragraph text of a subtree: blocks become paragraphs separated by a blank line, whitespace
/// inside a paragraph is folded, and table cells on one row are joined by spaces.
pub fn render_text(dom: &Dom, root: NodeId) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let folded = fold_whitespace(current);
        if !folded.is_empty() {
            paragraphs.push(folded);
        }
        current.clear();
    };
    // Work list of (node, closing): closing entries mark the end of an element.
    let mut work: Vec<(NodeId, bool)> = vec![(root, false)];
    while let Some((node, closing)) = work.pop() {
        if dom.is_text(node) {
            current.push_str(dom.text_of(node));
            continue;
        }
        let tag = dom.tag(node);
        if closing {
            if BLOCK_TAGS.contains(&tag) {
                flush(&mut current, &mut paragraphs);
            }
            continue;
        }
        if SKIPPED_TAGS.contains(&tag) {
            continue;
        }
        if BLOCK_TAGS.contains(&tag) {
            flush(&mut current, &mut paragraphs);
        } else if matches!(tag, "td" | "th") || super::figures::starts_caption_part(dom, node) {
            current.push(' ');
        }
        work.push((node, true));
        let mut kids = dom.children(node);
        kids.reverse();
        work.extend(kids.into_iter().map(|k| (k, false)));
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}
