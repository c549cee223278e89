//! A small mutable arena DOM used by the extractor.
//!
//! The extraction heuristics move, retag and delete nodes constantly, which is awkward on a
//! parser's read-only tree. We therefore copy the parsed document into this arena once. Nodes are
//! linked with parent/sibling indices so every structural edit is O(1), and every traversal here is
//! iterative so that pathologically deep documents cannot overflow the stack.

/// Index of a node in the arena.
pub type NodeId = usize;

/// What a node holds.
#[derive(Debug, Clone)]
pub enum NodeData {
    /// The document root.
    Document,
    /// An element with a lower-case tag name and its attributes in source order.
    Element {
        tag: String,
        attrs: Vec<(String, String)>,
        /// True for SVG and MathML elements, whose class names the heuristics ignore.
        foreign: bool,
    },
    /// A run of text, already entity-decoded by the parser.
    Text(String),
    /// Comments, processing instructions and template contents, which are never attached.
    Other,
}

/// One arena slot with its links.
#[derive(Debug, Clone)]
pub struct Node {
    pub data: NodeData,
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev: Option<NodeId>,
    pub next: Option<NodeId>,
}

/// The arena document. Detached nodes stay in the vector but are unreachable from the root.
#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

pub const ROOT: NodeId = 0;

impl Dom {
    /// Parses an HTML document (see [`super::parse`]).
    pub fn parse(html: &str) -> Dom {
        super::parse::parse_document(html)
    }

    /// Moves everything below `max_depth` up into the ancestor at that depth, in document order,
    /// so no element is nested deeper than `max_depth`. Structure below the limit is lost, but
    /// the text stays in order.
    pub fn flatten_deep(&mut self, max_depth: usize) {
        let mut too_deep = Vec::new();
        let mut stack = vec![(ROOT, 0usize)];
        while let Some((node, depth)) = stack.pop() {
            if depth == max_depth {
                if self.nodes[node].first_child.is_some() {
                    too_deep.push(node);
                }
                continue;
            }
            let mut child = self.nodes[node].first_child;
            while let Some(c) = child {
                stack.push((c, depth + 1));
                child = self.nodes[c].next;
            }
        }
        for node in too_deep {
            let below = self.descendants(node);
            if below.iter().all(|&d| self.nodes[d].parent == Some(node)) {
                continue;
            }
            for d in below {
                self.append(node, d);
            }
        }
    }

    /// A document with only its root node.
    pub fn empty() -> Dom {
        let mut dom = Dom { nodes: Vec::new() };
        dom.alloc(NodeData::Document);
        dom
    }

    pub(super) fn alloc(&mut self, data: NodeData) -> NodeId {
        self.nodes.push(Node {
            data,
            parent: None,
            first_child: None,
            last_child: None,
            prev: None,
            next: None,
        });
        self.nodes.len() - 1
    }

    /// Creates a detached element.
    pub fn create_element(&mut self, tag: &str) -> NodeId {
        self.alloc(NodeData::Element {
            tag: tag.to_string(),
            attrs: Vec::new(),
            foreign: false,
        })
    }

