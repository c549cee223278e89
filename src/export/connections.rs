//! A brief's "Connections of NAME" section (issue 22): a person's or organisation's strongest
//! links in the network, each with the other entity, what kind of link it is, how many times it
//! is seen, and the sources behind it as footnotes in the brief's own style, so a reader can
//! check every connection the brief asserts against the words of a source. Pure: the links and
//! their evidence are gathered by `crate::api::exports`.

use std::fmt::Write;

use super::brief::Footnotes;
use super::markdown::escape;
use crate::entities::EntityKind;
use crate::model::{LinkEvidence, LinkKind, NetworkEdge};
use crate::notes::Target;

/// How many links a section lists: the heaviest.
pub(crate) const LINKS_LISTED: usize = 20;
/// How many sources a link cites; a link seen in more says how many more there are.
pub(crate) const SOURCES_PER_LINK: usize = 5;

/// One entity's section: who, how many links they have in all, and the heaviest of them.
pub(crate) struct BriefConnections {
    pub(crate) name: String,
    pub(crate) kind: EntityKind,
    pub(crate) total: usize,
    pub(crate) links: Vec<BriefLink>,
}

/// One link of the section's entity: the other entity, the edge, and its first sources.
pub(crate) struct BriefLink {
    pub(crate) other: String,
    pub(crate) other_kind: EntityKind,
    pub(crate) edge: NetworkEdge,
    pub(crate) evidence: Vec<LinkEvidence>,
}

/// The kind of link in words, as a cell of the table reads after the other entity's name.
fn kind_words(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::QuotedTogether => "quoted in the same source",
        LinkKind::SameSentence => "named in the same sentence",
        LinkKind::CoDefendants => "defendants in the same court filing",
        LinkKind::Aka => "share a name a court filing gives as a/k/a",
        LinkKind::Role => "a role",
    }
}

/// A role link in words, naming who holds the role at which organisation ("Jane Doe works for
/// Acme"), since the table is read from either side.
fn role_words(section: &BriefConnections, link: &BriefLink, label: &str) -> String {
    let (person, organisation) = match (section.kind, link.other_kind) {
        (EntityKind::Organization, EntityKind::Person) => (&link.other, &section.name),
        (EntityKind::Person, EntityKind::Organization) => (&section.name, &link.other),
        // Two organisations or two people: which holds the role is not known from the kinds.
        _ => return format!("role: {label}"),
    };
    let verb = if label == "spokesperson of" {
        "is spokesperson of"
    } else {
        label
    };
    format!("{person} {verb} {organisation}")
}

/// What a citation of one piece of evidence points at: the words that link the two when the
/// evidence has a place, else the document.
fn target_of(evidence: &LinkEvidence) -> Target {
    if evidence.end > evidence.start {
        Target::Span {
            doc: evidence.doc_id,
            start: evidence.start,
            end: evidence.end,
        }
    } else {
        Target::Document(evidence.doc_id)
    }
}

/// Writes the section: a table of the links, heaviest first, each source a footnote.
pub(super) fn connections_section(
    out: &mut String,
    section: &BriefConnections,
    footnotes: &mut Footnotes<'_>,
) {
    let name = escape(&section.name);
    let _ = writeln!(out, "## Connections of {name}\n");
    if section.links.is_empty() {
        let _ = writeln!(
            out,
            "No links of {name} to other people or organisations were found in the sources.\n"
        );
        return;
    }
    let shown = section.links.len();
    let which = if shown < section.total {
        format!("The {shown} strongest of {name}'s {} links", section.total)
    } else if shown == 1 {
        format!("{name}'s one link")
    } else {
        format!("{name}'s {shown} links")
    };
    let _ = writeln!(
        out,
        "{which} to other people and organisations, by how many times each is seen in the \
         sources (each kind of link counted once per document). Each source is a footnote.\n"
    );
    out.push_str("| Linked to | Connection | Times | Sources |\n|---|---|---|---|\n");
    for link in &section.links {
        let kinds: Vec<String> = link
            .edge
            .kinds
            .iter()
            .map(|&k| match (k, &link.edge.role) {
                (LinkKind::Role, Some(label)) => role_words(section, link, label),
                (k, _) => kind_words(k).to_string(),
            })
            .collect();
        let mut sources = String::new();
        for evidence in &link.evidence {
            sources.push_str(&footnotes.reference(&target_of(evidence)));
        }
        let more = (link.edge.weight as usize).saturating_sub(link.evidence.len());
        if more > 0 {
            let _ = write!(sources, " and {more} more");
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape(&link.other),
            escape(&kinds.join("; ")),
            link.edge.weight,
            if sources.is_empty() {
                "—".to_string()
            } else {
                sources
            }
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_reads_from_the_person_to_the_organisation_whichever_side_the_section_is() {
        let check = |section_kind, other_kind, label: &str, expect: &str| {
            let section = BriefConnections {
                name: "Section".into(),
                kind: section_kind,
                total: 1,
                links: Vec::new(),
            };
            let link = BriefLink {
                other: "Other".into(),
                other_kind,
                edge: NetworkEdge {
                    source: 1,
                    target: 2,
                    weight: 1,
                    kinds: vec![LinkKind::Role],
                    role: Some(label.into()),
                },
                evidence: Vec::new(),
            };
            assert_eq!(role_words(&section, &link, label), expect);
        };
        use EntityKind::{Organization as Org, Person};
        check(Person, Org, "works for", "Section works for Other");
        check(Org, Person, "works for", "Other works for Section");
        check(
            Person,
            Org,
            "spokesperson of",
            "Section is spokesperson of Other",
        );
        check(
            Org,
            Person,
            "spokesperson of",
            "Other is spokesperson of Section",
        );
        check(Org, Org, "works for", "role: works for");
    }
}
