//! What `[@` suggests in the notes editor (`Case::citation_candidates`): an exact match of an
//! entity or an event comes before what the search engine merely ranked high.

use crate::support::*;

/// The demo case, with the sandbox that holds its folder (dropping it removes the folder).
fn demo_case() -> (Sandbox, dossier::Case) {
    let s = Sandbox::new();
    let (code, report) = s.import(&[&repo_path("assets/demo")]);
    assert_eq!(code, 0, "{report}");
    let case = dossier::Case::open(&s.case).unwrap();
    (s, case)
}

#[test]
fn an_event_whose_title_has_the_typed_word_comes_first() {
    let (_s, case) = demo_case();
    let found = case.citation_candidates("[@Spain", 20).unwrap();
    let shown: Vec<String> = found
        .iter()
        .map(|c| format!("{} {}", c.kind, c.label))
        .collect();
    let first = &found[0];
    assert_eq!(first.kind, "event", "{shown:#?}");
    assert!(first.label.contains("Spain"), "{shown:#?}");
    assert!(
        found.iter().any(|c| c.kind == "document"),
        "the documents still follow: {shown:#?}"
    );
}

#[test]
fn a_quote_by_the_person_named_exactly_comes_first() {
    let (_s, case) = demo_case();
    let found = case.citation_candidates("Leo Taddeo", 20).unwrap();
    let shown: Vec<String> = found
        .iter()
        .map(|c| format!("{} {} / {}", c.kind, c.label, c.detail))
        .collect();
    assert_eq!(found[0].kind, "quote", "{shown:#?}");
    assert!(found[0].detail.starts_with("Leo Taddeo"), "{shown:#?}");
    let inserts: Vec<&str> = found.iter().map(|c| c.insert.as_str()).collect();
    let mut unique = inserts.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        inserts.len(),
        "each candidate once: {shown:#?}"
    );
}
