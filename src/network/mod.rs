//! The network of people and organisations (issue 22), pure: the links the store reads (two
//! entities, a kind, the document and place that link them) are counted into weighted edges,
//! filtered, focused on one entity and cut to the heaviest nodes, and the shortest chain
//! between two entities is found. Which entities are named in one sentence is decided here
//! too, from a document's text and its mentions, so the store only reads rows.
//!
//! Bounds: a network sent to the app holds at most `MAX_NODES` nodes and `MAX_EDGES` edges
//! (what a canvas renderer keeps at 60 frames a second, docs/benchmarks.md), and says when it
//! cut; a sentence is looked for at most `SENTENCE_REACH` characters wide.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use crate::entities::EntityKind;
use crate::model::{LinkKind, Network, NetworkEdge, NetworkFilter, NetworkNode, NetworkPath};

#[cfg(test)]
mod tests;

/// The most nodes a network holds, whatever the filter asks.
pub const MAX_NODES: usize = 5_000;
/// The nodes a network holds when the filter does not say.
pub const DEFAULT_NODES: usize = 2_000;
/// The most edges a network holds (the heaviest first).
pub const MAX_EDGES: usize = 50_000;
/// Two mentions further apart than this (in characters) are not taken to share a sentence:
/// a sentence of a news story is rarely a third as long, and the bound keeps the pairs a
/// document yields linear in its mentions.
pub const SENTENCE_REACH: usize = 300;

/// One place where two entities are linked: `a` < `b`.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub a: i64,
    pub b: i64,
    pub kind: LinkKind,
    pub doc: i64,
    /// Char offsets of the place in the document.
    pub start: usize,
    pub end: usize,
    /// The role as written, for a `Role` link.
    pub role: Option<String>,
}

impl Link {
    /// A link between `x` and `y` in either order; None when they are the same entity.
    pub fn between(x: i64, y: i64, kind: LinkKind, doc: i64, span: (usize, usize)) -> Option<Link> {
        (x != y).then(|| Link {
            a: x.min(y),
            b: x.max(y),
            kind,
            doc,
            start: span.0,
            end: span.1,
            role: None,
        })
    }
}

/// A mention as the sentence rule needs it: `(entity, start, end)` in char offsets.
pub type Mention = (i64, usize, usize);

/// An entity as the network needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
}

/// How a source's role for a person reads as a link to an organisation: "spokesperson of"
/// when the role says so, else "works for".
pub fn role_label(role: &str) -> &'static str {
    let lower = role.to_lowercase();
    if lower.contains("spokes") || lower.contains("press secretary") {
        "spokesperson of"
    } else {
        "works for"
    }
}

/// Pairs of different entities named in one sentence of `text`, from its mentions
/// `(entity, start, end)` in char offsets sorted by start: each pair once per document, with
/// the span from the first mention's start to the second's end.
pub fn same_sentence(
    text: &str,
    mentions: &[(i64, usize, usize)],
) -> Vec<(i64, i64, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut seen = HashSet::new();
    let mut pairs = Vec::new();
    for (i, &(x, _, x_end)) in mentions.iter().enumerate() {
        for &(y, y_start, y_end) in &mentions[i + 1..] {
            if y_start > x_end + SENTENCE_REACH {
                break;
            }
            if x == y || y_start < x_end {
                continue;
            }
            let between = &chars[x_end.min(chars.len())..y_start.min(chars.len())];
            if ends_sentence(between, &chars[..x_end.min(chars.len())]) {
                // Every later mention lies past the same boundary.
                break;
            }
            if seen.insert((x.min(y), x.max(y))) {
                let start = mentions[i].1;
                pairs.push((x.min(y), x.max(y), start, y_end));
            }
        }
    }
    pairs
}

/// Whether the characters between two mentions close a sentence: a line break, or a full
/// stop, question or exclamation mark followed by a space (after any closing quote mark),
/// except the stop of an abbreviation such as "Mr." or "U.S." (`before` is the text up to
/// the gap, so the first mention's own last word counts as its word).
fn ends_sentence(between: &[char], before: &[char]) -> bool {
    for (i, &c) in between.iter().enumerate() {
        if c == '\n' {
            return true;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = between[i + 1..]
            .iter()
            .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | ')'));
        if next.is_some_and(|c| !c.is_whitespace()) {
            continue;
        }
        if c == '.' && abbreviation(&between[..i], before) {
            continue;
        }
        return true;
    }
    false
}

/// Whether the word ending just before a full stop is an abbreviation: one to three letters
/// starting with a capital ("Mr", "Dr", "St", "Jr") or letters separated by stops ("U.S").
fn abbreviation(head: &[char], before: &[char]) -> bool {
    let word: Vec<char> = before
        .iter()
        .chain(head)
        .rev()
        .take_while(|c| c.is_alphabetic() || **c == '.')
        .copied()
        .collect();
    let word: String = word.into_iter().rev().collect();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    word.chars().next().is_some_and(char::is_uppercase) && (letters <= 3 || word.contains('.'))
}

