//! Shared content heuristics: class/id patterns, link density, visibility and the element
//! categories the scoring and cleaning passes rely on.

use std::sync::LazyLock;

use regex::Regex;

use super::dom::{Dom, NodeId};

/// A pattern written in the source, compiled once into a `LazyLock` by every module of the
/// extractor that names page parts by class or text.
pub(super) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static pattern compiles")
}

/// Class/id fragments of page furniture that is almost never the article. Beyond the classic
/// reader-view list this also names cookie and consent banners.
pub static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|consent",
    )
});
/// Fragments that rescue an otherwise unlikely element.
pub static MAYBE_CANDIDATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)and|article|body|column|content|main|shadow"));
pub static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story")
});
pub static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget",
    )
});
pub static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)byline|author|dateline|writtenby|p-author"));
pub static VIDEOS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)",
    )
});
pub static SHARE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(\b|_)(share|sharedaddy)(\b|_)"));
pub static AD_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$")
});
pub static LOADING_WORDS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$"));

/// ARIA roles of navigation and dialogs.
pub const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Tags whose presence means a `<div>` is a real container and not a paragraph.
pub const DIV_TO_P_ELEMS: &[&str] = &[
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

/// Inline (phrasing) tags that may be gathered into a paragraph.
const PHRASING_ELEMS: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr",
];

/// Whether a node is phrasing content: text, an inline tag, or a link/edit wrapper whose
/// contents are all phrasing. Checked with a work list rather than recursion.
pub fn is_phrasing(dom: &Dom, node: NodeId) -> bool {
    let mut work = vec![node];
    while let Some(n) = work.pop() {
        if dom.is_text(n) {
            continue;
        }
        let tag = dom.tag(n);
        if PHRASING_ELEMS.contains(&tag) {
            continue;
        }
        if matches!(tag, "a" | "del" | "ins") {
            work.extend(dom.children(n));
            continue;
        }
        return false;
    }
    true
}

/// Whitespace-only text or a `<br>`.
pub fn is_whitespace(dom: &Dom, node: NodeId) -> bool {
    if dom.is_text(node) {
        return dom.text_of(node).trim().is_empty();
    }
    dom.tag(node) == "br"
}

/// Whether any descendant is a block-level container.
pub fn has_child_block_element(dom: &Dom, node: NodeId) -> bool {
    let mut cur = dom.next_in_subtree(node, node, false);
    while let Some(n) = cur {
        if DIV_TO_P_ELEMS.contains(&dom.tag(n)) {
            return true;
        }
        cur = dom.next_in_subtree(n, node, false);
    }
    false
}

/// Exactly one element child with the given tag and no non-blank text beside it.
pub fn has_single_tag_inside(dom: &Dom, node: NodeId, tag: &str) -> bool {
    let kids = dom.element_children(node);
    if kids.len() != 1 || dom.tag(kids[0]) != tag {
        return false;
    }
    !dom.children(node).into_iter().any(|c| {
        dom.is_text(c)
            && dom
                .text_of(c)
                .chars()
                .last()
                .is_some_and(|ch| !ch.is_whitespace())
    })
}

/// An element with no text whose only children (if any) are `<br>`/`<hr>`.
pub fn is_element_without_content(dom: &Dom, node: NodeId) -> bool {
    if !dom.is_element(node) || dom.has_text(node) {
        return false;
    }
    let kids = dom.element_child_count(node);
    kids == 0 || kids == dom.count_tag(node, "br") + dom.count_tag(node, "hr")
}

/// Share of the text that sits inside links; in-page "#anchor" links count less.
pub fn link_density(dom: &Dom, node: NodeId) -> f64 {
    let text_len = dom.inner_text_len(node);
    if text_len == 0 {
        return 0.0;
    }
    let mut link_len = 0.0;
    for a in dom.elements_by_tags(node, &["a"]) {
        let href = dom.attr(a, "href").unwrap_or("");
        let coefficient = if href.len() > 1 && href.starts_with('#') {
            0.3
        } else {
            1.0
        };
        link_len += dom.inner_text_len(a) as f64 * coefficient;
    }
    link_len / text_len as f64
}

/// Class/id weight: +25 for article-like names, -25 for furniture-like ones.
pub fn class_weight(dom: &Dom, node: NodeId, enabled: bool) -> f64 {
    if !enabled {
        return 0.0;
    }
    let mut weight = 0.0;
    for value in [dom.class(node), dom.id_attr(node)] {
        if value.is_empty() {
            continue;
        }
        if NEGATIVE.is_match(value) {
            weight -= 25.0;
        }
        if POSITIVE.is_match(value) {
            weight += 25.0;
        }
    }
    weight
}

/// Looks up one CSS property in an inline style attribute.
fn style_property(style: &str, name: &str) -> Option<String> {
    style.split(';').find_map(|decl| {
        let (k, v) = decl.split_once(':')?;
        if k.trim().eq_ignore_ascii_case(name) {
            let v = v.trim().to_ascii_lowercase();
            Some(v.trim_end_matches("!important").trim().to_string())
        } else {
            None
        }
    })
}

