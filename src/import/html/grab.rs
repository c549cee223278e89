//! Finding the article body: paragraph scoring, candidate selection and sibling merging.
//!
//! Every paragraph-like element earns points for its length and commas, which flow to its
//! ancestors with decreasing weight. The best-scoring container, adjusted for link density and
//! class names, is the article; related siblings are merged in and the result is cleaned. When
//! that yields too little text, the pass is rerun with the more aggressive filters switched off.

use super::clean::prep_article;
use super::dom::{fold_whitespace, Dom, NodeId, ROOT};
use super::furniture::PageFacts;
use super::heuristics::{
    class_weight, has_ancestor_tag, has_child_block_element, has_single_tag_inside,
    is_element_without_content, is_phrasing, is_probably_visible, is_whitespace, link_density,
    TextCache, BYLINE, MAYBE_CANDIDATE, UNLIKELY, UNLIKELY_ROLES,
};
use super::metadata::text_similarity;
use super::render::render_text;

/// Minimum article length in characters before a pass counts as successful.
const CHAR_THRESHOLD: usize = 500;
/// How many top candidates are compared when looking for a shared container.
const TOP_CANDIDATES: usize = 5;
const SCORED_TAGS: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Which filters a pass applies; they are dropped one by one when a pass finds too little.
#[derive(Debug, Clone, Copy)]
pub struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

/// Content scores of initialised candidate nodes, indexed by node id.
struct Scores(Vec<Option<f64>>);

impl Scores {
    fn get(&self, id: NodeId) -> Option<f64> {
        self.0.get(id).copied().flatten()
    }
    fn set(&mut self, id: NodeId, value: f64) {
        if id >= self.0.len() {
            self.0.resize(id + 1, None);
        }
        self.0[id] = Some(value);
    }
}

/// The result of a successful extraction, already rendered so that the trees of failed passes
/// need not be kept around.
pub struct Grabbed {
    /// The article as paragraphs of plain text.
    pub text: String,
    /// Text of the article's first `<p>`, a fallback excerpt.
    pub first_paragraph: Option<String>,
    /// A byline found in the page body (used when metadata has none).
    pub byline: Option<String>,
}

fn render(dom: &Dom, article: NodeId) -> (String, Option<String>) {
    let text = render_text(dom, article);
    let first = dom
        .find_first(article, "p")
        .map(|p| fold_whitespace(&dom.text_content(p)))
        .filter(|p| !p.is_empty());
    (text, first)
}

/// Next element in document order, like a depth-first walk over elements only.
fn next_element(dom: &Dom, node: NodeId, skip_children: bool) -> Option<NodeId> {
    if !skip_children {
        if let Some(c) = dom.first_element_child(node) {
            return Some(c);
        }
    }
    let mut cur = node;
    loop {
        if let Some(s) = dom.next_element_sibling(cur) {
            return Some(s);
        }
        cur = dom.parent(cur)?;
    }
}

fn remove_and_get_next(dom: &mut Dom, node: NodeId) -> Option<NodeId> {
    let next = next_element(dom, node, true);
    dom.detach(node);
    next
}

fn initial_score(dom: &Dom, node: NodeId, flags: Flags) -> f64 {
    let base = match dom.tag(node) {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + class_weight(dom, node, flags.weight_classes)
}

/// Runs the extraction passes over a prepared document. `facts.title` is used to drop a
/// heading that repeats it; a byline in `facts` disables byline detection in the body. Each
/// pass edits the tree, so a retry asks `rebuild` for a fresh copy (most pages need a single
/// pass, which makes rebuilding cheaper overall than keeping a pristine clone).
pub fn grab_article(first: Dom, rebuild: &dyn Fn() -> Dom, facts: &PageFacts) -> Option<Grabbed> {
    let mut flags = Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    };
    let mut byline: Option<String> = None;
    let mut attempts: Vec<(String, Option<String>, usize)> = Vec::new();
    let mut next_dom = Some(first);
    loop {
        let mut dom = next_dom.take().unwrap_or_else(rebuild);
        let article = grab_pass(&mut dom, facts, &mut byline, flags)?;
        let text_len = dom.inner_text_len(article);
        let (text, first_paragraph) = render(&dom, article);
        if text_len >= CHAR_THRESHOLD {
            return Some(Grabbed {
                text,
                first_paragraph,
                byline,
            });
        }
        attempts.push((text, first_paragraph, text_len));
        if flags.strip_unlikely {
            flags.strip_unlikely = false;
        } else if flags.weight_classes {
            flags.weight_classes = false;
        } else if flags.clean_conditionally {
            flags.clean_conditionally = false;
        } else {
            // Every pass came up short: keep the longest text we saw, if any.
            let best = attempts
                .into_iter()
                .enumerate()
                .max_by_key(|(i, a)| (a.2, usize::MAX - i))?
                .1;
            if best.2 == 0 {
                return None;
            }
            return Some(Grabbed {
                text: best.0,
                first_paragraph: best.1,
                byline,
            });
        }
    }
}