/// What counting links yields before any cut: each pair's edge, in pair order.
fn edges_of(
    links: &[Link],
    entities: &HashMap<i64, Entity>,
    filter: &NetworkFilter,
    allowed_docs: Option<&HashSet<i64>>,
) -> BTreeMap<(i64, i64), NetworkEdge> {
    // Each kind of link counts once per document for a pair.
    let mut seen: HashSet<(i64, i64, LinkKind, i64)> = HashSet::new();
    let mut edges: BTreeMap<(i64, i64), NetworkEdge> = BTreeMap::new();
    for l in links {
        if !filter.link_kinds.is_empty() && !filter.link_kinds.contains(&l.kind) {
            continue;
        }
        if allowed_docs.is_some_and(|docs| !docs.contains(&l.doc)) {
            continue;
        }
        let (Some(ea), Some(eb)) = (entities.get(&l.a), entities.get(&l.b)) else {
            continue;
        };
        if filter
            .entity_kind
            .is_some_and(|k| ea.kind != k || eb.kind != k)
        {
            continue;
        }
        if !seen.insert((l.a, l.b, l.kind, l.doc)) {
            continue;
        }
        let edge = edges.entry((l.a, l.b)).or_insert_with(|| NetworkEdge {
            source: l.a,
            target: l.b,
            weight: 0,
            kinds: Vec::new(),
            role: None,
        });
        edge.weight += 1;
        if !edge.kinds.contains(&l.kind) {
            edge.kinds.push(l.kind);
            edge.kinds.sort();
        }
        if edge.role.is_none() {
            edge.role = l.role.as_deref().map(|r| role_label(r).to_string());
        }
    }
    let min = filter.min_weight.unwrap_or(1);
    edges.retain(|_, e| e.weight >= min);
    edges
}

/// The nodes within `depth` links of `focus` over `edges`.
fn neighbourhood(edges: &BTreeMap<(i64, i64), NetworkEdge>, focus: i64, depth: u8) -> HashSet<i64> {
    let mut adjacent: HashMap<i64, Vec<i64>> = HashMap::new();
    for &(a, b) in edges.keys() {
        adjacent.entry(a).or_default().push(b);
        adjacent.entry(b).or_default().push(a);
    }
    let mut within = HashSet::from([focus]);
    let mut frontier = vec![focus];
    for _ in 0..depth {
        let mut next = Vec::new();
        for n in frontier {
            for &m in adjacent.get(&n).map_or(&[][..], |v| v.as_slice()) {
                if within.insert(m) {
                    next.push(m);
                }
            }
        }
        frontier = next;
    }
    within
}

/// Nodes carrying `edges`, heaviest first (then by id), with their weights and degrees.
fn nodes_of<'e>(
    edges: impl Iterator<Item = &'e NetworkEdge>,
    entities: &HashMap<i64, Entity>,
) -> Vec<NetworkNode> {
    let mut by_id: HashMap<i64, NetworkNode> = HashMap::new();
    for e in edges {
        for id in [e.source, e.target] {
            let node = by_id.entry(id).or_insert_with(|| NetworkNode {
                id,
                name: entities[&id].name.clone(),
                kind: entities[&id].kind,
                weight: 0,
                degree: 0,
            });
            node.weight += e.weight;
            node.degree += 1;
        }
    }
    let mut nodes: Vec<NetworkNode> = by_id.into_values().collect();
    nodes.sort_by(|x, y| y.weight.cmp(&x.weight).then(x.id.cmp(&y.id)));
    nodes
}