/// Whether a reader could see the element, judging by inline style and hiding attributes.
pub fn is_probably_visible(dom: &Dom, node: NodeId) -> bool {
    if let Some(style) = dom.attr(node, "style") {
        if style_property(style, "display").as_deref() == Some("none")
            || style_property(style, "visibility").as_deref() == Some("hidden")
        {
            return false;
        }
    }
    if dom.attr(node, "hidden").is_some() {
        return false;
    }
    // Wikimedia math images are aria-hidden fallbacks that should still be shown.
    dom.attr(node, "aria-hidden") != Some("true") || dom.class(node).contains("fallback-image")
}

/// Whether an ancestor within `max_depth` levels (0 = unlimited) has `tag` and passes `filter`.
pub fn has_ancestor_tag(
    dom: &Dom,
    node: NodeId,
    tag: &str,
    max_depth: usize,
    filter: impl Fn(NodeId) -> bool,
) -> bool {
    let mut depth = 0;
    let mut cur = node;
    while let Some(parent) = dom.parent(cur) {
        if max_depth > 0 && depth > max_depth {
            return false;
        }
        if dom.tag(parent) == tag && filter(parent) {
            return true;
        }
        cur = parent;
        depth += 1;
    }
    false
}

/// How a subtree's text looks once trimmed and whitespace-collapsed, in a form that can be
/// combined left to right: the collapsed length plus whether whitespace touches either end.
#[derive(Debug, Clone, Copy, Default)]
struct TextSummary {
    len: usize,
    lead_ws: bool,
    trail_ws: bool,
    non_empty: bool,
    any_ws: bool,
}

impl TextSummary {
    fn of_text(t: &str) -> TextSummary {
        let non_empty = t.chars().any(|c| !c.is_whitespace());
        TextSummary {
            len: normalized_len(t),
            lead_ws: t.chars().next().is_some_and(char::is_whitespace),
            trail_ws: t.chars().next_back().is_some_and(char::is_whitespace),
            non_empty,
            any_ws: t.chars().any(char::is_whitespace),
        }
    }

    fn then(self, next: TextSummary) -> TextSummary {
        let any_ws = self.any_ws || next.any_ws;
        match (self.non_empty, next.non_empty) {
            (false, _) => TextSummary {
                lead_ws: self.any_ws || next.lead_ws,
                any_ws,
                ..next
            },
            (true, false) => TextSummary {
                trail_ws: self.trail_ws || next.any_ws,
                any_ws,
                ..self
            },
            (true, true) => TextSummary {
                len: self.len + next.len + usize::from(self.trail_ws || next.lead_ws),
                lead_ws: self.lead_ws,
                trail_ws: next.trail_ws,
                non_empty: true,
                any_ws,
            },
        }
    }
}

/// Collapsed, trimmed length of one string (see [`Dom::inner_text_len`]).
fn normalized_len(t: &str) -> usize {
    let mut len = 0;
    let mut started = false;
    let mut in_run = false;
    for c in t.chars() {
        if c.is_whitespace() {
            in_run = started;
        } else {
            len += 1 + usize::from(in_run);
            in_run = false;
            started = true;
        }
    }
    len
}

/// Text and link lengths of every node under a root, computed bottom-up in one walk. Valid
/// only while the subtree is not modified; it makes scoring linear instead of quadratic.
pub struct TextCache {
    summary: Vec<TextSummary>,
    link_len: Vec<f64>,
}

impl TextCache {
    pub fn build(dom: &Dom, root: NodeId) -> TextCache {
        let n = dom.nodes.len();
        let mut cache = TextCache {
            summary: vec![TextSummary::default(); n],
            link_len: vec![0.0; n],
        };
        let mut order = vec![root];
        order.extend(dom.descendants(root));
        for &node in order.iter().rev() {
            if dom.is_text(node) {
                cache.summary[node] = TextSummary::of_text(dom.text_of(node));
                continue;
            }
            let mut summary = TextSummary::default();
            let mut links = 0.0;
            let mut child = dom.first_child(node);
            while let Some(c) = child {
                summary = summary.then(cache.summary[c]);
                links += cache.link_len[c];
                child = dom.next_sibling(c);
            }
            if dom.tag(node) == "a" {
                let href = dom.attr(node, "href").unwrap_or("");
                let coefficient = if href.len() > 1 && href.starts_with('#') {
                    0.3
                } else {
                    1.0
                };
                links += summary.len as f64 * coefficient;
            }
            cache.summary[node] = summary;
            cache.link_len[node] = links;
        }
        cache
    }

    /// Same as [`Dom::inner_text_len`] for nodes inside the cached subtree.
    pub fn text_len(&self, node: NodeId) -> usize {
        self.summary.get(node).map_or(0, |s| s.len)
    }

    /// Same as [`link_density`] for nodes inside the cached subtree.
    pub fn link_density(&self, node: NodeId) -> f64 {
        let len = self.text_len(node);
        if len == 0 {
            return 0.0;
        }
        self.link_len.get(node).copied().unwrap_or(0.0) / len as f64
    }
}
