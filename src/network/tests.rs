//! The network's rules on hand-made links: counting once per document and kind, the filters,
//! the focus, the bound with its notice, the shortest path, and sentences.

use super::*;

fn entities(n: i64) -> HashMap<i64, Entity> {
    (1..=n)
        .map(|id| {
            let kind = if id % 5 == 0 {
                EntityKind::Organization
            } else {
                EntityKind::Person
            };
            (
                id,
                Entity {
                    name: format!("E{id}"),
                    kind,
                },
            )
        })
        .collect()
}

fn link(x: i64, y: i64, kind: LinkKind, doc: i64) -> Link {
    Link::between(x, y, kind, doc, (0, 1)).unwrap()
}

#[test]
fn a_kind_of_link_counts_once_per_document_and_kinds_add_up() {
    let links = vec![
        link(1, 2, LinkKind::SameSentence, 10),
        link(2, 1, LinkKind::SameSentence, 10),
        link(1, 2, LinkKind::SameSentence, 11),
        link(1, 2, LinkKind::QuotedTogether, 10),
    ];
    let net = build(&links, &entities(3), &NetworkFilter::default(), None);
    assert_eq!(net.edges.len(), 1);
    let e = &net.edges[0];
    assert_eq!((e.source, e.target, e.weight), (1, 2, 3));
    assert_eq!(e.kinds, [LinkKind::QuotedTogether, LinkKind::SameSentence]);
    assert_eq!(net.nodes.len(), 2);
    assert_eq!((net.nodes[0].weight, net.nodes[0].degree), (3, 1));
    assert!(net.truncated.is_none());
}

#[test]
fn a_link_to_oneself_is_no_link() {
    assert!(Link::between(4, 4, LinkKind::Aka, 1, (0, 1)).is_none());
}

#[test]
fn filters_by_entity_kind_link_kind_documents_and_minimum_weight() {
    let links = vec![
        link(1, 2, LinkKind::SameSentence, 10),
        link(1, 2, LinkKind::SameSentence, 11),
        link(1, 5, LinkKind::Role, 10),
        link(2, 3, LinkKind::CoDefendants, 12),
    ];
    let all = entities(5);
    let people = NetworkFilter {
        entity_kind: Some(EntityKind::Person),
        ..Default::default()
    };
    let pairs = |net: Network| -> Vec<(i64, i64)> {
        net.edges.iter().map(|e| (e.source, e.target)).collect()
    };
    assert_eq!(pairs(build(&links, &all, &people, None)), [(1, 2), (2, 3)]);
    let roles = NetworkFilter {
        link_kinds: vec![LinkKind::Role],
        ..Default::default()
    };
    assert_eq!(pairs(build(&links, &all, &roles, None)), [(1, 5)]);
    let heavy = NetworkFilter {
        min_weight: Some(2),
        ..Default::default()
    };
    assert_eq!(pairs(build(&links, &all, &heavy, None)), [(1, 2)]);
    let docs = HashSet::from([11, 12]);
    let net = build(&links, &all, &NetworkFilter::default(), Some(&docs));
    assert_eq!(pairs(net), [(1, 2), (2, 3)]);
}

