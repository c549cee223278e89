//! The network of people and organisations (issue 22) on the demo case and a filing with two
//! defendants: the kinds of link found, the filters, a focus, the shortest path, and every
//! edge's evidence pointing at a place in a source.

use crate::support::*;
use dossier::model::{EntitySummary, LinkKind, Network, NetworkFilter};
use dossier::Case;

pub(crate) fn demo_and_volkov() -> Sandbox {
    let s = Sandbox::new();
    let (code, report) = s.import(&[
        &repo_path("assets/demo"),
        &repo_path("tests/fixtures/legal/indictment-volkov.txt"),
    ]);
    assert_eq!(code, 0, "{report}");
    s
}

pub(crate) fn id_of(case: &Case, name: &str) -> i64 {
    let people: Vec<EntitySummary> = case.entities().unwrap();
    people
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}"))
        .id
}

fn edge(net: &Network, x: i64, y: i64) -> Option<&dossier::model::NetworkEdge> {
    net.edges
        .iter()
        .find(|e| (e.source, e.target) == (x.min(y), x.max(y)))
}

#[test]
fn the_demo_network_has_co_defendants_quotes_sentences_and_roles_each_with_its_evidence() {
    let s = demo_and_volkov();
    let case = Case::open(&s.case).unwrap();
    let net = case.network(&NetworkFilter::default()).unwrap();
    assert!(net.truncated.is_none());
    assert_eq!(net.total_nodes as usize, net.nodes.len());
    let volkov = id_of(&case, "Andrei Nikolayevich Volkov");
    let quispe = id_of(&case, "Marta Elena Quispe");
    let both = edge(&net, volkov, quispe).expect("the two defendants are linked");
    assert!(both.kinds.contains(&LinkKind::CoDefendants), "{both:?}");
    assert!(net
        .edges
        .iter()
        .any(|e| e.kinds.contains(&LinkKind::QuotedTogether)));
    let role = net
        .edges
        .iter()
        .find(|e| e.kinds.contains(&LinkKind::Role))
        .expect("a role from 'a spokesman for …' or the like");
    assert!(
        matches!(role.role.as_deref(), Some("works for" | "spokesperson of")),
        "{role:?}"
    );

    // Every edge's evidence names a document and a place in its text.
    for e in [both, role] {
        let evidence = case
            .network_evidence(e.source, e.target, &NetworkFilter::default())
            .unwrap();
        assert_eq!(evidence.len() as u32, e.weight, "{e:?}: {evidence:?}");
        for ev in &evidence {
            let text = case.document(ev.doc_id).unwrap().text;
            assert!(
                ev.start < ev.end && ev.end <= text.chars().count(),
                "{ev:?}"
            );
        }
    }
    let filing = case
        .network_evidence(volkov, quispe, &NetworkFilter::default())
        .unwrap();
    let caption = filing
        .iter()
        .find(|ev| ev.kind == LinkKind::CoDefendants)
        .unwrap();
    let text: String = case
        .document(caption.doc_id)
        .unwrap()
        .text
        .chars()
        .skip(caption.start)
        .take(caption.end - caption.start)
        .collect();
    assert_eq!(text, "ANDREI NIKOLAYEVICH VOLKOV", "the caption's name");
}

