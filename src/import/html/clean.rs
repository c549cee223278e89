//! Cleaning the chosen article container: embeds, forms, share widgets, link farms and other
//! blocks that look like furniture rather than prose.

use super::dom::{Dom, NodeId};
use super::furniture::PageFacts;
use super::grab::Flags;
use super::heuristics::{
    class_weight, has_ancestor_tag, has_single_tag_inside, is_phrasing, link_density, AD_WORDS,
    DIV_TO_P_ELEMS, LOADING_WORDS, SHARE, VIDEOS,
};

/// Data tables found in the article, by node id, so they survive cleaning.
struct DataTables(Vec<bool>);

impl DataTables {
    fn is(&self, id: NodeId) -> bool {
        self.0.get(id).copied().unwrap_or(false)
    }
}

/// Cleans the article container in place; `facts` is what the page's metadata says (title,
/// byline, site name), whose copies at the top of the article are dropped.
pub fn prep_article(dom: &mut Dom, article: NodeId, flags: Flags, facts: &PageFacts) {
    let tables = mark_data_tables(dom, article);
    clean_conditionally(dom, article, "form", flags, &tables);
    clean_conditionally(dom, article, "fieldset", flags, &tables);
    // Navigation blocks that survived inside the article (tables of contents, "more in this
    // section" menus) are dropped too, since the text is meant for reading and analysis.
    for tag in ["object", "embed", "footer", "link", "aside", "nav"] {
        clean(dom, article, tag);
    }
    // Share widgets inside the top-level blocks; the blocks themselves are kept.
    for top in dom.element_children(article) {
        remove_share_widgets(dom, top);
    }
    for tag in ["iframe", "input", "textarea", "select", "button"] {
        clean(dom, article, tag);
    }
    super::figures::clean_figures(dom, article);
    super::furniture::clean_furniture(dom, article, facts);
    for h in dom.elements_by_tags(article, &["h1", "h2"]) {
        if class_weight(dom, h, flags.weight_classes) < 0.0 {
            dom.detach(h);
        }
    }
    clean_conditionally(dom, article, "table", flags, &tables);
    clean_conditionally(dom, article, "ul", flags, &tables);
    clean_conditionally(dom, article, "div", flags, &tables);
    // Share bars, ad slots and link lists that only the conditional cleaning removed may have
    // hidden the notices before them from the first walk back from the end.
    super::notices::drop_trailing_notices(dom, article, true);
    for h in dom.elements_by_tags(article, &["h1"]) {
        dom.set_tag(h, "h2");
    }
    for p in dom.elements_by_tags(article, &["p"]).into_iter().rev() {
        let media = dom
            .elements_by_tags(p, &["img", "embed", "object", "iframe"])
            .len();
        if media == 0 && !dom.has_text(p) {
            dom.detach(p);
        }
    }
    for br in dom.elements_by_tags(article, &["br"]) {
        let next = super::prep::next_significant(dom, dom.next_sibling(br));
        if next.is_some_and(|n| dom.tag(n) == "p") {
            dom.detach(br);
        }
    }
    unwrap_single_cell_tables(dom, article);
}

/// Removes all elements with `tag`, except embeds that point at known video hosts.
fn clean(dom: &mut Dom, root: NodeId, tag: &str) {
    let is_embed = matches!(tag, "object" | "embed" | "iframe");
    for el in dom.elements_by_tags(root, &[tag]).into_iter().rev() {
        if is_embed && is_video_embed(dom, el) {
            continue;
        }
        dom.detach(el);
    }
}

fn is_video_embed(dom: &Dom, el: NodeId) -> bool {
    dom.attrs(el).iter().any(|(_, v)| VIDEOS.is_match(v))
        || (dom.tag(el) == "object"
            && dom
                .descendants(el)
                .iter()
                .any(|&d| dom.attrs(d).iter().any(|(_, v)| VIDEOS.is_match(v))))
}

