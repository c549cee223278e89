//! Builds the arena [`Dom`] straight from the html5ever tree builder.
//!
//! Going through an intermediate tree would double the parsing cost on large pages, so this sink
//! writes nodes into the arena as the parser creates them.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::collections::HashMap;
use std::sync::LazyLock;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, Attribute, QualName};

use super::dom::{Dom, NodeData, NodeId, ROOT};

/// Name reported for nodes that are not elements; the parser never asks for those in practice.
static NO_NAME: LazyLock<QualName> =
    LazyLock::new(|| QualName::new(None, ns!(html), local_name!("")));

struct Sink {
    dom: RefCell<Dom>,
    names: RefCell<Vec<Option<QualName>>>,
    /// Template element to its (never attached) contents fragment.
    templates: RefCell<HashMap<NodeId, NodeId>>,
}

impl Sink {
    fn new_node(&self, data: NodeData, name: Option<QualName>) -> NodeId {
        let id = self.dom.borrow_mut().alloc(data);
        let mut names = self.names.borrow_mut();
        if names.len() <= id {
            names.resize(id + 1, None);
        }
        names[id] = name;
        id
    }

    /// Turns a parser child into a node id, merging text into an adjacent text node.
    /// Returns None when the text was merged or the node is not kept (comments).
    fn child_node(&self, child: NodeOrText<NodeId>, merge_into: Option<NodeId>) -> Option<NodeId> {
        match child {
            NodeOrText::AppendNode(id) => Some(id),
            NodeOrText::AppendText(text) => {
                let mut dom = self.dom.borrow_mut();
                if let Some(prev) = merge_into {
                    if let NodeData::Text(existing) = &mut dom.nodes[prev].data {
                        existing.push_str(&text);
                        return None;
                    }
                }
                drop(dom);
                Some(self.new_node(NodeData::Text(text.to_string()), None))
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.names.borrow(), |names| {
            names
                .get(*target)
                .and_then(Option::as_ref)
                .unwrap_or(&NO_NAME)
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let attrs = attrs
            .into_iter()
            .map(|a| ((*a.name.local).to_ascii_lowercase(), a.value.to_string()))
            .collect();
        let data = NodeData::Element {
            tag: (*name.local).to_ascii_lowercase(),
            attrs,
            foreign: name.ns != ns!(html),
        };
        let id = self.new_node(data, Some(name));
        if flags.template {
            let contents = self.new_node(NodeData::Other, None);
            self.templates.borrow_mut().insert(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.new_node(NodeData::Other, None)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.new_node(NodeData::Other, None)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let last = self.dom.borrow().last_child(*parent);
        if let Some(id) = self.child_node(child, last) {
            if !matches!(self.dom.borrow().nodes[id].data, NodeData::Other) {
                self.dom.borrow_mut().append(*parent, id);
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.dom.borrow().parent(*element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        if let Some(&contents) = self.templates.borrow().get(target) {
            return contents;
        }
        let contents = self.new_node(NodeData::Other, None);
        self.templates.borrow_mut().insert(*target, contents);
        contents
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let prev = self.dom.borrow().nodes[*sibling].prev;
        if let Some(id) = self.child_node(new_node, prev) {
            if !matches!(self.dom.borrow().nodes[id].data, NodeData::Other) {
                self.dom.borrow_mut().insert_before(*sibling, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        if let NodeData::Element {
            attrs: existing, ..
        } = &mut dom.nodes[*target].data
        {
            for a in attrs {
                let name = (*a.name.local).to_ascii_lowercase();
                if !existing.iter().any(|(k, _)| *k == name) {
                    existing.push((name, a.value.to_string()));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        for child in dom.children(*node) {
            dom.append(*new_parent, child);
        }
    }
}

/// Parses a whole HTML document into the arena, with nesting bounded (see [`limit_nesting`] and
/// [`Dom::flatten_deep`]).
pub fn parse_document(html: &str) -> Dom {
    let sink = Sink {
        dom: RefCell::new(Dom::empty()),
        names: RefCell::new(Vec::new()),
        templates: RefCell::new(HashMap::new()),
    };
    let input = limit_nesting(html);
    let mut dom = html5ever::parse_document(sink, Default::default()).one(input.as_ref());
    dom.flatten_deep(MAX_DEPTH);
    dom
}

/// Elements deeper than this are flattened into their ancestor at this depth. Real pages stay
/// far below it; the bound keeps the subtree walks of the heuristics from going quadratic.
const MAX_DEPTH: usize = 128;
/// Most block containers that may be open at once in the input. The tree builder scans its
/// stack of open elements for each such start tag, so deeper nesting makes parsing quadratic.
const MAX_OPEN_BLOCKS: usize = 256;

/// Start tags that stay open until closed and make the tree builder scan its element stack.
const NESTING_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "section",
    "summary",
    "ul",
    "table",
    "form",
];

/// Drops block start tags that would nest deeper than [`MAX_OPEN_BLOCKS`]. Pages within the limit
/// are passed through untouched; the scan is approximate (it only skips comments and raw-text
/// elements), which is fine because it only acts on absurdly deep input.
fn limit_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut drops: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = html
            .get(name_start..name_start + name_len)
            .unwrap_or("")
            .to_ascii_lowercase();
        // Without any later '>' there are no more complete tags to count.
        let Some(tag_end) = find(bytes, start + 1, b">").map(|e| e + 1) else {
            break;
        };
        if !closing
            && matches!(
                name.as_str(),
                "script" | "style" | "textarea" | "title" | "xmp"
            )
        {
            // Raw text: skip to the matching end tag so its content is not read as markup.
            let close = format!("</{name}");
            i = find_ci(bytes, tag_end, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if NESTING_TAGS.contains(&name.as_str()) {
            let self_closing = tag_end >= 2 && bytes[tag_end - 2] == b'/';
            if closing {
                depth = depth.saturating_sub(1);
            } else if !self_closing {
                if depth >= MAX_OPEN_BLOCKS {
                    drops.push((start, tag_end));
                } else {
                    depth += 1;
                }
            }
        }
        i = tag_end.max(start + 1);
    }
    if drops.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for (from, to) in drops {
        out.push_str(&html[last..from]);
        last = to;
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}