#[test]
fn filters_focus_and_the_shortest_path_on_the_demo_case() {
    let s = demo_and_volkov();
    let case = Case::open(&s.case).unwrap();
    let all = case.network(&NetworkFilter::default()).unwrap();

    let orgs = case
        .network(&NetworkFilter {
            entity_kind: Some(dossier::entities::EntityKind::Organization),
            ..Default::default()
        })
        .unwrap();
    assert!(orgs
        .nodes
        .iter()
        .all(|n| n.kind == dossier::entities::EntityKind::Organization));
    assert!(orgs.edges.len() < all.edges.len());

    let filings = case
        .network(&NetworkFilter {
            link_kinds: vec![LinkKind::CoDefendants],
            ..Default::default()
        })
        .unwrap();
    assert!(!filings.edges.is_empty());
    assert!(filings
        .edges
        .iter()
        .all(|e| e.kinds == [LinkKind::CoDefendants]));

    // The filing is dated 2019; the news is from 2017.
    let later = case
        .network(&NetworkFilter {
            from: Some("2019".into()),
            ..Default::default()
        })
        .unwrap();
    let volkov = id_of(&case, "Andrei Nikolayevich Volkov");
    assert!(later.nodes.iter().any(|n| n.id == volkov));
    assert!(later.nodes.len() < all.nodes.len());
    assert!(case
        .network(&NetworkFilter {
            from: Some("2030".into()),
            ..Default::default()
        })
        .unwrap()
        .nodes
        .is_empty());
    let bad = case.network(&NetworkFilter {
        from: Some("not a date".into()),
        ..Default::default()
    });
    assert_eq!(bad.unwrap_err().code, dossier::ErrorCode::InvalidInput);

    let heavy = case
        .network(&NetworkFilter {
            min_weight: Some(2),
            ..Default::default()
        })
        .unwrap();
    assert!(heavy.edges.iter().all(|e| e.weight >= 2));

    let focus = id_of(&case, "Leo Taddeo");
    let near = case
        .network(&NetworkFilter {
            focus: Some(focus),
            depth: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert!(near.nodes.iter().any(|n| n.id == focus));
    assert!(near
        .edges
        .iter()
        .all(|e| e.source == focus || e.target == focus || near.nodes.len() > 1));
    let neighbours: Vec<i64> = all
        .edges
        .iter()
        .filter_map(|e| match (e.source == focus, e.target == focus) {
            (true, _) => Some(e.target),
            (_, true) => Some(e.source),
            _ => None,
        })
        .collect();
    assert_eq!(near.nodes.len(), neighbours.len() + 1);
    assert_eq!(
        case.network(&NetworkFilter {
            focus: Some(99_999),
            ..Default::default()
        })
        .unwrap_err()
        .code,
        dossier::ErrorCode::NotFound
    );

    // Volkov's filing and the 2017 news share no one: no path joins them, while two people
    // of the news are joined through the chain of links.
    let taddeo = focus;
    let krebs = id_of(&case, "Brian Krebs");
    let path = case
        .network_path(taddeo, krebs, &NetworkFilter::default())
        .unwrap();
    assert_eq!(path.nodes.first().map(|n| n.id), Some(taddeo));
    assert_eq!(path.nodes.last().map(|n| n.id), Some(krebs));
    assert_eq!(path.edges.len(), path.nodes.len() - 1);
    assert!(case
        .network_path(taddeo, volkov, &NetworkFilter::default())
        .unwrap()
        .nodes
        .is_empty());
}

#[test]
fn two_entities_sharing_a_name_a_filing_gave_as_a_k_a_are_linked() {
    let s = demo_and_volkov();
    let (volkov, levashov) = {
        let case = Case::open(&s.case).unwrap();
        (
            id_of(&case, "Andrei Nikolayevich Volkov"),
            id_of(&case, "Pyotr Levashov"),
        )
    };
    // A source that called Levashov by Volkov's a/k/a, as extraction would record it.
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    conn.execute(
        "INSERT INTO entity_aliases VALUES (?1, 'Andy Wolf', 'andy wolf', 'extracted', 1.0,
         'named so in a source')",
        [levashov],
    )
    .unwrap();
    drop(conn);
    let case = Case::open(&s.case).unwrap();
    let net = case
        .network(&NetworkFilter {
            link_kinds: vec![LinkKind::Aka],
            ..Default::default()
        })
        .unwrap();
    let e = edge(&net, volkov, levashov).expect("an a/k/a link");
    assert_eq!(e.kinds, [LinkKind::Aka]);
    let evidence = case
        .network_evidence(volkov, levashov, &NetworkFilter::default())
        .unwrap();
    assert!(evidence.iter().any(|ev| ev.kind == LinkKind::Aka));
}

#[test]
fn a_tag_on_documents_keeps_only_the_links_found_in_them() {
    let s = demo_and_volkov();
    let case = Case::open(&s.case).unwrap();
    let filing = case
        .documents()
        .unwrap()
        .into_iter()
        .find(|d| d.title.to_lowercase().contains("volkov") || d.title.contains("3:19"))
        .map(|d| d.id);
    let filing = filing.unwrap_or_else(|| {
        let volkov = id_of(&case, "Andrei Nikolayevich Volkov");
        let quispe = id_of(&case, "Marta Elena Quispe");
        case.network_evidence(volkov, quispe, &NetworkFilter::default())
            .unwrap()[0]
            .doc_id
    });
    case.bulk(
        &dossier::model::DocumentSelection::Ids(vec![filing]),
        &dossier::model::BulkAction::Tag("lantern".into()),
        &mut |_| true,
    )
    .unwrap();
    let tagged = case
        .network(&NetworkFilter {
            tag: Some(" Lantern ".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(!tagged.edges.is_empty());
    for e in &tagged.edges {
        let evidence = case
            .network_evidence(
                e.source,
                e.target,
                &NetworkFilter {
                    tag: Some("lantern".into()),
                    ..Default::default()
                },
            )
            .unwrap();
        assert!(
            evidence.iter().all(|ev| ev.doc_id == filing),
            "{evidence:?}"
        );
    }
}
