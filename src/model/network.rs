//! The network of people and organisations (issue 22) as the CLI prints it and the app
//! receives it: who is linked to whom, by which kinds of link, how often, and the sources
//! behind each link, so that every edge can open its evidence.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::entities::EntityKind;

/// Why two entities are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum LinkKind {
    /// Both are quoted in the same document.
    QuotedTogether,
    /// Both are named in the same sentence.
    SameSentence,
    /// Both are defendants in the same court filing.
    CoDefendants,
    /// A court filing gives one as an a/k/a of the other (the name is an alias of both).
    Aka,
    /// A source gives one a role at the other ("a spokesman for Acme"): works for,
    /// spokesperson of.
    Role,
}

impl LinkKind {
    pub const ALL: [LinkKind; 5] = [
        LinkKind::QuotedTogether,
        LinkKind::SameSentence,
        LinkKind::CoDefendants,
        LinkKind::Aka,
        LinkKind::Role,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::QuotedTogether => "quoted_together",
            LinkKind::SameSentence => "same_sentence",
            LinkKind::CoDefendants => "co_defendants",
            LinkKind::Aka => "aka",
            LinkKind::Role => "role",
        }
    }

    pub fn parse(name: &str) -> Option<LinkKind> {
        LinkKind::ALL
            .into_iter()
            .find(|k| k.as_str() == name.trim().to_ascii_lowercase().replace('-', "_"))
    }
}

/// What part of the network to compute. Unset fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct NetworkFilter {
    /// Only people, or only organisations.
    pub entity_kind: Option<EntityKind>,
    /// Only these kinds of link (empty: all).
    #[serde(default)]
    pub link_kinds: Vec<LinkKind>,
    /// Only links found in documents carrying this tag.
    pub tag: Option<String>,
    /// Only links found in documents published in this range (YYYY, YYYY-MM or YYYY-MM-DD,
    /// both ends included); an undated document is then left out.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Edges seen fewer times than this are left out (default 1).
    pub min_weight: Option<u32>,
    /// At most this many nodes, the heaviest (default 2,000, at most 5,000); the answer says
    /// when it cut.
    pub max_nodes: Option<u32>,
    /// Only this entity and its neighbours, to `depth` links away (1 or 2, default 2).
    #[ts(type = "number | null")]
    pub focus: Option<i64>,
    pub depth: Option<u8>,
}

/// An entity in the network.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct NetworkNode {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: EntityKind,
    /// The sum of its edges' weights in the network computed.
    pub weight: u32,
    /// How many edges it has in the network computed.
    pub degree: u32,
}

/// A link between two entities (`source` < `target`): how many times it is seen, counting
/// each kind of link once per document.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct NetworkEdge {
    #[ts(type = "number")]
    pub source: i64,
    #[ts(type = "number")]
    pub target: i64,
    pub weight: u32,
    /// The kinds of link behind it, in `LinkKind` order.
    pub kinds: Vec<LinkKind>,
    /// The role a source gives, when one of the kinds is `role` ("spokesperson of").
    pub role: Option<String>,
}

/// The network of a case under a filter.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Network {
    pub nodes: Vec<NetworkNode>,
    pub edges: Vec<NetworkEdge>,
    /// Nodes and edges under the filter before the cut to `max_nodes`.
    pub total_nodes: u32,
    pub total_edges: u32,
    /// Said when nodes were left out: how many were kept of how many, and how to see more.
    pub truncated: Option<String>,
}

/// One source behind an edge: the document, and where in it (a quote, a sentence, a
/// caption) the two are linked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct LinkEvidence {
    pub kind: LinkKind,
    #[ts(type = "number")]
    pub doc_id: i64,
    pub doc_title: String,
    pub published: Option<String>,
    /// Char offsets into the document's text of the place that links them.
    pub start: usize,
    pub end: usize,
    /// The role as the source writes it, for a `role` link.
    pub role: Option<String>,
}

/// The shortest chain of links between two entities under a filter: its nodes in order and
/// the edges between them. Empty when they are not connected.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct NetworkPath {
    pub nodes: Vec<NetworkNode>,
    pub edges: Vec<NetworkEdge>,
}

/// The files the network is written in for graph tools (Gephi, Cytoscape, NetworkX).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GraphFormat {
    /// GEXF 1.3, Gephi's own format.
    Gexf,
    /// GraphML.
    Graphml,
    /// Two CSV tables, the nodes and the edges, in the columns Gephi's spreadsheet import reads.
    Csv,
}

impl GraphFormat {
    pub const ALL: [GraphFormat; 3] = [GraphFormat::Gexf, GraphFormat::Graphml, GraphFormat::Csv];

    pub fn as_str(self) -> &'static str {
        match self {
            GraphFormat::Gexf => "gexf",
            GraphFormat::Graphml => "graphml",
            GraphFormat::Csv => "csv",
        }
    }

    pub fn parse(name: &str) -> Option<GraphFormat> {
        let name = name.trim().to_ascii_lowercase();
        GraphFormat::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// What an export of the network wrote: the files (two for CSV), how many nodes and edges
/// they hold, and the notice when the network was cut to its heaviest nodes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphExport {
    pub paths: Vec<String>,
    pub nodes: usize,
    pub edges: usize,
    pub truncated: Option<String>,
}