fn remove_share_widgets(dom: &mut Dom, top: NodeId) {
    let mut cur = dom.next_in_subtree(top, top, false);
    while let Some(n) = cur {
        if dom.is_element(n) {
            let match_string = format!("{} {}", dom.class(n), dom.id_attr(n));
            if SHARE.is_match(&match_string) && dom.text_content(n).chars().count() < 500 {
                let next = dom.next_in_subtree(n, top, true);
                dom.detach(n);
                cur = next;
                continue;
            }
        }
        cur = dom.next_in_subtree(n, top, false);
    }
}

/// Tells data tables (worth keeping whole) from layout tables.
fn mark_data_tables(dom: &Dom, root: NodeId) -> DataTables {
    let mut marks = vec![false; dom.nodes.len()];
    for table in dom.elements_by_tags(root, &["table"]) {
        marks[table] = is_data_table(dom, table);
    }
    DataTables(marks)
}

fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    if dom.attr(table, "role") == Some("presentation") || dom.attr(table, "datatable") == Some("0")
    {
        return false;
    }
    if dom.attr(table, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    if let Some(caption) = dom.find_first(table, "caption") {
        if dom.first_child(caption).is_some() {
            return true;
        }
    }
    if !dom
        .elements_by_tags(table, &["col", "colgroup", "tfoot", "thead", "th"])
        .is_empty()
    {
        return true;
    }
    if dom.find_first(table, "table").is_some() {
        return false;
    }
    let (rows, columns) = row_and_column_count(dom, table);
    if columns == 1 || rows == 1 {
        return false;
    }
    if rows >= 10 || columns > 4 {
        return true;
    }
    rows * columns > 10
}

fn span_attr(dom: &Dom, node: NodeId, name: &str) -> usize {
    dom.attr(node, name)
        .and_then(|v| {
            let digits: String = v.trim().chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<usize>().ok()
        })
        .filter(|&n| n > 0)
        .unwrap_or(1)
        .min(1000)
}

fn row_and_column_count(dom: &Dom, table: NodeId) -> (usize, usize) {
    let mut rows = 0;
    let mut columns = 0;
    for tr in dom.elements_by_tags(table, &["tr"]) {
        rows += span_attr(dom, tr, "rowspan");
        let in_row: usize = dom
            .elements_by_tags(tr, &["td"])
            .into_iter()
            .map(|td| span_attr(dom, td, "colspan"))
            .sum();
        columns = columns.max(in_row);
    }
    (rows, columns)
}

fn text_density(dom: &Dom, node: NodeId, tags: &[&str], total: usize) -> f64 {
    if total == 0 {
        return 0.0;
    }
    let inner: usize = dom
        .elements_by_tags(node, tags)
        .into_iter()
        .map(|c| dom.inner_text_len(c))
        .sum();
    inner as f64 / total as f64
}

/// Removes elements with `tag` that look like furniture: few commas plus too many images,
/// list items, inputs or links for the amount of text, or nothing but an ad/loading label.
fn clean_conditionally(dom: &mut Dom, root: NodeId, tag: &str, flags: Flags, tables: &DataTables) {
    if !flags.clean_conditionally {
        return;
    }
    // Walk backwards so that nested candidates are judged before their containers.
    for node in dom.elements_by_tags(root, &[tag]).into_iter().rev() {
        if dom.parent(node).is_none() {
            continue;
        }
        if should_remove(dom, node, tag, flags, tables) {
            dom.detach(node);
        }
    }
}

/// Whether some non-blank text sits inside a text-bearing descendant (span, li, td or a block).
fn has_textish_text(dom: &Dom, node: NodeId) -> bool {
    let mut cur = dom.next_in_subtree(node, node, false);
    while let Some(n) = cur {
        if dom.is_text(n) && !dom.text_of(n).trim().is_empty() {
            let mut anc = dom.parent(n);
            while let Some(a) = anc.filter(|&a| a != node) {
                let tag = dom.tag(a);
                if matches!(tag, "span" | "li" | "td") || DIV_TO_P_ELEMS.contains(&tag) {
                    return true;
                }
                anc = dom.parent(a);
            }
        }
        cur = dom.next_in_subtree(n, node, false);
    }
    false
}

