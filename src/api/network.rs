//! The network of people and organisations on the `Case` (issue 22): the graph under a
//! filter, the shortest chain between two entities, the sources behind an edge, and the graph
//! written for graph tools (GEXF, GraphML, CSV, rendered by `crate::export::graph`). The
//! links are read from the store each time (nothing is stored, so a review, a merge or a
//! deletion is seen at once) and counted by `network`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::entities::{affiliation, names::fold_key};
use crate::export::file::{self, Existing};
use crate::export::graph;
use crate::model::{
    GraphExport, GraphFormat, LinkEvidence, LinkKind, Network, NetworkEdge, NetworkFilter,
    NetworkPath,
};
use crate::network::{self, Link};
use crate::store::network as rows;
use crate::{Case, Error, Result};

/// The most evidence an edge lists: a pair seen in more sources than this shows the first
/// ones by document, and the edge's weight says how many there are.
const MAX_EVIDENCE: usize = 500;

/// Where a CSV export of the network writes its two tables: a folder gets
/// `network.nodes.csv` and `network.edges.csv` inside it; a file name loses a `.csv` ending
/// and gains `.nodes.csv` and `.edges.csv` (`net.csv` or `net` → `net.nodes.csv`,
/// `net.edges.csv`).
pub fn network_csv_paths(path: &Path) -> (PathBuf, PathBuf) {
    if path.is_dir() {
        return (
            path.join("network.nodes.csv"),
            path.join("network.edges.csv"),
        );
    }
    let stem = match path.extension() {
        Some(ext) if ext.eq_ignore_ascii_case("csv") => path.with_extension(""),
        _ => path.to_path_buf(),
    };
    let with = |ending: &str| {
        let mut name = stem.clone().into_os_string();
        name.push(ending);
        PathBuf::from(name)
    };
    (with(".nodes.csv"), with(".edges.csv"))
}

/// A link of one entity with the first of its sources.
pub(crate) type LinkWithEvidence = (NetworkEdge, Vec<LinkEvidence>);

/// Whether the filter asks for links of `kind`.
fn wants(filter: &NetworkFilter, kind: LinkKind) -> bool {
    filter.link_kinds.is_empty() || filter.link_kinds.contains(&kind)
}

/// Every link of the kinds `filter` asks for.
fn links(conn: &rusqlite::Connection, filter: &NetworkFilter) -> Result<Vec<Link>> {
    let mut out = Vec::new();
    if wants(filter, LinkKind::QuotedTogether) {
        rows::quoted_together(conn, &mut out)?;
    }
    if wants(filter, LinkKind::CoDefendants) {
        rows::co_defendants(conn, &mut out)?;
    }
    if wants(filter, LinkKind::Aka) {
        rows::aka(conn, &mut out)?;
    }
    if wants(filter, LinkKind::Role) {
        let mut organisations: HashMap<String, Option<i64>> = HashMap::new();
        for rows::RoleMention {
            entity,
            doc,
            start,
            end,
            role,
        } in rows::roles(conn)?
        {
            let Some(name) = affiliation(&role) else {
                continue;
            };
            let key = fold_key(&name);
            let org = match organisations.get(&key) {
                Some(&org) => org,
                None => {
                    let org = rows::organisation_by_key(conn, &key)?;
                    organisations.insert(key, org);
                    org
                }
            };
            if let Some(mut link) =
                org.and_then(|org| Link::between(entity, org, LinkKind::Role, doc, (start, end)))
            {
                link.role = Some(role);
                out.push(link);
            }
        }
    }
    if wants(filter, LinkKind::SameSentence) {
        rows::mentions_by_document(conn, &mut |doc, mentions| {
            if !may_share_a_sentence(mentions) {
                return Ok(());
            }
            let text = rows::text(conn, doc)?;
            for (a, b, start, end) in network::same_sentence(&text, mentions) {
                out.extend(Link::between(
                    a,
                    b,
                    LinkKind::SameSentence,
                    doc,
                    (start, end),
                ));
            }
            Ok(())
        })?;
    }
    Ok(out)
}

/// Whether two different entities are mentioned within a sentence's reach, so that reading
/// the document's text is worth it (most documents of a big case name their people far
/// apart or name one).
fn may_share_a_sentence(mentions: &[network::Mention]) -> bool {
    mentions
        .windows(2)
        .any(|w| w[0].0 != w[1].0 && w[1].1 >= w[0].2 && w[1].1 <= w[0].2 + network::SENTENCE_REACH)
}

impl Case {
    /// The network of people and organisations under `filter`: at most `max_nodes` nodes
    /// (the heaviest) and 50,000 edges, with a notice saying what was cut.
    pub fn network(&self, filter: &NetworkFilter) -> Result<Network> {
        let entities = rows::entities(&self.conn)?;
        if let Some(focus) = filter.focus {
            if !entities.contains_key(&focus) {
                return Err(Error::not_found(format!("no entity {focus}")));
            }
        }
        let allowed = rows::allowed_documents(&self.conn, filter)?;
        let links = links(&self.conn, filter)?;
        Ok(network::build(&links, &entities, filter, allowed.as_ref()))
    }

    /// The shortest chain of links from entity `from` to entity `to` under `filter`'s kinds,
    /// tag, dates and minimum weight; empty when none joins them.
    pub fn network_path(&self, from: i64, to: i64, filter: &NetworkFilter) -> Result<NetworkPath> {
        let entities = rows::entities(&self.conn)?;
        for id in [from, to] {
            if !entities.contains_key(&id) {
                return Err(Error::not_found(format!("no entity {id}")));
            }
        }
        let allowed = rows::allowed_documents(&self.conn, filter)?;
        let links = links(&self.conn, filter)?;
        Ok(network::shortest_path(
            &links,
            &entities,
            filter,
            allowed.as_ref(),
            from,
            to,
        ))
    }

