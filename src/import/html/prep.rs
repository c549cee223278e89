//! Document preparation before scoring: dropping scripts and styles, turning `<br><br>` runs into
//! paragraphs and `<font>` into `<span>`.

use super::dom::{Dom, NodeId, ROOT};
use super::heuristics::{is_phrasing, is_whitespace};

/// Removes every element with one of the given tags, with its subtree.
pub fn remove_tags(dom: &mut Dom, tags: &[&str]) {
    for n in dom.elements_by_tags(ROOT, tags) {
        dom.detach(n);
    }
}

/// Strips scripts, styles and similar non-content so no script text can reach the output.
pub fn prep_document(dom: &mut Dom) {
    remove_tags(dom, &["script", "noscript", "style", "template"]);
    if let Some(body) = dom.find_first(ROOT, "body") {
        replace_brs(dom, body);
    }
    for n in dom.elements_by_tags(ROOT, &["font"]) {
        dom.set_tag(n, "span");
    }
}

/// Skips whitespace-only text nodes starting at `node`, returning the first other node.
pub fn next_significant(dom: &Dom, mut node: Option<NodeId>) -> Option<NodeId> {
    while let Some(n) = node {
        if dom.is_element(n) || !dom.text_of(n).trim().is_empty() {
            return Some(n);
        }
        node = dom.next_sibling(n);
    }
    None
}

fn is_br(dom: &Dom, node: Option<NodeId>) -> bool {
    node.is_some_and(|n| dom.tag(n) == "br")
}

/// Replaces two or more successive `<br>`s with a paragraph holding the phrasing content that
/// follows, so that text laid out with line breaks still forms scoreable paragraphs.
pub fn replace_brs(dom: &mut Dom, scope: NodeId) {
    for br in dom.elements_by_tags(scope, &["br"]) {
        if dom.parent(br).is_none() {
            continue;
        }
        let mut replaced = false;
        let mut next = next_significant(dom, dom.next_sibling(br));
        while let Some(n) = next.filter(|&n| dom.tag(n) == "br") {
            replaced = true;
            let after = dom.next_sibling(n);
            dom.detach(n);
            next = next_significant(dom, after);
        }
        if !replaced {
            continue;
        }
        let p = dom.create_element("p");
        dom.replace(br, p);
        let mut next = dom.next_sibling(p);
        while let Some(n) = next {
            if dom.tag(n) == "br" {
                let after = next_significant(dom, dom.next_sibling(n));
                if is_br(dom, after) {
                    break;
                }
            }
            if !is_phrasing(dom, n) {
                break;
            }
            next = dom.next_sibling(n);
            dom.append(p, n);
        }
        while let Some(last) = dom.last_child(p).filter(|&l| is_whitespace(dom, l)) {
            dom.detach(last);
        }
        if let Some(parent) = dom.parent(p) {
            if dom.tag(parent) == "p" {
                dom.set_tag(parent, "div");
            }
        }
    }
}