    /// Tag name of an element, or "" for text and the document.
    pub fn tag(&self, id: NodeId) -> &str {
        match &self.nodes[id].data {
            NodeData::Element { tag, .. } => tag,
            _ => "",
        }
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].data, NodeData::Element { .. })
    }

    /// Whether the node is an SVG or MathML element.
    pub fn is_foreign(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].data, NodeData::Element { foreign: true, .. })
    }

    pub fn is_text(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].data, NodeData::Text(_))
    }

    pub fn text_of(&self, id: NodeId) -> &str {
        match &self.nodes[id].data {
            NodeData::Text(t) => t,
            _ => "",
        }
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            NodeData::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    pub fn attrs(&self, id: NodeId) -> &[(String, String)] {
        match &self.nodes[id].data {
            NodeData::Element { attrs, .. } => attrs,
            _ => &[],
        }
    }

    /// Sets an element's attribute, replacing the value it had.
    pub fn set_attr(&mut self, id: NodeId, name: &str, value: &str) {
        if let NodeData::Element { attrs, .. } = &mut self.nodes[id].data {
            match attrs.iter_mut().find(|(k, _)| k == name) {
                Some((_, v)) => *v = value.to_string(),
                None => attrs.push((name.to_string(), value.to_string())),
            }
        }
    }

    pub fn set_tag(&mut self, id: NodeId, new_tag: &str) {
        if let NodeData::Element { tag, .. } = &mut self.nodes[id].data {
            *tag = new_tag.to_string();
        }
    }

    /// The class attribute, or "". SVG and MathML class names are ignored, as in browsers where
    /// their `className` is not a plain string.
    pub fn class(&self, id: NodeId) -> &str {
        match &self.nodes[id].data {
            NodeData::Element { foreign: true, .. } => "",
            _ => self.attr(id, "class").unwrap_or(""),
        }
    }

    /// The id attribute, or "".
    pub fn id_attr(&self, id: NodeId) -> &str {
        self.attr(id, "id").unwrap_or("")
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].parent
    }

    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].next
    }

    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].first_child
    }

    pub fn last_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].last_child
    }

    /// All child nodes (elements and text) in order.
    pub fn children(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut c = self.nodes[id].first_child;
        while let Some(n) = c {
            out.push(n);
            c = self.nodes[n].next;
        }
        out
    }

    /// Element children only.
    pub fn element_children(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut c = self.nodes[id].first_child;
        while let Some(n) = c {
            if self.is_element(n) {
                out.push(n);
            }
            c = self.nodes[n].next;
        }
        out
    }

    pub fn first_element_child(&self, id: NodeId) -> Option<NodeId> {
        let mut c = self.nodes[id].first_child;
        while let Some(n) = c {
            if self.is_element(n) {
                return Some(n);
            }
            c = self.nodes[n].next;
        }
        None
    }

    pub fn next_element_sibling(&self, id: NodeId) -> Option<NodeId> {
        let mut c = self.nodes[id].next;
        while let Some(n) = c {
            if self.is_element(n) {
                return Some(n);
            }
            c = self.nodes[n].next;
        }
        None
    }

    pub fn element_child_count(&self, id: NodeId) -> usize {
        let mut count = 0;
        let mut c = self.nodes[id].first_child;
        while let Some(n) = c {
            if self.is_element(n) {
                count += 1;
            }
            c = self.nodes[n].next;
        }
        count
    }

    /// Unlinks a node (with its subtree) from its parent.
    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = &self.nodes[id];
            (n.parent, n.prev, n.next)
        };
        if let Some(p) = prev {
            self.nodes[p].next = next;
        } else if let Some(par) = parent {
            self.nodes[par].first_child = next;
        }
        if let Some(n) = next {
            self.nodes[n].prev = prev;
        } else if let Some(par) = parent {
            self.nodes[par].last_child = prev;
        }
        let n = &mut self.nodes[id];
        n.parent = None;
        n.prev = None;
        n.next = None;
    }

    /// Appends `child` (detaching it first) as the last child of `parent`.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent].last_child;
        self.nodes[child].parent = Some(parent);
        self.nodes[child].prev = last;
        match last {
            Some(l) => self.nodes[l].next = Some(child),
            None => self.nodes[parent].first_child = Some(child),
        }
        self.nodes[parent].last_child = Some(child);
    }

    /// Inserts `new` (detaching it first) just before `reference`.
    pub fn insert_before(&mut self, reference: NodeId, new: NodeId) {
        let Some(parent) = self.nodes[reference].parent else {
            return;
        };
        self.detach(new);
        let prev = self.nodes[reference].prev;
        self.nodes[new].parent = Some(parent);
        self.nodes[new].prev = prev;
        self.nodes[new].next = Some(reference);
        self.nodes[reference].prev = Some(new);
        match prev {
            Some(p) => self.nodes[p].next = Some(new),
            None => self.nodes[parent].first_child = Some(new),
        }
    }

    /// Puts `new` where `old` was and detaches `old`.
    pub fn replace(&mut self, old: NodeId, new: NodeId) {
        if old == new {
            return;
        }
        self.insert_before(old, new);
        self.detach(old);
    }

    /// Next node in pre-order below `scope` (elements and text), or None at the end.
    pub fn next_in_subtree(
        &self,
        id: NodeId,
        scope: NodeId,
        skip_children: bool,
    ) -> Option<NodeId> {
        if !skip_children {
            if let Some(c) = self.nodes[id].first_child {
                return Some(c);
            }
        }
        let mut cur = id;
        loop {
            if cur == scope {
                return None;
            }
            if let Some(n) = self.nodes[cur].next {
                return Some(n);
            }
            cur = self.nodes[cur].parent?;
        }
    }

    /// All descendants (not including `scope`) in document order.
    pub fn descendants(&self, scope: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut cur = self.next_in_subtree(scope, scope, false);
        while let Some(n) = cur {
            out.push(n);
            cur = self.next_in_subtree(n, scope, false);
        }
        out
    }

    /// Descendant elements whose tag is one of `tags`, in document order.
    pub fn elements_by_tags(&self, scope: NodeId, tags: &[&str]) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut cur = self.next_in_subtree(scope, scope, false);
        while let Some(n) = cur {
            if let NodeData::Element { tag, .. } = &self.nodes[n].data {
                if tags.contains(&tag.as_str()) {
                    out.push(n);
                }
            }
            cur = self.next_in_subtree(n, scope, false);
        }
        out
    }

    /// Number of descendant elements with the given tag.
    pub fn count_tag(&self, scope: NodeId, wanted: &str) -> usize {
        let mut count = 0;
        let mut cur = self.next_in_subtree(scope, scope, false);
        while let Some(n) = cur {
            if self.tag(n) == wanted {
                count += 1;
            }
            cur = self.next_in_subtree(n, scope, false);
        }
        count
    }

    /// Concatenated text of the subtree, like the DOM's `textContent`.
    pub fn text_content(&self, id: NodeId) -> String {
        if let NodeData::Text(t) = &self.nodes[id].data {
            return t.clone();
        }
        let mut out = String::new();
        let mut cur = self.next_in_subtree(id, id, false);
        while let Some(n) = cur {
            if let NodeData::Text(t) = &self.nodes[n].data {
                out.push_str(t);
            }
            cur = self.next_in_subtree(n, id, false);
        }
        out
    }

    /// Whether the subtree has any non-whitespace text; stops at the first hit.
    pub fn has_text(&self, id: NodeId) -> bool {
        if let NodeData::Text(t) = &self.nodes[id].data {
            return !t.trim().is_empty();
        }
        let mut cur = self.next_in_subtree(id, id, false);
        while let Some(n) = cur {
            if let NodeData::Text(t) = &self.nodes[n].data {
                if !t.trim().is_empty() {
                    return true;
                }
            }
            cur = self.next_in_subtree(n, id, false);
        }
        false
    }

    /// Readability's "inner text": textContent trimmed, with whitespace runs of two or more
    /// characters collapsed to one space.
    pub fn inner_text(&self, id: NodeId) -> String {
        normalize_spaces(self.text_content(id).trim())
    }

    /// Character length of `inner_text`, computed by streaming over the text nodes: every
    /// non-whitespace character counts one and every inner whitespace run counts one.
    pub fn inner_text_len(&self, id: NodeId) -> usize {
        let mut len = 0;
        let mut started = false;
        let mut in_run = false;
        let mut visit = |t: &str| {
            for c in t.chars() {
                if c.is_whitespace() {
                    in_run = started;
                } else {
                    len += 1 + usize::from(in_run);
                    in_run = false;
                    started = true;
                }
            }
        };
        if let NodeData::Text(t) = &self.nodes[id].data {
            visit(t);
            return len;
        }
        let mut cur = self.next_in_subtree(id, id, false);
        while let Some(n) = cur {
            if let NodeData::Text(t) = &self.nodes[n].data {
                visit(t);
            }
            cur = self.next_in_subtree(n, id, false);
        }
        len
    }

    /// Number of characters in the subtree's text that satisfy `wanted`.
    pub fn count_chars(&self, id: NodeId, wanted: impl Fn(char) -> bool) -> usize {
        let mut count = 0;
        let mut cur = Some(id);
        while let Some(n) = cur {
            if let NodeData::Text(t) = &self.nodes[n].data {
                count += t.chars().filter(|&c| wanted(c)).count();
            }
            cur = self.next_in_subtree(n, id, false);
        }
        count
    }

    /// Counts descendant elements for each of the given tags in one walk.
    pub fn count_tags<const N: usize>(&self, scope: NodeId, tags: [&str; N]) -> [usize; N] {
        let mut counts = [0; N];
        let mut cur = self.next_in_subtree(scope, scope, false);
        while let Some(n) = cur {
            if let NodeData::Element { tag, .. } = &self.nodes[n].data {
                if let Some(i) = tags.iter().position(|t| t == tag) {
                    counts[i] += 1;
                }
            }
            cur = self.next_in_subtree(n, scope, false);
        }
        counts
    }

    /// Ancestors from the parent upwards, at most `max` of them when `max > 0`.
    pub fn ancestors(&self, id: NodeId, max: usize) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut cur = self.nodes[id].parent;
        while let Some(p) = cur {
            out.push(p);
            if max > 0 && out.len() == max {
                break;
            }
            cur = self.nodes[p].parent;
        }
        out
    }

    /// First element with the given tag anywhere under `scope`.
    pub fn find_first(&self, scope: NodeId, wanted: &str) -> Option<NodeId> {
        let mut cur = self.next_in_subtree(scope, scope, false);
        while let Some(n) = cur {
            if self.tag(n) == wanted {
                return Some(n);
            }
            cur = self.next_in_subtree(n, scope, false);
        }
        None
    }
}

/// Collapses runs of two or more whitespace characters to a single space, as Readability does.
pub fn normalize_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Option<char> = None;
    let mut run_len = 0;
    for c in s.chars() {
        if c.is_whitespace() {
            if run_len == 0 {
                run = Some(c);
            }
            run_len += 1;
        } else {
            flush_run(&mut out, run, run_len);
            run_len = 0;
            out.push(c);
        }
    }
    flush_run(&mut out, run, run_len);
    out
}

fn flush_run(out: &mut String, run: Option<char>, run_len: usize) {
    match (run, run_len) {
        (_, 0) => {}
        (Some(c), 1) => out.push(c),
        _ => out.push(' '),
    }
}

/// Folds every whitespace run to one space and trims the ends.
pub fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