    /// The sources behind the edge between entities `a` and `b` under `filter`: each kind of
    /// link once per document, by document then kind, at most 500.
    pub fn network_evidence(
        &self,
        a: i64,
        b: i64,
        filter: &NetworkFilter,
    ) -> Result<Vec<LinkEvidence>> {
        let allowed = rows::allowed_documents(&self.conn, filter)?;
        let links = links(&self.conn, filter)?;
        self.evidence_of(&links, allowed.as_ref(), a, b, MAX_EVIDENCE)
    }

    /// The `limit` heaviest links of entity `id` (heaviest first, then by the other entity's
    /// id), each with at most `per_link` of its sources, for a brief's "Connections of"
    /// section; and how many links it has in all. The links are read once for all of them.
    pub(crate) fn strongest_links(
        &self,
        id: i64,
        limit: usize,
        per_link: usize,
    ) -> Result<(Vec<LinkWithEvidence>, usize)> {
        let entities = rows::entities(&self.conn)?;
        if !entities.contains_key(&id) {
            return Err(Error::not_found(format!("no entity {id}")));
        }
        let filter = NetworkFilter {
            focus: Some(id),
            depth: Some(1),
            max_nodes: Some(network::MAX_NODES as u32),
            ..NetworkFilter::default()
        };
        let links = links(&self.conn, &filter)?;
        let net = network::build(&links, &entities, &filter, None);
        let mut edges: Vec<NetworkEdge> = net
            .edges
            .into_iter()
            .filter(|e| e.source == id || e.target == id)
            .collect();
        let total = edges.len();
        let other = |e: &NetworkEdge| if e.source == id { e.target } else { e.source };
        edges.sort_by(|x, y| y.weight.cmp(&x.weight).then(other(x).cmp(&other(y))));
        edges.truncate(limit);
        let mut out = Vec::with_capacity(edges.len());
        for edge in edges {
            let evidence = self.evidence_of(&links, None, edge.source, edge.target, per_link)?;
            out.push((edge, evidence));
        }
        Ok((out, total))
    }

    /// The sources among `links` behind the edge between `a` and `b`, in the documents
    /// `allowed` (all when None): each kind of link once per document, by document then kind,
    /// at most `most`.
    fn evidence_of(
        &self,
        links: &[Link],
        allowed: Option<&HashSet<i64>>,
        a: i64,
        b: i64,
        most: usize,
    ) -> Result<Vec<LinkEvidence>> {
        let (a, b) = (a.min(b), a.max(b));
        let mut seen = HashSet::new();
        let mut found: Vec<&Link> = links
            .iter()
            .filter(|l| l.a == a && l.b == b)
            .filter(|l| allowed.is_none_or(|docs| docs.contains(&l.doc)))
            .filter(|l| seen.insert((l.doc, l.kind)))
            .collect();
        found.sort_by_key(|l| (l.doc, l.kind));
        found.truncate(most);
        let ids: Vec<i64> = found.iter().map(|l| l.doc).collect();
        let titles = rows::titles(&self.conn, &ids)?;
        Ok(found
            .into_iter()
            .filter_map(|l| {
                let (title, published) = titles.get(&l.doc)?.clone();
                Some(LinkEvidence {
                    kind: l.kind,
                    doc_id: l.doc,
                    doc_title: title,
                    published,
                    start: l.start,
                    end: l.end,
                    role: l.role.clone(),
                })
            })
            .collect())
    }

    /// Writes the network under `filter` to `path` for graph tools, in `format` (CSV as two
    /// files, see `network_csv_paths`), each through a temporary file; records the export in
    /// the audit log. Without `max_nodes` in the filter the export holds the most a network
    /// may (5,000 nodes), not the app's default, since a graph tool is where a big network
    /// is explored.
    pub fn export_network(
        &self,
        filter: &NetworkFilter,
        format: GraphFormat,
        path: &Path,
        existing: Existing,
    ) -> Result<GraphExport> {
        let filter = NetworkFilter {
            max_nodes: filter.max_nodes.or(Some(network::MAX_NODES as u32)),
            ..filter.clone()
        };
        let net = self.network(&filter)?;
        let mentions: HashMap<i64, usize> = self
            .entities()?
            .into_iter()
            .map(|e| (e.id, e.mention_count))
            .collect();
        let files: Vec<(PathBuf, String)> = match format {
            GraphFormat::Gexf => vec![(path.to_path_buf(), graph::gexf(&net, &mentions))],
            GraphFormat::Graphml => vec![(path.to_path_buf(), graph::graphml(&net, &mentions))],
            GraphFormat::Csv => {
                let (nodes, edges) = network_csv_paths(path);
                vec![
                    (nodes, graph::nodes_csv(&net, &mentions)),
                    (edges, graph::edges_csv(&net)),
                ]
            }
        };
        // Both CSV tables are refused before either is written, so a refusal never leaves
        // half an export beside an older other half.
        if existing == Existing::Keep {
            if let Some((there, _)) = files.iter().find(|(p, _)| p.symlink_metadata().is_ok()) {
                return Err(Error::conflict(format!(
                    "{} already exists; nothing was written (use --force to replace it)",
                    there.display()
                )));
            }
        }
        for (target, text) in &files {
            file::write_file(target, text.as_bytes(), existing)?;
        }
        let paths: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        self.log_alone(
            "export.network",
            "case",
            serde_json::json!({
                "format": format.as_str(),
                "nodes": net.nodes.len(),
                "edges": net.edges.len(),
                "filter": filter,
            }),
        )?;
        Ok(GraphExport {
            paths,
            nodes: net.nodes.len(),
            edges: net.edges.len(),
            truncated: net.truncated,
        })
    }
}
