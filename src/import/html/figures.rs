//! Pictures' furniture in an article: the words pages print for screen readers beside a
//! picture ("Image", "Image caption,", a second "Credit") and captions whose parts sit in adjacent
//! elements without a space between them. Issue 16 found a New York Times page imported with a
//! stray "Image" line and a caption glued to its credit ("…in 2023.CreditCreditJeon Heon-Kyun");
//! the reader cannot see a page's CSS, which hides those labels, so they are recognised by what
//! they say and where they are.

use super::dom::{fold_whitespace, Dom, NodeId};

/// What an element beside a picture may say, and only that, to be a label for assistive
/// technology rather than content (compared lower-case, without a trailing comma or colon).
const MEDIA_LABELS: &[&str] = &[
    "image",
    "image source",
    "photo",
    "photograph",
    "picture",
    "video",
    "graphic",
    "illustration",
];

/// Labels a caption may carry for assistive technology only.
const CAPTION_LABELS: &[&str] = &["image caption", "media caption", "caption"];

fn label_of(text: &str) -> String {
    let folded = fold_whitespace(text).to_lowercase();
    folded.trim_end_matches([',', ':', ' ']).to_string()
}

fn is_media_label(text: &str) -> bool {
    MEDIA_LABELS.contains(&label_of(text).as_str())
}

/// Leaf elements (no element children) under `scope`, with their text, in document order.
fn leaves(dom: &Dom, scope: NodeId) -> Vec<(NodeId, String)> {
    dom.descendants(scope)
        .into_iter()
        .filter(|&n| dom.is_element(n) && dom.element_child_count(n) == 0)
        .map(|n| (n, dom.text_content(n)))
        .filter(|(_, text)| !text.trim().is_empty())
        .collect()
}

/// Drops the screen-reader labels of the article's figures: outside the caption, a leaf that
/// only says "Image" or "Photo"; inside it, "Image caption," and the second of two identical
/// labels in a row ("Credit" shown, then "Credit" for screen readers), keeping the shown one.
/// Only leaves are dropped, so a wrapper with more inside is never lost whole.
pub fn clean_figures(dom: &mut Dom, article: NodeId) {
    let mut drop = Vec::new();
    for figure in dom.elements_by_tags(article, &["figure"]) {
        let captions = dom.elements_by_tags(figure, &["figcaption"]);
        let in_caption = |n: NodeId| captions.iter().any(|&c| dom.ancestors(n, 0).contains(&c));
        for (leaf, text) in leaves(dom, figure) {
            if !in_caption(leaf) && is_media_label(&text) {
                drop.push(leaf);
            }
        }
    }
    for caption in dom.elements_by_tags(article, &["figcaption"]) {
        let mut previous: Option<String> = None;
        for (leaf, text) in leaves(dom, caption) {
            let label = label_of(&text);
            let short = label.split_whitespace().count() <= 2;
            if CAPTION_LABELS.contains(&label.as_str())
                || (short && previous.as_deref() == Some(label.as_str()))
            {
                drop.push(leaf);
            }
            previous = Some(label);
        }
    }
    for leaf in drop {
        dom.detach(leaf);
    }
}

/// Whether the renderer should put a space before `node`: a span (or similar wrapper) inside a
/// caption, where pages place the caption, the credit's label and the credit side by side
/// (`<span>…2023.</span><span><span>Credit</span><span>Jeon Heon-Kyun/EPA</span></span>`)
/// and rely on CSS to set them apart. Emphasis (`em`, `b`) is left alone, so a word that is
/// partly emphasised stays one word.
pub fn starts_caption_part(dom: &Dom, node: NodeId) -> bool {
    dom.is_element(node)
        && matches!(dom.tag(node), "span" | "div" | "small" | "cite" | "p")
        && dom
            .ancestors(node, 8)
            .into_iter()
            .any(|a| dom.tag(a) == "figcaption")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_recognised_by_their_whole_text() {
        for label in ["Image", "Image source, ", "PHOTO", "Photo:", "video"] {
            assert!(is_media_label(label), "{label:?}");
        }
        for text in ["Image of the week", "Credit Suisse", "Reuters", ""] {
            assert!(!is_media_label(text), "{text:?}");
        }
    }
}