#[test]
fn a_focus_keeps_its_neighbours_to_the_depth_asked() {
    // A chain 1 - 2 - 3 - 4 and an island 6 - 7.
    let links = vec![
        link(1, 2, LinkKind::SameSentence, 1),
        link(2, 3, LinkKind::SameSentence, 1),
        link(3, 4, LinkKind::SameSentence, 1),
        link(6, 7, LinkKind::SameSentence, 1),
    ];
    let ids = |depth| -> Vec<i64> {
        let filter = NetworkFilter {
            focus: Some(1),
            depth: Some(depth),
            ..Default::default()
        };
        let mut ids: Vec<i64> = build(&links, &entities(7), &filter, None)
            .nodes
            .iter()
            .map(|n| n.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(1), [1, 2]);
    assert_eq!(ids(2), [1, 2, 3]);
    // Depth is at most two, so a focused view stays small on a big case.
    assert_eq!(ids(9), [1, 2, 3]);
    // An entity without links is shown alone rather than as an empty view.
    let alone = NetworkFilter {
        focus: Some(5),
        ..Default::default()
    };
    let net = build(&links, &entities(7), &alone, None);
    assert_eq!(net.nodes.len(), 1);
    assert_eq!(net.nodes[0].id, 5);
}

#[test]
fn a_big_network_is_cut_to_its_heaviest_nodes_with_a_notice_and_keeps_the_focus() {
    // A star around 1 (weights 1 each) and a heavy pair 2 - 3.
    let mut links: Vec<Link> = (2..=40)
        .map(|i| link(1, i, LinkKind::SameSentence, i))
        .collect();
    for doc in 100..110 {
        links.push(link(2, 3, LinkKind::QuotedTogether, doc));
    }
    let filter = NetworkFilter {
        max_nodes: Some(3),
        ..Default::default()
    };
    let net = build(&links, &entities(40), &filter, None);
    let ids: Vec<i64> = net.nodes.iter().map(|n| n.id).collect();
    assert_eq!(
        ids,
        [1, 2, 3],
        "heaviest first: 1 (39), then 2 and 3 (11 each) by id"
    );
    assert_eq!((net.total_nodes, net.total_edges), (40, 40));
    let notice = net.truncated.expect("a notice when nodes are cut");
    assert!(notice.contains("3 most linked of 40"), "{notice}");
    // Every edge kept joins two nodes kept, and the weights say what is shown.
    assert!(net
        .edges
        .iter()
        .all(|e| ids.contains(&e.source) && ids.contains(&e.target)));
    assert_eq!((net.nodes[0].weight, net.nodes[0].degree), (2, 2));
    assert_eq!(net.nodes[1].weight, 11);

    let focused = NetworkFilter {
        max_nodes: Some(2),
        focus: Some(40),
        ..Default::default()
    };
    let net = build(&links, &entities(40), &focused, None);
    assert!(
        net.nodes.iter().any(|n| n.id == 40),
        "the focus is never cut"
    );
    assert_eq!(net.nodes.len(), 2);
}

#[test]
fn the_shortest_path_takes_the_fewest_links_and_is_empty_between_islands() {
    let links = vec![
        link(1, 2, LinkKind::SameSentence, 1),
        link(2, 3, LinkKind::SameSentence, 1),
        link(3, 4, LinkKind::SameSentence, 1),
        link(1, 9, LinkKind::Role, 2),
        link(9, 4, LinkKind::Role, 2),
        link(6, 7, LinkKind::Aka, 3),
    ];
    let all = entities(9);
    let f = NetworkFilter::default();
    let path = shortest_path(&links, &all, &f, None, 1, 4);
    let ids: Vec<i64> = path.nodes.iter().map(|n| n.id).collect();
    assert_eq!(ids, [1, 9, 4]);
    assert_eq!(path.edges.len(), 2);
    assert!(shortest_path(&links, &all, &f, None, 1, 7).nodes.is_empty());
    // Without the role links, the path goes the long way.
    let sentences = NetworkFilter {
        link_kinds: vec![LinkKind::SameSentence],
        ..Default::default()
    };
    let long = shortest_path(&links, &all, &sentences, None, 1, 4);
    assert_eq!(long.nodes.len(), 4);
}

#[test]
fn same_sentence_pairs_stop_at_a_sentence_end_but_not_at_an_abbreviation() {
    let text = "Mr. Ann Lee met Bob Ray in the U.S. on Monday. Carl Moe was away.\nDan Poe too.";
    let at = |name: &str| {
        let byte = text.find(name).unwrap();
        let start = text[..byte].chars().count();
        (start, start + name.chars().count())
    };
    let mention = |id: i64, name: &str| (id, at(name).0, at(name).1);
    let mentions = vec![
        mention(1, "Ann Lee"),
        mention(2, "Bob Ray"),
        mention(2, "U.S"),
        mention(3, "Carl Moe"),
        mention(4, "Dan Poe"),
    ];
    let pairs: Vec<(i64, i64)> = same_sentence(text, &mentions)
        .iter()
        .map(|p| (p.0, p.1))
        .collect();
    assert_eq!(
        pairs,
        [(1, 2)],
        "one pair, once, and none across '. ' or a line break"
    );
    let spans = same_sentence(text, &mentions);
    assert_eq!((spans[0].2, spans[0].3), (at("Ann Lee").0, at("Bob Ray").1));
}

#[test]
fn same_sentence_reaches_no_further_than_its_bound() {
    let text = format!("Ann Lee {} Bob Ray", "and so on ".repeat(40));
    let b = text.find("Bob").unwrap();
    let mentions = vec![(1, 0, 7), (2, b, b + 7)];
    assert!(same_sentence(&text, &mentions).is_empty());
}

#[test]
fn roles_read_as_spokesperson_or_works_for() {
    assert_eq!(role_label("a spokeswoman for Acme"), "spokesperson of");
    assert_eq!(role_label("the chief executive of Acme"), "works for");
}