fn should_remove(dom: &Dom, node: NodeId, tag: &str, flags: Flags, tables: &DataTables) -> bool {
    let content_length = dom.inner_text_len(node);
    let mut is_list = matches!(tag, "ul" | "ol");
    if !is_list {
        let list_length: usize = dom
            .elements_by_tags(node, &["ul", "ol"])
            .into_iter()
            .map(|l| dom.inner_text_len(l))
            .sum();
        is_list = content_length > 0 && list_length as f64 / content_length as f64 > 0.9;
    }
    if tag == "table" && tables.is(node) {
        return false;
    }
    if has_ancestor_tag(dom, node, "table", 0, |t| tables.is(t))
        || has_ancestor_tag(dom, node, "code", 3, |_| true)
    {
        return false;
    }
    if dom
        .elements_by_tags(node, &["table"])
        .into_iter()
        .any(|t| tables.is(t))
    {
        return false;
    }
    let weight = class_weight(dom, node, flags.weight_classes);
    if weight < 0.0 {
        return true;
    }
    if dom.count_chars(node, |c| c == ',') >= 10 {
        return false;
    }
    let [p, img, li, input] = dom
        .count_tags(node, ["p", "img", "li", "input"])
        .map(|c| c as f64);
    let li = li - 100.0;
    let heading_density = text_density(
        dom,
        node,
        &["h1", "h2", "h3", "h4", "h5", "h6"],
        content_length,
    );
    let mut embed_count = 0;
    for embed in dom.elements_by_tags(node, &["object", "embed", "iframe"]) {
        if is_video_embed(dom, embed) {
            return false;
        }
        embed_count += 1;
    }
    // Only short texts can consist of a lone "Advertisement" or "Loading..." label.
    if content_length < 30 {
        let inner = dom.inner_text(node);
        if AD_WORDS.is_match(&inner) || LOADING_WORDS.is_match(&inner) {
            return true;
        }
    }
    let density = link_density(dom, node);
    let is_figure_child = has_ancestor_tag(dom, node, "figure", 3, |_| true);

    let remove = (!is_figure_child && img > 1.0 && p / img < 0.5)
        || (!is_list && li > p)
        || (input > (p / 3.0).floor())
        || (!is_list
            && !is_figure_child
            && heading_density < 0.9
            && content_length < 25
            && (img == 0.0 || img > 2.0)
            && density > 0.0)
        || (!is_list && weight < 25.0 && density > 0.2)
        || (weight >= 25.0 && density > 0.5)
        || ((embed_count == 1 && content_length < 75) || embed_count > 1)
        || (img == 0.0 && !has_textish_text(dom, node));

    if is_list && remove {
        // Simple image galleries built as lists may stay.
        if dom
            .element_children(node)
            .into_iter()
            .any(|c| dom.element_child_count(c) > 1)
        {
            return true;
        }
        let li_count = dom.count_tag(node, "li") as f64;
        if img == li_count {
            return false;
        }
    }
    remove
}

/// Replaces tables with a single cell by that cell's content.
fn unwrap_single_cell_tables(dom: &mut Dom, root: NodeId) {
    for table in dom.elements_by_tags(root, &["table"]) {
        let tbody = if has_single_tag_inside(dom, table, "tbody") {
            dom.first_element_child(table).unwrap_or(table)
        } else {
            table
        };
        if !has_single_tag_inside(dom, tbody, "tr") {
            continue;
        }
        let Some(row) = dom.first_element_child(tbody) else {
            continue;
        };
        if !has_single_tag_inside(dom, row, "td") {
            continue;
        }
        let Some(cell) = dom.first_element_child(row) else {
            continue;
        };
        let all_phrasing = dom.children(cell).into_iter().all(|c| is_phrasing(dom, c));
        dom.set_tag(cell, if all_phrasing { "p" } else { "div" });
        dom.replace(table, cell);
    }
}
