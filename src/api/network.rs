//! The network of people and organisations on the `Case` (issue 22): the graph under a
//! filter, the shortest chain between two entities, and the sources behind an edge. The
//! links are read from the store each time (nothing is stored, so a review, a merge or a
//! deletion is seen at once) and counted by `network`.

use std::collections::{HashMap, HashSet};

use crate::entities::{affiliation, names::fold_key};
use crate::model::{LinkEvidence, LinkKind, Network, NetworkFilter, NetworkPath};
use crate::network::{self, Link};
use crate::store::network as rows;
use crate::{Case, Error, Result};

/// The most evidence an edge lists: a pair seen in more sources than this shows the first
/// ones by document, and the edge's weight says how many there are.
const MAX_EVIDENCE: usize = 500;

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
        let (a, b) = (a.min(b), a.max(b));
        let mut seen = HashSet::new();
        let mut found: Vec<Link> = links(&self.conn, filter)?
            .into_iter()
            .filter(|l| l.a == a && l.b == b)
            .filter(|l| allowed.as_ref().is_none_or(|docs| docs.contains(&l.doc)))
            .filter(|l| seen.insert((l.doc, l.kind)))
            .collect();
        found.sort_by_key(|l| (l.doc, l.kind));
        found.truncate(MAX_EVIDENCE);
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
                    role: l.role,
                })
            })
            .collect())
    }
}