/// One pass: prunes and scores the document and returns the detached article container.
fn grab_pass(
    dom: &mut Dom,
    facts: &PageFacts,
    byline: &mut Option<String>,
    flags: Flags,
) -> Option<NodeId> {
    let title = facts.title;
    let metadata_byline = facts.byline.is_some();
    let body = dom.find_first(ROOT, "body")?;
    let mut to_score: Vec<NodeId> = Vec::new();
    let mut remove_title_header = true;
    let mut node = dom.first_element_child(ROOT);
    while let Some(n) = node {
        let match_string = format!("{} {}", dom.class(n), dom.id_attr(n));
        if !is_probably_visible(dom, n) {
            node = remove_and_get_next(dom, n);
            continue;
        }
        // Modal dialogs (cookie walls, sign-up prompts) are not part of the page content.
        if dom.attr(n, "aria-modal") == Some("true") && dom.attr(n, "role") == Some("dialog") {
            node = remove_and_get_next(dom, n);
            continue;
        }
        if byline.is_none() && !metadata_byline && is_byline_node(dom, n, &match_string) {
            // A nested itemprop="name" element holds just the name, without "By" or dates.
            let name_node = dom
                .descendants(n)
                .into_iter()
                .find(|&d| dom.attr(d, "itemprop").is_some_and(|i| i.contains("name")))
                .unwrap_or(n);
            *byline = Some(dom.text_content(name_node).trim().to_string());
            node = remove_and_get_next(dom, n);
            continue;
        }
        if remove_title_header && header_duplicates_title(dom, n, title) {
            remove_title_header = false;
            node = remove_and_get_next(dom, n);
            continue;
        }
        let tag = dom.tag(n).to_string();
        if flags.strip_unlikely {
            if UNLIKELY.is_match(&match_string)
                && !MAYBE_CANDIDATE.is_match(&match_string)
                && !has_ancestor_tag(dom, n, "table", 3, |_| true)
                && !has_ancestor_tag(dom, n, "code", 3, |_| true)
                && tag != "body"
                && tag != "a"
            {
                node = remove_and_get_next(dom, n);
                continue;
            }
            // A `<footer>` holds a page's or a post's closing matter, never the story, and the
            // container it would give is cleaned of footers anyway. Dropping it before scoring
            // keeps a long text in it (a video transcript behind a "Show transcript" button)
            // from outscoring a short story; none of Readability's 87 gold texts come from one.
            if dom
                .attr(n, "role")
                .is_some_and(|r| UNLIKELY_ROLES.contains(&r))
                || tag == "footer"
            {
                node = remove_and_get_next(dom, n);
                continue;
            }
        }
        if matches!(
            tag.as_str(),
            "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) && is_element_without_content(dom, n)
        {
            node = remove_and_get_next(dom, n);
            continue;
        }
        if SCORED_TAGS.contains(&tag.as_str()) {
            to_score.push(n);
        }
        let mut current = n;
        if tag == "div" {
            wrap_phrasing_runs(dom, n);
            // A div holding a single paragraph is really that paragraph.
            if has_single_tag_inside(dom, n, "p") && link_density(dom, n) < 0.25 {
                let child = dom.first_element_child(n).unwrap_or(n);
                // The div's class is kept aside (not as the paragraph's class, which would make
                // captions that Readability's gold keeps look like furniture), for the rule on
                // a widget's heading left at the end.
                if !dom.class(n).is_empty() {
                    let class = dom.class(n).to_string();
                    dom.set_attr(child, super::notices::DIV_CLASS, &class);
                }
                dom.replace(n, child);
                current = child;
                to_score.push(child);
            } else if !has_child_block_element(dom, n) {
                dom.set_tag(n, "p");
                to_score.push(n);
            }
        }
        node = next_element(dom, current, false);
    }

    let mut scores = Scores(vec![None; dom.nodes.len()]);
    let cache = TextCache::build(dom, ROOT);
    let candidates = score_paragraphs(dom, &cache, &to_score, &mut scores, flags);
    let top = pick_top_candidate(dom, &cache, body, &candidates, &mut scores, flags);
    let article = merge_siblings(dom, &cache, top, &scores);
    prep_article(dom, article, flags, facts);
    Some(article)
}

/// Wraps runs of inline content that sit directly in a div into paragraphs.
fn wrap_phrasing_runs(dom: &mut Dom, div: NodeId) {
    let mut p: Option<NodeId> = None;
    let mut child = dom.first_child(div);
    while let Some(c) = child {
        let next = dom.next_sibling(c);
        if is_phrasing(dom, c) {
            if let Some(p) = p {
                dom.append(p, c);
            } else if !is_whitespace(dom, c) {
                let new_p = dom.create_element("p");
                dom.replace(c, new_p);
                dom.append(new_p, c);
                p = Some(new_p);
            }
        } else if let Some(open) = p.take() {
            while let Some(last) = dom.last_child(open).filter(|&l| is_whitespace(dom, l)) {
                dom.detach(last);
            }
        }
        child = next;
    }
}

fn is_byline_node(dom: &Dom, node: NodeId, match_string: &str) -> bool {
    let rel_author = dom.attr(node, "rel") == Some("author");
    let itemprop = dom
        .attr(node, "itemprop")
        .is_some_and(|i| i.contains("author"));
    if !(rel_author || itemprop || BYLINE.is_match(match_string)) {
        return false;
    }
    let text = dom.text_content(node);
    let len = text.trim().chars().count();
    len > 0 && len < 100
}

fn header_duplicates_title(dom: &Dom, node: NodeId, title: &str) -> bool {
    if !matches!(dom.tag(node), "h1" | "h2") {
        return false;
    }
    let heading = dom.text_content(node);
    text_similarity(title, heading.trim()) > 0.75
}

/// Scores each paragraph and credits its ancestors; returns candidates in creation order.
fn score_paragraphs(
    dom: &Dom,
    cache: &TextCache,
    to_score: &[NodeId],
    scores: &mut Scores,
    flags: Flags,
) -> Vec<NodeId> {
    let mut candidates = Vec::new();
    for &el in to_score {
        let Some(parent) = dom.parent(el) else {
            continue;
        };
        if !dom.is_element(parent) {
            continue;
        }
        let len = cache.text_len(el);
        if len < 25 {
            continue;
        }
        let ancestors = dom.ancestors(el, 5);
        // Commas as written in Latin, Arabic, Chinese and other scripts.
        let commas = dom.count_chars(el, |c| {
            matches!(
                c,
                ',' | '\u{060C}'
                    | '\u{FE50}'
                    | '\u{FE10}'
                    | '\u{FE11}'
                    | '\u{2E41}'
                    | '\u{2E34}'
                    | '\u{2E32}'
                    | '\u{FF0C}'
            )
        });
        let score = 1.0 + (commas + 1) as f64 + (len / 100).min(3) as f64;
        for (level, &anc) in ancestors.iter().enumerate() {
            let parent_is_element = dom.parent(anc).is_some_and(|p| dom.is_element(p));
            if !dom.is_element(anc) || !parent_is_element {
                continue;
            }
            if scores.get(anc).is_none() {
                scores.set(anc, initial_score(dom, anc, flags));
                candidates.push(anc);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            let current = scores.get(anc).unwrap_or(0.0);
            scores.set(anc, current + score / divider);
        }
    }
    candidates
}

fn is_body_or_root(dom: &Dom, node: Option<NodeId>) -> bool {
    match node {
        None => true,
        Some(n) => matches!(dom.tag(n), "body" | "html" | ""),
    }
}

/// Picks the best container; when nothing scored, the whole body is wrapped and used.
fn pick_top_candidate(
    dom: &mut Dom,
    cache: &TextCache,
    body: NodeId,
    candidates: &[NodeId],
    scores: &mut Scores,
    flags: Flags,
) -> NodeId {
    let mut top: Vec<NodeId> = Vec::new();
    for &c in candidates {
        let adjusted = scores.get(c).unwrap_or(0.0) * (1.0 - cache.link_density(c));
        scores.set(c, adjusted);
        let pos = top
            .iter()
            .position(|&t| adjusted > scores.get(t).unwrap_or(0.0))
            .unwrap_or(top.len());
        if pos < TOP_CANDIDATES {
            top.insert(pos, c);
            top.truncate(TOP_CANDIDATES);
        }
    }
    let score_of = |s: &Scores, n: NodeId| s.get(n).unwrap_or(0.0);
    let Some(&first) = top.first().filter(|&&t| dom.tag(t) != "body") else {
        // Nothing scored: treat the whole body as the article.
        let container = dom.create_element("div");
        for child in dom.children(body) {
            dom.append(container, child);
        }
        dom.append(body, container);
        scores.set(container, initial_score(dom, container, flags));
        return container;
    };
    let mut best = first;
    // When several strong candidates share an ancestor, that ancestor is the real container.
    let best_score = score_of(scores, best);
    let alternatives: Vec<Vec<NodeId>> = top[1..]
        .iter()
        .filter(|&&t| score_of(scores, t) / best_score >= 0.75)
        .map(|&t| dom.ancestors(t, 0))
        .collect();
    if alternatives.len() >= 3 {
        let mut parent = dom.parent(best);
        while !is_body_or_root(dom, parent) {
            let p = parent.unwrap_or(body);
            let containing = alternatives.iter().filter(|a| a.contains(&p)).count();
            if containing >= 3 {
                best = p;
                break;
            }
            parent = dom.parent(p);
        }
    }
    if scores.get(best).is_none() {
        scores.set(best, initial_score(dom, best, flags));
    }
    // Walk up while parents score higher: content may be split over several children.
    let mut parent = dom.parent(best);
    let mut last_score = score_of(scores, best);
    let threshold = last_score / 3.0;
    while !is_body_or_root(dom, parent) {
        let p = parent.unwrap_or(body);
        let Some(parent_score) = scores.get(p) else {
            parent = dom.parent(p);
            continue;
        };
        if parent_score < threshold {
            break;
        }
        if parent_score > last_score {
            best = p;
            break;
        }
        last_score = parent_score;
        parent = dom.parent(p);
    }
    // An only child gives way to its parent so sibling merging can see adjacent content.
    let mut parent = dom.parent(best);
    while !is_body_or_root(dom, parent) {
        let p = parent.unwrap_or(body);
        if dom.element_child_count(p) != 1 {
            break;
        }
        best = p;
        parent = dom.parent(best);
    }
    if scores.get(best).is_none() {
        scores.set(best, initial_score(dom, best, flags));
    }
    best
}

/// Builds the article container from the top candidate and those siblings that look related.
fn merge_siblings(dom: &mut Dom, cache: &TextCache, top: NodeId, scores: &Scores) -> NodeId {
    let article = dom.create_element("div");
    let top_score = scores.get(top).unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let Some(parent) = dom.parent(top) else {
        dom.append(article, top);
        return article;
    };
    let top_class = dom.class(top).to_string();
    for sibling in dom.element_children(parent) {
        let append = if sibling == top {
            true
        } else {
            let bonus = if !top_class.is_empty() && dom.class(sibling) == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if scores.get(sibling).is_some_and(|s| s + bonus >= threshold) {
                true
            } else if dom.tag(sibling) == "p" {
                let density = cache.link_density(sibling);
                let len = cache.text_len(sibling);
                (len > 80 && density < 0.25)
                    || (len < 80
                        && len > 0
                        && density == 0.0
                        && ends_sentence(&dom.inner_text(sibling)))
            } else {
                false
            }
        };
        if append {
            if !matches!(dom.tag(sibling), "div" | "article" | "section" | "p") {
                dom.set_tag(sibling, "div");
            }
            dom.append(article, sibling);
        }
    }
    article
}

/// Whether the text contains a full stop followed by a space or the end.
fn ends_sentence(text: &str) -> bool {
    text.match_indices('.')
        .any(|(i, _)| text[i + 1..].is_empty() || text[i + 1..].starts_with(' '))
}