/// The network under `filter` from `links` (the documents a tag or date range allows are
/// `allowed_docs`, None for all): edges counted and filtered, the focus's neighbourhood when
/// one is asked, then the heaviest nodes up to the bound and the heaviest edges among them,
/// with a notice when anything was cut. A focus not in the case yields its node alone when
/// it is a known entity, else nothing.
pub fn build(
    links: &[Link],
    entities: &HashMap<i64, Entity>,
    filter: &NetworkFilter,
    allowed_docs: Option<&HashSet<i64>>,
) -> Network {
    let mut edges = edges_of(links, entities, filter, allowed_docs);
    if let Some(focus) = filter.focus {
        let within = neighbourhood(&edges, focus, filter.depth.unwrap_or(2).clamp(1, 2));
        edges.retain(|&(a, b), _| within.contains(&a) && within.contains(&b));
    }
    let mut nodes = nodes_of(edges.values(), entities);
    if nodes.is_empty() {
        if let Some(e) = filter
            .focus
            .and_then(|id| entities.get(&id).map(|e| (id, e)))
        {
            nodes.push(NetworkNode {
                id: e.0,
                name: e.1.name.clone(),
                kind: e.1.kind,
                weight: 0,
                degree: 0,
            });
        }
    }
    let (total_nodes, total_edges) = (nodes.len(), edges.len());
    let limit = filter
        .max_nodes
        .map_or(DEFAULT_NODES, |n| n as usize)
        .clamp(1, MAX_NODES);
    if nodes.len() > limit {
        // The focus stays whatever its weight, so a focused view always shows its centre.
        let focus_at = filter
            .focus
            .and_then(|f| nodes.iter().position(|n| n.id == f));
        let focus = focus_at.filter(|&i| i >= limit).map(|i| nodes.remove(i));
        nodes.truncate(limit - usize::from(focus.is_some()));
        nodes.extend(focus);
    }
    let kept: HashSet<i64> = nodes.iter().map(|n| n.id).collect();
    let mut kept_edges: Vec<NetworkEdge> = edges
        .into_values()
        .filter(|e| kept.contains(&e.source) && kept.contains(&e.target))
        .collect();
    let edges_cut = kept_edges.len() > MAX_EDGES;
    if edges_cut {
        kept_edges.sort_by(|x, y| {
            y.weight
                .cmp(&x.weight)
                .then((x.source, x.target).cmp(&(y.source, y.target)))
        });
        kept_edges.truncate(MAX_EDGES);
        kept_edges.sort_by_key(|e| (e.source, e.target));
    }
    // Weights and degrees say what the view shows, so they are counted again over what is kept.
    let order: HashMap<i64, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
    for n in &mut nodes {
        n.weight = 0;
        n.degree = 0;
    }
    for e in &kept_edges {
        for id in [e.source, e.target] {
            let n = &mut nodes[order[&id]];
            n.weight += e.weight;
            n.degree += 1;
        }
    }
    let truncated = (nodes.len() < total_nodes || edges_cut).then(|| {
        format!(
            "showing the {} most linked of {} people and organisations and {} of {} links; \
             raise the minimum weight, filter, or focus on one entity to see the rest",
            nodes.len(),
            total_nodes,
            kept_edges.len(),
            total_edges
        )
    });
    Network {
        nodes,
        edges: kept_edges,
        total_nodes: total_nodes as u32,
        total_edges: total_edges as u32,
        truncated,
    }
}

/// The shortest chain of links from `from` to `to` under `filter` (ignoring its focus and
/// node bound, so a path is found wherever it runs), fewest links first and, among those,
/// the one through the smallest ids (deterministic). Empty when they are not connected.
pub fn shortest_path(
    links: &[Link],
    entities: &HashMap<i64, Entity>,
    filter: &NetworkFilter,
    allowed_docs: Option<&HashSet<i64>>,
    from: i64,
    to: i64,
) -> NetworkPath {
    let edges = edges_of(links, entities, filter, allowed_docs);
    let mut adjacent: HashMap<i64, Vec<i64>> = HashMap::new();
    for &(a, b) in edges.keys() {
        adjacent.entry(a).or_default().push(b);
        adjacent.entry(b).or_default().push(a);
    }
    for list in adjacent.values_mut() {
        list.sort_unstable();
    }
    let mut previous: HashMap<i64, i64> = HashMap::new();
    let mut queue = VecDeque::from([from]);
    let mut reached = HashSet::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            break;
        }
        for &m in adjacent.get(&n).map_or(&[][..], |v| v.as_slice()) {
            if reached.insert(m) {
                previous.insert(m, n);
                queue.push_back(m);
            }
        }
    }
    if !reached.contains(&to) || !entities.contains_key(&to) {
        return NetworkPath {
            nodes: Vec::new(),
            edges: Vec::new(),
        };
    }
    let mut chain = vec![to];
    while let Some(&p) = previous.get(chain.last().unwrap()) {
        chain.push(p);
    }
    chain.reverse();
    let path_edges: Vec<NetworkEdge> = chain
        .windows(2)
        .map(|w| edges[&(w[0].min(w[1]), w[0].max(w[1]))].clone())
        .collect();
    let mut nodes: Vec<NetworkNode> = chain
        .iter()
        .map(|&id| NetworkNode {
            id,
            name: entities[&id].name.clone(),
            kind: entities[&id].kind,
            weight: 0,
            degree: 0,
        })
        .collect();
    for e in &path_edges {
        for n in nodes
            .iter_mut()
            .filter(|n| n.id == e.source || n.id == e.target)
        {
            n.weight += e.weight;
            n.degree += 1;
        }
    }
    NetworkPath {
        nodes,
        edges: path_edges,
    }
}
